import {formatMinutes, readMetric, startsAtClockTime} from '../metrics.js'
import {findQuestion, findSection, isNotApplicable, isPlaceholder} from '../model/query.js'
import type {Entry, Question, Text} from '../model/types.js'
import {parseTimelineTime} from '../model/values.js'
import {defineRule, quote, type Report} from '../rule.js'
import type {Schema} from '../template/schema.js'

export const metricConsistency = defineRule({
  id: 'metric-consistency',
  description: 'Metrics agree with each other and with the entry: kept lines, hallucinations, time',
  why: 'Numbers that contradict the entry they sit in (more lines kept than generated, a hallucination count that differs from the hallucinations table, a session shorter than its own timeline) mean one of them is wrong, and the team cannot tell which.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    checkKeptLines(entry, report, schema)
    checkHallucinations(entry, report, schema)
    checkTimeline(entry, report, schema)
  },
})

function checkKeptLines(entry: Entry, report: Report, schema: Schema) {
  const generated = readMetric(entry, schema, schema.roles.linesGenerated)
  const kept = readMetric(entry, schema, schema.roles.linesKept)
  if (!generated || !kept || kept.amount <= generated.amount) return
  report(
    kept.value,
    `"${kept.name.text}" is ${quote(kept.value.text)}, above "${generated.name.text}" (${generated.value.text}); kept lines are part of the generated ones`,
  )
}

function checkHallucinations(entry: Entry, report: Report, schema: Schema) {
  const metric = readMetric(entry, schema, schema.roles.hallucinationsMetric)
  const question = findQuestion(entry, schema.roles.hallucinationsQuestion)
  if (!metric || !question) return
  const listed = countHallucinations(question, schema)
  if (listed === undefined || listed === metric.amount) return
  const listedText = listed === 0 ? 'none are' : listed === 1 ? '1 is' : `${listed} are`
  report(
    metric.value,
    `"${metric.name.text}" is ${quote(metric.value.text)}, but ${listedText} listed under "${question.label.text}"; write ${listed}`,
    {expected: [String(listed)]},
  )
}

/**
 * Data rows of the hallucinations table that say something. Without a table only a
 * written "None" can be counted; undefined when the hallucinations cannot be counted.
 */
function countHallucinations(question: Question, schema: Schema): number | undefined {
  const says = (text: string) => !isNotApplicable(text) && !isPlaceholder(text, schema)
  if (question.table) {
    return question.table.rows.filter((row) => row.cells.some((cell) => says(cell.text))).length
  }
  const written = [question.inline, ...question.answers].filter(
    (text): text is Text => text !== undefined && text.text !== '',
  )
  const none = written.every(
    (text) => !says(text.text) || /^(?:none|nothing|no hallucinations?)\b/i.test(text.text),
  )
  return written.length > 0 && none ? 0 : undefined
}

function checkTimeline(entry: Entry, report: Report, schema: Schema) {
  const total = readMetric(entry, schema, schema.roles.totalTime)
  const section = findSection(entry, schema.roles.timelineSection)
  if (!total || !section) return
  let first: number | undefined
  let last: {minutes: number; text: string} | undefined
  for (const table of section.tables) {
    for (const row of table.rows) {
      const cell = row.cells[0]
      const minutes = cell ? parseTimelineTime(cell.text) : undefined
      first ??= minutes
      if (cell && minutes !== undefined && minutes > (last?.minutes ?? -1)) {
        last = {minutes, text: cell.text}
      }
    }
  }
  // Clock times are timeline-time's finding; they say nothing of the session's length.
  if (first !== undefined && startsAtClockTime(first)) return
  if (!last || total.amount >= last.minutes) return
  report(
    total.value,
    `"${total.name.text}" is ${quote(total.value.text)}, shorter than the timeline, which reaches ${last.text}; write at least ${formatMinutes(last.minutes)}`,
  )
}
