import {expect, it} from 'vitest'
import {duplicateEntry} from '../../src/rules/duplicate-entry.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(duplicateEntry)

const start = oneEntry.indexOf('## Session:')
const end = oneEntry.indexOf('*(Copy')
const entry = oneEntry.slice(start, end)
const twice = (second: string) => oneEntry.slice(0, end) + second + oneEntry.slice(end)

it('reports the later entry and names the line of the first', () => {
  const text = twice(entry)
  const [finding, ...rest] = findingsOf('duplicate-entry', text)
  expect(rest).toEqual([])
  expect(finding!.start.line).toBeGreaterThan(11)
  expect(covered(text, finding!)).toBe('## Session: Refund webhook handler')
  expect(finding!.message).toBe(
    'Entry "Refund webhook handler" (2026-04-02) repeats the entry on line 11; log each session once',
  )
})

it('matches names whatever their case and closing punctuation', () => {
  const shouted = edit(entry, ['Refund webhook handler', 'REFUND WEBHOOK HANDLER.'])
  expect(findingsOf('duplicate-entry', twice(shouted))).toHaveLength(1)
})

it('tells apart entries of another day, another task, or another heartbeat of the task', () => {
  for (const change of [
    ['2026-04-02', '2026-04-01'],
    ['Refund webhook handler', 'Refund ledger'],
    ['B (Heartbeat 2 of 3)', 'B (Heartbeat 3 of 3)'],
  ] as Array<[string, string]>) {
    expect(findingsOf('duplicate-entry', twice(edit(entry, change))), change[1]).toEqual([])
  }
})
