// The metric rows of an entry, looked up by the template row they stand for, with the
// value the model read from each (see model/values.ts), and minutes written back as text.

import {findSection} from './model/query.js'
import type {Entry, TableRow, Text} from './model/types.js'
import type {MetricProblem, Reading} from './model/values.js'
import type {Schema} from './template/schema.js'
import {normalizeName} from './text/names.js'

/**
 * Whether a timeline whose first time is `first` minutes was written in clock times
 * (14:00, 14:20, …) rather than time since the start: no session's first row is an hour
 * or more into it.
 */
export function startsAtClockTime(first: number): boolean {
  return first >= 60
}

/** Minutes as people write them in a log: `45m`, `2h`, `1h 20m`. */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes)
  const hours = Math.floor(rounded / 60)
  const rest = rounded % 60
  if (hours === 0) return `${rest}m`
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`
}

/** One row of the metrics table: its name cell, its value cell and what that value reads as. */
export interface Metric {
  row: TableRow
  name: Text
  /** The value cell; empty text (at the row's end) when the row has no such cell. */
  value: Text
  reading: Reading | MetricProblem
}

/** The row of the metrics table that stands for `metric`; undefined when either is absent. */
export function findMetric(
  entry: Entry,
  schema: Schema,
  metric: string | undefined,
): Metric | undefined {
  const section = findSection(entry, schema.roles.outputSection)
  if (!section || metric === undefined) return undefined
  const want = normalizeName(metric)
  for (const table of section.tables) {
    for (const row of table.rows) {
      if (row.spec === undefined || !row.reading || normalizeName(row.spec) !== want) continue
      const [name, value] = row.cells as [Text, Text | undefined]
      return {
        row,
        name,
        value: value ?? {start: row.end, end: row.end, text: ''},
        reading: row.reading,
      }
    }
  }
  return undefined
}

/** A metric row whose value parsed: `amount` is the count, or the duration in minutes. */
export interface MetricReading extends Metric {
  amount: number
}

/** A metric row's value as its kind; undefined when the row is absent or unreadable. */
export function readMetric(
  entry: Entry,
  schema: Schema,
  metric: string | undefined,
): MetricReading | undefined {
  const found = findMetric(entry, schema, metric)
  if (!found || typeof found.reading === 'string') return undefined
  return {...found, amount: found.reading.value}
}
