import {readModeB} from '../model/answers.js'
import {findField, isPlaceholder, nameKey} from '../model/query.js'
import type {Entry, Field} from '../model/types.js'
import {defineRule, quote} from '../rule.js'

interface Step {
  entry: Entry
  mode: Field
  k: number
  n: number
}

export const modeSequence = defineRule({
  id: 'mode-sequence',
  description: 'Mode B entries of one feature share one N and do not repeat a heartbeat number',
  why: 'A feature built in several heartbeats is numbered "Heartbeat 1 of N" to "N of N". Two different totals, or the same heartbeat logged twice, mean the plan changed without the log saying so, or an entry carries the wrong number.',
  severity: 'warn',
  fixable: false,
  checkDocument(log, report, {schema}) {
    const features = new Map<string, Step[]>()
    // Entries are newest first; walk them oldest first so the first heartbeat leads.
    for (const entry of [...log.entries].reverse()) {
      const feature = findField(entry, schema.roles.featureField)?.value.text ?? ''
      const mode = findField(entry, schema.roles.modeField)
      const step = mode && readModeB(mode.value.text)
      if (!mode || !step || feature === '' || isPlaceholder(feature, schema)) continue
      const key = nameKey(feature)
      features.set(key, [...(features.get(key) ?? []), {entry, mode, ...step}])
    }
    for (const steps of features.values()) {
      const n = commonTotal(steps)
      const seen = new Map<number, Step>()
      for (const step of steps) {
        const feature = findField(step.entry, schema.roles.featureField)?.value.text ?? ''
        const mode = `Mode ${quote(step.mode.value.text)}`
        if (step.n !== n) {
          report(
            step.mode.value,
            `${mode} counts ${step.n} heartbeats, but the other entries of ${quote(feature)} count ${n}; number them all out of ${n}`,
          )
          continue
        }
        const earlier = seen.get(step.k)
        if (earlier) {
          const where = earlier.entry.heading.name?.text ?? earlier.entry.heading.content.text
          report(
            step.mode.value,
            `${mode} repeats heartbeat ${step.k} of ${quote(feature)}, already logged as ${quote(where)} (line ${earlier.entry.start.line}); give each heartbeat its own number`,
          )
          continue
        }
        seen.set(step.k, step)
      }
    }
  },
})

/** The N most entries agree on; on a tie, the N of the earliest of them. */
function commonTotal(steps: Step[]): number {
  const counts = new Map<number, number>()
  for (const step of steps) counts.set(step.n, (counts.get(step.n) ?? 0) + 1)
  let best = steps[0]?.n ?? 0
  for (const step of steps) {
    if ((counts.get(step.n) ?? 0) > (counts.get(best) ?? 0)) best = step.n
  }
  return best
}
