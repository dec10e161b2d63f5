import type {Entry} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import {breakStyle, isHardBreak, type FieldLine} from './field-lines.js'
import {joinEdits} from './moves.js'

/**
 * Moves each out-of-place line: its bytes deleted, the same line inserted at its place.
 * Hard breaks stay valid: the line that comes to end the paragraph drops its break
 * marker, and a line that no longer ends it gains the marker its neighbours use. Returns
 * no edits when the fields are not one paragraph of one line each, where moving lines is
 * not safe.
 */
export function moveFieldLines(
  entry: Entry,
  lines: FieldLine[],
  moved: FieldLine[],
  anchorOf: (line: FieldLine) => FieldLine | undefined,
  lastKept: FieldLine,
  eol: Context['eol'],
): Edit[] {
  const onePerLine = lines.every(
    (line, i) =>
      line.field.start.line === line.field.end.line &&
      (i === 0 || line.field.start.line === lines[i - 1]!.field.start.line + 1),
  )
  if (!onePerLine || continues(entry, lines.at(-1)!)) return []

  const isMoved = new Set(moved)
  const groups = new Map<FieldLine | undefined, FieldLine[]>()
  for (const line of [...moved].sort((a, b) => a.at! - b.at! || a.index - b.index)) {
    const anchor = anchorOf(line)
    const group = groups.get(anchor) ?? []
    group.push(line)
    groups.set(anchor, group)
  }
  const order: FieldLine[] = []
  for (const line of lines) {
    if (isMoved.has(line)) continue
    order.push(...(groups.get(line) ?? []), line)
    if (line === lastKept) order.push(...(groups.get(undefined) ?? []))
  }

  const style = breakStyle(lines)
  const markers = new Map<FieldLine, string>()
  order.forEach((line, i) => {
    let marker = line.marker
    // A backslash ending a paragraph shows as a backslash; spaces there are just noise.
    if (style && i === order.length - 1) marker = isHardBreak(marker) ? '' : marker
    else if (style && !isHardBreak(marker)) marker = style
    markers.set(line, marker)
  })
  const textOf = (line: FieldLine) => line.body + markers.get(line)!

  // Marker changes first: one at the end of the last kept line must precede what is
  // inserted after that line.
  const edits: Edit[] = []
  for (const line of lines) {
    if (isMoved.has(line) || markers.get(line) === line.marker) continue
    edits.push({start: line.field.end.offset, end: line.end, text: markers.get(line)!})
  }
  for (const [anchor, group] of groups) {
    edits.push(
      anchor
        ? {start: anchor.start, end: anchor.start, text: group.map((l) => textOf(l) + eol).join('')}
        : {
            start: lastKept.end,
            end: lastKept.end,
            text: group.map((l) => eol + textOf(l)).join(''),
          },
    )
  }
  // Each run of moved lines goes with the line ending after it; at the end of the
  // paragraph, with the one before it.
  for (let i = 0; i < lines.length; i++) {
    if (!isMoved.has(lines[i]!)) continue
    let j = i
    while (j + 1 < lines.length && isMoved.has(lines[j + 1]!)) j++
    const next = lines[j + 1]
    edits.push(
      next
        ? {start: lines[i]!.start, end: next.start, text: ''}
        : {start: lines[i - 1]!.end, end: lines[j]!.end, text: ''},
    )
    i = j
  }
  return joinEdits(edits, entry.source, entry.start.offset)
}

// Whether the paragraph goes on after the last field line, with a line that is no field.
function continues(entry: Entry, last: FieldLine): boolean {
  const rest = entry.source.slice(
    last.end - entry.start.offset,
    last.end - entry.start.offset + 400,
  )
  const next = /^(?:\r\n|\n|\r)([^\r\n]*)/.exec(rest)?.[1]
  return next !== undefined && next.trim() !== '' && !/^ {0,3}#/.test(next)
}
