// A long log on opening: the server shows its top entries (the newest) before the rest
// is checked, answers requests meanwhile, and ends with what the command line finds.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {lint} from 'remark-session-log'
import type {CodeAction, Diagnostic} from 'vscode-languageserver-protocol'
import {afterAll, describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {progressiveFrom} from '../src/documents.js'
import {Client} from './client.js'

const dir = mkdtempSync(join(tmpdir(), 'session-log-progressive-'))
writeFileSync(join(dir, '.session-logrc.json'), '{}\n')
afterAll(() => rmSync(dir, {recursive: true, force: true}))

let count = 0
const logUri = () => pathToFileURL(join(dir, `doc-${++count}`, 'SESSION_LOG.md')).href

const entries = 600
// The top entry's heading is written in lower case, which a quick fix corrects.
const text = generateLog(entries, {seed: 21, defectRate: 0.2}).replace('## Session:', '## session:')
// What the command line finds in it, the same in-process.
const findings = lint(text)
const key = (diagnostic: Diagnostic) =>
  `${diagnostic.range.start.line}:${diagnostic.range.start.character}:${String(diagnostic.code)}:${diagnostic.message}`

/** A server with the log open and its first check published, top and whole. */
async function openedAndChecked() {
  const client = new Client({configuration: () => null})
  await client.initialize()
  const uri = logUri()
  await client.open(uri, text)
  await client.diagnosticsOf(uri, 1, 60_000)
  await client.diagnosticsOf(uri, 1, 120_000)
  return {client, uri}
}

/**
 * Edits an entry in the middle ("### Learnings" becomes "### learnings"); returns the
 * new version, the edited line and what the command line finds in the edited text.
 */
async function lowerCaseLearnings(client: Client, uri: string) {
  const at = text.indexOf('### Learnings', text.length / 2) + 4
  const line = text.slice(0, at).split('\n').length - 1
  const range = {start: {line, character: 4}, end: {line, character: 5}}
  const version = await client.change(uri, [{range, text: 'l'}])
  const edited = `${text.slice(0, at)}l${text.slice(at + 1)}`
  const expected = lint(edited).map((f) => [f.start.line, f.start.column, f.ruleId, f.message])
  return {version, line, expected}
}

const shown = ({diagnostics}: {diagnostics: Diagnostic[]}) =>
  diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.code, d.message])

describe(`a log of ${entries} entries, on opening`, () => {
  it('shows its top entries first, then every finding the command line finds', async () => {
    expect(text.length).toBeGreaterThan(progressiveFrom)
    const client = new Client({configuration: () => null})
    await client.initialize()
    const uri = logUri()
    await client.open(uri, text)
    const top = await client.diagnosticsOf(uri, 1, 60_000)
    const whole = await client.diagnosticsOf(uri, 1, 120_000)
    expect(client.unclaimed(uri)).toEqual([])

    expect(whole.diagnostics.map((d) => [d.range.start.line + 1, d.code])).toEqual(
      findings.map((finding) => [finding.start.line, finding.ruleId]),
    )
    // The top is part of the whole, from the first lines, and far from all of it.
    expect(top.diagnostics.length).toBeGreaterThan(0)
    expect(top.diagnostics.length).toBeLessThan(whole.diagnostics.length / 2)
    const all = new Set(whole.diagnostics.map(key))
    expect(top.diagnostics.filter((d) => !all.has(key(d)))).toEqual([])
    const lastShown = Math.max(...top.diagnostics.map((d) => d.range.start.line))
    expect(whole.diagnostics.filter((d) => d.range.start.line < lastShown).length).toBe(
      top.diagnostics.filter((d) => d.range.start.line < lastShown).length,
    )
    expect(await client.shutdown()).toBe(0)
  }, 180_000)

  it('after an edit, shows every finding at once with the edited entry checked again, then the check', async () => {
    const {client, uri} = await openedAndChecked()
    const {version, line, expected} = await lowerCaseLearnings(client, uri)
    // Two lists for the edit: the revised one at once, then the check's; both whole.
    const revised = await client.diagnosticsOf(uri, version, 60_000)
    const checked = await client.diagnosticsOf(uri, version, 120_000)
    expect(shown(revised)).toEqual(expected)
    expect(shown(checked)).toEqual(expected)
    expect(expected).toContainEqual([line + 1, 1, 'section-heading', expect.any(String)])
    expect(client.unclaimed(uri)).toEqual([])
    expect(await client.shutdown()).toBe(0)
  }, 180_000)

  it('revises after an edit only from the text it checked, not from a fix-all made meanwhile', async () => {
    const {client, uri} = await openedAndChecked()
    // Fix-all lints the fixed text with the document's linter; the editor does not apply it.
    const range = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    const fixes = (await client.codeActions(uri, range, {
      diagnostics: [],
      only: ['source.fixAll.session-log'],
    })) as CodeAction[]
    expect(fixes[0]?.edit).toBeDefined()
    const {version, expected} = await lowerCaseLearnings(client, uri)
    // Every list for the edit is the command's: the fix-all's text is no base for it.
    const first = await client.diagnosticsOf(uri, version, 120_000)
    expect(shown(first)).toEqual(expected)
    const second = await client.diagnosticsOf(uri, version, 3_000).catch(() => undefined)
    if (second) expect(shown(second)).toEqual(expected)
    expect(await client.shutdown()).toBe(0)
  }, 180_000)

  it('answers a quick fix for the top before the rest is checked', async () => {
    const client = new Client({configuration: () => null})
    await client.initialize()
    const uri = logUri()
    await client.open(uri, text)
    const top = await client.diagnosticsOf(uri, 1, 60_000)
    const fixable = top.diagnostics.find((d) =>
      findings.some((f) => f.start.line === d.range.start.line + 1 && f.edits),
    )
    expect(fixable).toBeDefined()
    const actions = (await client.codeActions(uri, fixable!.range, {
      diagnostics: [fixable!],
      only: ['quickfix'],
    })) as CodeAction[]
    // Answered while the whole log is still being checked.
    expect(client.unclaimed(uri)).toEqual([])
    expect(actions.length).toBeGreaterThan(0)
    expect(actions[0]!.edit).toBeDefined()
    await client.diagnosticsOf(uri, 1, 120_000)
    expect(await client.shutdown()).toBe(0)
  }, 180_000)
})
