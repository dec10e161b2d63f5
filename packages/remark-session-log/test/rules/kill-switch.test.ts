import {expect, it} from 'vitest'
import {killSwitch} from '../../src/rules/kill-switch.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry, templateFile} from '../session-text.js'

describeRule(killSwitch)

const triggered = '- **Was the kill switch triggered?** No'
const why = '- **If yes, why?** N/A'
const instead = '- **What did you do instead?** N/A'

const answered = (
  answer: string,
  reason = 'Build took 3x the estimate',
  other = 'Wrote it manually',
) =>
  edit(
    oneEntry,
    [triggered, `- **Was the kill switch triggered?** ${answer}`],
    [why, `- **If yes, why?** ${reason}`],
    [instead, `- **What did you do instead?** ${other}`],
  )

it.each([
  'No',
  'no',
  'No.',
  '**No**',
  'NO — ran close to the limit',
  'Yes',
  'yes!',
  'Yes — build took 3x',
  'Yes, see below',
])('accepts %j when the follow-ups are answered', (answer) => {
  expect(findingsOf('kill-switch', answered(answer))).toEqual([])
})

it.each(['Nope', 'Not really', 'Yesterday', 'Y', 'Partially'])(
  'reports %j on exactly the answer',
  (answer) => {
    const text = answered(answer)
    const [finding, ...rest] = findingsOf('kill-switch', text)
    expect(rest).toEqual([])
    expect(covered(text, finding!)).toBe(answer)
    expect(finding!.message).toContain('answer Yes or No')
  },
)

it('lets a No keep its follow-ups empty or N/A', () => {
  expect(findingsOf('kill-switch', answered('No', '', '—'))).toEqual([])
  expect(findingsOf('kill-switch', answered('No', 'N/A', 'n/a'))).toEqual([])
})

it.each([
  ['', '"If yes, why?" has no answer'],
  ['-', '"If yes, why?" has no answer'],
  ['N/A', '"If yes, why?" is "N/A"'],
  ['TBD', '"If yes, why?" is "TBD"'],
  ['[fill in later]', '"If yes, why?" is "[fill in later]"'],
])('reports a Yes whose reason is %j', (reason, message) => {
  const [finding, ...rest] = findingsOf('kill-switch', answered('Yes', reason))
  expect(rest).toEqual([])
  expect(finding?.message).toContain(message)
})

it("leaves the template's own placeholders to the placeholder rule", () => {
  for (const text of [answered('Yes / No'), answered('Yes', '[what went wrong]')]) {
    expect(findingsOf('kill-switch', text)).toEqual([])
    expect(findingsOf('placeholder', text)).toHaveLength(1)
  }
})

it('reads an answer wrapped onto the line below the question', () => {
  const text = edit(oneEntry, [triggered, '- **Was the kill switch triggered?**\n  Maybe'])
  const [finding] = findingsOf('kill-switch', text)
  expect(covered(text, finding!)).toBe('Maybe')
})

it('is silent when the template has no kill switch question', () => {
  const template = templateFile([
    '- **Was the kill switch triggered?** Yes / No',
    '- **Did you stop early?** [how]',
  ])
  const text = answered('Maybe')
  expect(findingsOf('kill-switch', text)).toHaveLength(1)
  expect(findingsOf('kill-switch', text, {template})).toEqual([])
})
