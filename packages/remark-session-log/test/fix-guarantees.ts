import {expect} from 'vitest'
import {fixpoint, type Fixed} from '../src/fix/fix.js'
import {lint} from '../src/lint.js'
import type {Options} from '../src/options.js'
import type {Edit, Finding} from '../src/rule.js'
import {isNearMiss} from '../src/text/names.js'

/** A fix, with the text each pass started from and the findings it applied there. */
export interface TracedFix extends Fixed {
  passes: Array<{text: string; applied: Finding[]}>
}

/** Runs the fix loop and records its passes, so edits can be traced to the input. */
export function traceFix(text: string, options: Options): TracedFix {
  const seen: Array<{text: string; findings: Finding[]}> = []
  const result = fixpoint(text, (source) => {
    const findings = lint(source, options)
    seen.push({text: source, findings})
    return findings
  })
  const applied = new Set(result.applied)
  const passes = seen.map(({text: source, findings}) => ({
    text: source,
    applied: findings.filter((finding) => applied.has(finding)),
  }))
  return {...result, passes}
}

/**
 * Checks the four guarantees of a fix on one input: byte-identical outside the edits,
 * idempotent, no word lost, and no finding left of a rule whose fix was applied; and
 * that a finding fixed by one replacement of its own range offers it as `expected`.
 */
export function expectFixGuarantees(input: string, options: Options, label = ''): TracedFix {
  const traced = traceFix(input, options)
  const {output} = traced

  expect(changesOutsideEdits(traced), `${label}: bytes changed outside the edits`).toEqual([])
  // A file of one line ending keeps it; in a mixed one, the stretches above keep theirs.
  const endings = lineEndings(input)
  if (endings.length === 1) expect(lineEndings(output), `${label}: line endings`).toEqual(endings)
  expect(output.startsWith('\uFEFF'), `${label}: BOM`).toBe(input.startsWith('\uFEFF'))

  const again = fixpoint(output, (source) => lint(source, options))
  expect(
    again.applied.map(({ruleId, start}) => `${ruleId} ${start.line}:${start.column}`),
    `${label}: fixing the output again`,
  ).toEqual([])

  expect(lostWords(input, output), `${label}: words lost`).toEqual([])

  // A fixable rule may also report what only the author can settle (a metric row written
  // twice); what must not be left is a finding of a rule whose fix was applied.
  const fixed = new Set(traced.applied.map((finding) => finding.ruleId))
  const left = traced.remaining
    .filter((finding) => fixed.has(finding.ruleId))
    .map(({ruleId, start, message}) => `${ruleId} ${start.line}:${start.column} ${message}`)
  expect(left, `${label}: findings left of rules that were fixed`).toEqual([])

  for (const pass of traced.passes) {
    for (const finding of pass.applied) {
      expect(expectedMismatch(finding), `${label}: expected of ${finding.ruleId}`).toBe('')
    }
  }
  return traced
}

/** The line endings a text uses, each once, in a fixed order. */
function lineEndings(text: string): string[] {
  const found = new Set(text.match(/\r\n|\r(?!\n)|\n/g) ?? [])
  return ['\n', '\r\n', '\r'].filter((eol) => found.has(eol))
}

/** A single replacement of the reported range must be offered as `expected`, and only it. */
function expectedMismatch(finding: Finding): string {
  const [edit, ...more] = finding.edits ?? []
  if (!edit) return ''
  const replacesRange =
    more.length === 0 && edit.start === finding.start.offset && edit.end === finding.end.offset
  if (replacesRange && JSON.stringify(finding.expected) !== JSON.stringify([edit.text])) {
    return `replaces its range with ${JSON.stringify(edit.text)} but expected is ${JSON.stringify(finding.expected)}`
  }
  if (finding.expected && !replacesRange) {
    return `has expected ${JSON.stringify(finding.expected)} but its edits are not one replacement of its range`
  }
  return ''
}

/** Words are runs of letters and digits; case does not make two differ. */
export function words(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.toLowerCase())
}

/**
 * Words of the input missing from the output, counting repeats. A misspelt word that the
 * fix corrected into a near-identical one (`Inptus` to `Inputs`) is not lost.
 */
export function lostWords(input: string, output: string): string[] {
  const gained = count(words(output))
  const lost: string[] = []
  for (const word of words(input)) {
    const left = gained.get(word) ?? 0
    if (left > 0) gained.set(word, left - 1)
    else lost.push(word)
  }
  return lost.filter((word) => {
    const match = [...gained].find(
      ([other, n]) => n > 0 && Math.min(word.length, other.length) >= 4 && isNearMiss(word, other),
    )
    if (match) gained.set(match[0], match[1] - 1)
    return !match
  })
}

function count(list: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1)
  return counts
}

/**
 * The stretches of the input that no applied edit covers, traced back through every pass,
 * must appear in the output unchanged and in order; returns those that do not.
 */
export function changesOutsideEdits(traced: TracedFix): string[] {
  const input = traced.passes[0]?.text ?? ''
  const output = traced.output.replace(/^\uFEFF/, '')
  const ranges: Array<{start: number; end: number}> = []
  traced.passes.forEach((pass, index) => {
    for (const finding of pass.applied) {
      for (const edit of finding.edits ?? []) {
        let range = {start: edit.start, end: edit.end}
        for (let back = index - 1; back >= 0; back--) {
          range = mapBack(range, traced.passes[back]!.applied)
        }
        ranges.push(range)
      }
    }
  })
  const kept = untouched(input, ranges)
  // Only a stretch no edit touches at the very start (end) must open (close) the output.
  const openEnded = ranges.some((range) => range.start === 0)
  const closeEnded = ranges.some((range) => range.end === input.length)
  const problems: string[] = []
  let at = 0
  kept.forEach((stretch, index) => {
    const first = index === 0 && stretch.start === 0 && !openEnded
    const last = index === kept.length - 1 && stretch.end === input.length && !closeEnded
    const text = input.slice(stretch.start, stretch.end)
    const found = first ? (output.startsWith(text) ? 0 : -1) : output.indexOf(text, at)
    const where = last && found !== -1 ? output.length - text.length : found
    if (found === -1 || where < at || output.slice(where, where + text.length) !== text) {
      problems.push(`input ${stretch.start}-${stretch.end} ${JSON.stringify(text.slice(0, 40))}`)
      return
    }
    at = where + text.length
  })
  return problems
}

/** A range in a pass's output, as the range of that pass's input it came from. */
function mapBack(range: {start: number; end: number}, applied: Finding[]) {
  const edits: Edit[] = applied
    .flatMap((finding) => finding.edits ?? [])
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const map = (position: number, side: 'start' | 'end') => {
    let shift = 0
    for (const edit of edits) {
      const from = edit.start + shift
      const to = from + edit.text.length
      if (position < from) return position - shift
      if (position <= to) return side === 'start' ? edit.start : edit.end
      shift += edit.text.length - (edit.end - edit.start)
    }
    return position - shift
  }
  return {start: map(range.start, 'start'), end: map(range.end, 'end')}
}

/** The parts of the input outside every range; an insert splits the stretch it is in. */
function untouched(input: string, ranges: Array<{start: number; end: number}>) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const kept: Array<{start: number; end: number}> = []
  let at = 0
  for (const range of sorted) {
    if (range.start >= at) kept.push({start: at, end: range.start})
    at = Math.max(at, range.end)
  }
  kept.push({start: at, end: input.length})
  return kept.filter((stretch) => stretch.end > stretch.start)
}
