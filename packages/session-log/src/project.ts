// What the command line would apply to one log, for programs that check logs outside a
// run of the command (the language server): the settings of the nearest configuration
// file and whether `.session-logignore` leaves the log out. One reader for both, so an
// editor shows what `session-log check` and CI report.
import {readFile} from 'node:fs/promises'
import {dirname, isAbsolute, join, relative, sep} from 'node:path'
import ignoreModule from 'ignore'
import {ConfigError, discovery, loadSettings, resolveTemplate, type Settings} from './config.js'
import {InputError} from './files.js'

export {ConfigError, resolveTemplate, type Settings}

export interface ProjectSettings {
  /** The settings of the nearest configuration file; a template path is made absolute. */
  settings: Settings
  /** Whether the nearest `.session-logignore` lists the log, as the command skips it. */
  ignored: boolean
}

/**
 * The settings and ignore status the command line gives the log at `path` (absolute).
 * Configuration files are those `session-log --help` lists, YAML and JavaScript included;
 * with `allowJs: false` a JavaScript one is passed over, as `--no-js-config` does.
 * A file that cannot be used throws an error whose message names it.
 */
export async function projectSettings(
  path: string,
  {allowJs = true}: {allowJs?: boolean} = {},
): Promise<ProjectSettings> {
  const [settings, ignored] = await Promise.all([
    loadSettings(dirname(path), path, path, {}, allowJs).catch((error: unknown) => {
      // The command's wording names the log first; here the log is the one open.
      throw error instanceof InputError ? new ConfigError(error.problem, {cause: error}) : error
    }),
    isIgnored(path),
  ])
  return {settings, ignored}
}

/**
 * The names of the files whose change can change `projectSettings` (for file watchers):
 * every configuration file name, `package.json` and the ignore file.
 */
export const projectFileNames: readonly string[] = [
  ...['', '.json', '.yaml', '.yml', '.js', '.cjs', '.mjs'].map((ext) => discovery.rcName + ext),
  'package.json',
  discovery.ignoreName,
]

// The package is CommonJS whose types declare an ES default export; it sets `.default`
// on itself so that this works both ways.
const ignore = ignoreModule.default

// As unified-engine reads it for the command: the nearest ignore file alone, its
// patterns taken from its own folder, and nothing outside that folder is ignored.
async function isIgnored(path: string): Promise<boolean> {
  for (let at = dirname(path); ; at = dirname(at)) {
    const text = await readIfExists(join(at, discovery.ignoreName))
    if (text !== undefined) {
      const local = relative(at, path)
      if (local === '' || local.startsWith(`..${sep}`) || isAbsolute(local)) return false
      return ignore().add(text).ignores(local.split(sep).join('/'))
    }
    if (dirname(at) === at) return false
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined
    throw error
  }
}
