import {dirname, resolve} from 'node:path'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {fix, FixError, type Fixed} from './fix/fix.js'
import {lintDocument} from './lint.js'
import {entryWiseParser, gfmJustAdded} from './remark-parser.js'
import {findSettingsFile, readSettingsFile, SettingsError, type Settings} from './settings.js'
import {frontMatterKinds} from './model/parse.js'
import type {Options} from './options.js'
import type {Finding} from './rule.js'

export {applyEdits, type AppliedEdits, type Change} from './fix/apply.js'
export {fix, FixError, type Fixed} from './fix/fix.js'
export {
  detectEol,
  lint,
  lintDocument,
  Linter,
  type CheckedChunk,
  type ChunkStore,
  type CutChunk,
  type EntryFindings,
  type KeptChunk,
  type Linted,
  type LintStep,
  type TextChange,
} from './lint.js'
export {migrate, MigrateError, migrationTargets, type Migrated} from './migrate.js'
export {
  checkRuleId,
  findSettingsFile,
  isScriptSettings,
  readSettingsFile,
  resolveTemplate,
  settingsFileNames,
  SettingsError,
  validateSettings,
  type Settings,
} from './settings.js'
export {formatMinutes} from './metrics.js'
export {isCalendarDate} from './model/answers.js'
export {buildModel} from './model/model.js'
export {parseMarkdown} from './model/parse.js'
export type * from './model/types.js'
export {formatDate, readRuleSetting, type Options, type RuleSetting} from './options.js'
export {
  defaultThresholds,
  type Edit,
  type Finding,
  type Rule,
  type Severity,
  type Thresholds,
} from './rule.js'
export {rules} from './rules/index.js'
export {
  insertEntry,
  isSessionLog,
  latestValues,
  renderEntry,
  renderLog,
  type EntryValues,
  type Inserted,
  type Style,
} from './scaffold.js'
export {
  stats,
  type Note,
  type Stats,
  type StatsLog,
  type StatsOptions,
  type Takeaway,
} from './stats/stats.js'
export {groupings, noKey, type Figures, type Group, type Grouping} from './stats/summarize.js'
export type {Figure} from './stats/entry.js'
export {builtinTemplates, loadTemplate, templateFor} from './template/load.js'
export {editDistance} from './text/names.js'
export {parseTemplate, TemplateError} from './template/parse-template.js'
export type * from './template/schema.js'

/**
 * The unified plugin: `remark --use session-log`. Turns on GFM and front matter itself
 * (a log's structure depends on both) and reports every finding as a vfile message.
 * With `fix: true` it also compiles to the fixed text.
 */
export default function remarkSessionLog(this: Processor, options: Options = {}) {
  remarkGfm.call(this)
  const added = gfmJustAdded(this)
  remarkFrontmatter.call(this, [...frontMatterKinds])
  // remark's parser, given the plugin's extensions, entry by entry (remark-parser.ts).
  const wholeDocument = this.parser
  if (wholeDocument) this.parser = entryWiseParser(this, options.template, wholeDocument, added)
  if (options.fix) return fixMode(this, options)
  return async (tree: Root, file: VFile) => {
    const settings = await withProjectSettings(file, options)
    if (!settings) return
    const {findings} = lintDocument(String(file.value), settings, tree)
    for (const finding of findings) report(file, finding, finding.severity === 'error')
  }
}

/**
 * The options with the project's settings file beneath them, as `session-log` and the
 * editor read it: the plugin's own options win key by key, rule by rule. Undefined, with
 * a fatal message on the file, when the settings file cannot be used.
 */
async function withProjectSettings(file: VFile, options: Options): Promise<Options | undefined> {
  const found = file.path ? findSettingsFile(dirname(resolve(file.cwd, file.path))) : undefined
  if (!found) return options
  let settings: Settings
  try {
    settings = await readSettingsFile(found)
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error
    const message = file.message(`Cannot use the settings in ${found}: ${error.message}`, {
      source: 'session-log',
    })
    message.fatal = true
    return undefined
  }
  return {...settings, ...options, rules: {...settings.rules, ...options.rules}}
}

/**
 * Replaces the processor's compiler: remark-stringify would re-serialise the tree and
 * change escapes, bullets, tables and blank lines the author chose, so `--output`
 * writes the original text with the fixes' edits applied instead.
 */
function fixMode(processor: Processor, given: Options) {
  const fixed = new WeakMap<VFile, string>()
  // The compiler runs after the transformer, which has set the file's text.
  processor.compiler = (_tree, file) => fixed.get(file) ?? String(file.value)
  return async (_tree: Root, file: VFile) => {
    const text = String(file.value)
    // Until a fix succeeds, what is compiled is the text as it was.
    fixed.set(file, text)
    const options = await withProjectSettings(file, given)
    if (!options) return
    // remark-cli decodes bytes that are not UTF-8 as U+FFFD; writing them back would
    // destroy the original bytes, and a fatal message stops remark from writing.
    if (text.includes('\uFFFD')) {
      const message = file.message(
        'The file holds U+FFFD, the mark of bytes that are not UTF-8; fix mode leaves it untouched',
        {source: 'session-log'},
      )
      message.fatal = true
      return
    }
    let result: Fixed
    try {
      result = fix(text, options)
    } catch (error) {
      if (!(error instanceof FixError)) throw error
      const message = file.message(error.message, {source: 'session-log'})
      message.fatal = true
      return
    }
    fixed.set(file, result.output)
    // remark writes no file that has a fatal message, so what is left after fixing is
    // reported as warnings: the fixed file is written, and `--frail` fails the run.
    for (const finding of result.remaining) report(file, finding, false)
  }
}

function report(file: VFile, finding: Finding, fatal: boolean): void {
  const message = file.message(finding.message, {
    place: {start: finding.start, end: finding.end},
    ruleId: finding.ruleId,
    source: 'session-log',
  })
  message.url = finding.url
  message.fatal = fatal
  if (finding.expected) message.expected = finding.expected
}
