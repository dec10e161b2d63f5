import {safeJson} from './escape.js'
import type {ReportInput} from './input.js'

/**
 * One record per finding; the schema is documented in the README and stays stable:
 * fields are only ever added.
 */
export interface JsonFinding {
  file: string
  ruleId: string
  severity: 'error' | 'warn'
  line: number
  column: number
  endLine: number
  /** The column just after the range, as in unist positions. */
  endColumn: number
  message: string
  url: string
  fixable: boolean
}

/**
 * The findings as an array of `JsonFinding`; when a log could not be checked, an object
 * `{errors, findings}` instead, so that a consumer reading standard output cannot take
 * the run for a clean one.
 */
export function json({files, problems}: ReportInput): string {
  const records: JsonFinding[] = files.flatMap(({name, findings}) =>
    findings.map((finding) => ({
      file: name,
      ruleId: finding.ruleId,
      severity: finding.severity,
      line: finding.start.line,
      column: finding.start.column,
      endLine: finding.end.line,
      endColumn: finding.end.column,
      message: finding.message,
      url: finding.url,
      fixable: (finding.edits?.length ?? 0) > 0,
    })),
  )
  if (problems.length === 0) return `${safeJson(records)}\n`
  const errors = problems.map((problem) => ({file: problem.file, message: problem.message}))
  return `${safeJson({errors, findings: records})}\n`
}
