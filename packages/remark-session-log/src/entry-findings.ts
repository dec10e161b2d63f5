// An entry's findings, kept by its text and used wherever the entry stands: moved with
// it, and made again when a message names a line that moved.
import type {Point, Span} from './model/types.js'
import type {Finding} from './rule.js'

/** An entry's findings and where the entry stood when they were made. */
export interface EntryFindings {
  start: Span['start']
  findings: Finding[]
  /** Whether a message names a line ("the code block opened on line 74"). */
  namesLines?: boolean
}

const lineNumber = /\bline \d/

export function namesLine(finding: Finding): boolean {
  return lineNumber.test(finding.message)
}

/**
 * Whether an entry's findings, made where it stood before, are wrong where it stands now:
 * moving them moves their places, but not a line number written into a message.
 */
export function staleAt(cached: EntryFindings, start: Point): boolean {
  return cached.namesLines === true && cached.start.line !== start.line
}

// The same entry text gives the same findings wherever it stands; only places move.
export function moveFindings(cached: EntryFindings, start: Point): Finding[] {
  const offset = start.offset - cached.start.offset
  const lines = start.line - cached.start.line
  if (offset === 0 && lines === 0) return cached.findings
  return cached.findings.map((finding) => movedBy(finding, offset, lines))
}

/** A copy of the finding, its places and its edits moved by whole lines and characters. */
export function movedBy(finding: Finding, offset: number, lines: number): Finding {
  const point = (p: Finding['start']) => ({
    line: p.line + lines,
    column: p.column,
    offset: p.offset + offset,
  })
  return {
    ...finding,
    start: point(finding.start),
    end: point(finding.end),
    ...(finding.edits
      ? {
          edits: finding.edits.map((edit) => ({
            ...edit,
            start: edit.start + offset,
            end: edit.end + offset,
          })),
        }
      : {}),
  }
}
