import {fieldDate} from '../../src/rules/field-date.js'
import {describeRule} from '../describe-rule.js'

describeRule(fieldDate)
