import {requiredField} from '../../src/rules/required-field.js'
import {describeRule} from '../describe-rule.js'

describeRule(requiredField)
