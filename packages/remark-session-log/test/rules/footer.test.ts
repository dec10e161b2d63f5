import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {footer} from '../../src/rules/footer.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(footer)

const line = '*(Copy the section above for each new session. Reverse chronological order.)*'

it('adds a missing footer after the last entry, with the file line endings', () => {
  const crlf = oneEntry.replaceAll('\n', '\r\n')
  for (const cut of [`${line}\r\n`, `\r\n${line}\r\n`, `\r\n\r\n${line}\r\n`]) {
    const text = edit(crlf, [cut, ''])
    expect(findingsOf('footer', text)).toHaveLength(1)
    expect(fix(text, {today: fixtureToday}).output).toBe(crlf)
  }
})

it('replaces a reworded footer with the template line', () => {
  const text = edit(oneEntry, [line, '*(Copy the block above. Newest first.)*'])
  const [finding] = findingsOf('footer', text)
  expect(covered(text, finding!)).toBe('*(Copy the block above. Newest first.)*')
  expect(finding!.expected).toEqual([line])
  expect(fix(text, {today: fixtureToday}).output).toBe(oneEntry)
})

it('takes the footer in underscores, or wrapped over two lines, for the same line', () => {
  const underscores = edit(oneEntry, [line, `_${line.slice(1, -1)}_`])
  const wrapped = edit(oneEntry, ['new session. Reverse', 'new session.\nReverse'])
  expect(findingsOf('footer', underscores)).toEqual([])
  expect(findingsOf('footer', wrapped)).toEqual([])
})

it('offers no footer to a file that ends inside a code block left open, and says why', () => {
  const open = edit(oneEntry, [line, '```sh\nmake export\n'])
  // unclosed-block names the cause and stands for this finding; without it, the footer
  // still refuses to insert itself into the code.
  expect(findingsOf('footer', open)).toEqual([])
  const [finding] = findingsOf('footer', open, {rules: {'unclosed-block': 'off'}})
  const at = open.slice(0, open.indexOf('```sh')).split('\n').length
  expect(finding!.message).toContain(`the code block opened on line ${at} is never closed`)
  expect(finding!.edits).toBeUndefined()
  // Closed, the same file gets its footer back.
  const closed = edit(oneEntry, [line, '```sh\nmake export\n```\n'])
  expect(findingsOf('footer', closed)[0]!.edits).toHaveLength(1)
})
