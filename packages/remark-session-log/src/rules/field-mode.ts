import {isPlaceholder} from '../model/query.js'
import {defineRule, quote} from '../rule.js'
import {escapeRegExp} from '../text/patterns.js'

/** The words of a mode placeholder such as `A / B (Heartbeat # of N)`. */
interface ModeGrammar {
  single: string
  multiple: string
  /** The words around the two numbers: `Heartbeat`, `of`. */
  before: string
  between: string
  pattern: RegExp
}

const grammars = new Map<string, ModeGrammar | undefined>()

// Tokens come from the template's placeholder, so another wording of the mode field
// (another language, another name for a heartbeat) is checked the same way.
function grammarOf(placeholder: string): ModeGrammar | undefined {
  if (grammars.has(placeholder)) return grammars.get(placeholder)
  // Each part ends at a character the next one starts with, and the words around "#"
  // are trimmed afterwards: a pattern with `\s*` on both sides of `.*?` backtracked for
  // minutes on long input.
  const parts = /^\s*([^\s/]+)\s*\/\s*([^\s(]+)\s*\(([^#]*)#(.*)N\s*\)\s*$/u.exec(placeholder)
  let grammar: ModeGrammar | undefined
  if (parts) {
    const [, single = '', multiple = ''] = parts
    const before = (parts[3] ?? '').trim()
    const between = (parts[4] ?? '').trim()
    const words = (text: string) => text.split(/\s+/).filter(Boolean).map(escapeRegExp).join('\\s+')
    const pattern = new RegExp(
      `^(?:(${words(single)})|${words(multiple)}\\s*\\(\\s*${words(before)}\\s*(\\d+)\\s*${words(between)}\\s*(\\d+)\\s*\\))$`,
      'iu',
    )
    grammar = {single, multiple, before, between, pattern}
  }
  grammars.set(placeholder, grammar)
  return grammar
}

export const fieldMode = defineRule({
  id: 'field-mode',
  description: 'The mode is `A`, or `B (Heartbeat k of N)` with 1 <= k <= N',
  why: 'Mode tells a single-heartbeat session from one step of a longer feature; the `k of N` count is how a reader finds the other heartbeats and knows whether the feature was finished.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    for (const field of entry.fields) {
      if (field.spec?.kind !== 'mode') continue
      const value = field.value.text
      // An empty or untouched value is field-empty's or placeholder's finding.
      if (!value || isPlaceholder(value, schema)) continue
      const grammar = grammarOf(field.spec.placeholder)
      if (!grammar) continue
      const {single, multiple, before, between} = grammar
      const name = `"${field.name.text}"`
      const match = grammar.pattern.exec(value)
      if (!match) {
        report(
          field.value,
          `${name} is ${quote(value)}; write "${single}" or "${multiple} (${before} k ${between} N)"`,
        )
        continue
      }
      if (match[1] !== undefined) continue
      const [k, n] = [Number(match[2]), Number(match[3])]
      if (n < 1 || k < 1) {
        report(field.value, `${name} is ${quote(value)}; count heartbeats from 1`)
      } else if (k > n) {
        report(
          field.value,
          `${name} is ${quote(value)}: ${before} ${k} ${between} only ${n}; k cannot exceed N`,
        )
      }
    }
  },
})
