import {findField, isPlaceholder, nameKey} from '../model/query.js'
import type {Entry} from '../model/types.js'
import {defineRule, quote} from '../rule.js'

export const duplicateEntry = defineRule({
  id: 'duplicate-entry',
  description: 'No two entries share a task name and a date',
  why: 'The same session logged twice, usually from a merge or a copy that was never edited, counts its lines, time and hallucinations twice in every report. Heartbeats of one task on one day stay apart when their modes differ (`Heartbeat 1 of 2`, `2 of 2`).',
  severity: 'error',
  fixable: false,
  checkDocument(log, report, {schema}) {
    const {dateField, modeField} = schema.roles
    if (!dateField) return
    const seen = new Map<string, Entry>()
    for (const entry of log.entries) {
      const name = entry.heading.name?.text ?? ''
      const date = findField(entry, dateField)?.value.text ?? ''
      if (!name || !date || isPlaceholder(name, schema) || isPlaceholder(date, schema)) continue
      // One entry per heartbeat: the mode tells heartbeats of one task apart.
      const mode = findField(entry, modeField)?.value.text ?? ''
      const key = [nameKey(name), date, mode.replace(/\s+/g, '').toLowerCase()].join('\n')
      const first = seen.get(key)
      if (!first) {
        seen.set(key, entry)
        continue
      }
      report(
        entry.heading,
        `Entry ${quote(name)} (${date}) repeats the entry on line ${first.start.line}; log each session once`,
      )
    }
  },
})
