// What one entry contributes to the figures: its keys (engineer, tool, feature, month)
// and every number it states, each read through the template's roles, so that 0.2, 0.3
// and a team's own template are read by the same code. A figure the entry does not state
// in a readable form is named in `unknown`, never guessed.

import {findMetric, type Metric} from '../metrics.js'
import type {MetricProblem} from '../model/values.js'
import {
  findContextRotAction,
  isCalendarDate,
  isContextRotAction,
  readModeB,
  saysRenewed,
} from '../model/answers.js'
import {
  answerOf,
  findField,
  findQuestion,
  findSection,
  holdsTemplatePlaceholder,
  isBlank,
  isNotApplicable,
  isPlaceholder,
  readYesNo,
} from '../model/query.js'
import type {Entry, Question, Text} from '../model/types.js'
import type {Roles, Schema} from '../template/schema.js'

/** The figures an entry states as numbers, by the name they have in the report. */
export const metricFigures = {
  minutes: 'totalTime',
  minutesWithoutAI: 'estimatedTime',
  linesGenerated: 'linesGenerated',
  linesKept: 'linesKept',
  linesManual: 'linesManual',
  staticAnalysisIssues: 'staticAnalysisIssues',
  hallucinations: 'hallucinationsMetric',
} as const satisfies Record<string, keyof Roles>

export type MetricFigure = keyof typeof metricFigures

/** A figure of the report an entry may fail to state: a metric, its date, its kill switch. */
export type Figure = MetricFigure | 'date' | 'killSwitch'

/** A figure the entry does not state readably, and what it says instead. */
export interface Unknown {
  figure: Figure
  /** The name the log gives it: `Total session time`, `Date`. */
  label: string
  /** `missing` (no such row, field or question), `empty`, or the text that did not read. */
  problem: 'missing' | 'empty' | {text: string; why: MetricProblem | 'not-a-date' | 'not-yes-no'}
  line: number
}

export interface EntryFigures {
  /** The entry's heading line and task name. */
  line: number
  name: string
  /** `YYYY-MM-DD` when the entry has a real calendar date. */
  date: string | undefined
  engineer: string | undefined
  tool: string | undefined
  feature: string | undefined
  metrics: Partial<Record<MetricFigure, number>>
  killSwitch: boolean | undefined
  /** The template's wording of each context rot signal the entry marks. */
  signals: string[]
  /** Whether it marks enough signals (`rotSignals`) that context should have been renewed. */
  rotten: boolean
  /** Whether the action taken says the context was refreshed or the session aborted. */
  renewed: boolean
  /** `k of N` of a Mode B entry. */
  heartbeat: {k: number; n: number} | undefined
  /** The one-line lesson: the takeaway, or where the template has none, the pattern. */
  takeaway: Text | undefined
  unknown: Unknown[]
}

export function readEntryFigures(entry: Entry, schema: Schema, rotSignals: number): EntryFigures {
  const {roles} = schema
  const unknown: Unknown[] = []
  const text = (role: keyof Roles) => {
    const value = findField(entry, roles[role])?.value.text.trim()
    return value && !isPlaceholder(value, schema) && !isNotApplicable(value) ? value : undefined
  }
  const metrics: EntryFigures['metrics'] = {}
  for (const [figure, role] of Object.entries(metricFigures) as Array<
    [MetricFigure, keyof Roles]
  >) {
    const name = roles[role]
    if (name === undefined) continue // the template does not ask for it
    const metric = findMetric(entry, schema, name)
    const read = readMetricValue(metric, schema)
    if (typeof read === 'number') metrics[figure] = read
    else unknown.push({figure, label: name, problem: read, line: (metric?.row ?? entry).start.line})
  }
  const section = findSection(entry, roles.contextRotSection)
  const action = section && findContextRotAction(section, entry, schema)
  const signals = (section?.checkboxes ?? [])
    .filter((box) => box.checked && !isContextRotAction(box, schema))
    .map((box) => box.spec?.label ?? box.label.text.trim())
  return {
    line: entry.start.line,
    name: entry.heading.name?.text.trim() || entry.heading.content.text.trim(),
    date: readDate(entry, schema, unknown),
    engineer: text('engineerField'),
    tool: text('toolField'),
    feature: text('featureField'),
    metrics,
    killSwitch: readKillSwitch(entry, schema, unknown),
    signals,
    rotten: signals.length >= rotSignals,
    renewed: action?.text !== undefined && saysRenewed(action.text.text),
    heartbeat: readModeB(findField(entry, roles.modeField)?.value.text ?? ''),
    takeaway: readTakeaway(entry, schema),
    // In the order the log states them.
    unknown: unknown.sort((a, b) => a.line - b.line),
  }
}

/** A metric's value as a number (a duration in minutes); `None` is 0. */
function readMetricValue(metric: Metric | undefined, schema: Schema): number | Unknown['problem'] {
  if (metric === undefined) return 'missing'
  const raw = metric.value.text
  if (isBlank(raw) || holdsTemplatePlaceholder(raw, schema)) return 'empty'
  const reading = metric.reading
  if (reading === 'none') return 0
  if (typeof reading === 'object') return reading.value
  return reading === 'empty' ? 'empty' : {text: raw.trim(), why: reading}
}

function readDate(entry: Entry, schema: Schema, unknown: Unknown[]): string | undefined {
  const name = schema.roles.dateField
  if (name === undefined) return undefined
  const field = findField(entry, name)
  const value = field?.value.text.trim() ?? ''
  if (isCalendarDate(value)) return value
  const problem: Unknown['problem'] = !field
    ? 'missing'
    : value === '' || isPlaceholder(value, schema)
      ? 'empty'
      : {text: value, why: 'not-a-date'}
  unknown.push({figure: 'date', label: name, problem, line: field?.start.line ?? entry.start.line})
  return undefined
}

function readKillSwitch(entry: Entry, schema: Schema, unknown: Unknown[]): boolean | undefined {
  const name = schema.roles.killSwitchQuestion
  if (name === undefined) return undefined
  const question = findQuestion(entry, name)
  const answer = question && answerOf(question)
  const said = answer && readYesNo(answer.text)
  if (said === 'yes' || said === 'no') return said === 'yes'
  const problem: Unknown['problem'] = !question
    ? 'missing'
    : !answer || isBlank(answer.text) || said === 'placeholder'
      ? 'empty'
      : {text: answer.text.trim(), why: 'not-yes-no'}
  const line = question?.start.line ?? entry.start.line
  unknown.push({figure: 'killSwitch', label: name, problem, line})
  return undefined
}

function readTakeaway(entry: Entry, schema: Schema): Text | undefined {
  const written = (text: Text | undefined) =>
    text && !isNotApplicable(text.text) && !isPlaceholder(text.text, schema) ? text : undefined
  const takeaway = findQuestion(entry, schema.roles.takeaway)
  if (takeaway) return written(takeaway.inline)
  const pattern = findQuestion(entry, schema.roles.patternQuestion)
  return pattern && written(patternLesson(pattern, schema))
}

// The 0.3 layout has no takeaway; its pattern's rule is the lesson the team keeps.
function patternLesson(pattern: Question, schema: Schema): Text | undefined {
  const part = (role: keyof Roles) =>
    pattern.parts.find((item) => item.spec?.label === schema.roles[role])?.inline
  return part('patternRule') ?? part('patternName') ?? answerOf(pattern)
}
