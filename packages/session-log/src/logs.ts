import {statSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {unified, type Processor} from 'unified'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {discovery, SettingsReader, settingsProblem, type Settings} from './config.js'
import {defaultLog, defaultMaxSize, exists, fileError, InputError, sizeProblem} from './files.js'

// Which logs a command's paths and globs name: unified-engine does what it does well,
// globs and ignore files; what it would get wrong is caught before it is asked.

export interface FoundLogs {
  /** The logs, as the user would name them (relative to the working folder). */
  names: string[]
  /** Paths that name no readable log, each one line for the user. */
  problems: InputError[]
}

/**
 * The logs named by `paths` (default `SESSION_LOG.md` in `cwd`). Throws when nothing at
 * all can be read; a path that fails alone becomes one of `problems`.
 */
export async function findLogs(
  paths: string[],
  cwd: string,
  maxSize = defaultMaxSize,
): Promise<FoundLogs> {
  const problems: InputError[] = []
  const inputs = inputsOf(paths, cwd, problems)
  const names: string[] = []
  for (const file of inputs.length > 0 ? await runEngine(inputs, cwd) : []) {
    const name = file.path
    const failure = file.messages.find((message) => message.fatal)
    // The engine reads each file whole: one past the size limit can fail there first.
    if (failure) {
      problems.push(sizeProblem(resolve(cwd, name), name, maxSize) ?? engineProblem(name, failure))
    } else {
      names.push(name)
    }
  }
  if (names.length === 0 && problems.length === 0) {
    throw new InputError(
      inputs.join(' '),
      'matches no file that is not ignored',
      'check the paths and globs, and .session-logignore',
    )
  }
  return {names, problems}
}

/** The paths to hand to the engine; the ones it would mishandle become problems. */
function inputsOf(paths: string[], cwd: string, problems: InputError[]): string[] {
  if (paths.length === 0 && !exists(resolve(cwd, defaultLog))) {
    throw new InputError(
      defaultLog,
      'is not in this folder',
      'pass the path of the log, or start one with `session-log init`',
    )
  }
  const inputs: string[] = []
  for (const path of paths.length > 0 ? paths : [defaultLog]) {
    const problem = isGlob(path) ? undefined : pathProblem(resolve(cwd, path), path)
    if (problem) problems.push(problem)
    else inputs.push(path)
  }
  return inputs
}

/**
 * Runs unified-engine for what it does well: globs and ignore files. Settings are read
 * apart (`SettingsReader`), which can leave JavaScript settings files unloaded.
 */
function runEngine(inputs: string[], cwd: string): Promise<VFile[]> {
  return new Promise((resolvePromise, reject) => {
    engine(
      {
        processor: unified(),
        files: inputs,
        cwd,
        extensions: ['md', 'markdown'],
        ignoreName: discovery.ignoreName,
        plugins: [skipParsing],
        silentlyIgnore: true,
        out: false,
        // The command reports once every file is checked, in the format asked for.
        reporter: () => '',
      },
      (error, _code, context) => (error ? reject(error) : resolvePromise(context?.files ?? [])),
    )
  })
}

// The engine reads each file only to hand it over; the command parses it itself later.
function skipParsing(this: Processor): void {
  this.parser = () => ({type: 'root', children: []})
}

/** Turns a file the engine could not process into one line for the user. */
function engineProblem(name: string, failure: VFile['messages'][number]): InputError {
  const settings = settingsProblem(name, failure.cause)
  if (settings) return settings
  const causes: Error[] = []
  for (let cause = failure.cause; cause instanceof Error; cause = cause.cause) causes.push(cause)
  const code = causes.map((cause) => (cause as NodeJS.ErrnoException).code).find(Boolean)
  if (code === 'ENOENT') return fileError('missing', name, {cause: failure})
  if (code === 'EACCES' || code === 'EPERM') {
    // The engine reads the folders on the way as well.
    return fileError('denied', name, {
      remedy: () => 'make it and its folder readable, or run as their owner',
      cause: failure,
    })
  }
  const reason = (causes.at(-1)?.message ?? failure.reason).split('\n')[0]
  return new InputError(
    name,
    `cannot be checked: ${reason}`,
    'check the file and its folder',
    failure,
  )
}

// The characters that make the engine's glob library read a path as a pattern.
function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path)
}

/**
 * What the engine would get wrong about a path it is given: it searches a folder for
 * Markdown files (a folder is a mistake here) and would wait forever on a FIFO.
 */
function pathProblem(path: string, name: string): InputError | undefined {
  let stats
  try {
    stats = statSync(path)
  } catch {
    // The engine reports a missing file; the command names it then.
    return undefined
  }
  if (stats.isDirectory()) {
    return fileError('folder', name, {remedy: (usual) => `${usual}, or pass a glob`})
  }
  if (!stats.isFile()) return fileError('notFile', name)
  return undefined
}

/** A log named by a command's paths and globs, with the settings that apply to it. */
export interface NamedLog {
  name: string
  path: string
  settings: Settings
}

/** What `forEachLog` needs of a command's options. */
export interface LogsOptions {
  /** Paths and globs; none means `SESSION_LOG.md` in the working folder. */
  paths: string[]
  maxSize?: number
  /** Settings from flags; they override configuration files. */
  settings: Settings
  /** Load JavaScript settings files (`--no-js-config` turns it off): they run code. */
  allowJsConfig?: boolean
}

/**
 * Calls `visit` with each log named by the options, in turn, once its settings are read.
 * A log whose settings or file cannot be used (an `InputError`, from reading the settings
 * or from `visit`) becomes one of the problems, and the other logs go on.
 */
export async function forEachLog(
  options: LogsOptions,
  cwd: string,
  visit: (log: NamedLog) => void | Promise<void>,
): Promise<{problems: InputError[]; skippedSettings: string[]}> {
  const {names, problems} = await findLogs(options.paths, cwd, options.maxSize)
  const reader = new SettingsReader(cwd, options.settings, options.allowJsConfig ?? true)
  for (const name of names) {
    try {
      const path = resolve(cwd, name)
      await visit({name, path, settings: await reader.read(path, name)})
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      problems.push(error)
    }
  }
  // JavaScript settings files that were not loaded (`allowJsConfig: false`).
  const skippedSettings = [...reader.skipped].map((path) => relative(cwd, path) || path)
  return {problems, skippedSettings}
}
