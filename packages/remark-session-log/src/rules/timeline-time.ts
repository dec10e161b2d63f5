import {startsAtClockTime} from '../metrics.js'
import {defineRule, quote} from '../rule.js'

/** Elapsed time since the session started: hours (one or two digits), then minutes. */
const elapsed = /^(\d{1,2}):([0-5]\d)$/

export const timelineTime = defineRule({
  id: 'timeline-time',
  description: 'Timeline times are elapsed `HH:MM` and strictly increase',
  why: 'The timeline is read as minutes since the session started: it shows where the time went and bounds the total session time. `H:MM` is accepted too, as is any hour count below 100; minutes run 00 to 59. A time that does not increase is usually a typo or a row out of place. A timeline whose first time is an hour or more (14:00, 14:20, …) was written in clock times: that is reported once, on its first time, instead of as a session shorter than its timeline.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const role = schema.roles.timelineSection
    if (!role) return
    for (const section of entry.sections) {
      if (section.spec?.heading !== role) continue
      // The template's first column holds the time.
      const column = section.spec.table?.columns[0]
      if (!column) continue
      let previous: {text: string; minutes: number} | undefined
      for (const table of section.tables) {
        for (const row of table.rows) {
          const cell = row.cells[0]
          if (!cell) continue
          const match = elapsed.exec(cell.text)
          if (!match) {
            const found = cell.text === '' ? 'is empty' : `is ${quote(cell.text)}`
            report(cell, `"${column}" ${found}; write the time since the start as HH:MM`)
            continue
          }
          const minutes = Number(match[1]) * 60 + Number(match[2])
          if (!previous && startsAtClockTime(minutes)) {
            report(
              cell,
              `"${column}" starts at ${quote(cell.text)}, a clock time; timeline times are elapsed since the session started: write 00:00 for the start and the time since then on each row`,
            )
          }
          if (previous && minutes <= previous.minutes) {
            report(
              cell,
              `"${column}" ${quote(cell.text)} is not after the row before it (${quote(previous.text)}); times strictly increase`,
            )
          }
          previous = {text: cell.text, minutes}
        }
      }
    }
  },
})
