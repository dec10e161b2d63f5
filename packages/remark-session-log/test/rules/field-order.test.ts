import fc from 'fast-check'
import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {fieldOrder} from '../../src/rules/field-order.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {covered, findingsOf, oneEntry} from '../session-text.js'

describeRule(fieldOrder)

const first = oneEntry.indexOf('**Date:**')
const last = oneEntry.indexOf('\n\n### Inputs')
const fields = oneEntry.slice(first, last).split('\n')

/** The one-entry log with its field lines in another order, each line ended by `breaks`. */
function arranged(order: number[], breaks: '' | '  ' | '\\'): string {
  const lines = order.map((at, index) => fields[at]! + (index < order.length - 1 ? breaks : ''))
  return oneEntry.slice(0, first) + lines.join('\n') + oneEntry.slice(last)
}

it('reports the first field out of place and where the template puts it', () => {
  const text = arranged([1, 2, 3, 4, 5, 0], '')
  const [finding, ...rest] = findingsOf('field-order', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe('**Date:** 2026-04-02')
  expect(finding!.message).toBe(
    'Field "Date" is out of order; the template puts it before "Engineer"',
  )
})

it('moves the fewest lines, keeping hard breaks valid at the end of the paragraph', () => {
  fc.assert(
    fc.property(
      fc.shuffledSubarray([0, 1, 2, 3, 4, 5], {minLength: 6}),
      fc.constantFrom('' as const, '  ' as const, '\\' as const),
      (order, breaks) => {
        const {output} = fix(arranged(order, breaks), {today: fixtureToday})
        expect(output).toBe(arranged([0, 1, 2, 3, 4, 5], breaks))
      },
    ),
    {numRuns: 80},
  )
})

it('reports without a fix when the fields are not one line each in one paragraph', () => {
  const split = arranged([1, 0, 2, 3, 4, 5], '').replace(
    '**Date:** 2026-04-02\n',
    '**Date:** 2026-04-02\n\n',
  )
  const [finding] = findingsOf('field-order', split)
  expect(finding!.edits).toBeUndefined()
})
