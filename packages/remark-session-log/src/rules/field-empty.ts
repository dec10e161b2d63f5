import {isBlank} from '../model/query.js'
import {defineRule, quote} from '../rule.js'

export const fieldEmpty = defineRule({
  id: 'field-empty',
  description: 'Every field of the template that an entry has holds a value',
  why: 'A field left empty after its label looks filled in at a glance, yet the entry cannot be attributed, ordered or counted by it.',
  severity: 'error',
  fixable: false,
  check(entry, report) {
    for (const field of entry.fields) {
      if (!field.spec || field.spec.optional || !isBlank(field.value.text)) continue
      const name = `"${field.name.text}"`
      const found = field.value.text ? `holds only ${quote(field.value.text)}` : 'is empty'
      const hint = field.spec.placeholder
        ? ` (the template asks for ${field.spec.placeholder})`
        : ''
      report(field, `Field ${name} ${found}; fill in its value${hint}`)
    }
  },
})
