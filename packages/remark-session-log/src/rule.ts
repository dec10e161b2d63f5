import type {Entry, Point, SessionLog, Span} from './model/types.js'
import type {Schema} from './template/schema.js'

export type Severity = 'warn' | 'error'

/** A text edit on the original string: offsets are after any BOM, `start === end` inserts. */
export interface Edit {
  start: number
  end: number
  text: string
}

/** The playbook's rules of thumb; each rule that uses one says so. */
export interface Thresholds {
  /** A heartbeat changes fewer lines than this (kept by AI plus written manually). */
  maxLines: number
  minHours: number
  maxHours: number
  /** Over this many times the estimate, the kill switch should have fired. */
  killSwitchFactor: number
  /** This many context rot signals call for a refresh. */
  rotSignals: number
}

export const defaultThresholds: Thresholds = {
  maxLines: 300,
  minHours: 1,
  maxHours: 4,
  killSwitchFactor: 3,
  rotSignals: 2,
}

/** What a rule may read besides the model. */
export interface Context {
  schema: Schema
  /** The date "future" is measured against, `YYYY-MM-DD`. */
  today: string
  thresholds: Thresholds
  /** The file's own line ending, for edits that insert lines. */
  eol: '\n' | '\r\n' | '\r'
}

export interface ReportOptions {
  /** The one replacement for the reported range, when there is one (editors' quick fix). */
  expected?: string[]
  edits?: Edit[]
}

export type Report = (node: Span, message: string, options?: ReportOptions) => void

export interface RuleDefinition {
  id: string
  description: string
  /** Why the rule exists, for its README section. */
  why: string
  severity: Severity
  fixable: boolean
  /** Checks one entry. Its findings may depend only on that entry's own text. */
  check?(entry: Entry, report: Report, context: Context): void
  /** Checks what spans entries: header, footer, order, duplicates, sequences. */
  checkDocument?(log: SessionLog, report: Report, context: Context): void
}

export interface Rule extends RuleDefinition {
  /** Where the rule is documented: its anchor in the plugin README. */
  url: string
}

const docs =
  'https://github.com/remark-session-log/remark-session-log/tree/main/packages/remark-session-log'

export function defineRule(definition: RuleDefinition): Rule {
  return {...definition, url: `${docs}#${definition.id}`}
}

/** One finding, as `lint` returns it. */
export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  start: Point
  end: Point
  url: string
  expected?: string[]
  edits?: Edit[]
}

/** The order findings are reported in: by place, then by rule. */
export function byPosition(a: Finding, b: Finding): number {
  return (
    a.start.offset - b.start.offset ||
    a.end.offset - b.end.offset ||
    a.ruleId.localeCompare(b.ruleId)
  )
}

/** Quotes a value from the log in a message, shortened so one message stays one line. */
export function quote(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  const short = flat.length > 60 ? `${flat.slice(0, 57)}…` : flat
  return `"${short}"`
}
