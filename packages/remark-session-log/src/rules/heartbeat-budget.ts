import {findMetric, formatMinutes, readMetric} from '../metrics.js'
import {defineRule, quote} from '../rule.js'

export const heartbeatBudget = defineRule({
  id: 'heartbeat-budget',
  description: 'A heartbeat stays within the playbook size: lines changed and hours spent',
  why: 'The playbook sizes a heartbeat so that one person can review it in one sitting: fewer lines than the maxLines option (AI lines kept plus lines written by hand) and between minHours and maxHours long. A session outside that is a sign the task should have been split, or merged with the next one.',
  severity: 'warn',
  fixable: false,
  check(entry, report, {schema, thresholds}) {
    const {linesKept, linesManual, totalTime} = schema.roles
    const kept = findMetric(entry, schema, linesKept)
    const manual = findMetric(entry, schema, linesManual)
    const keptRead = readMetric(entry, schema, linesKept)
    const manualRead = readMetric(entry, schema, linesManual)
    // A count that does not read leaves the total unknown; metric-number reports it.
    if ((kept && !keptRead) || (manual && !manualRead)) return
    const parts = [keptRead, manualRead].filter((part) => part !== undefined)
    const lines = parts.reduce((sum, part) => sum + part.amount, 0)
    const [first] = parts
    if (first && lines >= thresholds.maxLines) {
      const values = parts.map((part) => `"${part.name.text}" is ${quote(part.value.text)}`)
      report(
        first.value,
        `${values.join(' and ')}: ${lines} lines, where a heartbeat changes fewer than ${thresholds.maxLines}; split the task`,
      )
    }

    const total = readMetric(entry, schema, totalTime)
    if (!total) return
    const [min, max] = [thresholds.minHours * 60, thresholds.maxHours * 60]
    if (total.amount >= min && total.amount <= max) return
    const side = total.amount < min ? 'shorter' : 'longer'
    const minutes = formatMinutes(total.amount)
    const value =
      minutes === total.value.text ? quote(minutes) : `${quote(total.value.text)} (${minutes})`
    report(
      total.value,
      `"${total.name.text}" is ${value}, ${side} than a heartbeat of ${thresholds.minHours} to ${thresholds.maxHours} hours; size the task to fit`,
    )
  },
})
