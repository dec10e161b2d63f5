import {Linter} from '../lint.js'
import type {Options} from '../options.js'
import type {Edit, Finding} from '../rule.js'
import {applyEdits} from './apply.js'

export interface Fixed {
  /** The input with every fix applied; byte-identical to it outside the edited ranges. */
  output: string
  /** The findings whose edits were applied, pass by pass; offsets are into that pass's text. */
  applied: Finding[]
  /** Every finding of the output, fixable or not. */
  remaining: Finding[]
}

/** A fix that cannot finish: it does not converge, or a rule produced a broken edit. */
export class FixError extends Error {
  override name = 'FixError'

  constructor(
    message: string,
    /** The rules whose edits are at fault. */
    readonly ruleIds: string[],
  ) {
    super(message)
  }
}

/**
 * Passes before giving up. A pass applies every edit that does not overlap another;
 * a rule's fix should settle in one or two, so reaching this is a bug in the rules.
 */
const maxPasses = 10

/**
 * Lints, applies the edits of every fixable finding, and repeats until no finding has
 * edits. A leading BOM is kept. Throws `FixError` when the fixes do not settle.
 *
 * A caller that has just linted the text passes its linter (made with the same
 * options): the first pass then costs nothing, and later ones only the entries fixed.
 */
export function fix(text: string, options: Options = {}, linter = new Linter(options)): Fixed {
  // One linter for every pass: entries a pass did not touch are not checked again.
  return fixpoint(text, (source) => linter.lint(source).findings)
}

/** The loop behind `fix`, over any linter (tests drive it with rules that misbehave). */
export function fixpoint(
  text: string,
  lintText: (text: string) => Finding[],
  passes: number = maxPasses,
): Fixed {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  let source = text.slice(bom.length)
  const applied: Finding[] = []
  let findings = lintText(source)
  for (let pass = 0; ; pass++) {
    const fixable = findings.filter(hasEdits)
    if (fixable.length === 0) break
    if (pass === passes) {
      throw new FixError(
        `Fixes did not settle after ${passes} passes: ${describe(fixable)}`,
        ruleIdsOf(fixable),
      )
    }
    const result = apply(source, fixable)
    if (result.output === source) {
      throw new FixError(
        `Fixes change nothing, yet their findings stay: ${describe(result.applied)}`,
        ruleIdsOf(result.applied),
      )
    }
    applied.push(...result.applied)
    source = result.output
    findings = lintText(source)
  }
  return {output: bom + source, applied, remaining: findings}
}

type Fixable = Finding & {edits: Edit[]}

function hasEdits(finding: Finding): finding is Fixable {
  return finding.edits !== undefined && finding.edits.length > 0
}

function apply(source: string, fixable: Fixable[]) {
  const byEdits = new Map(fixable.map((finding) => [finding.edits, finding]))
  try {
    const result = applyEdits(source, [...byEdits.keys()])
    return {output: result.output, applied: result.applied.map((edits) => byEdits.get(edits)!)}
  } catch (error) {
    throw brokenEdit(source, fixable, error)
  }
}

/** Names the rule whose edit `applyEdits` rejected. */
function brokenEdit(source: string, fixable: Fixable[], error: unknown): Error {
  for (const finding of fixable) {
    try {
      applyEdits(source, [finding.edits])
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      const at = `${finding.start.line}:${finding.start.column}`
      return new FixError(`Rule ${finding.ruleId} made a broken edit at ${at}: ${reason}`, [
        finding.ruleId,
      ])
    }
  }
  return error instanceof Error ? error : new Error(String(error))
}

function ruleIdsOf(findings: Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.ruleId))].sort()
}

function describe(findings: Finding[]): string {
  return findings
    .slice(0, 5)
    .map((finding) => `${finding.ruleId} at ${finding.start.line}:${finding.start.column}`)
    .concat(findings.length > 5 ? [`and ${findings.length - 5} more`] : [])
    .join(', ')
}
