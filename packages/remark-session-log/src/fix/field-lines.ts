import type {Entry, Field} from '../model/types.js'
import type {FieldSpec} from '../template/schema.js'
import {lineStart} from './lines.js'

/** The line that holds a field, as fixes that move or add field lines see it. */
export interface FieldLine {
  field: Field
  /** Position among the entry's fields. */
  index: number
  /** Position of the field in the template; undefined for a field it does not have. */
  at: number | undefined
  /** Offsets of the line, without its line ending. */
  start: number
  end: number
  /** What stands before the label: indentation, a list bullet. */
  prefix: string
  /** The line up to the end of the value. */
  body: string
  /** The rest of the line: a hard-break marker, trailing spaces, or nothing. */
  marker: string
}

/** The lines of the entry's fields, read from the entry's own text. */
export function fieldLines(entry: Entry, specs: readonly FieldSpec[]): FieldLine[] {
  const base = entry.start.offset
  const source = entry.source
  return entry.fields.map((field, index) => {
    const labelStart = field.start.offset - base
    const valueEnd = field.end.offset - base
    const start = lineStart(source, labelStart)
    let end = valueEnd
    while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end++
    const at = field.spec ? specs.indexOf(field.spec) : -1
    return {
      field,
      index,
      at: at === -1 ? undefined : at,
      start: base + start,
      end: base + end,
      prefix: source.slice(start, labelStart),
      body: source.slice(start, valueEnd),
      marker: source.slice(valueEnd, end),
    }
  })
}

/** A backslash or two spaces at the end of a line: a hard line break. */
export function isHardBreak(marker: string): boolean {
  return /\\$|(?<! ) {2,}$/.test(marker)
}

/**
 * The hard-break marker the field lines end with, `\` or two spaces, taken from a line
 * that another field line follows; undefined for soft breaks and for list items, which
 * are paragraphs of their own.
 */
export function breakStyle(lines: readonly FieldLine[]): string | undefined {
  if (lines.some((line) => line.prefix.trim() !== '')) return undefined
  const lineNumbers = new Set(lines.map((line) => line.field.start.line))
  const styled = lines.find(
    (line) => lineNumbers.has(line.field.start.line + 1) && isHardBreak(line.marker),
  )
  if (!styled) return undefined
  return styled.marker.endsWith('\\') ? '\\' : '  '
}

/** Whether another field line directly follows this one. */
export function isFollowed(lines: readonly FieldLine[], line: FieldLine): boolean {
  return lines.some((other) => other.field.start.line === line.field.start.line + 1)
}
