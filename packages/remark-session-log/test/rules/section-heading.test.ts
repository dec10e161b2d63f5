import {sectionHeading} from '../../src/rules/section-heading.js'
import {describeRule} from '../describe-rule.js'

describeRule(sectionHeading)
