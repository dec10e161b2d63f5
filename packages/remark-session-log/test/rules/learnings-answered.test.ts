import {expect, it} from 'vitest'
import {learningsAnswered} from '../../src/rules/learnings-answered.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(learningsAnswered)

const didnt = "**What didn't work?**\n\n- Float comparison of amounts."

it.each([
  ['a bullet saying none', "**What didn't work?**\n\n- None, it went smoothly."],
  ['a paragraph', "**What didn't work?**\n\nNothing went wrong this time."],
  ['an answer on the label line', "**What didn't work?** Nothing."],
  ['an empty bullet before a real one', "**What didn't work?**\n\n-\n- Float comparison."],
  ['star bullets', "**What didn't work?**\n\n* Float comparison."],
])('accepts %s', (_, answer) => {
  expect(findingsOf('learnings-answered', edit(oneEntry, [didnt, answer]))).toEqual([])
})

it.each([
  ['an empty bullet', "**What didn't work?**\n\n-"],
  ['a dash', "**What didn't work?**\n\n- —"],
  ['nothing at all', "**What didn't work?**"],
  ['a bracketed hint', "**What didn't work?**\n\n- [what failed]"],
])('reports %s on the question', (_, answer) => {
  const text = edit(oneEntry, [didnt, answer])
  const [finding, ...rest] = findingsOf('learnings-answered', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe("What didn't work?")
})

it("leaves the template's examples to the placeholder rule", () => {
  const text = edit(oneEntry, [didnt, "**What didn't work?**\n\n- [e.g., guessed the ORM's API]"])
  expect(findingsOf('learnings-answered', text)).toEqual([])
  expect(findingsOf('placeholder', text)).toHaveLength(1)
})
