import {expect, it} from 'vitest'
import {killSwitchOverdue} from '../../src/rules/kill-switch-overdue.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(killSwitchOverdue)

const times = (total: string, estimate: string, answer = 'No') =>
  edit(
    oneEntry,
    ['| Total session time | 1h 20m |', `| Total session time | ${total} |`],
    ['| Estimated time without AI | 3h |', `| Estimated time without AI | ${estimate} |`],
    ['- **Was the kill switch triggered?** No', `- **Was the kill switch triggered?** ${answer}`],
  )

it('warns on the No of a session over three times its estimate', () => {
  const text = times('2h', '35m')
  const [finding] = findingsOf('kill-switch-overdue', text)
  expect(covered(text, finding!)).toBe('No')
  expect(finding!.severity).toBe('warn')
  expect(finding!.message).toBe(
    'The kill switch says "No", but "Total session time" (2h) is over 3 times "Estimated time without AI" (35m, so 1h 45m at most); answer Yes, or correct the times',
  )
})

it('accepts a session of exactly three times its estimate', () => {
  expect(findingsOf('kill-switch-overdue', times('1:30', '30 min'))).toEqual([])
})

it('accepts an overrun when the kill switch was triggered', () => {
  expect(findingsOf('kill-switch-overdue', times('3h', '30m', 'Yes'))).toEqual([])
})

it('reads the factor from the options', () => {
  const text = times('1h 30m', '40m')
  expect(findingsOf('kill-switch-overdue', text)).toEqual([])
  expect(findingsOf('kill-switch-overdue', text, {killSwitchFactor: 2})).toHaveLength(1)
})

it('stays silent when a time does not read', () => {
  expect(findingsOf('kill-switch-overdue', times('3h', 'a few minutes'))).toEqual([])
  expect(findingsOf('kill-switch-overdue', times('3h', '0m'))).toEqual([])
})
