import {expect, it} from 'vitest'
import {templateVersion} from '../../src/rules/template-version.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(templateVersion)

it('reports the stated version itself and offers the template version', () => {
  const text = edit(oneEntry, ['> Version: 0.2', '> Version: 0.1'])
  const [finding, ...rest] = findingsOf('template-version', text)
  expect(rest).toEqual([])
  expect(covered(text, finding!)).toBe('0.1')
  expect(finding!.expected).toEqual(['0.2'])
  expect(finding!.message).toBe(
    'The header states version "0.1", but the log is checked against template version "0.2"',
  )
})

it('takes 0.2.0 for 0.2', () => {
  expect(
    findingsOf('template-version', edit(oneEntry, ['Version: 0.2', 'Version: 0.2.0'])),
  ).toEqual([])
})

it('reports a missing version on the title', () => {
  const text = edit(oneEntry, ['> Version: 0.2\n', ''])
  const [finding] = findingsOf('template-version', text)
  expect(covered(text, finding!)).toBe('# Session Log')
  expect(finding!.message).toContain('"> Version: 0.2"')
})
