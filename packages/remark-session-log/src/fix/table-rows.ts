import type {Entry, Table, TableRow} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import {insertAt} from './edits.js'
import {lineStart} from './lines.js'

/** The rows new rows stand next to; with neither, they go at the end of the table. */
export interface RowPlace {
  after: TableRow | undefined
  before: TableRow | undefined
}

/**
 * Inserts one row per name, the name in the first cell and the others empty, written
 * like the table's own rows. One edit for them all, so inserts at one place never race.
 */
export function insertRows(
  entry: Entry,
  table: Table,
  names: readonly string[],
  {after, before}: RowPlace,
  eol: Context['eol'],
): Edit {
  const rows = names.map(rowWriter(entry, table))
  if (after) return insertAt(after.end.offset, rows.map((row) => eol + row).join(''))
  if (before) {
    const base = entry.start.offset
    const start = base + lineStart(entry.source, before.start.offset - base)
    return insertAt(start, rows.map((row) => row + eol).join(''))
  }
  return insertAt(table.end.offset, rows.map((row) => eol + row).join(''))
}

function rowWriter(entry: Entry, table: Table): (name: string) => string {
  const sample =
    table.rows.find((row) => row.cells.length === table.header.cells.length) ?? table.header
  const aligned = [table.header, ...table.rows].every(
    (row) =>
      row.end.offset - row.start.offset === sample.end.offset - sample.start.offset &&
      row.cells.length === sample.cells.length,
  )
  const prefix = linePrefix(entry, sample)
  return (name) => prefix + rowText(entry, sample, aligned, name)
}

// What stands before the row on its line: indentation, or a blockquote marker.
function linePrefix(entry: Entry, row: TableRow): string {
  const base = entry.start.offset
  return entry.source.slice(
    lineStart(entry.source, row.start.offset - base),
    row.start.offset - base,
  )
}

/**
 * A row with `name` in the first cell and the others empty, written like `sample`: same
 * outer pipes and padding, and in a table padded to line up, the same column widths.
 */
function rowText(entry: Entry, sample: TableRow, aligned: boolean, name: string): string {
  const base = sample.start.offset
  const raw = entry.source.slice(base - entry.start.offset, sample.end.offset - entry.start.offset)
  const cells = sample.cells.map((cell) => ({
    start: cell.start.offset - base,
    end: cell.end.offset - base,
  }))
  if (cells.length === 0) return `| ${name} |`
  let text = raw.slice(0, cells[0]!.start)
  cells.forEach((cell, index) => {
    const content = index === 0 ? name : ''
    const pipe = raw.indexOf('|', cell.end)
    const next = cells[index + 1]?.start ?? raw.length
    const slot = (pipe === -1 ? raw.length : pipe) - cell.start
    const padded = raw.slice(cell.end, pipe === -1 ? raw.length : pipe) !== ''
    if (aligned && content.length <= slot) text += content.padEnd(slot)
    else if (content !== '') text += padded ? `${content} ` : content
    if (pipe !== -1) text += raw.slice(pipe, next)
    else if (index === cells.length - 1 && content === '') text += '|'
  })
  return text
}
