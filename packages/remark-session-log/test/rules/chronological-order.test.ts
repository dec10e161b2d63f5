import fc from 'fast-check'
import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {buildModel} from '../../src/model/model.js'
import {findField} from '../../src/model/query.js'
import {chronologicalOrder} from '../../src/rules/chronological-order.js'
import {loadTemplate} from '../../src/template/load.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(chronologicalOrder)

const schema = loadTemplate()
const start = oneEntry.indexOf('## Session:')
const end = oneEntry.indexOf('---\n\n*(Copy')
const header = oneEntry.slice(0, start)
const footer = oneEntry.slice(end + '---\n\n'.length)
/** The one entry's body, without its `---`. */
const body = oneEntry.slice(start, end)

function entry(name: string, date: string): string {
  return edit(body, ['Refund webhook handler', name], ['2026-04-02', date])
}

/** A log of the entries in the order given; the last one may lack its `---`. */
function log(entries: Array<[string, string]>, lastClosed = true): string {
  const blocks = entries.map(([name, date]) => `${entry(name, date)}---\n\n`)
  if (!lastClosed && blocks.length > 0) blocks[blocks.length - 1] = entry(...entries.at(-1)!)
  return header + blocks.join('') + footer
}

function entriesOf(text: string): Array<[string, string]> {
  return buildModel(text.replace(/^\uFEFF/, ''), schema).entries.map((found) => [
    found.heading.name?.text ?? '',
    findField(found, 'Date')?.value.text ?? '',
  ])
}

it('reports the first entry out of place and where it belongs', () => {
  const text = log([
    ['Refund emails', '2026-03-10'],
    ['Refund ledger', '2026-03-08'],
    ['Refund webhooks', '2026-03-12'],
  ])
  const [finding, ...rest] = findingsOf('chronological-order', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe('## Session: Refund webhooks')
  expect(finding!.message).toBe(
    'Entry "Refund webhooks" (2026-03-12) belongs before "Refund emails" (2026-03-10) on line 11; entries are newest first',
  )
  // One entry moves: its bytes deleted at the bottom and inserted at the top.
  expect(finding!.edits).toHaveLength(2)
  expect(entriesOf(fix(text, {today: fixtureToday}).output).map(([name]) => name)).toEqual([
    'Refund webhooks',
    'Refund emails',
    'Refund ledger',
  ])
})

it('keeps entries of one date in the order they were written', () => {
  const text = log([
    ['Morning', '2026-03-08'],
    ['Afternoon', '2026-03-08'],
    ['Next day', '2026-03-09'],
    ['Evening', '2026-03-08'],
  ])
  const {output} = fix(text, {today: fixtureToday})
  expect(entriesOf(output).map(([name]) => name)).toEqual([
    'Next day',
    'Morning',
    'Afternoon',
    'Evening',
  ])
})

it('leaves entries without a valid date where they are, and does not report them', () => {
  const text = log([
    ['Spike', 'TBD'],
    ['Refund ledger', '2026-03-08'],
    ['Leap day', '2026-02-30'],
    ['Refund emails', '2026-03-01'],
  ])
  expect(findingsOf('chronological-order', text)).toEqual([])
})

const dates = fc.constantFrom('2026-01-05', '2026-01-12', '2026-02-01', '2026-02-01', 'TBD')

it('puts any order newest first, moving whole entries and losing no byte', () => {
  fc.assert(
    fc.property(
      fc.array(dates, {minLength: 1, maxLength: 6}),
      fc.boolean(),
      fc.boolean(),
      (picked, lastClosed, crlf) => {
        const entries = picked.map((date, index): [string, string] => [`Task ${index}`, date])
        let text = log(entries, lastClosed)
        if (crlf) text = text.replaceAll('\n', '\r\n')
        const {output} = fix(text, {today: fixtureToday})
        const after = entriesOf(output)
        // Dated entries newest first; one date keeps the written order.
        const dated = after.filter(([, date]) => date !== 'TBD')
        const expected = entries
          .filter(([, date]) => date !== 'TBD')
          .sort((a, b) => b[1].localeCompare(a[1]))
        expect(dated).toEqual(expected)
        expect([...after].sort()).toEqual([...entries].sort())
        // Each entry's text arrives whole; only `---` lines may be added.
        for (const [name, date] of entries) {
          const written = entry(name, date).trimEnd()
          expect(output).toContain(crlf ? written.replaceAll('\n', '\r\n') : written)
        }
        const eol = crlf ? '\r\n' : '\n'
        const added = lastClosed ? 0 : `---${eol}${eol}`.length
        expect(output.length - text.length).toBeLessThanOrEqual(added + 2 * eol.length)
        expect(findingsOf('chronological-order', output)).toEqual([])
        expect(findingsOf('entry-separator', output)).toEqual([])
        expect(fix(output, {today: fixtureToday}).output).toBe(output)
      },
    ),
    {numRuns: 20},
  )
}, 120_000)
