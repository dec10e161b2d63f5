// Reading the values people write into a session log: line counts and durations,
// spelled the many ways real logs spell them, and timeline times. The model reads each
// metric row's value once, as it builds the row (see tables.ts).
import type {Schema} from '../template/schema.js'
import {normalizeName} from '../text/names.js'

/** A value that parsed; `estimate` when the author marked it as approximate (`~120`). */
export interface Reading {
  value: number
  estimate: boolean
}

/**
 * Why a value does not parse: `empty`; `negative`; `fraction` (a count with decimals);
 * `none` (a word for zero, such as `None`); `no-unit` (a duration without h or m);
 * `unreadable` (anything else).
 */
export type MetricProblem = 'empty' | 'negative' | 'fraction' | 'none' | 'no-unit' | 'unreadable'

const estimatePrefix =
  /^(?:~|≈|±|\+\/-|approx\.?|approximately|about|around|roughly|circa|ca\.|est\.|estimated)\s*/i
const estimateSuffix = /(?<!\s)\s*(?:\?|\+|-?ish)$/i
/** A remark after the value: `(incl. review)`, ` — mostly tests`. */
const remark = /(?<!\s)\s*\([^()]*\)$|(?<!\s)\s+[—–]\s[^]*$/

interface Cleaned {
  text: string
  estimate: boolean
}

// Emphasis and code marks around a value do not change it: `**120**`, `` `1h` ``.
function clean(raw: string): Cleaned {
  let text = raw
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
  text = text.replace(/^[*_`]+|(?<![*_`])[*_`]+$/g, '').trim()
  text = text.replace(remark, '').trim()
  let estimate = false
  const prefix = estimatePrefix.exec(text)
  if (prefix) {
    estimate = true
    text = text.slice(prefix[0].length)
  }
  const suffix = estimateSuffix.exec(text)
  if (suffix && suffix.index > 0) {
    estimate = true
    text = text.slice(0, suffix.index)
  }
  return {text: text.trim(), estimate}
}

// Thousands may be grouped with a comma, a space of any width or an apostrophe: 1,240,
// 1 240, 1'240.
const count =
  /^([-−–]?)(\d{1,3}(?:([, \u00a0\u202f\u2009'’])\d{3})(?:\3\d{3})*|\d+)(?:[.,](\d+))?(?: ?\p{L}[\p{L}.]*)?$/u
const noneWords = /^(?:none|zero|nil|nothing|no)$/i

/** Reads a line count or other count: a non-negative whole number, `1,240`, `~120`. */
export function parseCount(raw: string): Reading | MetricProblem {
  const {text, estimate} = clean(raw)
  if (text === '') return raw.trim() === '' ? 'empty' : 'unreadable'
  if (noneWords.test(text)) return 'none'
  const match = count.exec(text)
  if (!match) return 'unreadable'
  const digits = (match[2] ?? '').replace(/\D/g, '')
  if (match[4] && /[1-9]/.test(match[4])) return 'fraction'
  const value = Number(digits)
  if (match[1] && value > 0) return 'negative'
  return {value, estimate}
}

/** Minutes per unit; a day of work is eight hours. */
const units: Array<[RegExp, number]> = [
  [/^(?:d|days?)$/, 8 * 60],
  [/^(?:h|hr|hrs|hours?|std)$/, 60],
  [/^(?:m|mn|min|mins|minutes?|['′])$/, 1],
  [/^(?:s|sec|secs|seconds?|["″])$/, 1 / 60],
]
const fractions: Record<string, number> = {'½': 0.5, '¼': 0.25, '¾': 0.75}
const number = String.raw`\d+(?:[.,]\d+)?|\d*[½¼¾]|[.,]\d+`
const part = new RegExp(String.raw`^(${number}) ?([a-z]+|['′"″])\.?(?=$|[^a-z])`)
const bareNumber = new RegExp(String.raw`^(?:${number})$`)
const joiner = /^(?:\s*(?:,|and|&|\+)\s*|\s+)/
const clock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?: ?(?:h|hrs?|hours?))?$/
const iso = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/

function readNumber(text: string): number {
  const fraction = fractions[text.slice(-1)]
  if (fraction !== undefined) return Number(text.slice(0, -1) || '0') + fraction
  return Number(text.replace(',', '.'))
}

// Words people use for common durations, rewritten to digits before reading.
const phrases: Array<[RegExp, string]> = [
  [/\b(?:an?|one) hour and a half\b/g, '90m'],
  [/\bhalf an? hour\b|\bhalf-hour\b|\bhalf hour\b/g, '30m'],
  [/\b(?:an?|one) hour\b/g, '1h'],
  [/\ba quarter of an hour\b|\ba quarter hour\b/g, '15m'],
  [/(\d) and a half (hours?|hrs?|h)\b/g, '$1.5$2'],
]

/**
 * Reads a duration into minutes: `45m`, `45 min`, `1h`, `1h 30m`, `1h30`, `1.5h`, `1,5 h`,
 * `1:30`, `90 minutes`, `2 hours`, `half an hour`, `PT1H30M`, `1 day` (eight hours).
 */
export function parseDuration(raw: string): Reading | MetricProblem {
  const {text: cleaned, estimate} = clean(raw)
  if (cleaned === '') return raw.trim() === '' ? 'empty' : 'unreadable'
  let text = cleaned.toLowerCase()
  for (const [pattern, replacement] of phrases) text = text.replace(pattern, replacement)

  const onClock = clock.exec(text)
  if (onClock) {
    const minutes = Number(onClock[1]) * 60 + Number(onClock[2]) + Number(onClock[3] ?? 0) / 60
    return {value: minutes, estimate}
  }
  const isoMatch = iso.exec(text)
  if (isoMatch && text !== 'pt') {
    const [hours, minutes, seconds] = [isoMatch[1], isoMatch[2], isoMatch[3]].map(Number)
    return {value: (hours || 0) * 60 + (minutes || 0) + (seconds || 0) / 60, estimate}
  }
  if (/^[-−–]/.test(text) && typeof parseDuration(text.slice(1)) === 'object') return 'negative'
  if (bareNumber.test(text)) return 'no-unit'

  // Parts from the largest unit down, each unit once: `1 day 2h 30m`, `1h, 30 min`.
  let rest = text
  let total = 0
  let lastUnit = Infinity
  let parts = 0
  while (rest !== '') {
    const match = part.exec(rest)
    if (!match) {
      // `1h30`: minutes written without their unit after hours.
      const bare = /^(\d{1,2})$/.exec(rest)
      if (bare && lastUnit === 60 && Number(bare[1]) < 60) {
        total += Number(bare[1])
        break
      }
      return 'unreadable'
    }
    const unit = units.find(([pattern]) => pattern.test(match[2] ?? ''))?.[1]
    if (unit === undefined || unit >= lastUnit) return 'unreadable'
    total += readNumber(match[1] ?? '') * unit
    lastUnit = unit
    parts++
    rest = rest.slice(match[0].length)
    const gap = joiner.exec(rest)
    if (gap) rest = rest.slice(gap[0].length)
  }
  if (parts === 0 || !Number.isFinite(total)) return 'unreadable'
  return {value: total, estimate}
}

/** Reads a timeline time, `HH:MM` elapsed since the session started, into minutes. */
export function parseTimelineTime(raw: string): number | undefined {
  const match = /^(\d{1,3}):([0-5]\d)$/.exec(raw.trim().replace(/^[*_`]+|(?<![*_`])[*_`]+$/g, ''))
  if (!match) return undefined
  return Number(match[1]) * 60 + Number(match[2])
}

/**
 * Whether a metric row holds a duration or a count. The template's time rows are
 * durations; every other metric row counts something (lines, issues, hallucinations).
 */
export function metricKind(schema: Schema, metric: string): 'duration' | 'count' {
  const times = [schema.roles.totalTime, schema.roles.estimatedTime]
  const name = normalizeName(metric)
  return times.some((time) => time !== undefined && normalizeName(time) === name)
    ? 'duration'
    : 'count'
}
