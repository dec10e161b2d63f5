import {expect, it} from 'vitest'
import {fieldEmpty} from '../../src/rules/field-empty.js'
import {describeRule} from '../describe-rule.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(fieldEmpty)

it('reports the field label, with what the template asks for', () => {
  const text = edit(oneEntry, ['**Engineer:** Maya Cohen', '**Engineer:**'])
  const [finding] = findingsOf('field-empty', text)
  expect(covered(text, finding!)).toBe('**Engineer:**')
  expect(finding!.message).toBe(
    'Field "Engineer" is empty; fill in its value (the template asks for [name])',
  )
})

it('counts a lone dash as empty, and leaves fields the template does not have alone', () => {
  const dash = edit(oneEntry, ['**Feature:** Refunds', '**Feature:** –'])
  expect(findingsOf('field-empty', dash)[0]!.message).toContain('holds only "–"')
  const extra = edit(oneEntry, ['**Mode:**', '**Reviewer:**\n**Mode:**'])
  expect(findingsOf('field-empty', extra)).toEqual([])
})
