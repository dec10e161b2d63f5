import {documentTitle} from '../../src/rules/document-title.js'
import {describeRule} from '../describe-rule.js'

describeRule(documentTitle)
