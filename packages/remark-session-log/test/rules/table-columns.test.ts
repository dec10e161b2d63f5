import {expect, it} from 'vitest'
import {tableColumns} from '../../src/rules/table-columns.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(tableColumns)

const timelineHeader = '| Time | What happened |\n|---|---|'

it('fixes a column that differs only by case or spacing, replacing just its text', () => {
  const text = edit(oneEntry, [timelineHeader, '|   time  | What happened |\n|---|---|'])
  const [finding, ...rest] = findingsOf('table-columns', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe('time')
  expect(finding!.expected).toEqual(['Time'])
})

it('reports a renamed column without a fix', () => {
  const text = edit(oneEntry, [timelineHeader, '| When | What happened |\n|---|---|'])
  const [finding] = findingsOf('table-columns', text)
  expect(covered(text, finding!)).toBe('When')
  expect(finding!.expected).toBeUndefined()
  expect(finding!.edits).toBeUndefined()
  expect(finding!.message).toBe(
    'Column "When" should be "Time"; the table has "Time", "What happened"',
  )
})

it('reports missing columns on the header and rows with too few cells', () => {
  const text = edit(
    oneEntry,
    [
      '| What AI generated | What actually exists | Impact |\n|---|---|---|',
      '| What AI generated | What actually exists |\n|---|---|',
    ],
    ['| Lines written manually | 30 |', '| Lines written manually |'],
  )
  const found = findingsOf('table-columns', text).map((finding) => finding.message)
  expect(found).toEqual([
    'Table is missing the column "Impact"',
    'Row has 1 cell; the table has 2 columns, "Metric", "Value"',
  ])
})

it('accepts padding, alignment colons and outer pipes left out', () => {
  const text = edit(
    oneEntry,
    [timelineHeader, '|  Time  |  What happened  |\n|:----:|:-------------|'],
    ['| Metric | Value |\n|---|---|', 'Metric | Value\n--- | ---:'],
  )
  expect(findingsOf('table-columns', text)).toEqual([])
})

it('reads the table of a question answered on its own line', () => {
  const text = edit(oneEntry, ['**Hallucinations caught:**', '**Hallucinations caught:** one'])
  expect(findingsOf('table-columns', text)).toEqual([])
})

it('reports a question without its table on the label', () => {
  const text = edit(oneEntry, [
    '| What AI generated | What actually exists | Impact |\n|---|---|---|\n| `stripe.refunds.confirm()` | refunds need no confirmation | would have thrown |',
    'None this time.',
  ])
  const [finding] = findingsOf('table-columns', text)
  expect(covered(text, finding!)).toBe('Hallucinations caught:')
})
