import type {Nodes, Root} from 'mdast'
import {buildModel} from './model/build.js'
import {parseMarkdown} from './model/parse.js'
import type {SessionLog, Span} from './model/types.js'
import {resolveOptions, type Options, type ResolvedOptions} from './options.js'
import type {Context, Finding, ReportOptions, Rule} from './rule.js'
import {rules as allRules} from './rules/index.js'
import {loadTemplate} from './template/load.js'

export interface Linted {
  log: SessionLog
  findings: Finding[]
}

/** Lints a session log's text; the findings are sorted by position. */
export function lint(text: string, options: Options = {}): Finding[] {
  return lintDocument(text, options).findings
}

/** Lints and also returns the model, for callers that go on to fix or scaffold. */
export function lintDocument(text: string, options: Options = {}, tree?: Root): Linted {
  const resolved = resolveOptions(options)
  const source = text.replace(/^\uFEFF/, '')
  const parsed = tree ?? parseMarkdown(source)
  const schema = loadTemplate(resolved.template)
  const log = buildModel(source, schema, parsed)
  const context: Context = {
    schema,
    today: resolved.today,
    thresholds: resolved.thresholds,
    eol: detectEol(source),
  }
  const findings: Finding[] = []
  for (const rule of activeRules(resolved)) {
    const report = reporter(rule, resolved, findings)
    rule.checkDocument?.(log, report, context)
    if (rule.check) for (const entry of log.entries) rule.check(entry, report, context)
  }
  const disabled = disabledRanges(parsed, source)
  const kept = findings.filter((finding) => !disabled(finding))
  kept.sort(
    (a, b) =>
      a.start.offset - b.start.offset ||
      a.end.offset - b.end.offset ||
      a.ruleId.localeCompare(b.ruleId),
  )
  return {log, findings: kept}
}

function activeRules(options: ResolvedOptions): Rule[] {
  return allRules.filter((rule) => options.rules[rule.id] !== 'off')
}

function reporter(rule: Rule, options: ResolvedOptions, into: Finding[]) {
  const setting = options.rules[rule.id]
  const severity = setting === 'warn' || setting === 'error' ? setting : rule.severity
  return (node: Span, message: string, extra: ReportOptions = {}) => {
    into.push({
      ruleId: rule.id,
      severity,
      message,
      start: node.start,
      end: node.end,
      url: rule.url,
      ...(extra.expected ? {expected: extra.expected} : {}),
      ...(extra.edits && extra.edits.length > 0 ? {edits: extra.edits} : {}),
    })
  }
}

export function detectEol(text: string): Context['eol'] {
  const match = /\r\n|\n|\r/.exec(text)
  return (match?.[0] as Context['eol'] | undefined) ?? '\n'
}

const directive = /^<!--\s*session-log-(disable-next-line|disable|enable)\b([^]*?)-->\s*$/

/**
 * `<!-- session-log-disable [ids] -->` silences rules (all when none are named) until
 * `<!-- session-log-enable [ids] -->`; `disable-next-line` silences the next line only.
 */
function disabledRanges(tree: Root, text: string): (finding: Finding) => boolean {
  const comments: Array<{kind: string; ids: string[]; line: number; endLine: number}> = []
  const visit = (node: Nodes) => {
    if (node.type === 'html' && node.position) {
      const match = directive.exec(node.value)
      if (match) {
        comments.push({
          kind: match[1] ?? '',
          ids: (match[2] ?? '').split(/[\s,]+/).filter(Boolean),
          line: node.position.start.line,
          endLine: node.position.end.line,
        })
      }
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  if (text.includes('session-log-')) visit(tree)
  if (comments.length === 0) return () => false
  return (finding) => {
    const line = finding.start.line
    const applies = (ids: string[]) => ids.length === 0 || ids.includes(finding.ruleId)
    let off = false
    for (const comment of comments) {
      if (comment.kind === 'disable-next-line') {
        if (comment.endLine + 1 === line && applies(comment.ids)) return true
      } else if (comment.line < line && applies(comment.ids)) {
        off = comment.kind === 'disable'
      }
    }
    return off
  }
}
