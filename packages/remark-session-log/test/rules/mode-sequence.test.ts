import {expect, it} from 'vitest'
import {modeSequence} from '../../src/rules/mode-sequence.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(modeSequence)

const separator = '---\n\n'
const body = oneEntry.slice(oneEntry.indexOf('## Session:'), oneEntry.lastIndexOf(separator))
const header = oneEntry.slice(0, oneEntry.indexOf('## Session:'))
const footer = oneEntry.slice(oneEntry.lastIndexOf(separator))

/** A log of one entry per `[feature, mode]`, newest first as given. */
const log = (...entries: Array<[string, string]>) =>
  header +
  entries
    .map(([feature, mode]) =>
      edit(
        body,
        ['**Feature:** Refunds', `**Feature:** ${feature}`],
        ['**Mode:** B (Heartbeat 2 of 3)', `**Mode:** ${mode}`],
      ),
    )
    .join(separator) +
  footer

it('accepts a complete sequence and other features numbered apart', () => {
  const text = log(
    ['Refunds', 'B (Heartbeat 3 of 3)'],
    ['Invoices', 'B (Heartbeat 1 of 2)'],
    ['Refunds', 'B (Heartbeat 2 of 3)'],
    ['Refunds', 'A'],
    ['Refunds', 'B (Heartbeat 1 of 3)'],
  )
  expect(findingsOf('mode-sequence', text)).toEqual([])
})

it('compares modes however they are spelled', () => {
  const text = log(['refunds', 'B (2/4)'], ['Refunds', '**B** — heartbeat 1 of 3'])
  const [finding] = findingsOf('mode-sequence', text)
  expect(covered(text, finding!)).toBe('B (2/4)')
})

it('follows the total most entries agree on', () => {
  const text = log(
    ['Refunds', 'B (Heartbeat 3 of 3)'],
    ['Refunds', 'B (Heartbeat 2 of 3)'],
    ['Refunds', 'B (Heartbeat 1 of 4)'],
  )
  const [finding, ...rest] = findingsOf('mode-sequence', text)
  expect(rest).toEqual([])
  expect(finding?.message).toBe(
    'Mode "B (Heartbeat 1 of 4)" counts 4 heartbeats, but the other entries of "Refunds" count 3; number them all out of 3',
  )
})

it('reports the newer of two entries with the same heartbeat number', () => {
  const text = log(['Refunds', 'B (Heartbeat 2 of 3)'], ['Refunds', 'B (Heartbeat 2 of 3)'])
  const [finding, ...rest] = findingsOf('mode-sequence', text)
  expect(rest).toEqual([])
  expect(finding?.start.line).toBe(18)
  expect(finding?.message).toContain('repeats heartbeat 2 of "Refunds"')
})
