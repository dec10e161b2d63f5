import {expect, it} from 'vitest'
import {buildModel} from '../../src/model/model.js'
import {checkboxFormat} from '../../src/rules/checkbox-format.js'
import {loadTemplate} from '../../src/template/load.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(checkboxFormat)

const decisions = '- [ ] decisions.md'

it.each([
  ['-[ ] decisions.md', '-[ ]', '- [ ]'],
  ['- [] decisions.md', '- []', '- [ ]'],
  ['- [ x] decisions.md', '- [ x]', '- [x]'],
  ['- [X ] decisions.md', '- [X ]', '- [X]'],
  ['-[x] decisions.md', '-[x]', '- [x]'],
  ['[x] decisions.md', '[x]', '- [x]'],
  ['- [ ]decisions.md', '- [ ]', '- [ ] '],
  // Blanks before the box make the line a nested item or code: they go with the box.
  ['\t-[x] decisions.md', '\t-[x]', '- [x]'],
  ['   [ ] decisions.md', '   [ ]', '- [ ]'],
  ['+[ ] decisions.md', '+[ ]', '+ [ ]'],
])('reports %j on the box and offers one replacement', (line, box, want) => {
  const text = edit(oneEntry, [decisions, line])
  const [finding, ...rest] = findingsOf('checkbox-format', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe(box)
  expect(finding!.expected).toEqual([want])
  expect(finding!.edits).toEqual([
    {start: finding!.start.offset, end: finding!.end.offset, text: want},
  ])
})

it('reads a malformed box under a task as an item of its own, not part of its label', () => {
  const text = edit(oneEntry, [decisions, '-[x] decisions.md'])
  const inputs = buildModel(text, loadTemplate()).entries[0]!.sections[0]!
  const labels = inputs.checkboxes.map(({label, malformed}) => `${malformed} ${label.text}`)
  expect(labels.slice(0, 2)).toEqual(['false project-context.md', 'true decisions.md'])
})

it('leaves well-formed boxes alone, whatever the bullet or case', () => {
  const text = edit(
    oneEntry,
    [decisions, '* [X] decisions.md'],
    ['- [ ] DB schema', '+ [ ] DB schema'],
  )
  expect(findingsOf('checkbox-format', text)).toEqual([])
})

it('ignores boxes inside code blocks and links that look like boxes', () => {
  const text = edit(oneEntry, [
    'Flagged a missing idempotency check.',
    'Flagged a missing idempotency check.\n\n```md\n-[ ] not a box\n```\n\n[x](https://example.com) is a link',
  ])
  expect(findingsOf('checkbox-format', text)).toEqual([])
})
