// Findings that stand for many: a log of another template, a file that is no log, a
// block left open. Each hides the findings it explains, so a reader sees the cause.
import type {SessionLog} from './model/types.js'
import type {Finding} from './rule.js'
import {notASessionLog} from './rules/not-a-session-log.js'
import {templateMismatch} from './rules/template-mismatch.js'
import {unclosedBlock} from './rules/unclosed-block.js'

/**
 * Where the findings a root cause explains begin: a log of another template or a file
 * that is no log breaks every rule at once (from the start); a block left open swallows
 * the rest of the log (from the start of its entry).
 */
const rootCauses: Record<string, (cause: Finding, log: SessionLog) => number> = {
  [templateMismatch.id]: () => 0,
  [notASessionLog.id]: () => 0,
  [unclosedBlock.id]: (cause, log) =>
    log.entries.findLast((entry) => entry.start.offset <= cause.start.offset)?.start.offset ??
    cause.start.offset,
}

/** Whether the finding is one that hides the findings it explains. */
export function isRootCause(finding: Finding): boolean {
  return Object.hasOwn(rootCauses, finding.ruleId)
}

/** The findings without those a root cause among them stands for. */
export function withoutConsequences(findings: Finding[], log: SessionLog): Finding[] {
  const causes = findings.filter(isRootCause)
  if (causes.length === 0) return findings
  const cuts = causes.map((cause) => rootCauses[cause.ruleId]!(cause, log))
  const cut = Math.min(...cuts)
  // The causes that reach furthest back stand; one further down is among what they explain.
  const standing = causes.filter((_, index) => cuts[index] === cut)
  return findings.filter((finding) => standing.includes(finding) || finding.start.offset < cut)
}
