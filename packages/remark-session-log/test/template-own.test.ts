// A team's own template with optional parts and a place for sections of its own.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {insertEntry, renderLog} from '../src/scaffold.js'
import {loadTemplate} from '../src/template/load.js'
import {fixturesDir, fixtureToday} from './fixtures.js'

const template = join(fixturesDir, 'templates', 'review-log.template.md')
const schema = loadTemplate(template)
const valid = readFileSync(join(fixturesDir, 'templates', 'review-log-valid.md'), 'utf8')
const ids = (text: string, options = {}) =>
  lint(text, {template, today: fixtureToday, ...options}).map((finding) => finding.ruleId)

describe('optional parts and extra sections of a template', () => {
  it('reads <!-- optional --> on fields, checkbox items and sections', () => {
    expect(schema.fields.filter((field) => field.optional).map((field) => field.name)).toEqual([
      'Pairing partner',
    ])
    expect(schema.fields.find((field) => field.name === 'Pairing partner')?.placeholder).toBe(
      '[name]',
    )
    const scope = schema.sections[0]!
    expect(scope.checkboxes.map((box) => [box.key, box.optional])).toEqual([
      ['read the diff', false],
      ['ran the tests', false],
      ['checked the migration', true],
    ])
    expect(schema.sections.map((section) => [section.heading, section.optional])).toEqual([
      ['Scope', false],
      ['Findings', false],
      ['Follow-ups', true],
      ['Verdict', false],
    ])
  })

  it('reads <!-- extra sections --> as the place after the section above it', () => {
    expect(schema.extraSectionsAfter).toBe('Follow-ups')
  })

  it('leaves the markers out of what it scaffolds', () => {
    const log = renderLog(schema)
    const {output} = insertEntry(log, {title: 'Cache keys', date: fixtureToday}, {template})
    expect(output).not.toMatch(/<!--/)
    expect(output).toContain('**Pairing partner:** [name]\n')
    expect(output).toContain('### Follow-ups\n')
  })

  it('checks a log that leaves optional parts out and adds its own section in place', () => {
    expect(ids(valid)).toEqual([])
  })

  it('still asks for the parts that are not optional', () => {
    expect(
      ids(valid.replace('**Reviewer:** Ingrid Solberg\n**AI Tool:**', '**AI Tool:**')),
    ).toEqual(['required-field'])
    expect(ids(valid.replace('- [x] Ran the tests\n', ''))).toEqual(['checkbox-items'])
    const noVerdict = valid.replace('### Verdict\n\n**Approved?** No\n\n', '')
    expect(ids(noVerdict)).toEqual(['required-section'])
  })

  it('lets an optional field stand empty', () => {
    const empty = valid.replace('**Pairing partner:** Tomás Ruiz', '**Pairing partner:**')
    expect(ids(empty)).toEqual([])
  })

  it('is one mismatch finding when the log is checked against the 0.2 template', () => {
    expect(ids(valid, {template: 'session-log.v0.2'})).toEqual(['template-mismatch'])
  })
})
