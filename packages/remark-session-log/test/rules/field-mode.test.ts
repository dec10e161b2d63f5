import {expect, it} from 'vitest'
import {fieldMode} from '../../src/rules/field-mode.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(fieldMode)

const withMode = (mode: string) => edit(oneEntry, ['B (Heartbeat 2 of 3)', mode])

it('accepts A and B (Heartbeat k of N) in any case and spacing', () => {
  for (const mode of [
    'A',
    'a',
    'B (Heartbeat 1 of 1)',
    'b (heartbeat 2 of 3)',
    'B(Heartbeat 3 of 3)',
    'B ( HEARTBEAT 2 of 12 )',
  ]) {
    expect(findingsOf('field-mode', withMode(mode)), mode).toEqual([])
  }
})

it('reports the value when the count is impossible or the form unknown', () => {
  const cases: Array<[string, string]> = [
    ['B (Heartbeat 4 of 3)', 'k cannot exceed N'],
    ['B (Heartbeat 0 of 3)', 'count heartbeats from 1'],
    ['B (Heartbeat 2 of 0)', 'count heartbeats from 1'],
    ['B', 'write "A" or "B (Heartbeat k of N)"'],
    ['B (Heartbeat 2/3)', 'write "A" or "B (Heartbeat k of N)"'],
    ['A (Heartbeat 1 of 1)', 'write "A" or "B (Heartbeat k of N)"'],
    ['B (Heartbeat 1.5 of 3)', 'write "A" or "B (Heartbeat k of N)"'],
  ]
  for (const [mode, want] of cases) {
    const text = withMode(mode)
    const [finding, ...rest] = findingsOf('field-mode', text)
    expect(rest, mode).toEqual([])
    expect(covered(text, finding!), mode).toBe(mode)
    expect(finding!.message, mode).toContain(want)
  }
})

it('leaves the untouched placeholder and an empty value to other rules', () => {
  expect(findingsOf('field-mode', withMode('A / B (Heartbeat # of N)'))).toEqual([])
  expect(
    findingsOf('field-mode', edit(oneEntry, ['**Mode:** B (Heartbeat 2 of 3)', '**Mode:**'])),
  ).toEqual([])
})
