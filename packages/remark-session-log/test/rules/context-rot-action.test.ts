import {expect, it} from 'vitest'
import {contextRotAction} from '../../src/rules/context-rot-action.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(contextRotAction)

const signals = [
  '- [ ] AI proposed APIs that "almost" exist but not quite',
  '- [ ] Had to correct naming conventions mid-session',
  '- [ ] Tests passed but behavior felt "off"',
]

/** The entry with the first `count` signals checked and the given action taken. */
const rot = (count: number, action: string) =>
  edit(
    oneEntry,
    ...signals.slice(0, count).map((line): [string, string] => [line, line.replace('[ ]', '[x]')]),
    ['- [ ] **Action taken:** continued', `- [ ] **Action taken:** ${action}`.trimEnd()],
  )

it.each([
  'Refreshed context',
  'refreshed context with the ORM docs, then continued',
  'Restarted in a new session with a tighter brief',
  'started over in a fresh chat',
  'aborted — wrote it by hand',
  'Stopped and re-pasted project-context.md',
  'ran /clear and re-fed the brief',
])('accepts %j after two signals', (action) => {
  expect(findingsOf('context-rot-action', rot(2, action))).toEqual([])
})

it.each([
  'continued',
  'kept going',
  "didn't refresh, we were nearly done",
  'Did not restart',
  'continued; should have refreshed',
  'clearly close to done, continued',
])('warns about %j after two signals, on exactly the action', (action) => {
  const text = rot(2, action)
  const [finding, ...rest] = findingsOf('context-rot-action', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe(action)
  expect(finding!.message).toContain('at 2 or more signals refresh the context or abort')
})

it('accepts continuing after a single signal', () => {
  expect(findingsOf('context-rot-action', rot(1, 'continued'))).toEqual([])
})

it('does not count a checked action item as a signal', () => {
  const text = edit(rot(1, 'continued'), ['- [ ] **Action taken:**', '- [x] **Action taken:**'])
  expect(findingsOf('context-rot-action', text)).toEqual([])
})

it('asks for an action once any signal is checked', () => {
  const empty = rot(1, '')
  const [finding] = findingsOf('context-rot-action', empty)
  expect(covered(empty, finding!)).toBe('**Action taken:**')
  expect(finding!.message).toBe(
    '1 signal is marked, but the action taken is empty; say whether you refreshed the context, continued or aborted',
  )
  expect(findingsOf('context-rot-action', rot(0, ''))).toEqual([])
})

it('reads the number of signals from the options', () => {
  const text = rot(2, 'continued')
  expect(findingsOf('context-rot-action', text, {rotSignals: 3})).toEqual([])
  expect(findingsOf('context-rot-action', rot(3, 'continued'), {rotSignals: 3})).toHaveLength(1)
})

it('asks for an action when the unchecked item keeps the template wording', () => {
  const hint = '[e.g., refreshed context / continued / aborted]'
  const text = rot(2, hint)
  const [finding] = findingsOf('context-rot-action', text)
  expect(covered(text, finding!)).toBe(hint)
  expect(findingsOf('placeholder', text)).toEqual([])
  const checked = edit(text, ['- [ ] **Action taken:**', '- [x] **Action taken:**'])
  expect(findingsOf('context-rot-action', checked)).toEqual([])
  expect(findingsOf('placeholder', checked)).toHaveLength(1)
})
