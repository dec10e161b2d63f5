import {findMetric} from '../metrics.js'
import {findSection, holdsTemplatePlaceholder} from '../model/query.js'
import {metricKind, type MetricProblem} from '../model/values.js'
import {defineRule, quote} from '../rule.js'

/** What to write instead, by the kind of value and what is wrong with it. */
const advice: Record<'count' | 'duration', Record<MetricProblem, string>> = {
  count: {
    empty: 'write a whole number, 0 when there were none',
    negative: 'a count cannot be negative',
    fraction: 'write a whole number',
    none: 'write 0',
    'no-unit': 'write a whole number',
    unreadable: 'write a whole number, such as 0, 12 or 1,240',
  },
  duration: {
    empty: 'write a duration, such as 45m or 1h 30m',
    negative: 'a duration cannot be negative',
    fraction: 'write a duration, such as 45m or 1h 30m',
    none: 'write a duration, such as 45m or 1h 30m',
    'no-unit': 'add a unit, such as 45m or 1h 30m',
    unreadable: 'write a duration, such as 45m, 1h 30m or 1:30',
  },
}

export const metricNumber = defineRule({
  id: 'metric-number',
  description: 'Metric values are whole numbers, or durations for the time rows',
  why: 'The team adds these numbers up across sessions; a value no tool can read ("a lot", "90" without a unit, an empty cell) drops the session from every total. An estimate such as "~120" still reads as a number: metric-estimate warns about it separately, so that teams who accept estimates can turn that warning off without losing this check.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const section = findSection(entry, schema.roles.outputSection)
    for (const name of section?.spec?.table?.fixedRows ?? []) {
      const metric = findMetric(entry, schema, name)
      if (!metric) continue
      const kind = metricKind(schema, name)
      const reading = metric.reading
      if (typeof reading !== 'string') continue
      if (holdsTemplatePlaceholder(metric.value.text, schema)) continue // placeholder rule's
      const label = `"${metric.name.text}"`
      if (reading === 'empty') {
        // An empty cell has no width to point at; its row's name shows where it is.
        report(metric.name, `${label} has no value; ${advice[kind].empty}`)
        continue
      }
      report(metric.value, `${label} is ${quote(metric.value.text)}; ${advice[kind][reading]}`, {
        ...(kind === 'count' && reading === 'none' ? {expected: ['0']} : {}),
      })
    }
  },
})
