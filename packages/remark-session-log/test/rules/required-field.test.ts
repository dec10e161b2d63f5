import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {requiredField} from '../../src/rules/required-field.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(requiredField)

const fields = [
  '**Date:** 2026-04-02',
  '**Engineer:** Maya Cohen',
  '**Feature:** Refunds',
  '**Heartbeat:** T2 — Webhook handler',
  '**AI Tool:** Cursor + Claude Sonnet 4',
  '**Mode:** B (Heartbeat 2 of 3)',
]
const block = fields.join('\n')

/** The one-entry log with these field lines; `breaks` ends every line but the last. */
function withFields(lines: string[], breaks = '', eol = '\n'): string {
  const text = edit(oneEntry, [
    block,
    lines.map((line, i) => line + (i < lines.length - 1 ? breaks : '')).join('\n'),
  ])
  return text.replaceAll('\n', eol)
}

/** The label a fix inserts for a field: no value is ever made up. */
const label = (line: string) => line.slice(0, line.indexOf(':**') + 3)

it('inserts each missing label where the template puts it, in the paragraph style', () => {
  for (const breaks of ['', '  ', '\\']) {
    for (const eol of ['\n', '\r\n']) {
      for (let missing = 0; missing < fields.length; missing++) {
        const text = withFields(
          fields.filter((_, i) => i !== missing),
          breaks,
          eol,
        )
        expect(findingsOf('required-field', text)).toHaveLength(1)
        const want = withFields(
          fields.map((line, i) => (i === missing ? label(line) : line)),
          breaks,
          eol,
        )
        expect(fix(text, {today: fixtureToday, rules: {'field-empty': 'off'}}).output).toBe(want)
      }
    }
  }
})

it('inserts several missing labels in template order', () => {
  const text = withFields([fields[0]!, fields[3]!])
  const want = withFields([
    fields[0]!,
    label(fields[1]!),
    label(fields[2]!),
    fields[3]!,
    label(fields[4]!),
    label(fields[5]!),
  ])
  expect(fix(text, {today: fixtureToday}).output).toBe(want)
})

it('adds a field paragraph under a heading that has none', () => {
  const text = edit(oneEntry, [`${block}\n\n`, ''])
  expect(findingsOf('required-field', text)).toHaveLength(6)
  expect(fix(text, {today: fixtureToday}).output).toBe(
    edit(oneEntry, [block, fields.map(label).join('\n')]),
  )
})

it('keeps the bullets of fields written as a list', () => {
  const list = fields.map((line) => `- ${line}`)
  const text = withFields(list.filter((_, i) => i !== 2))
  expect(fix(text, {today: fixtureToday}).output).toBe(
    withFields(list.map((line, i) => (i === 2 ? `- ${label(fields[2]!)}` : line))),
  )
})
