import {defaultThresholds, type Severity, type Thresholds} from './rule.js'

export type RuleSetting = Severity | 'off'

/**
 * A rule's setting as people write it: `off`, `warn` or `error`, and `warning`, the word
 * the reports print, for `warn`. Undefined for anything else.
 */
export function readRuleSetting(value: unknown): RuleSetting | undefined {
  if (value === 'off' || value === 'warn' || value === 'error') return value
  return value === 'warning' ? 'warn' : undefined
}

export interface Options extends Partial<Thresholds> {
  /** A built-in template id (`session-log.v0.2`) or a path to a template Markdown file. */
  template?: string
  /** Severity per rule id; rules not named keep their default. */
  rules?: Record<string, RuleSetting>
  /** The date "future" is measured against; default: today (local time). */
  today?: string | Date
  /**
   * Plugin only: compile to the original text with every fix applied instead of a
   * re-serialised tree, and report only the findings left after fixing.
   */
  fix?: boolean
}

export interface ResolvedOptions {
  template: string | undefined
  rules: Record<string, RuleSetting>
  today: string
  thresholds: Thresholds
}

export function resolveOptions(options: Options = {}): ResolvedOptions {
  const thresholds = {...defaultThresholds}
  for (const key of Object.keys(defaultThresholds) as Array<keyof Thresholds>) {
    const value = options[key]
    if (typeof value === 'number' && Number.isFinite(value)) thresholds[key] = value
  }
  return {
    template: options.template,
    rules: options.rules ?? {},
    today: formatDate(options.today ?? new Date()),
    thresholds,
  }
}

/** A date as `YYYY-MM-DD` in local time; a string is taken as already written so. */
export function formatDate(date: string | Date): string {
  if (typeof date === 'string') return date
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
