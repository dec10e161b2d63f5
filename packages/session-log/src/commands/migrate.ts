import {resolve} from 'node:path'
import {lint, migrate, MigrateError} from 'remark-session-log'
import {loadSettings, type Settings} from '../config.js'
import {InputError, readLog, writeAtomic} from '../files.js'
import {fileDiff} from '../diff.js'
import type {Io} from '../io.js'
import {visible} from '../reporters/escape.js'

export interface MigrateOptions {
  /** The logs; default `SESSION_LOG.md` in the working folder. */
  paths: string[]
  /** The version to write, `0.3`. */
  to: string
  /** Print a unified diff per log; write nothing. */
  dryRun: boolean
  maxSize?: number
  settings: Settings
  /** Load JavaScript settings files (`--no-js-config` turns it off). */
  allowJsConfig?: boolean
}

/** The template a migrated log is checked against afterwards. */
const migratedTemplate = 'heartbeat-log.v0.3'

/**
 * `migrate`: rewrites each 0.2 log as a 0.3 Heartbeat Log (or prints the diff). Exits 1
 * when a migrated log still has errors, which `session-log check` then lists.
 */
export async function migrateLogs(options: MigrateOptions, io: Io): Promise<number> {
  const names = options.paths.length > 0 ? options.paths : ['SESSION_LOG.md']
  let failed = false
  for (const name of names) {
    const path = resolve(io.cwd, name)
    const file = readLog(path, name, options.maxSize)
    const settings = await loadSettings(io.cwd, path, name, options.settings, options.allowJsConfig)
    let migrated
    try {
      migrated = migrate(file.text, options.to)
    } catch (error) {
      if (!(error instanceof MigrateError)) throw error
      throw new InputError(name, error.message, 'nothing was written')
    }
    const shown = visible(name)
    if (!migrated.changed) {
      io.err(`${shown}: already a ${options.to} log; nothing to do\n`)
      continue
    }
    if (options.dryRun) {
      const diff = fileDiff(name, file.text, migrated.output)
      io.out(io.outIsTTY ? diff.split('\n').map(visible).join('\n') : diff)
    } else {
      writeAtomic(path, name, migrated.output, file.bytes)
    }
    const errors = lint(migrated.output, {template: migratedTemplate}).filter(
      (finding) => finding.severity === 'error',
    ).length
    const done = options.dryRun ? 'would be migrated' : 'migrated'
    const left =
      errors === 0
        ? 'it checks clean'
        : `${errors === 1 ? '1 error remains' : `${errors} errors remain`}; \`session-log check\` lists them`
    io.err(`${shown}: ${done} to ${options.to}; ${left}\n`)
    failed ||= errors > 0
    // A log pinned to the old template by its settings would be checked against 0.2.
    if (settings.template !== undefined && settings.template !== migratedTemplate) {
      io.err(
        `${shown}: your settings check it against ${visible(settings.template)}; set "template" to ${migratedTemplate} or remove it\n`,
      )
    }
  }
  return failed ? 1 : 0
}
