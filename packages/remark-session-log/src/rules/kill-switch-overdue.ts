import {formatMinutes, readMetric} from '../metrics.js'
import {answerOf, findQuestion, readYesNo} from '../model/query.js'
import {defineRule, quote} from '../rule.js'

export const killSwitchOverdue = defineRule({
  id: 'kill-switch-overdue',
  description: 'A session far over its estimate has the kill switch triggered',
  why: 'The playbook stops a session once it takes more than three times (the killSwitchFactor option) the time the task would take without AI. An entry that ran that long and says the kill switch was not triggered either kept going past the point of abandoning, or has a wrong estimate. A rule of thumb, so a warning of its own that can be turned off apart from kill-switch.',
  severity: 'warn',
  fixable: false,
  check(entry, report, {schema, thresholds}) {
    const question = findQuestion(entry, schema.roles.killSwitchQuestion)
    const answer = question && answerOf(question)
    if (!answer || readYesNo(answer.text) !== 'no') return
    const total = readMetric(entry, schema, schema.roles.totalTime)
    const estimate = readMetric(entry, schema, schema.roles.estimatedTime)
    if (!total || !estimate || estimate.amount <= 0) return
    const factor = thresholds.killSwitchFactor
    if (total.amount <= factor * estimate.amount) return
    report(
      answer,
      `The kill switch says ${quote(answer.text)}, but "${total.name.text}" (${total.value.text}) is over ${factor} times "${estimate.name.text}" (${estimate.value.text}, so ${formatMinutes(factor * estimate.amount)} at most); answer Yes, or correct the times`,
    )
  },
})
