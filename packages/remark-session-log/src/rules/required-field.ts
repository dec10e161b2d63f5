import {defineRule} from '../rule.js'
import {normalizeName} from '../text.js'

export const requiredField = defineRule({
  id: 'required-field',
  description: 'Every entry has each field of the template',
  why: "Every field feeds the team's review: without a date, engineer or mode an entry cannot be ordered, attributed or counted.",
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const present = new Set(entry.fields.map((field) => normalizeName(field.name.text)))
    const missing = schema.fields.filter((spec) => !present.has(normalizeName(spec.name)))
    for (const spec of missing) {
      report(entry.heading, `Entry is missing the field "**${spec.name}:**"`)
    }
  },
})
