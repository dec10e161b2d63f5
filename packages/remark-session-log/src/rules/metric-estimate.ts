import {findMetric} from '../metrics.js'
import {findSection} from '../model/query.js'
import {metricKind} from '../model/values.js'
import {defineRule, quote} from '../rule.js'

export const metricEstimate = defineRule({
  id: 'metric-estimate',
  description: 'Counts in the metrics table are counted, not estimated ("~120")',
  why: 'Line counts are cheap to take from the diff, and totals across sessions are only as good as their parts. An estimate is still read as a number, so this is a warning of its own that teams who accept estimates can turn off; the time rows are estimates by nature and are not checked.',
  severity: 'warn',
  fixable: false,
  check(entry, report, {schema}) {
    const section = findSection(entry, schema.roles.outputSection)
    for (const name of section?.spec?.table?.fixedRows ?? []) {
      if (metricKind(schema, name) !== 'count') continue
      const metric = findMetric(entry, schema, name)
      if (!metric) continue
      const reading = metric.reading
      if (typeof reading === 'string' || !reading.estimate) continue
      report(
        metric.value,
        `"${metric.name.text}" is ${quote(metric.value.text)}, an estimate; write the counted number`,
      )
    }
  },
})
