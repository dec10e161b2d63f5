import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type ConfigurationItem,
  type Diagnostic,
} from 'vscode-languageserver-protocol'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {documentSettings, readEditorSettings} from '../src/settings.js'
import {Client} from './client.js'
import {defects} from './documents.js'

const cliBin = fileURLToPath(new URL('../../session-log/dist/bin.js', import.meta.url))

let dir: string
let count = 0
const clients: Client[] = []

/** A fresh folder under the test folder, with a config file that ends the search there. */
function project(config: Record<string, string> = {'.session-logrc.json': '{}'}): string {
  count++
  const folder = join(dir, `project-${count}`)
  mkdirSync(folder, {recursive: true})
  for (const [name, text] of Object.entries(config)) writeFileSync(join(folder, name), text)
  return folder
}

function uriOf(...parts: string[]): string {
  return pathToFileURL(join(...parts)).href
}

function start(options: ConstructorParameters<typeof Client>[0]): Client {
  const client = new Client(options)
  clients.push(client)
  return client
}

function byCode(diagnostics: Diagnostic[]): Record<string, DiagnosticSeverity | undefined> {
  return Object.fromEntries(diagnostics.map((d) => [String(d.code), d.severity]))
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'session-log-lsp-settings-'))
})

afterEach(async () => {
  for (const client of clients.splice(0)) {
    expect(await client.shutdown()).toBe(0)
  }
})

afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('editor settings', () => {
  it('asks the editor for the document’s `sessionLog` section and applies its severities', async () => {
    const asked: ConfigurationItem[] = []
    const client = start({
      configuration: (item) => {
        asked.push(item)
        return {rules: {'section-heading': 'off', 'field-date': 'warn'}}
      },
    })
    await client.initialize()
    const uri = uriOf(project(), 'SESSION_LOG.md')
    await client.open(uri, defects)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(asked).toContainEqual({scopeUri: uri, section: 'sessionLog'})
    const codes = byCode(diagnostics)
    expect(codes).not.toHaveProperty('section-heading')
    expect(codes['field-date']).toBe(DiagnosticSeverity.Warning)
    expect(codes['document-title']).toBe(DiagnosticSeverity.Error)
  })

  it('checks the files the `files` glob names instead of SESSION_LOG.md', async () => {
    const client = start({configuration: () => ({files: ['logs/*.md']})})
    const folder = project()
    await client.initialize()
    // Globs are relative to the workspace folder.
    const folderClient = start({
      rootUri: pathToFileURL(folder).href,
      configuration: () => ({files: 'logs/*.md'}),
    })
    await folderClient.initialize()
    const inLogs = uriOf(folder, 'logs', 'march.md')
    await folderClient.open(inLogs, defects)
    const {diagnostics} = await folderClient.diagnosticsOf(inLogs, 1)
    expect(diagnostics.length).toBeGreaterThan(0)

    const standard = uriOf(folder, 'SESSION_LOG.md')
    await folderClient.open(standard, defects)
    const wholeDocument = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    const actions = await folderClient.codeActions(standard, wholeDocument, {diagnostics: []})
    expect(actions).toEqual([])
    expect(folderClient.unclaimed(standard)).toEqual([])

    // Without a workspace folder, a glob with a slash cannot match a file outside it.
    await client.open(inLogs, defects)
    expect(await client.codeActions(inLogs, wholeDocument, {diagnostics: []})).toEqual([])
    expect(client.unclaimed(inLogs)).toEqual([])
  })

  it('checks again with new settings when they change', async () => {
    let rules: Record<string, string> = {}
    const client = start({configuration: () => ({rules})})
    await client.initialize()
    const uri = uriOf(project(), 'SESSION_LOG.md')
    await client.open(uri, defects)
    const before = await client.diagnosticsOf(uri, 1)
    expect(byCode(before.diagnostics)).toHaveProperty('kill-switch')
    rules = {'kill-switch': 'off'}
    await client.changeConfiguration(null)
    const after = await client.diagnosticsOf(uri, 1)
    expect(byCode(after.diagnostics)).not.toHaveProperty('kill-switch')
    expect(after.diagnostics.length).toBe(before.diagnostics.length - 1)
  })

  it('takes settings pushed by a client that cannot be asked', async () => {
    const client = start({
      capabilities: {},
      initializationOptions: {sessionLog: {rules: {'checkbox-format': 'warn'}}},
    })
    await client.initialize()
    const uri = uriOf(project(), 'SESSION_LOG.md')
    await client.open(uri, defects)
    const first = await client.diagnosticsOf(uri, 1)
    expect(byCode(first.diagnostics)['checkbox-format']).toBe(DiagnosticSeverity.Warning)
    await client.changeConfiguration({sessionLog: {rules: {'checkbox-format': 'off'}}})
    const second = await client.diagnosticsOf(uri, 1)
    expect(byCode(second.diagnostics)).not.toHaveProperty('checkbox-format')
  })

  it('still publishes diagnostics when the client never answers the settings request', async () => {
    const client = start({configuration: 'never'})
    await client.initialize()
    const uri = uriOf(project(), 'SESSION_LOG.md')
    await client.open(uri, defects)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(byCode(diagnostics)).toHaveProperty('section-heading')
  })
})

describe('config files', () => {
  it('takes the thresholds a settings file may set, the settings file winning key by key', () => {
    const {settings, problems} = readEditorSettings({maxLines: 120, rotSignals: 3, maxHours: 'x'})
    expect(settings.thresholds).toEqual({maxLines: 120, rotSignals: 3})
    expect(problems).toEqual(['"sessionLog.maxHours" should be a number, 0 or more'])
    const path = join(tmpdir(), 'SESSION_LOG.md')
    expect(documentSettings(path, settings, undefined, {rotSignals: 4}).options).toEqual({
      maxLines: 120,
      rotSignals: 4,
    })
  })

  it('applies an editor threshold to the checks', async () => {
    const client = start({configuration: () => ({maxLines: 10})})
    await client.initialize()
    const uri = uriOf(project(), 'SESSION_LOG.md')
    await client.open(uri, defects)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(
      diagnostics.some(
        (d) => d.code === 'heartbeat-budget' && /fewer than 10;/.test(String(d.message)),
      ),
    ).toBe(true)
  })

  it('reads .session-logrc.json, which wins over the editor rule by rule', async () => {
    const folder = project({'.session-logrc.json': '{"rules": {"field-date": "off"}}'})
    const client = start({
      configuration: () => ({rules: {'field-date': 'error', 'section-heading': 'warn'}}),
    })
    await client.initialize()
    const uri = uriOf(folder, 'nested', 'SESSION_LOG.md')
    await client.open(uri, defects)
    const codes = byCode((await client.diagnosticsOf(uri, 1)).diagnostics)
    expect(codes).not.toHaveProperty('field-date')
    expect(codes['section-heading']).toBe(DiagnosticSeverity.Warning)
  })

  it('reads the `sessionLog` field of package.json and its template path', async () => {
    const builtin = new URL(
      '../../remark-session-log/templates/session-log.v0.2.md',
      import.meta.url,
    )
    const template = readFileSync(builtin, 'utf8').replace('# Session Log', '# Team Log')
    const folder = project({
      'package.json': JSON.stringify({
        name: 'team',
        sessionLog: {template: 'docs/template.md', rules: {'kill-switch': 'off'}},
      }),
    })
    mkdirSync(join(folder, 'docs'))
    writeFileSync(join(folder, 'docs', 'template.md'), template)
    const client = start({configuration: () => null})
    await client.initialize()
    const uri = uriOf(folder, 'SESSION_LOG.md')
    await client.open(uri, defects.replace(/^# .*/, '# Session Log'))
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    const title = diagnostics.find((d) => d.code === 'document-title')
    expect(title?.message).toContain('"Team Log"')
    expect(byCode(diagnostics)).not.toHaveProperty('kill-switch')
  })

  it('reads every config file the command line reads, and reports what it reports', async () => {
    const folder = project({
      '.session-logrc.yml': 'rules:\n  field-date: "off"\n  section-heading: warn\n',
    })
    writeFileSync(join(folder, 'SESSION_LOG.md'), defects)
    const client = start({configuration: () => null})
    await client.initialize()
    const uri = uriOf(folder, 'SESSION_LOG.md')
    await client.open(uri, defects)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(byCode(diagnostics)).not.toHaveProperty('field-date')
    expect(byCode(diagnostics)['section-heading']).toBe(DiagnosticSeverity.Warning)

    const run = spawnSync(process.execPath, [cliBin, 'check', '-f', 'json', 'SESSION_LOG.md'], {
      cwd: folder,
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(1)
    const reported = (JSON.parse(run.stdout) as Array<{ruleId: string; line: number}>).map(
      (finding) => `${finding.line}:${finding.ruleId}`,
    )
    const shown = diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`)
    expect(shown.sort()).toEqual(reported.sort())
  })

  it('leaves alone a log that .session-logignore lists, as the command line does', async () => {
    const folder = project({'.session-logrc.json': '{}', '.session-logignore': 'archive/\n'})
    const client = start({configuration: () => null})
    await client.initialize()
    const archived = uriOf(folder, 'archive', 'SESSION_LOG.md')
    await client.open(archived, defects)
    const current = uriOf(folder, 'SESSION_LOG.md')
    await client.open(current, defects)
    expect((await client.diagnosticsOf(current, 1)).diagnostics.length).toBeGreaterThan(0)
    const wholeDocument = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    expect(await client.codeActions(archived, wholeDocument, {diagnostics: []})).toEqual([])
    expect(client.unclaimed(archived)).toEqual([])
  })

  it('reports a broken config file on the document instead of failing', async () => {
    const folder = project({'.session-logrc.json': '{"rules": '})
    const client = start({configuration: () => null})
    await client.initialize()
    const uri = uriOf(folder, 'SESSION_LOG.md')
    await client.open(uri, defects)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]!.message).toContain('.session-logrc.json')
    expect(diagnostics[0]!.range.start).toEqual({line: 0, character: 0})

    // Mended and announced by the editor's file watcher, the file is read again.
    writeFileSync(join(folder, '.session-logrc.json'), '{"rules": {}}')
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{uri: uriOf(folder, '.session-logrc.json'), type: FileChangeType.Changed}],
    })
    const mended = await client.diagnosticsOf(uri, 1)
    expect(byCode(mended.diagnostics)).toHaveProperty('section-heading')
  })

  it('reports a template that cannot be read', async () => {
    const client = start({configuration: () => ({template: 'missing/template.md'})})
    await client.initialize()
    const uri = uriOf(project(), 'SESSION_LOG.md')
    await client.open(uri, defects)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]!.message).toContain('template.md')
  })
})

describe('file globs', () => {
  const folder = join(tmpdir(), 'workspace')
  const matches = (path: string, files?: string | string[]) =>
    documentSettings(join(folder, path), readEditorSettings({files}).settings, folder, undefined)
      .matches

  it('takes SESSION_LOG.md anywhere by default, and nothing else', () => {
    expect(matches('SESSION_LOG.md')).toBe(true)
    expect(matches('docs/team/SESSION_LOG.md')).toBe(true)
    expect(matches('../elsewhere/SESSION_LOG.md')).toBe(true)
    expect(matches('docs/session_log.md')).toBe(false)
    expect(matches('README.md')).toBe(false)
  })

  it('matches a glob with a slash from the workspace folder, one without by file name', () => {
    expect(matches('logs/march.md', 'logs/*.md')).toBe(true)
    expect(matches('docs/logs/march.md', 'logs/*.md')).toBe(false)
    expect(matches('docs/logs/march.md', '*.log.md')).toBe(false)
    expect(matches('docs/march.log.md', '*.log.md')).toBe(true)
    expect(matches('../logs/march.md', 'logs/*.md')).toBe(false)
  })
})
