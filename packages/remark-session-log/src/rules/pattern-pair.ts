import {findQuestion, holdsTemplatePlaceholder, isNotApplicable} from '../model/query.js'
import type {Question} from '../model/types.js'
import {defineRule, quote} from '../rule.js'

export const patternPair = defineRule({
  id: 'pattern-pair',
  description: 'A pattern or anti-pattern has both its Name and its Rule, or neither',
  why: 'A pattern is worth keeping when the team can find it by its name and act on its rule. A name without a rule teaches nothing, and a rule without a name cannot be referred to. Leaving both empty says "nothing new this time", which is a fine answer.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const {patternQuestion, patternName, patternRule} = schema.roles
    const question = findQuestion(entry, patternQuestion)
    if (!question || patternName === undefined || patternRule === undefined) return
    const name = partOf(question, patternName)
    const rule = partOf(question, patternRule)
    const filled = (part: Question | undefined) => {
      const value = part?.inline?.text
      return value !== undefined && !isNotApplicable(value)
    }
    if (filled(name) === filled(rule)) return
    const [have, lack, lackLabel] = filled(name)
      ? [name!, rule, patternRule]
      : [rule!, name, patternName]
    const value = have.inline!.text
    // A template example left in place is the placeholder rule's finding.
    if (holdsTemplatePlaceholder(value, schema)) return
    const given = `"${have.label.text}" is ${quote(value)}`
    if (!lack) {
      report(
        question.label,
        `${given}, but the pattern has no "- **${lackLabel}**" bullet; add it, or clear both when nothing new was found`,
      )
      return
    }
    report(
      lack.inline ?? lack.label,
      `${given}, but "${lack.label.text}" is empty; fill it in, or clear both when nothing new was found`,
    )
  },
})

function partOf(question: Question, label: string): Question | undefined {
  return question.parts.find((part) => part.spec?.label === label)
}
