import {isCalendarDate, isoDate} from '../model/answers.js'
import {defineRule, quote} from '../rule.js'

export const fieldDate = defineRule({
  id: 'field-date',
  description: 'Date fields hold a real calendar date, YYYY-MM-DD, not in the future',
  why: 'Entries are ordered and compared by date; a date that does not exist or lies in the future breaks both.',
  severity: 'error',
  fixable: false,
  check(entry, report, {today}) {
    for (const field of entry.fields) {
      if (field.spec?.kind !== 'date' || !field.value.text) continue
      const value = field.value.text
      if (field.spec.placeholder === value) continue // the placeholder rule reports it
      if (!isoDate.test(value)) {
        report(field.value, `"${field.name.text}" is ${quote(value)}; write the date as YYYY-MM-DD`)
      } else if (!isCalendarDate(value)) {
        report(
          field.value,
          `"${field.name.text}" is ${quote(value)}, which is not a day of the calendar`,
        )
      } else if (value > today) {
        report(field.value, `"${field.name.text}" is ${quote(value)}, after today (${today})`)
      }
    }
  },
})
