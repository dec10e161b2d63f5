// `stats -f text`: the figures for a terminal. Aligned tables with a bar per row, drawn
// in the width the terminal has; colors only where the caller allows them.

import type {Figures, Group, Stats} from 'remark-session-log'
import {visible} from '../reporters/escape.js'
import {
  columns,
  count,
  groupTitles,
  headline,
  headlineText,
  scope,
  unknownSummary,
} from './figures.js'

export interface TextOptions {
  /** The terminal's width in columns. */
  width: number
  color: boolean
  logs: number
  window: {from?: string; to?: string}
}

/** At most this many notes are printed; `-f json` lists every one. */
const shownNotes = 20

export function statsText(stats: Stats, options: TextOptions): string {
  const paint = painter(options.color)
  const out: string[] = [
    paint.bold(`Session logs: ${scope(stats, options.logs, options.window)}`),
    '',
  ]
  const lines = headline(stats.totals)
  const labelWidth = Math.max(...lines.map(({label}) => label.length))
  for (const line of lines) out.push(`  ${line.label.padEnd(labelWidth)}  ${headlineText(line)}`)
  const unknown = unknownSummary(stats.totals)
  if (unknown) out.push('', `  ${unknown}`)

  const signals = Object.entries(stats.totals.contextRot)
  if (signals.length > 0) {
    out.push('', paint.bold('Context rot signals (entries that marked each)'))
    out.push(
      ...barRows(
        signals.map(([name, n]) => [visible(name), count(n), n, 0]),
        options,
        paint,
      ),
    )
  }

  for (const [grouping, groups] of Object.entries(stats.by)) {
    if (groups.length === 0) continue
    out.push(
      '',
      paint.bold(`By ${groupTitles[grouping as keyof typeof groupTitles].toLowerCase()}`),
    )
    out.push(
      ...groupTable(groupTitles[grouping as keyof typeof groupTitles], groups, options, paint),
    )
  }
  if (Object.keys(stats.by).length > 0) {
    out.push(
      '',
      paint.dim(
        `  ${paint.bar('█')} session time  ${paint.spare('░')} more time without AI (estimate)`,
      ),
    )
  }

  if (stats.notes.length > 0) {
    out.push('', paint.bold(`Notes (${stats.notes.length})`))
    for (const note of stats.notes.slice(0, shownNotes)) {
      const where = `${note.path ?? '<stdin>'}:${note.line}`
      out.push(`  ${visible(where)}  ${visible(note.message)}`)
    }
    const more = stats.notes.length - shownNotes
    if (more > 0) out.push(`  … and ${more} more; \`-f json\` lists every note`)
  }
  return `${out.join('\n')}\n`
}

type Row = [label: string, value: string, first: number, rest: number]

/** Label, value and a bar scaled to the widest row and the room the terminal leaves. */
function barRows(rows: Row[], options: TextOptions, paint: Painter): string[] {
  const labelWidth = Math.min(
    Math.max(...rows.map(([label]) => width(label))),
    Math.max(12, Math.floor(options.width / 2)),
  )
  const valueWidth = Math.max(...rows.map(([, value]) => value.length))
  const room = Math.max(10, options.width - labelWidth - valueWidth - 6)
  const scale = Math.max(...rows.map(([, , first, rest]) => first + rest), 1)
  return rows.map(([label, value, first, rest]) => {
    const [solid, light] = bars(first, rest, scale, room)
    return `  ${pad(clip(label, labelWidth), labelWidth)}  ${value.padStart(valueWidth)}  ${paint.bar(solid)}${paint.spare(light)}`
  })
}

/** A table's bars get at least this many columns; columns at the end make way for them. */
const minBar = 16

function groupTable(
  title: string,
  groups: Group[],
  options: TextOptions,
  paint: Painter,
): string[] {
  const keyWidth = Math.min(
    Math.max(title.length, ...groups.map((group) => width(visible(group.key)))),
    Math.max(12, Math.floor(options.width / 4)),
  )
  // Columns in their order while they leave room for a bar, which takes what is left.
  const shown: Array<{title: string; cells: string[]; width: number}> = []
  let used = 2 + keyWidth
  for (const column of columns) {
    if (column.terminal === undefined) continue
    const cells = groups.map((group) => column.show(group))
    const columnWidth = Math.max(column.terminal.length, ...cells.map((cell) => cell.length))
    if (used + 2 + columnWidth + 2 + minBar > options.width && shown.length >= 2) break
    shown.push({title: column.terminal, cells, width: columnWidth})
    used += 2 + columnWidth
  }
  const room = options.width - used - 2
  const scale = Math.max(
    ...groups.map((group) => Math.max(group.minutes, group.minutesWithoutAI)),
    1,
  )
  const header = `  ${pad(title, keyWidth)}${shown.map((column) => `  ${column.title.padStart(column.width)}`).join('')}`
  const lines = [paint.dim(header)]
  groups.forEach((group, row) => {
    const values = shown.map((column) => `  ${column.cells[row]!.padStart(column.width)}`).join('')
    let bar = ''
    if (room >= minBar) {
      const [solid, light] = bars(group.minutes, spare(group), scale, room)
      bar = `  ${paint.bar(solid)}${paint.spare(light)}`
    }
    lines.push(`  ${pad(clip(visible(group.key), keyWidth), keyWidth)}${values}${bar}`)
  })
  return lines
}

/** The part of the estimate without AI that the session did not take. */
function spare(figures: Figures): number {
  return Math.max(0, figures.minutesWithoutAI - figures.minutes)
}

function bars(first: number, rest: number, scale: number, room: number): [string, string] {
  const solid = Math.round((first / scale) * room)
  const light = Math.round(((first + rest) / scale) * room) - solid
  return ['█'.repeat(solid), '░'.repeat(Math.max(0, light))]
}

// Characters a terminal draws two columns wide (East Asian scripts, full-width forms,
// emoji) and ones it draws on top of the one before (combining marks, joiners).
const wide =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u
const zero = /^(?:\p{M}|\u200b|\u200c|\u200d|\ufe0e|\ufe0f)$/u

function charWidth(char: string): number {
  return zero.test(char) ? 0 : wide.test(char) ? 2 : 1
}

/** Columns a string takes in a terminal. */
function width(text: string): number {
  let columns = 0
  for (const char of text.normalize('NFC')) columns += charWidth(char)
  return columns
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)))
}

/** The text cut to `columns`, with `…` where it was cut. */
function clip(text: string, columns: number): string {
  if (width(text) <= columns) return text
  let kept = ''
  let used = 0
  for (const char of text.normalize('NFC')) {
    const next = charWidth(char)
    if (used + next > columns - 1) break
    kept += char
    used += next
  }
  return `${kept}…`
}

interface Painter {
  bold: (text: string) => string
  dim: (text: string) => string
  bar: (text: string) => string
  spare: (text: string) => string
}

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) =>
    color && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return {bold: wrap(1, 22), dim: wrap(2, 22), bar: wrap(36, 39), spare: wrap(90, 39)}
}
