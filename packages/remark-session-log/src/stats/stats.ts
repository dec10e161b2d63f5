// `stats`: what a team's logs say, in numbers. Reads each log into the model (no rules
// run), each entry into its figures, then adds them up in total and per group.

import {fitOf, followsAt} from '../model/fit.js'
import {buildModelByChunks} from '../model/chunks.js'
import {contextRotSignals} from '../model/answers.js'
import {defaultThresholds} from '../rule.js'
import {templateFor} from '../template/load.js'
import {normalizeName} from '../text/names.js'
import {readEntryFigures, type EntryFigures, type Unknown} from './entry.js'
import {
  groupEntries,
  groupings,
  summarize,
  type Figures,
  type Group,
  type Grouping,
  type Sequence,
} from './summarize.js'

export interface StatsLog {
  text: string
  /** How reports name the log; notes and takeaways carry it. */
  path?: string
  /** This log's own settings (a project's `.session-logrc`), over the options. */
  template?: string
  rotSignals?: number
}

export interface StatsOptions {
  /** A built-in template id or a template file; default: each log's own header picks one. */
  template?: string
  /** Only entries dated on or after this day (`YYYY-MM-DD`). */
  from?: string
  /** Only entries dated on or before this day (`YYYY-MM-DD`). */
  to?: string
  /** Groupings to report, in this order; default: all four. */
  by?: readonly Grouping[]
  /** Signals from which context should have been refreshed; default 2. */
  rotSignals?: number
}

/** Something the figures leave out or could not read, with where it is. */
export interface Note {
  path: string | undefined
  line: number
  message: string
}

/** An entry's one-line lesson, with where it is written. */
export interface Takeaway {
  path: string | undefined
  line: number
  date: string | undefined
  engineer: string | undefined
  entry: string
  text: string
}

export interface Stats {
  totals: Figures
  by: Partial<Record<Grouping, Group[]>>
  takeaways: Takeaway[]
  notes: Note[]
}

export function stats(logs: readonly StatsLog[], options: StatsOptions = {}): Stats {
  const counted: EntryFigures[] = []
  const takeaways: Takeaway[] = []
  const notes: Note[] = []
  const signalNames = new Set<string>()
  for (const {text, path, ...own} of logs) {
    const source = text.replace(/^\uFEFF/, '')
    const schema = templateFor(source, own.template ?? options.template)
    const rotSignals = own.rotSignals ?? options.rotSignals ?? defaultThresholds.rotSignals
    for (const spec of contextRotSignals(schema)) signalNames.add(spec.label)
    const log = buildModelByChunks(source, schema)
    const note = (line: number, message: string) => notes.push({path, line, message})
    if (log.entries.length === 0) {
      note(1, `The log has no entries (no heading starting "${schema.entryPrefix}")`)
      continue
    }
    if (fitOf(log, schema).score < followsAt) {
      note(
        1,
        `The log does not follow the template ${schema.title} ${schema.version}; its figures are read where they fit`,
      )
    }
    let undated = 0
    for (const entry of log.entries) {
      const figures = readEntryFigures(entry, schema, rotSignals)
      if (options.from !== undefined || options.to !== undefined) {
        if (figures.date === undefined) {
          undated++
          continue
        }
        if (options.from !== undefined && figures.date < options.from) continue
        if (options.to !== undefined && figures.date > options.to) continue
      }
      counted.push(figures)
      if (figures.unknown.length > 0) note(figures.line, describeUnknown(figures))
      if (figures.takeaway) {
        const {date, engineer, name} = figures
        const {line} = figures.takeaway.start
        takeaways.push({
          path,
          line,
          date,
          engineer,
          entry: name,
          text: figures.takeaway.text.trim(),
        })
      }
    }
    if (undated > 0) {
      const entries = undated === 1 ? '1 entry has' : `${undated} entries have`
      note(
        1,
        `${entries} no readable date and ${undated === 1 ? 'is' : 'are'} left out of the dates asked for`,
      )
    }
  }
  const sequences = modeBSequences(counted)
  const names = [...signalNames]
  const by: Stats['by'] = {}
  for (const grouping of options.by ?? groupings) {
    by[grouping] = groupEntries(counted, grouping).map(({key, entries}) => ({
      key,
      ...summarize(entries, sequences, names),
    }))
  }
  return {totals: summarize(counted, sequences, names), by, takeaways, notes}
}

/**
 * Mode B heartbeats by feature and planned total. A sequence is finished when its last
 * heartbeat (`N of N`) is logged, and counts in the groups of its furthest heartbeat.
 */
function modeBSequences(entries: EntryFigures[]): Sequence[] {
  const sequences = new Map<string, Sequence>()
  for (const entry of entries) {
    const {heartbeat, feature} = entry
    if (!heartbeat || feature === undefined) continue
    // Features as mode-sequence groups them.
    const id = `${normalizeName(feature)}\u0000${heartbeat.n}`
    const known = sequences.get(id)
    const finished = (known?.finished ?? false) || heartbeat.k >= heartbeat.n
    const latest = known && known.latest.heartbeat!.k >= heartbeat.k ? known.latest : entry
    sequences.set(id, {finished, latest})
  }
  return [...sequences.values()]
}

const problems: Record<Exclude<Unknown['problem'], string>['why'], string> = {
  empty: 'is empty',
  negative: 'is negative',
  fraction: 'is not a whole number',
  none: 'is not a number',
  'no-unit': 'has no unit (h or m)',
  unreadable: 'does not read as a number',
  'not-a-date': 'is not a calendar date (YYYY-MM-DD)',
  'not-yes-no': 'is not Yes or No',
}

/** `"Total session time" is empty; "Lines kept after review" is "lots", which does not read as a number`. */
function describeUnknown(figures: EntryFigures): string {
  const parts = figures.unknown.map(({label, problem}) => {
    const name = `"${label.replace(/:$/, '')}"`
    if (problem === 'missing') return `${name} is missing`
    if (problem === 'empty') return `${name} is empty`
    return `${name} is "${problem.text}", which ${problems[problem.why]}`
  })
  return `Entry "${figures.name}" is counted without figures it does not state: ${parts.join('; ')}`
}
