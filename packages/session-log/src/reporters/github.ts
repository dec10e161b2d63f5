import {visible} from './escape.js'
import type {ReportInput} from './input.js'

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which
 * the runner turns into an annotation on the pull request.
 */
export function github({files}: ReportInput): string {
  const lines: string[] = []
  for (const {name, findings} of files) {
    for (const finding of findings) {
      const command = finding.severity === 'error' ? 'error' : 'warning'
      const {start, end} = finding
      const properties: Array<[string, string | number]> = [
        ['file', name],
        ['line', start.line],
        ['endLine', end.line],
      ]
      // GitHub takes columns only for a range on one line.
      if (start.line === end.line) properties.push(['col', start.column], ['endColumn', end.column])
      properties.push(['title', finding.ruleId])
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      const message = `${visible(finding.message)}\nSee ${finding.url}`
      lines.push(`::${command} ${list.join(',')}::${escapeData(message)}`)
    }
  }
  return lines.map((line) => `${line}\n`).join('')
}

// The runner reads a command per line; escaping CR and LF keeps text from a log inside
// its own command, and escaping "%" keeps it from spelling escapes of its own.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(visible(text)).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
