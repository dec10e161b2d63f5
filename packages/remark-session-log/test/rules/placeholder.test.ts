import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
import {lint} from '../../src/lint.js'
import {placeholder} from '../../src/rules/placeholder.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(placeholder)

it('reports every placeholder of the raw template, each on its own text', () => {
  const template = readFileSync(
    new URL('../../templates/session-log.v0.2.md', import.meta.url),
    'utf8',
  )
  const found = lint(template, {today: fixtureToday})
    .filter((finding) => finding.ruleId === 'placeholder')
    .map((finding) => covered(template, finding))
  expect(found).toEqual(
    expect.arrayContaining([
      '[Task Name]',
      'YYYY-MM-DD',
      '[name]',
      '[e.g., T3 — Event Publisher]',
      'A / B (Heartbeat # of N)',
      '[e.g., First working version, moved to review]',
      'Yes / No',
      '[what went wrong]',
      '[What did AI flag?]',
      '[e.g., `db.webhook.upsert()`]',
    ]),
  )
  // The unchecked items keep their template wording.
  expect(found).not.toContain('[list which files]')
  expect(found).not.toContain('[specify]')
})

it('lets an unchecked item keep its hint, but not a checked one', () => {
  const unchecked = edit(oneEntry, [
    '- [x] Existing code files: src/refunds/handler.ts',
    '- [ ] Existing code files: [list which files]',
  ])
  expect(findingsOf('placeholder', unchecked)).toEqual([])
  const checked = edit(oneEntry, ['- [ ] Other: [specify]', '- [x] Other: [specify]'])
  const [finding] = findingsOf('placeholder', checked)
  expect(covered(checked, finding!)).toBe('[specify]')
  expect(finding!.message).toBe(
    'The item "Other:" still holds the template\'s placeholder "[specify]"; fill in this session\'s value',
  )
})

it('reports any [e.g., …] example, even one the template does not have', () => {
  const text = edit(oneEntry, [
    'Refund amounts were compared as floats.',
    'Refund amounts [e.g., cents vs. euros] were compared as floats.',
  ])
  const [finding] = findingsOf('placeholder', text)
  expect(covered(text, finding!)).toBe('[e.g., cents vs. euros]')
})

it('asks for N/A in a follow-up left as the placeholder when the kill switch was not triggered', () => {
  const text = edit(oneEntry, ['- **If yes, why?** N/A', '- **If yes, why?** [what went wrong]'])
  const [finding] = findingsOf('placeholder', text)
  expect(finding!.message).toContain(
    'the kill switch was not triggered, so write N/A or leave it empty',
  )
})

it('leaves links and other bracketed text alone', () => {
  const text = edit(oneEntry, [
    'Refund amounts were compared as floats.',
    'See [the runbook](https://example.com) and `rows[index]`, [TBD later].',
  ])
  expect(findingsOf('placeholder', text)).toEqual([])
})

it('reads an escaped bracket as the text it is: an unchecked `Other: \\[specify]` is untouched', () => {
  const escaped = edit(oneEntry, ['- [ ] Other: [specify]', '- [ ] Other: \\[specify]'])
  expect(findingsOf('placeholder', escaped)).toEqual([])
  const written = edit(oneEntry, [
    'Refund amounts were compared as floats.',
    'Arrays are written \\[like this] in the docs.',
  ])
  expect(findingsOf('placeholder', written)).toEqual([])
})
