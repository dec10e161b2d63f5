import {dirname} from 'node:path'
import {
  builtinTemplates,
  checkRuleId,
  findSettingsFile,
  isScriptSettings,
  loadTemplate,
  resolveTemplate,
  settingsFileNames,
  SettingsError,
  TemplateError,
  validateSettings,
  type Schema,
  type Settings,
} from 'remark-session-log'
import {Configuration, type Preset} from 'unified-engine'
import {InputError} from './files.js'

export type {Settings}

/** A configuration file or flag that cannot be used as written: the plugin's error. */
export const ConfigError = SettingsError
export type ConfigError = SettingsError
export {checkRuleId, resolveTemplate, validateSettings}

/** How unified-engine finds configuration and ignore files. */
export const discovery = {
  rcName: '.session-logrc',
  packageField: 'sessionLog',
  ignoreName: '.session-logignore',
  configTransform,
} as const

/**
 * Stands, in what unified-engine's `Configuration` gathers, for the settings of a file
 * and the flags: `SettingsReader` takes them from its entry. Never run.
 */
export function recordSettings(): void {}

export {isScriptSettings, settingsFileNames}

/**
 * Reads the settings that apply to each log, for a whole run (lookups are cached per
 * folder). With `allowJs` false a JavaScript settings file is never loaded, so linting a
 * repository runs none of its code: it is passed over as if absent (the data settings
 * nearest after it apply) and named in `skipped`, for the run to say so.
 */
export class SettingsReader {
  /** Absolute paths of the JavaScript settings files passed over. */
  readonly skipped = new Set<string>()
  private readonly configuration: Configuration

  constructor(
    cwd: string,
    given: Settings,
    private readonly allowJs = true,
  ) {
    this.configuration = new Configuration({
      cwd,
      ...discovery,
      detectConfig: true,
      plugins: [[recordSettings, given]],
    })
    if (!allowJs) {
      // unified-engine has no option for this; it looks for the names its finder holds.
      const finder = (this.configuration as unknown as {findUp?: {names?: unknown}}).findUp
      if (!Array.isArray(finder?.names)) {
        throw new Error('this unified-engine cannot be told to leave JavaScript settings out')
      }
      finder.names = finder.names.filter((name: string) => !isScriptSettings(name))
    }
  }

  /** The settings for the log at `path` (absolute); `name` is how the user named it. */
  async read(path: string, name: string): Promise<Settings> {
    if (!this.allowJs) this.noteSkipped(path)
    try {
      const result = await new Promise<Awaited<ReturnType<Configuration['create']>>>(
        (resolvePromise, reject) => {
          this.configuration.load(path, (error, loaded) => {
            if (error) reject(error)
            else resolvePromise(loaded)
          })
        },
      )
      const entry = result?.plugins.find(([plugin]) => plugin === recordSettings)
      return (entry?.[1] as Settings | undefined) ?? {}
    } catch (error) {
      throw settingsProblem(name, error) ?? error
    }
  }

  // The file the engine would have used, when it is a script.
  private noteSkipped(path: string): void {
    const found = findSettingsFile(dirname(path))
    if (found && isScriptSettings(found)) this.skipped.add(found)
  }
}

/** The settings for one file outside the engine's run (`new`, `init`, `migrate`). */
export function loadSettings(
  cwd: string,
  path: string,
  name: string,
  given: Settings,
  allowJs = true,
): Promise<Settings> {
  return new SettingsReader(cwd, given, allowJs).read(path, name)
}

/**
 * Loads the template up front, so that a bad one is reported as such (exit 2) rather
 * than as a crash in the middle of linting.
 */
export function useTemplate(template: string | undefined): Schema {
  const name = template ?? builtinTemplates[0]
  try {
    return loadTemplate(template)
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new InputError(
        name,
        `is not a usable template: ${error.message}`,
        'fix it or choose another',
      )
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new InputError(
        name,
        'is not a template file',
        'check --template or the "template" setting',
      )
    }
    throw error
  }
}

/**
 * Describes a configuration file that could not be loaded or used, from the error the
 * engine gives (`Cannot parse file \`.session-logrc.json\``, caused by the real reason).
 */
export function settingsProblem(name: string, error: unknown): InputError | undefined {
  const causes: Error[] = []
  for (let cause = error; cause instanceof Error; cause = cause.cause) causes.push(cause)
  const file = causes
    .map((cause) => /^Cannot (?:parse|read) (?:given )?file `([^`]+)`/.exec(cause.message)?.[1])
    .find(Boolean)
  if (!file) return undefined
  // parse-json appends the text it choked on and the file's absolute path; the file is
  // named already.
  const reason = firstLine(causes.at(-1)?.message ?? '').replace(/ while parsing [^]*$/, '')
  return new InputError(
    name,
    `cannot use the settings in ${file}: ${reason}`,
    'correct that file (see `session-log --help`)',
    error,
  )
}

/**
 * The first line of a parser's message. YAML's ends in a colon and shows the source
 * below it; the nearest line of source that is not a caret is quoted instead.
 */
function firstLine(message: string): string {
  const [first = '', ...rest] = message.split('\n')
  if (!first.endsWith(':')) return first
  const source = rest.find((line) => line.trim() !== '' && !/^\s*\^+\s*$/.test(line))
  return source === undefined ? first.slice(0, -1) : `${first} ${JSON.stringify(source.trim())}`
}

function configTransform(raw: unknown, filePath: string): Preset {
  const settings = validateSettings(raw, dirname(filePath))
  return {plugins: [[recordSettings, settings]]}
}
