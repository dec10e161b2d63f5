import {extraSection} from '../../src/rules/extra-section.js'
import {describeRule} from '../describe-rule.js'

describeRule(extraSection)
