import type {Rule} from '../rule.js'
import {documentTitle} from './document-title.js'
import {fieldDate} from './field-date.js'
import {requiredField} from './required-field.js'
import {sectionHeading} from './section-heading.js'

/** Every rule, in the order the README documents them. */
export const rules: Rule[] = [documentTitle, requiredField, fieldDate, sectionHeading]
