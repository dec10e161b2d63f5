import {basename, resolve} from 'node:path'
import {renderLog} from 'remark-session-log'
import {loadSettings, useTemplate, type Settings} from '../config.js'
import {exists, InputError, writeAtomic} from '../files.js'
import type {Io} from '../io.js'
import {visible} from '../reporters/escape.js'

export interface InitOptions {
  /** The log to create; default `SESSION_LOG.md` in the working folder. */
  path: string | undefined
  settings: Settings
  /** Load JavaScript settings files (`--no-js-config` turns it off). */
  allowJsConfig?: boolean
}

/** `init`: writes a log with the template's header and footer; never overwrites. */
export async function init(options: InitOptions, io: Io): Promise<number> {
  const name = options.path ?? 'SESSION_LOG.md'
  const path = resolve(io.cwd, name)
  const settings = await loadSettings(io.cwd, path, name, options.settings, options.allowJsConfig)
  const schema = useTemplate(settings.template)
  if (exists(path)) {
    throw new InputError(
      name,
      'already exists, so nothing was written',
      'add an entry to it with `session-log new`',
    )
  }
  writeAtomic(path, name, renderLog(schema))
  io.out(
    `${visible(name)}: created from the ${visible(basename(schema.id))} template; ` +
      'add the first entry with `session-log new --title "…"`\n',
  )
  return 0
}
