import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {lintDocument} from './lint.js'
import type {Options} from './options.js'

export {lint, lintDocument, type Linted} from './lint.js'
export {buildModel} from './model/build.js'
export {parseMarkdown} from './model/parse.js'
export type * from './model/types.js'
export type {Options, RuleSetting} from './options.js'
export {
  defaultThresholds,
  type Edit,
  type Finding,
  type Rule,
  type Severity,
  type Thresholds,
} from './rule.js'
export {rules} from './rules/index.js'
export {builtinTemplates, loadTemplate} from './template/load.js'
export {parseTemplate, TemplateError} from './template/parse-template.js'
export type * from './template/schema.js'

/**
 * The unified plugin: `remark --use session-log`. Turns on GFM itself and reports
 * every finding as a vfile message.
 */
export default function remarkSessionLog(this: Processor, options: Options = {}) {
  remarkGfm.call(this)
  return (tree: Root, file: VFile) => {
    const {findings} = lintDocument(String(file.value), options, tree)
    for (const finding of findings) {
      const message = file.message(finding.message, {
        place: {start: finding.start, end: finding.end},
        ruleId: finding.ruleId,
        source: 'session-log',
      })
      message.url = finding.url
      message.fatal = finding.severity === 'error'
      if (finding.expected) message.expected = finding.expected
    }
  }
}
