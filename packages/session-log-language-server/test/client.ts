import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type Command,
  type ConfigurationItem,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node'

/** The built server, as a user's editor starts it. */
export const serverBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

/**
 * A folder in `dir` holding the command `session-log-language-server` that runs the
 * built server, as a global install puts it on the PATH of a real editor; and a project
 * folder beside it with `SESSION_LOG.md` holding `log` and settings that end the search.
 */
export function editorSetup(dir: string, log: string): {bin: string; project: string} {
  const bin = join(dir, 'bin')
  mkdirSync(bin)
  const command = join(bin, 'session-log-language-server')
  writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${serverBin}" "$@"\n`)
  chmodSync(command, 0o755)
  const project = join(dir, 'project')
  mkdirSync(project)
  writeFileSync(join(project, '.session-logrc.json'), '{}\n')
  writeFileSync(join(project, 'SESSION_LOG.md'), log)
  return {bin, project}
}

/**
 * Runs a real editor headless in `project`, the server command of `bin` first on its
 * PATH. The test's driver, run inside it, writes what it saw to `$RESULT_FILE`, which is
 * returned parsed, with the editor's exit status.
 */
export function runEditor<T>(
  editor: string,
  args: string[],
  {dir, bin, project}: {dir: string; bin: string; project: string},
  env: Record<string, string> = {},
): {status: number | null; seen: T} {
  const resultFile = join(dir, 'result.json')
  const result = spawnSync(editor, args, {
    cwd: project,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      RESULT_FILE: resultFile,
      ...env,
    },
  })
  return {status: result.status, seen: JSON.parse(readFileSync(resultFile, 'utf8')) as T}
}

/** What a full-featured editor (VS Code) announces. */
export const richCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: {documentChanges: true},
    didChangeConfiguration: {dynamicRegistration: true},
  },
  textDocument: {
    synchronization: {dynamicRegistration: false},
    publishDiagnostics: {versionSupport: true, codeDescriptionSupport: true},
    codeAction: {
      codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source']}},
    },
  },
}

export interface ClientOptions {
  capabilities?: ClientCapabilities
  rootUri?: string | null
  initializationOptions?: unknown
  /** Answers `workspace/configuration`; `'never'` leaves the request unanswered. */
  configuration?: ((item: ConfigurationItem) => unknown) | 'never'
  /** The server's environment, added to the test's own. */
  env?: Record<string, string>
}

/** A language client over the server's stdio, speaking JSON-RPC as an editor does. */
export class Client {
  readonly connection: ProtocolConnection
  readonly exited: Promise<number | null>
  stderr = ''
  initializeResult: InitializeResult | undefined
  private readonly received: PublishDiagnosticsParams[] = []
  private readonly waiters = new Set<() => void>()
  private readonly versions = new Map<string, number>()
  private readonly applied: WorkspaceEdit[] = []
  /** What the server asked the editor to show (`window/showMessage`). */
  readonly messages: ShowMessageParams[] = []

  /** Ends the server's standard input, as an editor that quits does, without a word. */
  readonly hangUp: () => void

  constructor(private readonly options: ClientOptions = {}) {
    const child = spawn(process.execPath, [serverBin, '--stdio'], {
      stdio: 'pipe',
      env: {...process.env, ...options.env},
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (this.stderr += chunk))
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
    this.hangUp = () => {
      child.stdin.end()
      child.stdout.destroy()
    }
    this.connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    )
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.received.push(params)
      for (const wake of this.waiters) wake()
    })
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      const answer = this.options.configuration
      if (answer === 'never') return new Promise<never>(() => {})
      return params.items.map((item) => (answer ? answer(item) : null))
    })
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params)
      for (const wake of this.waiters) wake()
    })
    this.connection.onRequest(RegistrationRequest.type, () => undefined)
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, ({edit}) => {
      this.applied.push(edit)
      for (const wake of this.waiters) wake()
      return {applied: true}
    })
    this.connection.listen()
  }

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      capabilities: this.options.capabilities ?? richCapabilities,
      initializationOptions: this.options.initializationOptions,
    })
    await this.connection.sendNotification(InitializedNotification.type, {})
    return this.initializeResult
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1)
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId, version: 1, text},
    })
  }

  /** Sends changes and returns the document's new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1
    this.versions.set(uri, version)
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version},
      contentChanges: changes,
    })
    return version
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: {uri},
    })
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {settings})
  }

  /**
   * The first diagnostics published for `uri` that satisfy `accept` and were not yet
   * taken by an earlier call; fails after `timeout` ms naming what did arrive.
   */
  diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeout = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const index = this.received.findIndex((params) => params.uri === uri && accept(params))
        if (index === -1) return false
        const [params] = this.received.splice(index, 1)
        this.waiters.delete(look)
        clearTimeout(timer)
        resolve(params!)
        return true
      }
      const timer = setTimeout(() => {
        this.waiters.delete(look)
        const seen = this.received.map((params) => `${params.uri}@${params.version}`).join(', ')
        reject(
          new Error(`No diagnostics for ${uri} in ${timeout} ms (unclaimed: ${seen || 'none'})`),
        )
      }, timeout)
      if (!look()) this.waiters.add(look)
    })
  }

  /** Diagnostics of one version of the document. */
  diagnosticsOf(uri: string, version: number, timeout?: number) {
    return this.diagnostics(uri, (params) => params.version === version, timeout)
  }

  /** Whether anything arrived for `uri` that no call has taken. */
  unclaimed(uri: string): PublishDiagnosticsParams[] {
    return this.received.filter((params) => params.uri === uri)
  }

  codeActions(uri: string, range: Range, context: CodeActionContext) {
    return this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range,
      context,
    }) as Promise<Array<CodeAction | Command> | null>
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action)
  }

  executeCommand(command: string, args: unknown[]) {
    return this.connection.sendRequest(ExecuteCommandRequest.type, {command, arguments: args})
  }

  /** The next edit the server asked the client to apply (workspace/applyEdit). */
  appliedEdit(timeout = 10_000): Promise<WorkspaceEdit> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const edit = this.applied.shift()
        if (!edit) return false
        this.waiters.delete(look)
        clearTimeout(timer)
        resolve(edit)
        return true
      }
      const timer = setTimeout(() => {
        this.waiters.delete(look)
        reject(new Error(`No workspace/applyEdit in ${timeout} ms`))
      }, timeout)
      if (!look()) this.waiters.add(look)
    })
  }

  /** The next message the server shows, waiting up to `timeout` ms for it. */
  message(timeout = 10_000): Promise<ShowMessageParams> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const message = this.messages.shift()
        if (!message) return false
        this.waiters.delete(look)
        clearTimeout(timer)
        resolve(message)
        return true
      }
      const timer = setTimeout(() => {
        this.waiters.delete(look)
        reject(new Error(`No window/showMessage in ${timeout} ms`))
      }, timeout)
      if (!look()) this.waiters.add(look)
    })
  }

  /** Shuts the server down politely and returns its exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type)
    await this.connection.sendNotification(ExitNotification.type)
    const code = await this.exited
    this.connection.dispose()
    return code
  }
}
