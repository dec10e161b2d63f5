import {isAbsolute, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Options} from 'remark-session-log'
import type {InitializeParams, WorkspaceFoldersChangeEvent} from 'vscode-languageserver'
import {projectSettings, type ProjectSettings} from 'session-log/project'
import {errorMessage, timedOut, within, type Client} from './client.js'
import {documentSettings, readEditorSettings, type EditorSettings} from './settings.js'

/**
 * How long to wait for the client to answer `workspace/configuration`. A client that
 * never answers must not stall diagnostics: after this the last known settings apply.
 */
const configurationTimeout = 2000

export interface Resolved {
  matches: boolean
  options: Options
  /** Why the settings could not be used (a broken config file); shown as a diagnostic. */
  problem?: string
}

/**
 * What applies to a document: the editor's settings, the workspace folder it is in, and
 * the config and ignore files the command line would read for it.
 */
export class Workspace {
  private folders: string[] = []
  private fallbackSettings: EditorSettings = {}
  /** Whether the editor trusts the workspace; without trust no settings script runs. */
  private trusted = true
  private readonly projects = new Map<string, Promise<ProjectSettings>>()

  constructor(private readonly client: Client) {}

  initialize(params: InitializeParams): void {
    this.folders = (params.workspaceFolders ?? [])
      .map((folder) => filePath(folder.uri))
      .filter((path): path is string => path !== undefined)
    if (this.folders.length === 0 && params.rootUri) {
      const root = filePath(params.rootUri)
      if (root) this.folders = [root]
    }
    const init = params.initializationOptions as
      {sessionLog?: unknown; workspaceTrusted?: unknown} | undefined
    this.fallbackSettings = this.editorSettings(init?.sessionLog)
    // VS Code's restricted mode: the folder's code must not run (its extension says so).
    this.trusted = init?.workspaceTrusted !== false
  }

  changeFolders(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => filePath(folder.uri)))
    this.folders = this.folders.filter((folder) => !removed.has(folder))
    for (const folder of event.added) {
      const path = filePath(folder.uri)
      if (path) this.folders.push(path)
    }
  }

  /** The editor's settings pushed with `workspace/didChangeConfiguration`. */
  changeConfiguration(settings: {sessionLog?: unknown} | null | undefined): void {
    if (settings?.sessionLog !== undefined) {
      this.fallbackSettings = this.editorSettings(settings.sessionLog)
    }
  }

  /** A config or ignore file changed: each is read again. */
  forgetProjects(): void {
    this.projects.clear()
  }

  async resolve(uri: string): Promise<Resolved> {
    const path = filePath(uri) ?? uriPath(uri)
    const editor = await this.askEditor(uri)
    const folder = this.folders
      .filter((folder) => isInside(path, folder))
      .sort((a, b) => b.length - a.length)[0]
    let project: ProjectSettings | undefined
    try {
      const allowJs = this.trusted && editor.allowJsConfig !== false
      project = filePath(uri) ? await this.projectOf(path, allowJs) : undefined
    } catch (error) {
      const settings = documentSettings(path, editor, folder, undefined)
      return {...settings, problem: `session-log could not read its config: ${errorMessage(error)}`}
    }
    const settings = documentSettings(path, editor, folder, project?.settings)
    // A log the command skips is no log to the editor either.
    return project?.ignored ? {...settings, matches: false} : settings
  }

  private editorSettings(value: unknown): EditorSettings {
    const {settings, problems} = readEditorSettings(value)
    for (const problem of problems) this.client.log(`Ignoring a setting: ${problem}`)
    return settings
  }

  private async askEditor(uri: string): Promise<EditorSettings> {
    const {client} = this
    if (!client.capabilities.workspace?.configuration) return this.fallbackSettings
    const answer = client.connection.workspace.getConfiguration({
      scopeUri: uri,
      section: 'sessionLog',
    })
    const value = await within(answer, configurationTimeout).catch((error: unknown) => {
      client.log(`workspace/configuration failed: ${errorMessage(error)}`)
      return undefined
    })
    if (value === timedOut) {
      client.log(`No answer to workspace/configuration within ${configurationTimeout} ms`)
      return this.fallbackSettings
    }
    // No answer, or no such section: the settings given at start or pushed since.
    return value === undefined || value === null
      ? this.fallbackSettings
      : this.editorSettings(value)
  }

  /** What the command line applies to the log at `path`: config file and ignore file. */
  private projectOf(path: string, allowJs: boolean): Promise<ProjectSettings> {
    const key = `${allowJs}:${path}`
    let project = this.projects.get(key)
    if (!project) {
      project = projectSettings(path, {allowJs})
      this.projects.set(key, project)
      // A broken file is read again next time, once the author has had a chance to fix it.
      project.catch(() => this.projects.delete(key))
    }
    return project
  }
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/** The path part of a URI that is not a file (`untitled:`, a remote file system). */
export function uriPath(uri: string): string {
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
