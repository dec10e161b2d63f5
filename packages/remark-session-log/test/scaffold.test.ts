import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {buildModel} from '../src/model/model.js'
import {insertEntry, isSessionLog, latestValues, renderEntry, renderLog} from '../src/scaffold.js'
import {loadTemplate} from '../src/template/load.js'

const schema = loadTemplate()
const valid = (name: string) =>
  readFileSync(new URL(`../../../fixtures/valid/${name}`, import.meta.url), 'utf8')

describe('renderEntry', () => {
  it('puts each value in place of its placeholder and keeps the others', () => {
    const entry = renderEntry(schema, {title: 'Retry queue', date: '2026-01-02', engineer: 'Ana'})
    const lines = entry.split('\n')
    expect(lines.slice(0, 9)).toEqual([
      '## Session: Retry queue',
      '',
      '**Date:** 2026-01-02',
      '**Engineer:** Ana',
      '**Feature:** [parent feature name]',
      '**Heartbeat:** [e.g., T3 — Event Publisher]',
      '**AI Tool:** [e.g., Cursor + Claude Sonnet 4, ChatGPT-4o]',
      '**Mode:** A / B (Heartbeat # of N)',
      '',
    ])
    expect(lines.at(-1)).toBe('---')
  })

  it('is the template entry itself when no value is given', () => {
    expect(renderEntry(schema, {})).toBe(schema.source.entry)
  })

  it('writes values literally and on one line', () => {
    const entry = renderEntry(schema, {title: '$& and $1\nnext\u001b[0m', tool: '  '})
    expect(entry.split('\n')[0]).toBe('## Session: $& and $1 next [0m')
    expect(entry).toContain('**AI Tool:** [e.g., Cursor')
  })

  it('keeps a title that ends in "#" from reading as the closing sequence', () => {
    const heading = (title: string) => renderEntry(schema, {title}).split('\n')[0]
    expect(heading('#')).toBe('## Session: \\#')
    expect(heading('Fix issue ##')).toBe('## Session: Fix issue \\##')
    expect(heading('Port to C#')).toBe('## Session: Port to C#')
    const log = buildModel(renderLog(schema, renderEntry(schema, {title: 'Fix issue #'})), schema)
    expect(log.entries[0]?.heading.content.text).toBe('Session: Fix issue \\#')
  })

  it('uses the line ending and bullet it is given', () => {
    const entry = renderEntry(schema, {}, {eol: '\r\n', bullet: '*'})
    expect(entry.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(entry).toContain('\r\n* [ ] project-context.md\r\n')
    expect(entry).toContain('\r\n* **Was the kill switch triggered?** Yes / No\r\n')
    expect(entry).toContain('\r\n*\r\n')
    expect(entry.endsWith('\r\n---')).toBe(true)
  })
})

describe('insertEntry', () => {
  it('inserts above the newest entry and changes no other byte', () => {
    const text = valid('payments-team.md')
    const {output, edit, line} = insertEntry(text, {title: 'New'}, {today: '2026-01-02'})
    const at = text.indexOf('## Session:')
    expect(edit.start).toBe(at)
    expect(output).toBe(text.slice(0, at) + edit.text + text.slice(at))
    expect(edit.text.endsWith('\n---\n\n')).toBe(true)
    expect(output.split('\n')[line - 1]).toBe('## Session: New')
    const log = buildModel(output, schema)
    expect(log.entries.map((entry) => entry.heading.name?.text)[0]).toBe('New')
  })

  it('dates the entry today and copies tool and feature from the newest entry', () => {
    const {entry} = insertEntry(valid('payments-team.md'), {title: 'New'}, {today: '2026-01-02'})
    expect(entry).toContain('**Date:** 2026-01-02\n')
    expect(entry).toContain('**Feature:** Payment webhooks\n')
    expect(entry).toContain('**AI Tool:** Cursor + Claude Sonnet 4\n')
    const {entry: given} = insertEntry(
      valid('payments-team.md'),
      {tool: 'Zed'},
      {today: '2026-01-02'},
    )
    expect(given).toContain('**AI Tool:** Zed\n')
  })

  it('writes list items with the bullet the newest entry uses', () => {
    const bullets = (entry: string) =>
      new Set(entry.split('\n').flatMap((line) => /^\s*([-*+]) /.exec(line)?.[1] ?? []))
    const star = insertEntry(valid('data-pipeline-star-bullets.md'), {title: 'New'})
    expect(bullets(star.entry)).toEqual(new Set(['*']))
    // A team that moved from "-" to "+": the newest entry says how the log is written now.
    const text = valid('payments-team.md')
    const newest = buildModel(text, schema).entries[0]!
    const plus = newest.source.replace(/^(\s*)- /gm, '$1+ ')
    const moved = text.replace(newest.source, plus)
    expect(bullets(insertEntry(moved, {title: 'New'}).entry)).toEqual(new Set(['+']))
    expect(bullets(insertEntry(text, {title: 'New'}).entry)).toEqual(new Set(['-']))
  })

  it('writes an entry of the template the log names in its header', () => {
    const {entry} = insertEntry(valid('notifications-heartbeat-v0.3.md'), {title: 'New'})
    expect(entry.split('\n')[0]).toBe('## Heartbeat: New')
    expect(entry).toContain('\n### Inputs Fed to AI\n')
  })

  it('keeps a BOM and CRLF line endings', () => {
    const text = '\uFEFF' + valid('payments-team.md').replace(/\n/g, '\r\n')
    const {output, edit} = insertEntry(text, {title: 'New'}, {today: '2026-01-02'})
    expect(output).toBe(
      '\uFEFF' + text.slice(1, edit.start + 1) + edit.text + text.slice(edit.start + 1),
    )
    expect(edit.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('writes after the header of a log without entries', () => {
    const empty = renderLog(schema)
    const {output} = insertEntry(empty, {title: 'First'}, {today: '2026-01-02'})
    expect(output).toBe(
      renderLog(schema, renderEntry(schema, {title: 'First', date: '2026-01-02'})),
    )
  })

  it('turns blank text into a whole log', () => {
    const {output, edit} = insertEntry('\n\n', {title: 'First'}, {today: '2026-01-02'})
    expect(edit).toMatchObject({start: 0, end: 2})
    expect(output).toBe(
      renderLog(schema, renderEntry(schema, {title: 'First', date: '2026-01-02'})),
    )
  })
})

describe('latestValues', () => {
  it('reads the entry with the latest date, not the first one', () => {
    const text = valid('payments-team.md')
    const second = text.indexOf('## Session:', text.indexOf('## Session:') + 1)
    const swapped =
      text.slice(0, second) +
      text
        .slice(second)
        .replace(/\*\*AI Tool:\*\* .*/, '**AI Tool:** Later tool')
        .replace(/\*\*Date:\*\* .*/, '**Date:** 2030-01-01')
    expect(latestValues(buildModel(swapped, schema)).tool).toBe('Later tool')
  })

  it('skips values that are still placeholders', () => {
    expect(latestValues(buildModel(renderLog(schema, renderEntry(schema, {})), schema))).toEqual({})
  })
})

describe('isSessionLog', () => {
  it.each([
    ['a log', valid('payments-team.md'), true],
    ['an empty log', renderLog(schema), true],
    ['an entry without a header', renderEntry(schema, {}), true],
    ['other Markdown', '# Notes\n\n## Monday\n\nText.\n', false],
    ['nothing', '', false],
  ])('tells %s', (_, text, expected) => {
    expect(isSessionLog(buildModel(text, schema))).toBe(expected)
  })
})
