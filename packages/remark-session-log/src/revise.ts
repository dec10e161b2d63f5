// An editor's quick answer to an edit of a long log: the findings of the last whole lint
// with the edited entry checked again, without reading the rest of the log. The whole
// lint after it (the text as one string, every rule) gives the exact list; this one is
// what the editor shows in the meantime (`Linter.revise`).
import {hasDisableComments} from './disable-comments.js'
import {movedBy, namesLine} from './entry-findings.js'
import {splitChunks, startsEntry, type Chunk} from './model/split.js'
import {byPosition, type Finding} from './rule.js'
import type {Schema} from './template/schema.js'
import {openBlockAtEnd} from './text/blocks.js'
import {lineBreaks} from './text/lines.js'

/**
 * A change to a text, as an editor sends it: the range it replaces, in the text as the
 * changes before it left it (1-based lines; columns 1-based, in UTF-16 code units), and
 * what replaces it.
 */
export interface TextChange {
  start: {line: number; column: number}
  end: {line: number; column: number}
  text: string
}

/** What `revise` needs of the last whole lint. */
export interface LatestLint {
  source: string
  schema: Schema
  /** How it cut the log. */
  cut: Chunk[]
  /** Its findings, sorted by position. */
  findings: Finding[]
  /** False where a finding could hide or silence others (a root cause, a disable comment). */
  revisable: boolean
}

/** A chunk of the last lint's log as the changes left it. */
export interface RevisedChunk {
  /** Where the chunk stood, and stands: the changes are all inside it. */
  chunk: Chunk
  last: boolean
  before: string
  after: string
}

/**
 * The one chunk the changes edited, as they left it; undefined when they reach beyond
 * one chunk or its text would cut differently (a heading made or unmade, a block left
 * open, the log's header touched), where only a whole lint can tell.
 */
export function revisedChunk(latest: LatestLint, changes: TextChange[]): RevisedChunk | undefined {
  const first = changes[0]
  if (!first || !latest.revisable) return undefined
  const index = chunkAtLine(latest.cut, first.start.line)
  // The first chunk holds the header, which picks the template and the line ending.
  if (index < 1) return undefined
  const chunk = latest.cut[index]!
  const last = index === latest.cut.length - 1
  const before = latest.source.slice(chunk.start, chunk.end)
  let after = before
  for (const change of changes) {
    const start = offsetIn(after, change.start.line - chunk.line, change.start.column)
    const end = offsetIn(after, change.end.line - chunk.line, change.end.column)
    if (start === undefined || end === undefined || end < start) return undefined
    after = after.slice(0, start) + change.text + after.slice(end)
  }
  if (!cutsAlike(after, last ? undefined : latest.source.slice(chunk.end), latest.schema)) {
    return undefined
  }
  return {chunk, last, before, after}
}

/**
 * Whether the edited chunk text is cut as before: it opens with an entry heading, holds
 * no other cut, leaves no block open, and ends where the next chunk's heading still cuts.
 * Nor may it gain a disable comment, which reaches into other entries.
 */
function cutsAlike(text: string, rest: string | undefined, schema: Schema): boolean {
  if (!startsEntry(text, schema) || hasDisableComments(text) || openBlockAtEnd(text)) {
    return false
  }
  if (rest === undefined) return splitChunks(text, schema).length === 1
  if (!/[\r\n]$/.test(text)) return false
  const nextHeading = /^[^\r\n]*/.exec(rest)![0]
  const cuts = splitChunks(text + nextHeading, schema)
  return cuts.length === 2 && cuts[1]!.start === text.length
}

/** The index of the chunk that holds the 1-based line. */
function chunkAtLine(cut: Chunk[], line: number): number {
  let low = 0
  let high = cut.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (cut[middle]!.line <= line) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * The offset of a 0-based line and 1-based column in a chunk's text; undefined outside it
 * or past the line's end (an editor clamps such a column; a whole lint will do).
 */
function offsetIn(text: string, line: number, column: number): number | undefined {
  if (line < 0 || column < 1) return undefined
  let at = 0
  for (let passed = 0; passed < line; passed++) {
    const next = /\r\n|\n|\r/g
    next.lastIndex = at
    const found = next.exec(text)
    if (!found) return undefined
    at = found.index + found[0].length
  }
  const lineEnd = /\r\n|\n|\r|$/g
  lineEnd.lastIndex = at
  const end = lineEnd.exec(text)!.index
  return at + column - 1 <= end ? at + column - 1 : undefined
}

/**
 * The last lint's findings around the edited chunk, moved by what the edit added: those
 * before it as they were, those after it moved; inside it, the entries' findings are
 * `fresh` and a document rule's finding is kept where the lines it stands on are
 * unchanged. Sorted by position. Undefined when lines moved and one of the kept findings
 * names a line in its message ("repeats the entry on line 31"): the line it names may
 * have moved too, which only a whole lint can say.
 */
export function revisedFindings(
  latest: LatestLint,
  revised: RevisedChunk,
  fresh: Finding[],
  isDocumentRule: (ruleId: string) => boolean,
): Finding[] | undefined {
  const {chunk, before, after} = revised
  const offsets = after.length - before.length
  const lines = lineBreaks(after) - lineBreaks(before)
  const same = unchangedLines(before, after)
  const kept: Finding[] = []
  for (const finding of latest.findings) {
    const {start, end} = finding
    if (end.offset <= chunk.start && start.offset < chunk.start) kept.push(finding)
    else if (start.offset >= chunk.end) kept.push(movedBy(finding, offsets, lines))
    else if (!isDocumentRule(finding.ruleId)) continue
    else if (end.offset <= chunk.start + same.head) kept.push(finding)
    else if (start.offset >= chunk.end - same.tail) kept.push(movedBy(finding, offsets, lines))
  }
  if (lines !== 0 && kept.some(namesLine)) return undefined
  kept.push(...fresh)
  return kept.sort(byPosition)
}

/** How many characters of whole lines the two texts share at their start and at their end. */
function unchangedLines(before: string, after: string): {head: number; tail: number} {
  const most = Math.min(before.length, after.length)
  let head = 0
  while (head < most && before[head] === after[head]) head++
  let tail = 0
  while (tail < most - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++
  // Whole lines only: a finding on the edited line may have moved along it. The tail's
  // lines start after a line break that is itself shared.
  const lineStarts = [...before.matchAll(/\r\n|\n|\r/g)].map(
    (match) => match.index + match[0].length,
  )
  const headEnd = lineStarts.findLast((at) => at <= head) ?? 0
  const tailStart = lineStarts.find((at) => at > before.length - tail)
  return {head: headEnd, tail: tailStart === undefined ? 0 : before.length - tailStart}
}
