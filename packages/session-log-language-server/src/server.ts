import {basename, dirname, isAbsolute, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  fix,
  insertEntry,
  Linter,
  migrate,
  MigrateError,
  stats,
  templateFor,
  type Finding,
  type Inserted,
  type Options,
} from 'remark-session-log'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {projectFileNames, projectSettings, type ProjectSettings} from 'session-log/project'
import {statsMarkdown} from 'session-log/stats'
import {
  bomLength,
  diagnosticSource,
  diffEdits,
  problemDiagnostic,
  readDiagnosticData,
  toDiagnostic,
  toTextEdits,
} from './convert.js'
import {engineerName} from './engineer.js'
import {documentSettings, readEditorSettings, type EditorSettings} from './settings.js'

/** `editor.codeActionsOnSave: {"source.fixAll.session-log": "explicit"}` runs it on save. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.session-log`
export const newEntryKind = `${CodeActionKind.Source}.newEntry.session-log`
/** Offered on the header of a 0.2 log: the same rewrite as `session-log migrate --to 0.3`. */
export const migrateKind = `${CodeActionKind.RefactorRewrite}.migrate.session-log`

/** Commands that make the edit of an action, for clients that cannot resolve actions. */
const commandKinds = new Map([
  ['session-log.fixAll', fixAllKind],
  ['session-log.insertEntry', newEntryKind],
  ['session-log.migrate', migrateKind],
])

/** Answers with the figures of a log as Markdown: `{command, arguments: [uri]}`. */
const statsCommand = 'session-log.stats'

/** Quiet time after an edit before the document is checked again. */
export const changeDelay = 150

/**
 * How long to wait for the client to answer `workspace/configuration`. A client that
 * never answers must not stall diagnostics: after this the last known settings apply.
 */
const configurationTimeout = 2000

/** The state of one open document after its latest check. */
interface Checked {
  version: number
  /** Settings generation it was checked with; a settings change makes it stale. */
  generation: number
  matches: boolean
  options: Options
  findings: Finding[]
  diagnostics: Diagnostic[]
}

interface Resolved {
  matches: boolean
  options: Options
  /** Why the settings could not be used (a broken config file); shown as a diagnostic. */
  problem?: string
}

/** What the server keeps of one open document. */
interface OpenDocument {
  /** The latest check. */
  checked?: Checked
  /** The check waiting for a pause in typing. */
  timer?: ReturnType<typeof setTimeout>
  /** Counts the checks started: one that finds a newer one started drops its result. */
  ticket: number
  /** Whether its diagnostics are shown, so that closing or leaving the globs clears them. */
  published: boolean
  settings?: Promise<Resolved>
  /** Keeps each entry's findings, so a check after an edit costs about that entry. */
  linter?: {key: string; linter: Linter}
}

interface ActionData {
  uri: string
  kind: string
}

/** Serves session-log diagnostics and fixes on `connection` until the client exits. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  let client: ClientCapabilities = {}
  let folders: string[] = []
  let fallbackSettings: EditorSettings = {}
  /** Whether the editor trusts the workspace; without trust no settings script runs. */
  let trusted = true
  let generation = 0
  /** What the server keeps of each open document, by URI; dropped when it closes. */
  const open = new Map<string, OpenDocument>()
  const projects = new Map<string, Promise<ProjectSettings>>()

  function stateOf(uri: string): OpenDocument {
    let state = open.get(uri)
    if (!state) {
      state = {ticket: 0, published: false}
      open.set(uri, state)
    }
    return state
  }

  // The client may go away at any moment (an editor quits during a long check); what the
  // server still has to say then goes nowhere, and must not end it with an error.
  const log = (message: string) => {
    try {
      connection.console.log(message)
    } catch {
      // The connection is closed.
    }
  }
  // A notification, not window/showMessageRequest: nothing to answer, nothing to wait for.
  const tell = (message: string) => {
    connection
      .sendNotification(ShowMessageNotification.type, {type: MessageType.Warning, message})
      .catch(() => undefined)
  }
  const publish = (params: Parameters<Connection['sendDiagnostics']>[0]) => {
    connection.sendDiagnostics(params).catch(() => undefined)
  }

  connection.onInitialize((params) => {
    client = params.capabilities
    folders = (params.workspaceFolders ?? [])
      .map((folder) => filePath(folder.uri))
      .filter((path): path is string => path !== undefined)
    if (folders.length === 0 && params.rootUri) {
      const root = filePath(params.rootUri)
      if (root) folders = [root]
    }
    const init = params.initializationOptions as
      {sessionLog?: unknown; workspaceTrusted?: unknown} | undefined
    fallbackSettings = editorSettings(init?.sessionLog)
    // VS Code's restricted mode: the folder's code must not run (its extension says so).
    trusted = init?.workspaceTrusted !== false
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, fixAllKind, newEntryKind, migrateKind],
          resolveProvider: true,
        },
        executeCommandProvider: {commands: [...commandKinds.keys(), statsCommand]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
      },
      serverInfo: {name: 'session-log-language-server'},
    }
  })

  connection.onInitialized(() => {
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: 'sessionLog',
      })
    }
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: projectFileNames.map((name) => ({
          globPattern: `**/${name}`,
        })),
      })
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => filePath(folder.uri)))
        folders = folders.filter((folder) => !removed.has(folder))
        for (const folder of event.added) {
          const path = filePath(folder.uri)
          if (path) folders.push(path)
        }
        settingsChanged()
      })
    }
  })

  connection.onDidChangeConfiguration((params) => {
    const settings = params.settings as {sessionLog?: unknown} | null | undefined
    if (settings?.sessionLog !== undefined) fallbackSettings = editorSettings(settings.sessionLog)
    settingsChanged()
  })

  connection.onDidChangeWatchedFiles(() => {
    projects.clear()
    settingsChanged()
  })

  function settingsChanged() {
    generation++
    for (const state of open.values()) state.settings = undefined
    for (const document of documents.all()) schedule(document.uri, 0)
  }

  function editorSettings(value: unknown): EditorSettings {
    const {settings, problems} = readEditorSettings(value)
    for (const problem of problems) log(`Ignoring a setting: ${problem}`)
    return settings
  }

  // Checking

  documents.onDidChangeContent(({document}) => {
    // The first version of a document is checked at once; edits wait for a pause.
    const state = stateOf(document.uri)
    const known = state.checked !== undefined || state.timer !== undefined
    schedule(document.uri, known ? changeDelay : 0)
  })

  documents.onDidClose(({document}) => {
    const state = open.get(document.uri)
    clearTimeout(state?.timer)
    open.delete(document.uri)
    if (state?.published) publish({uri: document.uri, diagnostics: []})
  })

  function schedule(uri: string, delay: number) {
    const state = stateOf(uri)
    clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void validate(uri)
    }, delay)
  }

  /** Checks the document as it is now and publishes the result. */
  async function validate(uri: string): Promise<Checked | undefined> {
    const state = stateOf(uri)
    const ticket = ++state.ticket
    const settingsGeneration = generation
    const settings = await settingsFor(uri)
    const document = documents.get(uri)
    // Closed meanwhile, or a newer check started while this one waited for settings.
    if (!document || open.get(uri) !== state || state.ticket !== ticket) {
      return open.get(uri)?.checked
    }
    const result = check(document, settings, settingsGeneration)
    state.checked = result
    // A session log always gets a (maybe empty) list; other files only lose an old one.
    if (result.matches || state.published) {
      state.published = result.matches
      publish({uri, version: document.version, diagnostics: result.diagnostics})
    }
    return result
  }

  function check(document: TextDocument, settings: Resolved, settingsGeneration: number): Checked {
    const base = {
      version: document.version,
      generation: settingsGeneration,
      matches: settings.matches,
      options: settings.options,
    }
    if (!settings.matches) return {...base, findings: [], diagnostics: []}
    if (settings.problem) {
      return {...base, findings: [], diagnostics: [problemDiagnostic(settings.problem)]}
    }
    const text = document.getText()
    try {
      const findings = linterFor(document.uri, settings.options).lint(text).findings
      const bom = bomLength(text)
      const diagnostics = findings.map((finding) => toDiagnostic(document, bom, finding))
      return {...base, findings, diagnostics}
    } catch (error) {
      // A template that cannot be read or parsed ends here; the file itself never should.
      const message = `session-log could not check this file: ${errorMessage(error)}`
      log(`${document.uri}: ${message}`)
      return {...base, findings: [], diagnostics: [problemDiagnostic(message)]}
    }
  }

  /**
   * One linter per document: it keeps each entry's findings, so checking after an edit
   * costs about the edited entry. A new day or new options start a new one.
   */
  function linterFor(uri: string, options: Options): Linter {
    const key = JSON.stringify([options, new Date().toDateString()])
    const state = stateOf(uri)
    if (state.linter?.key !== key) state.linter = {key, linter: new Linter(options)}
    return state.linter.linter
  }

  /** The latest check of the document, made now if the last one is stale. */
  async function upToDate(document: TextDocument): Promise<Checked | undefined> {
    const state = stateOf(document.uri)
    const last = state.checked
    if (last && last.version === document.version && last.generation === generation) return last
    clearTimeout(state.timer)
    state.timer = undefined
    return validate(document.uri)
  }

  /** The document's settings, read once while it is open (and again after a change). */
  function settingsFor(uri: string): Promise<Resolved> {
    const state = open.get(uri)
    if (!state) return resolveSettings(uri)
    state.settings ??= resolveSettings(uri)
    return state.settings
  }

  async function resolveSettings(uri: string): Promise<Resolved> {
    const path = filePath(uri) ?? uriPath(uri)
    const editor = await askEditor(uri)
    const folder = folders
      .filter((folder) => isInside(path, folder))
      .sort((a, b) => b.length - a.length)[0]
    let project: ProjectSettings | undefined
    try {
      const allowJs = trusted && editor.allowJsConfig !== false
      project = filePath(uri) ? await projectOf(path, allowJs) : undefined
    } catch (error) {
      const settings = documentSettings(path, editor, folder, undefined)
      return {...settings, problem: `session-log could not read its config: ${errorMessage(error)}`}
    }
    const settings = documentSettings(path, editor, folder, project?.settings)
    // A log the command skips is no log to the editor either.
    return project?.ignored ? {...settings, matches: false} : settings
  }

  async function askEditor(uri: string): Promise<EditorSettings> {
    if (!client.workspace?.configuration) return fallbackSettings
    const answer = connection.workspace.getConfiguration({scopeUri: uri, section: 'sessionLog'})
    const value = await within(answer, configurationTimeout).catch((error: unknown) => {
      log(`workspace/configuration failed: ${errorMessage(error)}`)
      return undefined
    })
    if (value === timedOut) {
      log(`No answer to workspace/configuration within ${configurationTimeout} ms`)
      return fallbackSettings
    }
    // No answer, or no such section: the settings given at start or pushed since.
    return value === undefined || value === null ? fallbackSettings : editorSettings(value)
  }

  /** What the command line applies to the log at `path`: config file and ignore file. */
  function projectOf(path: string, allowJs: boolean): Promise<ProjectSettings> {
    const key = `${allowJs}:${path}`
    let project = projects.get(key)
    if (!project) {
      project = projectSettings(path, {allowJs})
      projects.set(key, project)
      // A broken file is read again next time, once the author has had a chance to fix it.
      project.catch(() => projects.delete(key))
    }
    return project
  }

  // Code actions

  connection.onCodeAction(async (params: CodeActionParams) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const state = await upToDate(document)
    if (!state?.matches) return []
    const only = params.context.only
    const wants = (kind: string) =>
      !only || only.some((want) => kind === want || kind.startsWith(`${want}.`))
    const actions: CodeAction[] = []
    if (wants(CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(document, state, params.context.diagnostics))
    }
    const offered: CodeAction[] = []
    if (wants(fixAllKind) && state.findings.some((finding) => finding.edits)) {
      offered.push({title: 'Fix all session-log problems', kind: fixAllKind})
    }
    if (wants(newEntryKind)) offered.push({title: 'Insert new session entry', kind: newEntryKind})
    if (wants(migrateKind) && readsAs02(document, params.range.start.line)) {
      offered.push({title: 'Migrate this log to the 0.3 Heartbeat Log', kind: migrateKind})
    }
    for (const action of offered) {
      // Fix-all and a new entry each cost a pass over the whole log. A lightbulb asks for
      // every kind on each cursor move, so there the edit waits until the action is
      // chosen: resolved, or made by a command where the client cannot resolve. Asked
      // for by kind (on save, a key binding), or by a client that can neither resolve
      // nor apply an edit the server sends (ALE), the edit comes at once.
      if (!only && canResolve()) actions.push(withData(action, document))
      else if (!only && canApplyEdits()) actions.push(withCommand(action, document))
      else {
        const complete = await complement(action, document, state)
        if (complete) actions.push(complete)
      }
    }
    return actions
  })

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as ActionData | undefined
    const document = data && documents.get(data.uri)
    if (!data || !document) return action
    const state = await upToDate(document)
    if (!state?.matches) return action
    return (await complement({...action, kind: data.kind}, document, state)) ?? action
  })

  connection.onExecuteCommand(async ({command, arguments: args}) => {
    const uri = args?.[0]
    if (command === statsCommand) return typeof uri === 'string' ? statsOf(uri) : null
    const kind = commandKinds.get(command)
    const document = typeof uri === 'string' ? documents.get(uri) : undefined
    if (!kind || !document) return null
    const state = await upToDate(document)
    if (!state?.matches) return null
    if (!canApplyEdits()) {
      tell(
        'session-log: this editor cannot apply edits the server sends; use the code action instead',
      )
      return null
    }
    const action = await complement({title: command, kind}, document, state)
    if (action?.edit) {
      // Not awaited without end: a client that never answers must not hold the server.
      void within(connection.workspace.applyEdit({label: action.title, edit: action.edit}), 10_000)
        .then((result) => {
          if (result === timedOut || !result.applied) log(`${uri}: the edit was not applied`)
        })
        .catch((error: unknown) =>
          log(`${uri}: workspace/applyEdit failed: ${errorMessage(error)}`),
        )
    }
    return null
  })

  /** Whether the client takes `workspace/applyEdit` (ALE, for one, does not). */
  function canApplyEdits(): boolean {
    return client.workspace?.applyEdit === true
  }

  /** The figures of an open log as Markdown (`session-log stats -f markdown`); null for no log. */
  async function statsOf(uri: string): Promise<string | null> {
    const document = documents.get(uri)
    if (!document) return null
    const settings = await settingsFor(uri)
    if (!settings.matches) return null
    const path = filePath(uri) ?? uriPath(uri)
    const figures = stats([{text: document.getText(), path: basename(path)}], settings.options)
    return statsMarkdown(figures, {logs: 1, window: {}})
  }

  function canResolve(): boolean {
    return client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false
  }

  /** The action with its edit, or undefined when there is nothing to do. */
  async function complement(action: CodeAction, document: TextDocument, state: Checked) {
    if (action.kind === fixAllKind) return fixAll(action, document, state)
    if (action.kind === newEntryKind) return newEntry(action, document, state)
    if (action.kind === migrateKind) return migrateLog(action, document)
    return undefined
  }

  /** Whether `line` is in the header of a log that reads as 0.2, where migrating is offered. */
  function readsAs02(document: TextDocument, line: number): boolean {
    const text = document.getText()
    // The header ends at its `---` or the first entry heading.
    const header = /^(?: {0,3}(?:-[ \t]*){3,}|## )/m.exec(text)
    const headerLines = header ? text.slice(0, header.index).split(/\r\n|\n|\r/).length : Infinity
    return line < headerLines && templateFor(text.replace(/^\uFEFF/, '')).id === 'session-log.v0.2'
  }

  function migrateLog(action: CodeAction, document: TextDocument) {
    const text = document.getText()
    let output: string
    try {
      output = migrate(text, '0.3').output
    } catch (error) {
      if (!(error instanceof MigrateError)) throw error
      log(`${document.uri}: cannot migrate: ${error.message}`)
      return undefined
    }
    const edits = diffEdits(text, output)
    if (edits.length === 0) return undefined
    return {...action, edit: workspaceEdit(document, toTextEdits(document, 0, edits))}
  }

  function quickFixes(document: TextDocument, state: Checked, wanted: Diagnostic[]): CodeAction[] {
    const bom = bomLength(document.getText())
    const actions: CodeAction[] = []
    for (const diagnostic of wanted) {
      const finding = findingOf(state, diagnostic)
      if (!finding?.edits) continue
      const expected = finding.expected?.length === 1 ? finding.expected[0] : undefined
      actions.push({
        title: expected === undefined ? `Fix: ${finding.message}` : `Replace with "${expected}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: workspaceEdit(document, toTextEdits(document, bom, finding.edits)),
      })
    }
    return actions
  }

  function fixAll(action: CodeAction, document: TextDocument, state: Checked) {
    const text = document.getText()
    let output: string
    try {
      // The document's own linter has checked this text already.
      output = fix(text, state.options, linterFor(document.uri, state.options)).output
    } catch (error) {
      // Editors do not show the log: a save that leaves the file unfixed says why.
      const message = `session-log could not fix this log: ${errorMessage(error)}`
      log(`${document.uri}: ${message}`)
      tell(message)
      return undefined
    }
    // `fix` keeps the BOM, so both texts are compared as the editor has them.
    const edits = diffEdits(text, output)
    if (edits.length === 0) return undefined
    return {...action, edit: workspaceEdit(document, toTextEdits(document, 0, edits))}
  }

  /** The same entry `session-log new` writes: today, the git user, the newest entry's tool. */
  async function newEntry(action: CodeAction, document: TextDocument, state: Checked) {
    const path = filePath(document.uri)
    const engineer = path ? await engineerName(dirname(path)) : undefined
    const text = document.getText()
    let inserted: Inserted
    try {
      inserted = insertEntry(text, engineer ? {engineer} : {}, state.options)
    } catch (error) {
      log(`${document.uri}: cannot insert an entry: ${errorMessage(error)}`)
      return undefined
    }
    const edits = toTextEdits(document, bomLength(text), [inserted.edit])
    return {...action, edit: workspaceEdit(document, edits)}
  }

  function withData(action: CodeAction, document: TextDocument): CodeAction {
    const data: ActionData = {uri: document.uri, kind: action.kind ?? ''}
    return {...action, data}
  }

  function withCommand(action: CodeAction, document: TextDocument): CodeAction {
    const command = [...commandKinds].find(([, kind]) => kind === action.kind)?.[0] ?? ''
    return {...action, command: {title: action.title, command, arguments: [document.uri]}}
  }

  function workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (client.workspace?.workspaceEdit?.documentChanges) {
      return {
        documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}],
      }
    }
    return {changes: {[document.uri]: edits}}
  }

  documents.listen(connection)
  connection.listen()
}

/**
 * The finding a diagnostic the client sent back stands for. Clients change what they
 * echo: Neovim 0.7 sends byte columns, ALE drops `source` and `data`. The finding is
 * found by `data` (its rule and offsets), else by an exact match, else as the one
 * finding of the diagnostic's rule on the lines it covers.
 */
function findingOf(state: Checked, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== diagnosticSource) return undefined
  const data = readDiagnosticData(diagnostic.data)
  if (data) {
    return state.findings.find(
      (finding) =>
        finding.ruleId === data.ruleId &&
        finding.start.offset === data.start &&
        finding.end.offset === data.end,
    )
  }
  const exact = state.diagnostics.findIndex((own) => sameDiagnostic(own, diagnostic))
  if (exact !== -1) return state.findings[exact]
  const {start, end} = diagnostic.range
  const near = state.findings.filter((finding, index) => {
    const own = state.diagnostics[index]?.range
    return (
      finding.ruleId === diagnostic.code &&
      own !== undefined &&
      own.start.line <= end.line &&
      start.line <= own.end.line
    )
  })
  if (near.length <= 1) return near[0]
  return near.find((finding) => finding.message === diagnostic.message)
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  )
}

const timedOut = Symbol('timed out')

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/** The path part of a URI that is not a file (`untitled:`, a remote file system). */
function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname)
  } catch {
    return uri
  }
}

function isInside(path: string, folder: string): boolean {
  const local = relative(folder, path)
  return local !== '' && !local.startsWith('..') && !isAbsolute(local)
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
