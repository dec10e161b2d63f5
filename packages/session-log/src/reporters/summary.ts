import type {Finding} from 'remark-session-log'
import type {InputError} from '../files.js'
import {visible} from './escape.js'
import type {FileResult} from './input.js'

/** GitHub shows this many errors, and as many warnings, of one step as annotations. */
const annotationLimit = 10

/**
 * GitHub drops a step summary over 1 MiB whole; the tables stop short of that, leaving
 * room for the closing note.
 */
const summaryBytes = 1000 * 1000

export interface SummaryInput {
  files: FileResult[]
  problems: InputError[]
  /** Per log, the findings whose fixes were written. */
  fixed: Array<{name: string; applied: Finding[]}>
  /** The ref whose changes were checked, when only changed entries were. */
  since: string | undefined
  /** A file's page on GitHub, for links to its lines; undefined outside GitHub. */
  fileUrl: ((name: string) => string) | undefined
}

/**
 * The job summary (Markdown) of a check in GitHub Actions: every finding, in a table per
 * log with links to the line and the rule's documentation, including those past the
 * annotations GitHub shows.
 */
export function summary({files, problems, fixed, since, fileUrl}: SummaryInput): string {
  const all = files.flatMap((file) => file.findings)
  const errors = all.filter((finding) => finding.severity === 'error').length
  const warnings = all.length - errors
  const withFindings = files.filter((file) => file.findings.length > 0)
  const parts = ['## Session logs']

  const of = withFindings.length < files.length ? ` of ${files.length}` : ''
  parts.push(
    all.length === 0
      ? `No findings in ${plural(files.length, 'log')}.`
      : `${counts(errors, warnings)} in ${plural(withFindings.length, 'log')}${of}.`,
  )
  if (since !== undefined) {
    parts.push(
      `Only entries changed since ${markdownText(since)} are checked; the rules of the whole log (order, duplicates, header, footer) check all of it.`,
    )
  }
  const moreErrors = Math.max(0, errors - annotationLimit)
  const moreWarnings = Math.max(0, warnings - annotationLimit)
  if (moreErrors + moreWarnings > 0) {
    const more = [
      moreErrors > 0 ? `${moreErrors} more ${moreErrors === 1 ? 'error' : 'errors'}` : '',
      moreWarnings > 0 ? `${moreWarnings} more ${moreWarnings === 1 ? 'warning' : 'warnings'}` : '',
    ].filter(Boolean)
    parts.push(
      `GitHub shows the first ${annotationLimit} errors and ${annotationLimit} warnings of a step as annotations: ${more.join(' and ')} are listed only here.`,
    )
  }

  for (const {name, applied} of fixed) {
    if (applied.length === 0) continue
    const rules = [...new Set(applied.map((finding) => finding.ruleId))].sort()
    parts.push(
      `Fixed ${plural(applied.length, 'finding')} in ${markdownText(name)} (${rules.map(markdownText).join(', ')}).`,
    )
  }

  const notChecked =
    problems.length > 0
      ? [
          '### Not checked',
          '',
          ...problems.map((problem) => `- ${markdownText(problem.message)}`),
        ].join('\n')
      : ''
  let bytes = Buffer.byteLength(parts.join('\n\n')) + Buffer.byteLength(notChecked)
  let left = all.length
  for (const {name, findings} of withFindings) {
    const table = [
      `### ${markdownText(name)}`,
      '',
      '| Line | Severity | Rule | Finding |',
      '| --: | --- | --- | --- |',
    ]
    bytes += Buffer.byteLength(table.join('\n')) + 2
    for (const finding of findings) {
      const line = String(finding.start.line)
      const place = fileUrl ? `[${line}](${fileUrl(name)}#L${line})` : line
      const severity = finding.severity === 'error' ? 'error' : 'warning'
      const rule = `[${markdownText(finding.ruleId)}](${finding.url})`
      const row = `| ${place} | ${severity} | ${rule} | ${markdownText(finding.message)} |`
      bytes += Buffer.byteLength(row) + 1
      if (bytes > summaryBytes) break
      table.push(row)
      left--
    }
    if (table.length > 4) parts.push(table.join('\n'))
    if (bytes > summaryBytes) break
  }
  if (left > 0) {
    parts.push(
      `${plural(left, 'more finding')} would make this summary larger than GitHub takes; run \`session-log check\` to see every finding.`,
    )
  }

  if (notChecked) parts.push(notChecked)
  return `${parts.join('\n\n')}\n`
}

function counts(errors: number, warnings: number): string {
  const parts = []
  if (errors > 0) parts.push(plural(errors, 'error'))
  if (warnings > 0) parts.push(plural(warnings, 'warning'))
  return parts.join(' and ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * Text from a log (or a file name) as Markdown that shows it literally: control characters
 * as escapes, and a backslash before every character that could start markup, a link,
 * HTML, a mention, math, or end a table cell.
 */
export function markdownText(value: string): string {
  return visible(value).replace(/[\\`*_[\]<>|~&$@!#]/g, (char) => `\\${char}`)
}
