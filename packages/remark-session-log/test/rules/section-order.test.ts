import fc from 'fast-check'
import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {sectionOrder} from '../../src/rules/section-order.js'
import {loadTemplate} from '../../src/template/load.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {findingsOf, oneEntry} from '../session-text.js'

describeRule(sectionOrder)

const schema = loadTemplate()
const headings = schema.sections.map(({heading}) => `### ${heading}`)

const start = oneEntry.indexOf('### ')
const end = oneEntry.lastIndexOf('\n---\n')
/** The entry's sections as written, each from its heading to its last line. */
const sections = oneEntry
  .slice(start, end)
  .trimEnd()
  .split(/\n\n(?=### )/)

/** The one-entry log with its sections in the given order, plus an optional unknown one. */
function arranged(order: string[], extra?: {at: number; text: string}): string {
  const parts = [...order]
  if (extra) parts.splice(extra.at % (parts.length + 1), 0, extra.text)
  return oneEntry.slice(0, start) + parts.join('\n\n') + '\n' + oneEntry.slice(end)
}

it('reports the first section out of place on its heading and says where it belongs', () => {
  const swapped = arranged([...sections.slice(0, 4), sections[5]!, sections[4]!, sections[6]!])
  const [finding, ...rest] = findingsOf('section-order', swapped)
  expect(rest).toEqual([])
  expect(swapped.slice(finding!.start.offset, finding!.end.offset)).toBe('### Review Findings')
  expect(finding!.message).toBe(
    'Section "### Review Findings" is out of order; it belongs after "### Kill Switch"',
  )
})

it('moves sections into template order, carrying every byte, for any shuffle', () => {
  const notes = '### Notes\n\nPaired with <Ana> for the last *ten* minutes.'
  fc.assert(
    fc.property(
      fc.shuffledSubarray(sections, {minLength: sections.length}),
      fc.option(fc.nat(), {nil: undefined}),
      fc.boolean(),
      (order, notesAt, crlf) => {
        const extra = notesAt === undefined ? undefined : {at: notesAt, text: notes}
        let text = arranged(order, extra)
        if (crlf) text = text.replaceAll('\n', '\r\n')
        const {output} = fix(text, {today: fixtureToday})
        const lines = output.split(/\r?\n/)
        expect(lines.filter((line) => headings.includes(line))).toEqual(headings)
        for (const section of [...sections, ...(extra ? [notes] : [])]) {
          expect(output).toContain(crlf ? section.replaceAll('\n', '\r\n') : section)
        }
        expect(output.length).toBe(text.length)
        expect(findingsOf('section-order', output)).toEqual([])
      },
    ),
    {numRuns: 25},
  )
})

it('moves only the sections out of place', () => {
  const text = arranged([sections[6]!, ...sections.slice(0, 6)])
  const [finding] = findingsOf('section-order', text)
  const removed = finding!.edits!.filter((edit) => edit.text === '')
  expect(removed).toHaveLength(1)
  expect(text.slice(removed[0]!.start, removed[0]!.end)).toBe(`${sections[6]}\n\n`)
})

it('lets a repeated section stand next to its twin', () => {
  const twice = arranged([...sections.slice(0, 2), sections[1]!, ...sections.slice(2)])
  expect(findingsOf('section-order', twice)).toEqual([])
})

it('keeps a tight `---` a separator when a paragraph becomes the last section', () => {
  const text = arranged([
    ...sections.slice(0, 3),
    sections[4]!,
    sections[5]!,
    sections[6]!,
    sections[3]!,
  ])
  const tight = text.replace('N/A\n\n---', 'N/A\n---')
  const {output} = fix(tight, {today: fixtureToday})
  expect(output).toContain('Say "amounts are integers in cents" up front.\n\n---\n')
  expect(findingsOf('section-order', output)).toEqual([])
})
