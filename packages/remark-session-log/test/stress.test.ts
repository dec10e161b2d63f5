// The stress corpus through the plugin's own functions: each case gets findings or a
// clear error, never an exception, within a bound that catches a hang (not a speed test:
// the slowest case takes a few seconds on a busy machine).
import {afterAll, describe, expect, it} from 'vitest'
import {stressCases} from '../../../test/stress/corpus.js'
import {fix} from '../src/fix/fix.js'
import {lint} from '../src/lint.js'
import {fixtureToday} from './fixtures.js'

const boundMs = 60_000
const options = {today: fixtureToday}
const timings: Array<{name: string; ms: number}> = []

function timed<T>(name: string, work: () => T): T {
  const start = performance.now()
  const result = work()
  const ms = performance.now() - start
  timings.push({name, ms})
  expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(boundMs)
  return result
}

// Cases whose findings say what is wrong with them.
const expected: Record<string, string[]> = {
  'stars-field-100000.md': ['field-date'],
  'stars-metric-100000.md': ['metric-number'],
  'empty.md': ['document-title'],
  'only-rule.md': ['not-a-session-log'],
  'paragraph-2mb.md': [],
  'Sitzung März – 2026 ✓.md': [],
}

afterAll(() => {
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3)
  console.log(
    `slowest stress cases: ${slowest.map(({name, ms}) => `${name} ${Math.round(ms)} ms`).join(', ')}`,
  )
})

describe('stress corpus through lint and fix', () => {
  for (const stress of stressCases()) {
    if (stress.text === undefined) continue
    const text = stress.text

    it(`${stress.name}: findings in bounded time`, () => {
      const findings = timed(`lint ${stress.name}`, () => lint(text, options))
      for (const finding of findings) {
        expect(finding.start.offset).toBeLessThanOrEqual(finding.end.offset)
        expect(finding.end.offset).toBeLessThanOrEqual(text.length)
        expect(finding.message).not.toBe('')
      }
      const want = expected[stress.name]
      if (want?.length === 0) expect(findings).toEqual([])
      const ids = findings.map((finding) => finding.ruleId)
      for (const id of want ?? []) expect(ids).toContain(id)
    })

    it(`${stress.name}: fixes in bounded time, or says why not`, () => {
      const fixed = timed(`fix ${stress.name}`, () => fix(text, options))
      // Fixing a log that needed no fix returns it unchanged, byte for byte.
      if (fixed.applied.length === 0) expect(fixed.output).toBe(text)
    })
  }
})
