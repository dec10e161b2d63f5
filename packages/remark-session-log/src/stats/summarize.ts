// Adding entries' figures up: for all of them, and per engineer, tool, feature and month.

import {normalizeName} from '../text/names.js'
import type {EntryFigures, Figure, MetricFigure} from './entry.js'

/** The figures of a set of entries. Ratios are null where their divisor is zero. */
export interface Figures {
  entries: number
  /** Total session time, in minutes. */
  minutes: number
  /** Estimated time without AI, in minutes. */
  minutesWithoutAI: number
  /** Estimated time without AI less session time, over the entries that state both. */
  minutesSaved: number
  linesGenerated: number
  linesKept: number
  linesManual: number
  /** Lines kept over lines generated, over the entries that state both. */
  keepRatio: number | null
  staticAnalysisIssues: number
  hallucinations: number
  /** Hallucinations per 100 lines kept, over the entries that state both. */
  hallucinationsPer100Kept: number | null
  killSwitchTriggered: number
  /** Entries that answer the kill switch question Yes or No. */
  killSwitchAnswered: number
  /** Triggered over answered. */
  killSwitchRate: number | null
  /** Entries that mark each context rot signal, by the template's wording of it. */
  contextRot: Record<string, number>
  /** Entries that mark `rotSignals` (default 2) or more signals. */
  rotEntries: number
  /** Of those, the ones whose action taken says refreshed or aborted. */
  rotRenewed: number
  /** Mode B features whose last heartbeat (`N of N`) is logged, and those still open. */
  sequences: {finished: number; open: number}
  /** Entries that do not state a figure readably, by figure; see `notes`. */
  unknown: Partial<Record<Figure, number>>
}

export type Grouping = 'engineer' | 'tool' | 'feature' | 'month'
export const groupings: readonly Grouping[] = ['engineer', 'tool', 'feature', 'month']

/** The key of an entry that does not state the value it is grouped by. */
export const noKey = '(not given)'

export interface Group extends Figures {
  key: string
}

/** A Mode B sequence: a feature's heartbeats, counted where its latest one falls. */
export interface Sequence {
  finished: boolean
  /** The entry whose groups count the sequence. */
  latest: EntryFigures
}

export function summarize(
  entries: EntryFigures[],
  sequences: Sequence[],
  signalNames: string[],
): Figures {
  const sum = (figure: MetricFigure) =>
    entries.reduce((total, entry) => total + (entry.metrics[figure] ?? 0), 0)
  const both = (a: MetricFigure, b: MetricFigure) =>
    entries.filter((entry) => entry.metrics[a] !== undefined && entry.metrics[b] !== undefined)
  const pairSum = (pairs: EntryFigures[], figure: MetricFigure) =>
    pairs.reduce((total, entry) => total + entry.metrics[figure]!, 0)

  const timed = both('minutes', 'minutesWithoutAI')
  const kept = both('linesKept', 'linesGenerated')
  const checked = both('hallucinations', 'linesKept')
  const answered = entries.filter((entry) => entry.killSwitch !== undefined)
  const triggered = answered.filter((entry) => entry.killSwitch).length
  const rotten = entries.filter((entry) => entry.rotten)
  const contextRot: Record<string, number> = {}
  for (const name of signalNames) contextRot[name] = 0
  const unknown: Figures['unknown'] = {}
  for (const entry of entries) {
    for (const signal of entry.signals) contextRot[signal] = (contextRot[signal] ?? 0) + 1
    for (const {figure} of entry.unknown) unknown[figure] = (unknown[figure] ?? 0) + 1
  }
  const members = new Set(entries)
  const mine = sequences.filter((sequence) => members.has(sequence.latest))
  return {
    entries: entries.length,
    minutes: sum('minutes'),
    minutesWithoutAI: sum('minutesWithoutAI'),
    minutesSaved: pairSum(timed, 'minutesWithoutAI') - pairSum(timed, 'minutes'),
    linesGenerated: sum('linesGenerated'),
    linesKept: sum('linesKept'),
    linesManual: sum('linesManual'),
    keepRatio: ratio(pairSum(kept, 'linesKept'), pairSum(kept, 'linesGenerated')),
    staticAnalysisIssues: sum('staticAnalysisIssues'),
    hallucinations: sum('hallucinations'),
    hallucinationsPer100Kept: ratio(
      100 * pairSum(checked, 'hallucinations'),
      pairSum(checked, 'linesKept'),
    ),
    killSwitchTriggered: triggered,
    killSwitchAnswered: answered.length,
    killSwitchRate: ratio(triggered, answered.length),
    contextRot,
    rotEntries: rotten.length,
    rotRenewed: rotten.filter((entry) => entry.renewed).length,
    sequences: {
      finished: mine.filter((sequence) => sequence.finished).length,
      open: mine.filter((sequence) => !sequence.finished).length,
    },
    unknown,
  }
}

// Four decimals are more than any report shows and keep float noise out of the JSON.
function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000
}

/** The value an entry is grouped by; `noKey` when it states none. */
export function keyOf(entry: EntryFigures, grouping: Grouping): string {
  if (grouping === 'month') return entry.date?.slice(0, 7) ?? noKey
  return entry[grouping] ?? noKey
}

/**
 * Entries by the value of `grouping`. Spellings that differ as the rules let names differ
 * (case, spacing, emphasis) are one group, named as first written; groups come largest
 * first, then by name, with months in calendar order.
 */
export function groupEntries(
  entries: EntryFigures[],
  grouping: Grouping,
): Array<{key: string; entries: EntryFigures[]}> {
  const groups = new Map<string, {key: string; entries: EntryFigures[]}>()
  for (const entry of entries) {
    const key = keyOf(entry, grouping)
    const id = normalizeName(key)
    const group = groups.get(id) ?? {key, entries: []}
    group.entries.push(entry)
    groups.set(id, group)
  }
  const last = (key: string) => (key === noKey ? 1 : 0)
  return [...groups.values()].sort((a, b) =>
    grouping === 'month'
      ? last(a.key) - last(b.key) || a.key.localeCompare(b.key)
      : last(a.key) - last(b.key) ||
        b.entries.length - a.entries.length ||
        a.key.localeCompare(b.key),
  )
}
