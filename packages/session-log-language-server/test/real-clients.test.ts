// What real editors do that a textbook client does not: echo diagnostics back changed,
// refuse server-sent edits, and quit in the middle of a check.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {fix, lint} from 'remark-session-log'
import type {CodeAction, Diagnostic} from 'vscode-languageserver-protocol'
import {afterAll, describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {Client, richCapabilities} from './client.js'
import {applyWorkspaceEdit, defects, isCodeAction} from './documents.js'

const dir = mkdtempSync(join(tmpdir(), 'session-log-clients-'))
writeFileSync(join(dir, '.session-logrc.json'), '{}\n')
afterAll(() => rmSync(dir, {recursive: true, force: true}))

let count = 0
const logUri = () => pathToFileURL(join(dir, `doc-${++count}`, 'SESSION_LOG.md')).href
const wholeDocument = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}

/**
 * The defects document with two more fixable findings: a title that is a near miss with
 * a letter beyond ASCII (its range ends after it), and a lower-case entry prefix.
 */
const accented = defects
  .replace(/^# Séssion Lög 🙂/, '# Séssion Log')
  .replace(/^## Session: Migrate/m, '## session: Migrate')

/** Columns as UTF-8 bytes of the line, as Neovim 0.7 echoes them. */
function byteColumns(text: string, diagnostic: Diagnostic): Diagnostic {
  const lines = text.split(/\r\n|\n|\r/)
  const bytes = (line: number, character: number) =>
    Buffer.byteLength((lines[line] ?? '').slice(0, character), 'utf8')
  const {start, end} = diagnostic.range
  return {
    ...diagnostic,
    range: {
      start: {line: start.line, character: bytes(start.line, start.character)},
      end: {line: end.line, character: bytes(end.line, end.character)},
    },
  }
}

async function quickFix(client: Client, uri: string, diagnostic: Diagnostic) {
  const items = await client.codeActions(uri, diagnostic.range, {
    diagnostics: [diagnostic],
    only: ['quickfix'],
  })
  return (items ?? []).filter(isCodeAction)
}

describe('quick fixes for diagnostics a client echoes back changed', () => {
  it('are found by data, by rule and line when data is gone, and not for other sources', async () => {
    const client = new Client({configuration: () => null})
    await client.initialize()
    const uri = logUri()
    await client.open(uri, accented)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    const fixable = lint(accented).filter((finding) => finding.edits)
    expect(fixable.length).toBe(5)
    const mine = diagnostics.filter((diagnostic) =>
      fixable.some(
        (finding) =>
          finding.ruleId === diagnostic.code &&
          finding.start.line === diagnostic.range.start.line + 1,
      ),
    )
    expect(mine.length).toBe(fixable.length)
    // At least one of them ends after a multi-byte character on its line.
    const moved = (diagnostic: Diagnostic) =>
      byteColumns(accented, diagnostic).range.end.character !== diagnostic.range.end.character
    expect(mine.some(moved)).toBe(true)

    for (const diagnostic of mine) {
      const [exact] = await quickFix(client, uri, diagnostic)
      expect(exact, String(diagnostic.code)).toBeDefined()
      const want = applyWorkspaceEdit(accented, uri, exact!.edit!)
      const echoes: Array<[string, Diagnostic]> = [
        // Neovim 0.7: byte columns, data kept.
        ['byte columns', byteColumns(accented, diagnostic)],
        // Neovim without data support: byte columns and nothing else of ours.
        ['byte columns, no data', {...byteColumns(accented, diagnostic), data: undefined}],
        // ALE: no source, no data, no link.
        [
          'no source, no data',
          {range: diagnostic.range, message: diagnostic.message, code: diagnostic.code},
        ],
      ]
      for (const [name, echoed] of echoes) {
        const actions = await quickFix(client, uri, echoed)
        expect(actions, `${String(diagnostic.code)}: ${name}`).toHaveLength(1)
        expect(applyWorkspaceEdit(accented, uri, actions[0]!.edit!)).toBe(want)
      }
      const foreign = await quickFix(client, uri, {
        ...diagnostic,
        source: 'markdownlint',
        data: undefined,
      })
      expect(foreign).toEqual([])
    }
    expect(await client.shutdown()).toBe(0)
  })
})

describe('a client that cannot apply edits the server sends', () => {
  it('gets the edit in the action itself, and a message instead of an applyEdit', async () => {
    const workspace = {...richCapabilities.workspace, applyEdit: false}
    const client = new Client({
      configuration: () => null,
      capabilities: {...richCapabilities, workspace},
    })
    await client.initialize()
    const uri = logUri()
    await client.open(uri, defects)
    await client.diagnosticsOf(uri, 1)
    const offered = (
      (await client.codeActions(uri, wholeDocument, {diagnostics: []})) ?? []
    ).filter(isCodeAction) as CodeAction[]
    const fixAll = offered.find((action) => action.kind === 'source.fixAll.session-log')
    expect(fixAll?.command).toBeUndefined()
    expect(applyWorkspaceEdit(defects, uri, fixAll!.edit!)).toBe(fix(defects).output)

    await client.executeCommand('session-log.fixAll', [uri])
    const message = await client.message()
    expect(message.message).toBe(
      'session-log: this editor cannot apply edits the server sends; use the code action instead',
    )
    await expect(client.appliedEdit(500)).rejects.toThrow('No workspace/applyEdit')
    expect(await client.shutdown()).toBe(0)
  })
})

describe('a client that goes away', () => {
  it('during the first check of a 5,000-entry log leaves the server to exit without an error', async () => {
    const client = new Client({configuration: () => null})
    await client.initialize()
    await client.open(logUri(), generateLog(5000, {seed: 5000}))
    // The check starts as soon as the settings are read and takes seconds; the editor
    // quits in the middle of it.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    client.hangUp()
    const code = await client.exited
    expect(client.stderr).toBe('')
    // vscode-languageserver's own rule: exit 1 when the client left without `shutdown`.
    expect(code).toBe(1)
  }, 120_000)

  it('while the server waits for its settings leaves it to exit without an error', async () => {
    const client = new Client({configuration: 'never'})
    await client.initialize()
    await client.open(logUri(), generateLog(50, {seed: 50}))
    await new Promise((resolve) => setTimeout(resolve, 300))
    client.hangUp()
    expect(await client.exited).toBe(1)
    expect(client.stderr).toBe('')
  }, 60_000)
})
