import {
  findQuestion,
  findSection,
  holdsTemplatePlaceholder,
  isNotApplicable,
  isPlaceholder,
} from '../model/query.js'
import {defineRule, quote} from '../rule.js'

export const takeaway = defineRule({
  id: 'takeaway',
  description: 'Every entry ends its learnings with a one-line takeaway',
  why: 'The takeaway is the line the team scans when it reads the log across sessions; it has to exist, be written by the author, and fit on one line.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const role = schema.roles.takeaway
    if (role === undefined) return
    const question = findQuestion(entry, role)
    if (!question) {
      const section = findSection(entry, schema.roles.learningsSection)
      if (section)
        report(section.heading, `The learnings have no "**${role}**"; add it on one line`)
      return
    }
    const label = `"${question.label.text}"`
    const answer = question.inline
    const below = question.answers.find((text) => text.text !== '')
    if (!answer) {
      if (below) report(below, `${label} is answered below its label; write it on the label's line`)
      else report(question.label, `${label} has no answer; write the session's lesson in one line`)
      return
    }
    if (holdsTemplatePlaceholder(answer.text, schema)) return // the placeholder rule reports it
    if (isPlaceholder(answer.text, schema) || isNotApplicable(answer.text)) {
      report(answer, `${label} is ${quote(answer.text)}; write the session's lesson in one line`)
    } else if (/[\r\n]/.test(answer.text)) {
      report(answer, `${label} runs over more than one line; keep it to one line`)
    }
  },
})
