import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {entrySeparator} from '../../src/rules/entry-separator.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(entrySeparator)

const start = oneEntry.indexOf('## Session:')
const end = oneEntry.indexOf('---\n\n*(Copy')
const header = oneEntry.slice(0, start)
const footer = oneEntry.slice(end)
const older = edit(
  oneEntry.slice(start, end),
  ['2026-04-02', '2026-03-30'],
  ['Refund webhook handler', 'Refund API'],
)

it('puts the missing "---" between two entries, with a blank line on each side', () => {
  const newer = oneEntry.slice(start, end)
  const joined = `${header}${newer.trimEnd()}\n${older}${footer}`
  const [finding] = findingsOf('entry-separator', joined)
  expect(covered(joined, finding!)).toBe('## Session: Refund API')
  expect(finding!.message).toBe(
    'Entry "Refund webhook handler" is not closed by "---" before the next entry "Refund API"',
  )
  // Right under the takeaway paragraph, a bare `---` would make that paragraph a heading.
  expect(fix(joined, {today: fixtureToday}).output).toBe(
    `${header}${newer}---\n\n${older}${footer}`,
  )
})

it('closes the last entry before the footer, keeping CRLF', () => {
  const crlf = edit(oneEntry, ['---\n\n*(Copy', '*(Copy']).replaceAll('\n', '\r\n')
  const [finding] = findingsOf('entry-separator', crlf)
  expect(covered(crlf, finding!)).toMatch(/^\*\(Copy/)
  expect(fix(crlf, {today: fixtureToday}).output).toBe(oneEntry.replaceAll('\n', '\r\n'))
})

it('closes the header before the first entry', () => {
  const text = edit(oneEntry, ["doesn't.\n\n---\n\n", "doesn't.\n\n"])
  expect(findingsOf('entry-separator', text)).toHaveLength(1)
  expect(fix(text, {today: fixtureToday}).output).toBe(oneEntry)
})

it('leaves the last entry alone when the file has no footer: the footer rule adds one first', () => {
  expect(findingsOf('entry-separator', oneEntry.slice(0, end))).toEqual([])
})
