import {expect, it} from 'vitest'
import {takeaway} from '../../src/rules/takeaway.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(takeaway)

const line = '**One-line takeaway:** Say "amounts are integers in cents" up front.'

it.each([
  '"AI is great at BullMQ boilerplate but can\'t handle our custom retry logic"',
  'Ändere nie Geldbeträge als Gleitkommazahlen — 金額は整数で。',
  '*Paste the schema first.*',
])('accepts the takeaway %j', (text) => {
  expect(findingsOf('takeaway', edit(oneEntry, [line, `**One-line takeaway:** ${text}`]))).toEqual(
    [],
  )
})

it.each(['N/A', '-', 'TBD', '[lesson]'])('reports %j on exactly the answer', (text) => {
  const log = edit(oneEntry, [line, `**One-line takeaway:** ${text}`])
  const [finding] = findingsOf('takeaway', log)
  expect(covered(log, finding!)).toBe(text)
})

it("leaves the template's example to the placeholder rule", () => {
  const log = edit(oneEntry, [line, '**One-line takeaway:** [e.g., "AI is great at BullMQ"]'])
  expect(findingsOf('takeaway', log)).toEqual([])
  expect(findingsOf('placeholder', log)).toHaveLength(1)
})

it('reports a takeaway with no answer on its label', () => {
  const log = edit(oneEntry, [line, '**One-line takeaway:**'])
  const [finding] = findingsOf('takeaway', log)
  expect(covered(log, finding!)).toBe('One-line takeaway:')
})

it('reports a missing takeaway on the learnings heading', () => {
  const log = edit(oneEntry, [line, ''])
  const [finding] = findingsOf('takeaway', log)
  expect(covered(log, finding!)).toBe('### Learnings')
  expect(finding!.message).toBe(
    'The learnings have no "**One-line takeaway:**"; add it on one line',
  )
})

it('reports a takeaway that wraps onto a second line, with CRLF', () => {
  const log = edit(oneEntry, [line, `${line}\nAnd check rounding too.`]).replace(/\n/g, '\r\n')
  const [finding] = findingsOf('takeaway', log)
  expect(finding?.message).toBe(
    '"One-line takeaway:" runs over more than one line; keep it to one line',
  )
  expect(finding?.end.line).toBe(finding!.start.line + 1)
})
