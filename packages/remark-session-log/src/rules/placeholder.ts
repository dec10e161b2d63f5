import {answerOf, findQuestion, readYesNo, sameName, sliceText} from '../model/query.js'
import type {Entry, Question, Table, Text} from '../model/types.js'
import {defineRule, quote, type Report} from '../rule.js'
import type {Schema} from '../template/schema.js'
import {findBracketed} from '../text/patterns.js'

const cache = new WeakMap<Schema, Set<string>>()

/** Every placeholder of the template, compared without white space or case. */
function placeholdersOf(schema: Schema): Set<string> {
  let found = cache.get(schema)
  if (!found) {
    found = new Set(schema.placeholders.map(squash))
    cache.set(schema, found)
  }
  return found
}

function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase()
}

/** `[e.g., …]` is an example to replace, whether or not the template has this one. */
const example = /^\[\s*e\.\s*g\./i

export const placeholder = defineRule({
  id: 'placeholder',
  description: 'No template placeholder is left in an entry',
  why: "Placeholders such as `[Task Name]`, `YYYY-MM-DD`, `Yes / No` or the template's `[e.g., …]` examples mean a part of the entry was never filled in, and the numbers and answers around them cannot be trusted. An unchecked box may keep the template's wording: it was simply not used.",
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const scan = scanner(report, placeholdersOf(schema))
    scan(entry.heading.name ?? entry.heading.content, 'The task name')
    for (const field of entry.fields) scan(field.value, `Field "${field.name.text}"`)
    const notTriggered = killSwitchOff(entry, schema)
    for (const section of entry.sections) {
      for (const checkbox of section.checkboxes) {
        // An unused box may keep the template's wording (`- [ ] Other: [specify]`).
        const untouched =
          checkbox.spec && sameName(unescaped(checkbox.label.text), checkbox.spec.label)
        if (!checkbox.checked && untouched) continue
        scan(checkbox.label, `The item ${quote(itemName(checkbox.label.text))}`)
      }
      for (const question of section.questions) {
        const where = `The answer to "${question.label.text}"`
        const hint = notTriggered.has(question)
          ? 'the kill switch was not triggered, so write N/A or leave it empty'
          : ''
        scan(question.inline, where, hint)
        for (const answer of question.answers) scan(answer, where, hint)
        if (question.table)
          scanTable(scan, question.table, `The table under "${question.label.text}"`)
      }
      for (const table of section.tables) {
        scanTable(scan, table, `The table in "${section.heading.content.text}"`)
      }
    }
  },
})

type Scan = (text: Text | undefined, where: string, hint?: string) => void

function scanner(report: Report, placeholders: Set<string>): Scan {
  const flag = (found: Text, where: string, hint: string) => {
    const isExample = example.test(found.text)
    // `Yes / No`, `A / B (…)`: the template offers options to choose from.
    const isChoice = !found.text.startsWith('[') && found.text.includes('/')
    const want =
      hint ||
      (isExample
        ? "replace it with this session's own words"
        : isChoice
          ? 'keep the option that applies'
          : "fill in this session's value")
    const kind = isExample ? 'example' : 'placeholder'
    report(found, `${where} still holds the template's ${kind} ${quote(found.text)}; ${want}`)
  }
  return (text, where, hint = '') => {
    if (!text?.text) return
    if (placeholders.has(squash(text.text))) {
      flag(text, where, hint)
      return
    }
    for (const {start, end} of findBracketed(text.text)) {
      const bracket = text.text.slice(start, end)
      if (!placeholders.has(squash(bracket)) && !example.test(bracket)) continue
      const at = text.start.offset
      flag(sliceText(text, at + start, at + end), where, hint)
    }
  }
}

function scanTable(scan: Scan, table: Table, where: string): void {
  for (const row of table.rows) for (const cell of row.cells) scan(cell, where)
}

// The kill switch's follow-up questions, when it says it was not triggered: their
// placeholder may become N/A instead of an answer.
function killSwitchOff(entry: Entry, schema: Schema): Set<Question> {
  const {killSwitchQuestion, killSwitchWhy, killSwitchInstead} = schema.roles
  const question = findQuestion(entry, killSwitchQuestion)
  const answer = question && answerOf(question)
  if (!answer || readYesNo(answer.text) !== 'no') return new Set()
  const followUps = [findQuestion(entry, killSwitchWhy), findQuestion(entry, killSwitchInstead)]
  return new Set(followUps.filter((found) => found !== undefined))
}

/** Text with Markdown's backslash escapes read: `\\[specify]` is `[specify]` as written. */
function unescaped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

/** The part of a checkbox label before its placeholder, to name the item. */
function itemName(label: string): string {
  const bracket = findBracketed(label)[0]
  return (bracket ? label.slice(0, bracket.start) : label).replace(/[*_]/g, '').trim() || label
}
