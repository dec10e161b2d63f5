import {findSection, holdsTemplatePlaceholder, isBlank, isPlaceholder} from '../model/query.js'
import {defineRule} from '../rule.js'

export const learningsAnswered = defineRule({
  id: 'learnings-answered',
  description: 'Each learnings question has at least one answer',
  why: 'The learnings are what the team reads the log for. An empty bullet under a question, left from the template, looks filled in at a glance but says nothing; "nothing" or "none" is an answer, an empty bullet is not.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const section = findSection(entry, schema.roles.learningsSection)
    if (!section?.spec) return
    for (const spec of section.spec.questions) {
      if (spec.answer !== 'block') continue
      const question = section.questions.find((found) => found.spec === spec)
      if (!question) continue // a missing question is a structure finding, not this rule's
      const answers = [question.inline, ...question.answers]
      const answered = answers.some(
        (answer) => answer && !isBlank(answer.text) && !isPlaceholder(answer.text, schema),
      )
      if (answered) continue
      // A template example left as the answer is the placeholder rule's finding.
      if (answers.some((answer) => answer && holdsTemplatePlaceholder(answer.text, schema)))
        continue
      const written = answers.some((answer) => answer && !isBlank(answer.text))
      report(
        question.label,
        `"${question.label.text}" ${written ? 'holds only a placeholder' : 'has no answer'}; write at least one bullet`,
      )
    }
  },
})
