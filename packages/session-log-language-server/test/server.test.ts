import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {applyEdits, fix, insertEntry, lint, migrate, rules} from 'remark-session-log'
import {DiagnosticSeverity, type CodeAction, type Diagnostic} from 'vscode-languageserver-protocol'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Client, richCapabilities} from './client.js'
import {
  applyWorkspaceEdit,
  crlf,
  defects,
  defectTokens,
  isCodeAction,
  positionOf,
  rangeOf,
} from './documents.js'

const fixAllKind = 'source.fixAll.session-log'
const newEntryKind = 'source.newEntry.session-log'
const migrateKind = 'refactor.rewrite.migrate.session-log'
const validFixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/valid/${name}`, import.meta.url), 'utf8')

const wholeDocument = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}

/** The CLI, when it is built: fix-all must write the very bytes `session-log fix` writes. */
const cliBin = fileURLToPath(new URL('../../session-log/dist/bin.js', import.meta.url))

let dir: string
let client: Client
let count = 0

/** A fresh `SESSION_LOG.md` URI in the test folder, so documents never share state. */
function logUri(name = 'SESSION_LOG.md'): string {
  count++
  return pathToFileURL(join(dir, `doc-${count}`, name)).href
}

async function openLog(text: string, uri = logUri()) {
  await client.open(uri, text)
  const published = await client.diagnosticsOf(uri, 1)
  return {uri, diagnostics: published.diagnostics}
}

/** The diagnostics the server should publish for `text`, positioned independently. */
function expectedDiagnostics(text: string): Diagnostic[] {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  return lint(text).map((finding) => ({
    range: {
      start: positionOf(text, finding.start.offset + bom),
      end: positionOf(text, finding.end.offset + bom),
    },
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: {href: finding.url},
    source: 'session-log',
    message: finding.message,
    data: {ruleId: finding.ruleId, start: finding.start.offset, end: finding.end.offset},
  }))
}

/** The text after the server's fix-all, asked for by kind as an editor does on save. */
async function fixAll(text: string): Promise<string> {
  const {uri} = await openLog(text)
  const actions = actionsOf(
    await client.codeActions(uri, wholeDocument, {diagnostics: [], only: ['source.fixAll']}),
  )
  expect(actions.map((action) => action.kind)).toEqual([fixAllKind])
  return applyWorkspaceEdit(text, uri, actions[0]!.edit!)
}

function actionsOf(items: Awaited<ReturnType<Client['codeActions']>>): CodeAction[] {
  return (items ?? []).filter(isCodeAction)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'session-log-lsp-'))
  // Stops the config file search here, whatever lies above the temporary folder.
  writeFileSync(join(dir, '.session-logrc.json'), '{}\n')
  // The engineer of a new entry comes from git; this git knows only this name.
  writeFileSync(join(dir, 'gitconfig'), '[user]\n\tname = Ada Lovelace\n')
  client = new Client({
    configuration: () => null,
    env: {GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1'},
  })
  await client.initialize()
})

afterAll(async () => {
  expect(await client.shutdown()).toBe(0)
  rmSync(dir, {recursive: true, force: true})
})

describe('diagnostics', () => {
  it('reports each defect on exactly its characters, with rule id and docs link', async () => {
    const {diagnostics} = await openLog(defects)
    for (const [ruleId, token, after] of defectTokens) {
      const found = diagnostics.filter((diagnostic) => diagnostic.code === ruleId)
      expect(
        found.map((diagnostic) => diagnostic.range),
        ruleId,
      ).toEqual([rangeOf(defects, token, after)])
      const rule = rules.find((candidate) => candidate.id === ruleId)!
      expect(found[0]!.codeDescription?.href).toBe(rule.url)
      expect(found[0]!.severity).toBe(
        rule.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      )
      expect(found[0]!.source).toBe('session-log')
    }
    expect(diagnostics).toEqual(expectedDiagnostics(defects))
  })

  it.each([
    ['CRLF', crlf(defects)],
    ['CR', defects.replace(/\n/g, '\r')],
    ['BOM and CRLF', `\uFEFF${crlf(defects)}`],
  ])('points at the same characters in a %s document', async (_name, text) => {
    const {diagnostics} = await openLog(text)
    for (const [ruleId, token, after] of defectTokens) {
      const found = diagnostics.find((diagnostic) => diagnostic.code === ruleId)
      expect(found?.range, ruleId).toEqual(rangeOf(text, token, after))
    }
    expect(diagnostics).toEqual(expectedDiagnostics(text))
  })

  it('counts a leading BOM as the first character of the first line', async () => {
    const {diagnostics} = await openLog(`\uFEFF${defects}`)
    const title = diagnostics.find((diagnostic) => diagnostic.code === 'document-title')
    // "# " and the BOM come before the title; the emoji counts two UTF-16 code units.
    expect(title?.range).toEqual({
      start: {line: 0, character: 3},
      end: {line: 0, character: 3 + 'Séssion Lög '.length + 2},
    })
  })

  it('checks the text again after an incremental edit', async () => {
    const {uri, diagnostics} = await openLog(defects)
    const heading = diagnostics.find((diagnostic) => diagnostic.code === 'section-heading')!
    // Fix the case of one letter: "### Kill switch" -> "### Kill Switch".
    const at = {line: heading.range.start.line, character: '### Kill '.length}
    const edited = defects.replace('### Kill switch', '### Kill Switch')
    // And insert a line at the top of the entry list, moving every later finding down.
    const insertAt = rangeOf(defects, '## Session: ').start
    const version = await client.change(uri, [
      {range: {start: at, end: {...at, character: at.character + 1}}, text: 'S'},
      {range: {start: insertAt, end: insertAt}, text: '<!-- a note -->\n\n'},
    ])
    const after = edited.replace('## Session: ', '<!-- a note -->\n\n## Session: ')
    const updated = await client.diagnosticsOf(uri, version)
    expect(updated.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain(
      'section-heading',
    )
    expect(updated.diagnostics).toEqual(expectedDiagnostics(after))
    const date = updated.diagnostics.find((diagnostic) => diagnostic.code === 'field-date')
    expect(date?.range).toEqual(rangeOf(after, '2026-02-30'))
  })

  it('clears the diagnostics of a closed document', async () => {
    const {uri, diagnostics} = await openLog(defects)
    expect(diagnostics.length).toBeGreaterThan(0)
    await client.close(uri)
    const cleared = await client.diagnostics(uri)
    expect(cleared.diagnostics).toEqual([])
  })

  it('leaves other Markdown files alone', async () => {
    const uri = logUri('README.md')
    await client.open(uri, defects)
    // The server answers requests in order, after the document was checked.
    const actions = await client.codeActions(uri, wholeDocument, {
      diagnostics: [],
      only: [fixAllKind],
    })
    expect(actions).toEqual([])
    expect(client.unclaimed(uri)).toEqual([])
  })
})

describe('code actions', () => {
  it('offers the rule edits of a diagnostic as its quick fix', async () => {
    const {uri, diagnostics} = await openLog(defects)
    const heading = diagnostics.find((diagnostic) => diagnostic.code === 'section-heading')!
    const actions = actionsOf(
      await client.codeActions(uri, heading.range, {diagnostics: [heading]}),
    )
    const quickFixes = actions.filter((action) => action.kind === 'quickfix')
    expect(quickFixes).toHaveLength(1)
    expect(quickFixes[0]!.diagnostics).toEqual([heading])
    expect(quickFixes[0]!.isPreferred).toBe(true)
    const fixed = applyWorkspaceEdit(defects, uri, quickFixes[0]!.edit!)
    expect(fixed).toBe(defects.replace('### Kill switch', '### Kill Switch'))
  })

  it('applies a fix of several ranges all together', async () => {
    const {uri, diagnostics} = await openLog(defects)
    const order = diagnostics.find((diagnostic) => diagnostic.code === 'section-order')!
    const finding = lint(defects).find((candidate) => candidate.ruleId === 'section-order')!
    expect(finding.edits!.length).toBeGreaterThan(1)
    const [action] = actionsOf(
      await client.codeActions(uri, order.range, {diagnostics: [order], only: ['quickfix']}),
    )
    expect(applyWorkspaceEdit(defects, uri, action!.edit!)).toBe(
      applyEdits(defects, [finding.edits!]).output,
    )
  })

  it('offers no quick fix for a diagnostic without edits', async () => {
    const {uri, diagnostics} = await openLog(defects)
    const date = diagnostics.find((diagnostic) => diagnostic.code === 'field-date')!
    const actions = actionsOf(
      await client.codeActions(uri, date.range, {diagnostics: [date], only: ['quickfix']}),
    )
    expect(actions).toEqual([])
  })

  it.each([
    ['LF', defects],
    ['BOM and CRLF', `\uFEFF${crlf(defects)}`],
  ])('fixes all problems of a %s document exactly as the fixer does', async (_name, text) => {
    const fixed = await fixAll(text)
    expect(fixed).not.toBe(text)
    expect(Buffer.from(fixed)).toEqual(Buffer.from(fix(text).output))
  })

  it.skipIf(!existsSync(cliBin)).each([
    ['LF', defects],
    ['BOM and CRLF', `\uFEFF${crlf(defects)}`],
  ])(
    'fixes all problems of a %s document byte for byte as `session-log fix`',
    async (_name, text) => {
      const fixed = await fixAll(text)
      const folder = join(dir, `cli-${++count}`)
      mkdirSync(folder)
      writeFileSync(join(folder, '.session-logrc.json'), '{}\n')
      writeFileSync(join(folder, 'SESSION_LOG.md'), text)
      const run = spawnSync(process.execPath, [cliBin, 'fix', 'SESSION_LOG.md'], {cwd: folder})
      // 1: the fixer wrote the file and reports the errors no fix can settle.
      expect(run.status, String(run.stderr)).toBe(1)
      expect(Buffer.from(fixed)).toEqual(readFileSync(join(folder, 'SESSION_LOG.md')))
    },
  )

  it.each([
    ['LF', defects],
    ['BOM and CRLF', `\uFEFF${crlf(defects)}`],
  ])('inserts a new entry in a %s document as `session-log new` does', async (_name, text) => {
    const {uri} = await openLog(text)
    const actions = actionsOf(
      await client.codeActions(uri, wholeDocument, {diagnostics: [], only: [newEntryKind]}),
    )
    expect(actions.map((action) => action.title)).toEqual(['Insert new session entry'])
    const inserted = applyWorkspaceEdit(text, uri, actions[0]!.edit!)
    expect(inserted).toBe(insertEntry(text, {engineer: 'Ada Lovelace'}).output)
    expect(inserted).toContain('**Engineer:** Ada Lovelace')
  })

  it.each([
    ['LF', validFixture('payments-team.md')],
    ['BOM and CRLF', `\uFEFF${crlf(validFixture('payments-team.md'))}`],
  ])('migrates a %s 0.2 log from its header as `session-log migrate` does', async (_name, text) => {
    const {uri} = await openLog(text)
    const onTitle = {start: {line: 0, character: 2}, end: {line: 0, character: 2}}
    const actions = actionsOf(
      await client.codeActions(uri, onTitle, {diagnostics: [], only: [migrateKind]}),
    )
    expect(actions.map((action) => action.title)).toEqual([
      'Migrate this log to the 0.3 Heartbeat Log',
    ])
    expect(applyWorkspaceEdit(text, uri, actions[0]!.edit!)).toBe(migrate(text).output)
  })

  it('offers migrating only on the header of a 0.2 log', async () => {
    const inEntry = {start: {line: 20, character: 0}, end: {line: 20, character: 0}}
    const {uri} = await openLog(validFixture('payments-team.md'))
    const lightbulb = actionsOf(await client.codeActions(uri, inEntry, {diagnostics: []}))
    expect(lightbulb.map((action) => action.kind)).not.toContain(migrateKind)
    const onHeader = actionsOf(await client.codeActions(uri, wholeDocument, {diagnostics: []}))
    expect(onHeader.map((action) => action.kind)).toContain(migrateKind)
    const v03 = await openLog(validFixture('notifications-heartbeat-v0.3.md'))
    const none = actionsOf(await client.codeActions(v03.uri, wholeDocument, {diagnostics: []}))
    expect(none.map((action) => action.kind)).not.toContain(migrateKind)
  })

  it('offers nothing for a document the server does not know', async () => {
    const uri = logUri()
    const actions = await client.codeActions(uri, wholeDocument, {diagnostics: []})
    expect(actions).toEqual([])
  })
})

describe('clients with other capabilities', () => {
  it('leaves the edit to codeAction/resolve when the client can resolve it', async () => {
    const lazy = new Client({
      capabilities: {
        ...richCapabilities,
        textDocument: {
          ...richCapabilities.textDocument,
          codeAction: {
            ...richCapabilities.textDocument!.codeAction,
            resolveSupport: {properties: ['edit']},
          },
        },
      },
    })
    await lazy.initialize()
    const uri = logUri()
    await lazy.open(uri, defects)
    await lazy.diagnosticsOf(uri, 1)
    const all = actionsOf(await lazy.codeActions(uri, wholeDocument, {diagnostics: []}))
    const action = all.find((candidate) => candidate.kind === fixAllKind)
    expect(action).toBeDefined()
    expect(action?.edit).toBeUndefined()
    const resolved = await lazy.resolve(action!)
    expect(applyWorkspaceEdit(defects, uri, resolved.edit!)).toBe(fix(defects).output)
    // Asked for by kind, as on save, the edit comes at once.
    const [named] = actionsOf(
      await lazy.codeActions(uri, wholeDocument, {diagnostics: [], only: [fixAllKind]}),
    )
    expect(applyWorkspaceEdit(defects, uri, named!.edit!)).toBe(fix(defects).output)
    expect(await lazy.shutdown()).toBe(0)
  })

  it('sends plain `changes` to a client without versioned document edits', async () => {
    const plain = new Client({capabilities: {workspace: {applyEdit: true}}})
    await plain.initialize()
    const uri = logUri()
    await plain.open(uri, defects)
    await plain.diagnosticsOf(uri, 1)
    const [action] = actionsOf(
      await plain.codeActions(uri, wholeDocument, {diagnostics: [], only: [fixAllKind]}),
    )
    expect(action?.edit?.documentChanges).toBeUndefined()
    expect(Object.keys(action?.edit?.changes ?? {})).toEqual([uri])
    expect(applyWorkspaceEdit(defects, uri, action!.edit!)).toBe(fix(defects).output)

    // In a lightbulb (no kind asked for), the edit is made by a command when chosen.
    const offered = actionsOf(await plain.codeActions(uri, wholeDocument, {diagnostics: []}))
    const lightbulb = offered.find((candidate) => candidate.kind === fixAllKind)
    expect(lightbulb?.edit).toBeUndefined()
    const {command, arguments: args} = lightbulb!.command!
    await plain.executeCommand(command, args ?? [])
    const edit = await plain.appliedEdit()
    expect(applyWorkspaceEdit(defects, uri, edit)).toBe(fix(defects).output)
    expect(await plain.shutdown()).toBe(0)
  })
})

describe('settings scripts and workspace trust', () => {
  // A folder whose settings script leaves a mark when it runs and turns a rule off, and
  // whose log breaks that rule.
  function folderWithScript() {
    const folder = join(dir, `trust-${++count}`)
    mkdirSync(folder)
    const marker = join(folder, 'ran')
    writeFileSync(
      join(folder, '.session-logrc.mjs'),
      `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, 'ran')\nexport default {rules: {'section-heading': 'off'}}\n`,
    )
    const uri = pathToFileURL(join(folder, 'SESSION_LOG.md')).href
    return {
      marker,
      uri,
      text: validFixture('payments-team.md').replace('### Kill Switch', '### Kill switch'),
    }
  }

  async function headingFindings(options: ConstructorParameters<typeof Client>[0]) {
    const {marker, uri, text} = folderWithScript()
    const other = new Client({capabilities: {}, ...options})
    await other.initialize()
    await other.open(uri, text)
    const {diagnostics} = await other.diagnosticsOf(uri, 1)
    expect(await other.shutdown()).toBe(0)
    const ran = existsSync(marker)
    return {ran, headings: diagnostics.filter((d) => d.code === 'section-heading').length}
  }

  it('loads a settings script in a trusted workspace, as the command line does', async () => {
    expect(await headingFindings({})).toEqual({ran: true, headings: 0})
  })

  it('runs no settings script in a workspace the editor does not trust', async () => {
    expect(await headingFindings({initializationOptions: {workspaceTrusted: false}})).toEqual({
      ran: false,
      headings: 1,
    })
  })

  it('runs none when the allowJsConfig setting is false', async () => {
    const options = {initializationOptions: {sessionLog: {allowJsConfig: false}}}
    expect(await headingFindings(options)).toEqual({ran: false, headings: 1})
  })
})

describe('stats', () => {
  it('answers session-log.stats with the figures of an open log as Markdown', async () => {
    const text = validFixture('payments-team.md')
    const {uri} = await openLog(text)
    const markdown = (await client.executeCommand('session-log.stats', [uri])) as string
    expect(markdown).toMatch(/^## Session log stats\n\n2 entries in 1 log\.\n/)
    // 1h 20m and 1h 15m: the fixture's own figures.
    expect(markdown).toContain('| Session time | 2h 35m |')
    const other = pathToFileURL(join(dir, 'notes', 'README.md')).href
    await client.open(other, '# Notes\n')
    expect(await client.executeCommand('session-log.stats', [other])).toBeNull()
  })
})

describe('robustness', () => {
  const hostile: Array<[string, string]> = [
    ['empty', ''],
    ['only a BOM', '\uFEFF'],
    ['binary', '\u0000\u0001\u0002PNG\u001a\n\u0000\uFFFD\uFFFD'.repeat(200)],
    ['lone surrogates', '# Session Log\n\n## Session: \uD800 \uDFFF\n\n**Date:** \uD83D\n'],
    ['separators only', '---\n---\n---\n'],
    [
      'a broken table',
      '## Session: x\n\n### Output\n\n| Metric |\n|---|---|---|\n| a | b | c | d |\n',
    ],
    ['deep nesting', `${'> '.repeat(500)}- ${'['.repeat(2000)}\n`],
    ['one long line', `## Session: ${'x'.repeat(200_000)}`],
  ]

  it.each(hostile)('survives a document that is %s', async (_name, text) => {
    const {diagnostics} = await openLog(text)
    expect(Array.isArray(diagnostics)).toBe(true)
    // The server still answers after the document.
    const {diagnostics: again} = await openLog(defects)
    expect(again.length).toBeGreaterThan(0)
  })
})

describe('shutdown', () => {
  it('ends the process with code 0 after shutdown and exit', async () => {
    const own = new Client()
    await own.initialize()
    expect(await own.shutdown()).toBe(0)
  })
})
