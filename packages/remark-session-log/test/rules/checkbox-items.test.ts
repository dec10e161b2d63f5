import {expect, it} from 'vitest'
import {checkboxItems} from '../../src/rules/checkbox-items.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(checkboxItems)

it('reports a missing item on the section heading', () => {
  const text = edit(oneEntry, ['- [ ] DB schema\n', ''])
  const [finding, ...rest] = findingsOf('checkbox-items', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe('### Inputs')
  expect(finding!.message).toBe('Section "### Inputs" is missing the item "- [ ] DB schema"')
})

it('accepts extra items and items with their own wording after the key', () => {
  const text = edit(
    oneEntry,
    ['- [ ] Other: [specify]', '- [ ] Other: [specify]\n- [x] Stripe refund API reference'],
    ['- [ ] DB schema', '- [x] DB schema (refunds table only)'],
  )
  expect(findingsOf('checkbox-items', text)).toEqual([])
})

it('counts a malformed box as present: checkbox-format reports it', () => {
  expect(
    findingsOf('checkbox-items', edit(oneEntry, ['- [ ] DB schema', '-[ ] DB schema'])),
  ).toEqual([])
})

it.each([
  ['- [x] Other: [specify]', 'Other: [specify]', 'still has the placeholder "[specify]"'],
  ['- [X] Other:', 'Other:', 'names nothing'],
  ['- [x] **Other:** [specify]', '**Other:** [specify]', 'still has the placeholder "[specify]"'],
])('reports the checked item %j on its label', (line, label, what) => {
  const text = edit(oneEntry, ['- [ ] Other: [specify]', line])
  const [finding, ...rest] = findingsOf('checkbox-items', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe(label)
  expect(finding!.message).toContain(what)
})

it('lets an unchecked item keep its placeholder', () => {
  const text = edit(oneEntry, [
    '- [x] Existing code files: src/refunds/handler.ts',
    '- [ ] Existing code files: [list which files]',
  ])
  expect(findingsOf('checkbox-items', text)).toEqual([])
})
