import {fitOf, followsAt, readsAsAt} from '../model/fit.js'
import type {SessionLog} from '../model/types.js'
import {defineRule} from '../rule.js'
import {builtinTemplates, loadTemplate} from '../template/load.js'
import type {Schema} from '../template/schema.js'
import {sameName} from '../model/query.js'

export const templateMismatch = defineRule({
  id: 'template-mismatch',
  description: 'The log follows the template it is checked against',
  why: "A log written from another template (the 0.3 Heartbeat Log checked as 0.2, a team's own decision log, a README caught by a glob) breaks every rule at once, and dozens of findings would all say the same thing in pieces. This one finding replaces them, names what the log looks like, and says how to check it against its own template. It fires when fewer than half of the entry headings carry the template's prefix and fewer than half of the section headings are the template's, on average (a score below 0.5), so that a log of the right template with a few broken entries keeps its precise findings; or, in a log without entries, when the header names another built-in template. While it reports, no other rule does.",
  severity: 'error',
  fixable: false,
  checkDocument(log, report, {schema}) {
    const at = log.header.title ?? log.entries[0]?.heading ?? {start: log.start, end: log.start}
    const others = builtinTemplates
      .map((id) => loadTemplate(id))
      .filter((other) => other !== schema)
    if (log.entries.length === 0) {
      const named = others.find((other) => headerNames(log, other))
      if (named) {
        report(
          at,
          `The header names the ${nameOf(named)}, but the log is checked against the ${nameOf(schema)}; ${howToCheck(named, schema)}`,
        )
      }
      return
    }
    const own = fitOf(log, schema)
    if (own.score >= followsAt) return
    const best = others
      .map((other) => ({other, fit: fitOf(log, other)}))
      .sort((a, b) => b.fit.score - a.fit.score)[0]
    const evidence = `${own.prefixed} of ${own.entries} entry headings start with "${schema.entryPrefix}" and ${own.known} of ${own.sections} section headings are the template's`
    if (best && best.fit.score >= readsAsAt) {
      report(
        at,
        `This log reads as a ${nameOf(best.other)}, not a ${nameOf(schema)} (${evidence}); ${howToCheck(best.other, schema)}`,
      )
      return
    }
    report(
      at,
      `This log does not follow the ${nameOf(schema)} template (${evidence}); check it with its own template (--template path/to/template.md, or "template" in .session-logrc)`,
    )
  },
})

function nameOf(schema: Schema): string {
  return `${schema.title}${schema.version ? ` ${schema.version}` : ''}`
}

function howToCheck(found: Schema, checked: Schema): string {
  const check = `check it with --template ${found.id} or set "template" in .session-logrc`
  // A log of an older built-in version checked against a newer one can be brought over.
  const ids: readonly string[] = builtinTemplates
  const older = ids.indexOf(found.id) < ids.indexOf(checked.id)
  return older ? `${check}, or run "session-log migrate --to ${checked.version}"` : check
}

// Compares the header's version, or else its title, with another template's.
function headerNames(log: SessionLog, other: Schema): boolean {
  const version = log.header.version?.text
  if (version !== undefined) return version === other.version
  const title = log.header.title?.content.text
  return title !== undefined && sameName(title, other.title)
}
