import {
  answerOf,
  findQuestion,
  holdsTemplatePlaceholder,
  isBlank,
  isNotApplicable,
  isPlaceholder,
  readYesNo,
} from '../model/query.js'
import {defineRule, quote} from '../rule.js'

export const killSwitch = defineRule({
  id: 'kill-switch',
  description: 'The kill switch is answered Yes or No; a Yes says why and what was done instead',
  why: 'The kill switch is how the team learns which tasks AI should not take on. A session that was stopped but does not say why, or what replaced it, teaches nothing. Whether a No is believable (the session ran far over its estimate) is the separate warning kill-switch-overdue, because it is a rule of thumb that teams may turn off.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const {killSwitchQuestion, killSwitchWhy, killSwitchInstead} = schema.roles
    const question = findQuestion(entry, killSwitchQuestion)
    if (!question) return
    const label = `"${question.label.text}"`
    const answer = answerOf(question)
    if (!answer || isBlank(answer.text)) {
      report(answer ?? question.label, `${label} has no answer; answer Yes or No`)
      return
    }
    if (holdsTemplatePlaceholder(answer.text, schema)) return // the placeholder rule reports it
    const said = readYesNo(answer.text)
    if (said === 'placeholder') {
      report(answer, `${label} still reads ${quote(answer.text)}; keep Yes or No`)
      return
    }
    if (said === undefined) {
      report(answer, `${label} is answered ${quote(answer.text)}; answer Yes or No`)
      return
    }
    if (said === 'no') return
    const followUps: Array<[string | undefined, string]> = [
      [killSwitchWhy, 'say what went wrong'],
      [killSwitchInstead, 'say what you did instead'],
    ]
    for (const [role, want] of followUps) {
      const followUp = findQuestion(entry, role)
      if (!followUp) continue // a missing question is a structure finding, not this rule's
      const text = answerOf(followUp)
      if (text && holdsTemplatePlaceholder(text.text, schema)) continue
      const name = `"${followUp.label.text}"`
      if (!text || isBlank(text.text)) {
        report(followUp.label, `The kill switch was triggered, but ${name} has no answer; ${want}`)
      } else if (isNotApplicable(text.text) || isPlaceholder(text.text, schema)) {
        report(text, `The kill switch was triggered, but ${name} is ${quote(text.text)}; ${want}`)
      }
    }
  },
})
