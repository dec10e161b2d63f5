import {answerOf, findQuestion, holdsTemplatePlaceholder, isNotApplicable} from '../model/query.js'
import {defineRule, quote} from '../rule.js'

/**
 * What `migrate` answers for entries written before the question existed: a 0.2 entry
 * cannot say whether its author would use AI again, and inventing a Yes would be worse.
 */
export const notRecordedAnswer = 'Not recorded (logged before 0.3)'

// `Yes`, `**No** — …`, `Partially: …`; the reason follows a dash, colon or comma.
const answerPattern = /^(yes|no|partially)(?![\p{L}\p{N}])[\s.]*(?:[—–-]+|:|,|;)?\s*(.*)$/isu

export const useAgainAnswer = defineRule({
  id: 'use-again-answer',
  description:
    'Would you use AI for this again? is answered Yes, No or Partially, with a reason for No and Partially',
  why: 'Across entries this answer says which kinds of work the team should keep giving to AI. A No or a Partially is only useful with its reason ("Partially — the SQL was wrong every time"); a bare Yes is enough. Entries migrated from 0.2, which never asked, say "Not recorded (logged before 0.3)".',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const question = findQuestion(entry, schema.roles.useAgainQuestion)
    if (!question) return // a missing question is a structure finding, not this rule's
    const label = `"${question.label.text}"`
    const answer = answerOf(question)
    if (!answer || isNotApplicable(answer.text)) {
      report(
        answer ?? question.label,
        `${label} has no answer; answer Yes, No or Partially, and for No or Partially say why after " — "`,
      )
      return
    }
    if (holdsTemplatePlaceholder(answer.text, schema)) return // the placeholder rule reports it
    const plain = answer.text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()
    if (plain.toLowerCase() === notRecordedAnswer.toLowerCase()) return
    const match = answerPattern.exec(plain)
    if (!match) {
      report(answer, `${label} is answered ${quote(answer.text)}; start with Yes, No or Partially`)
      return
    }
    const said = match[1]!.toLowerCase()
    const reason = match[2] ?? ''
    if (said === 'yes' || !isNotApplicable(reason)) return
    const word = said === 'no' ? 'No' : 'Partially'
    report(answer, `${label} is answered ${word} without a reason; say why after "${word} — "`)
  },
})
