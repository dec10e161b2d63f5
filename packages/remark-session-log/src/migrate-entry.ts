// An entry migrated: its heading's prefix, its renamed fields, and in each section the
// heading, the checkbox items and the questions that the two templates word differently.

import {insertAt, replaceSpan} from './fix/edits.js'
import type {Rewrite} from './migrate-rewrite.js'
import {sliceText} from './model/query.js'
import type {Entry, Section, Text} from './model/types.js'
import {notRecordedAnswer} from './rules/use-again-answer.js'
import type {QuestionSpec, Roles, Schema, SectionSpec} from './template/schema.js'
import {normalizeName} from './text/names.js'

const sectionRoles: Array<keyof Roles> = [
  'inputsSection',
  'timelineSection',
  'killSwitchSection',
  'reviewSection',
  'outputSection',
  'contextRotSection',
  'learningsSection',
]
const questionRoles: Array<keyof Roles> = [
  'killSwitchQuestion',
  'killSwitchWhy',
  'killSwitchInstead',
  'aiReviewQuestion',
  'humanReviewQuestion',
  'hallucinationsQuestion',
  'workedQuestion',
  'notWorkedQuestion',
  'contextUpdateQuestion',
  'actionTaken',
]

export function rewriteEntry(rewrite: Rewrite, entry: Entry): void {
  const {from, target, edits} = rewrite
  const {heading} = entry
  if (heading.hasPrefix && heading.name) {
    const token = trimmedText(
      sliceText(heading.content, heading.content.start.offset, heading.name.start.offset),
    )
    if (rewrite.same(token.text, from.entryPrefix)) {
      edits.push(replaceSpan(token, target.entryPrefix))
    }
  }
  const task = rewrite.renamed('taskField')
  for (const field of entry.fields) {
    if (task && rewrite.same(field.name.text, task[0])) edits.push(replaceSpan(field.name, task[1]))
  }
  for (const section of entry.sections) rewriteSection(rewrite, section)
}

function rewriteSection(rewrite: Rewrite, section: Section): void {
  const role = sectionRoles.find((name) =>
    rewrite.is(section.heading.content.text, rewrite.from.roles[name]),
  )
  const fromSpec = section.spec
  const toName = role && rewrite.target.roles[role]
  const toSpec = toName
    ? rewrite.target.sections.find((spec) => spec.heading === toName)
    : undefined
  if (!role || !fromSpec || !toSpec) return
  if (toSpec.heading !== fromSpec.heading) {
    rewrite.edits.push(replaceSpan(section.heading.content, toSpec.heading))
  }
  dropLeadIn(rewrite, section, fromSpec, toSpec)
  rewriteCheckboxes(rewrite, section, fromSpec, toSpec)
  rewriteQuestions(rewrite, section, toSpec)
}

// 0.3 dropped the sentences 0.2 put above its checkbox lists; the template's own words
// go, a sentence of the author's stays.
function dropLeadIn(
  rewrite: Rewrite,
  section: Section,
  fromSpec: SectionSpec,
  toSpec: SectionSpec,
): void {
  const first = section.checkboxes[0]
  const wording = leadIn(rewrite.from, fromSpec)
  if (!first || !wording || leadIn(rewrite.target, toSpec) !== undefined) return
  const start = section.heading.end.offset
  const gap = rewrite.source.slice(start, first.start.offset)
  if (normalizeName(gap) !== normalizeName(wording)) return
  const lineStart = rewrite.source.lastIndexOf('\n', first.start.offset - 1) + 1
  const eol = rewrite.eol
  rewrite.edits.push({start, end: Math.max(start, lineStart), text: `${eol}${eol}`})
}

function rewriteCheckboxes(
  rewrite: Rewrite,
  section: Section,
  fromSpec: SectionSpec,
  toSpec: SectionSpec,
): void {
  const {edits} = rewrite
  const action = rewrite.from.roles.actionTaken
  const items = fromSpec.checkboxes.filter((spec) => !rewrite.is(spec.key, action))
  for (const checkbox of section.checkboxes) {
    const spec = checkbox.spec
    if (!spec || checkbox.malformed) continue
    if (rewrite.is(spec.key, action)) {
      // 0.3 writes the action taken as a plain bullet: the box goes, the answer stays.
      if (toSpec.checkboxes.some((box) => rewrite.is(box.key, action))) continue
      edits.push({start: checkbox.box.start.offset, end: checkbox.label.start.offset, text: ''})
      continue
    }
    const same = toSpec.checkboxes.find((box) => box.key === spec.key)
    const index = items.indexOf(spec)
    const want =
      same ?? (items.length === toSpec.checkboxes.length ? toSpec.checkboxes[index] : undefined)
    if (!want || want.label === spec.label) continue
    const label = checkbox.label
    if (same) {
      // Same item, another placeholder: only an unfilled placeholder changes.
      const at = spec.placeholder && want.placeholder ? label.text.indexOf(spec.placeholder) : -1
      if (at === -1) continue
      const start = label.start.offset + at
      edits.push({start, end: start + spec.placeholder!.length, text: want.placeholder!})
      continue
    }
    // A reworded item: its template words change, what the author added after them stays.
    const end = prefixEnd(label.text, spec.key)
    if (end > 0) {
      edits.push({start: label.start.offset, end: label.start.offset + end, text: want.label})
    }
  }
}

function rewriteQuestions(rewrite: Rewrite, section: Section, toSpec: SectionSpec): void {
  for (const question of section.questions) {
    const role = questionRoles.find((name) =>
      rewrite.is(question.label.text, rewrite.from.roles[name]),
    )
    const names = role && rewrite.renamed(role)
    const fromSpec = question.spec
    if (!role || !fromSpec) continue
    if (names) relabel(rewrite, question.label, names[1])
    const toSpecOf = toSpec.questions.find((spec) => spec.label === rewrite.target.roles[role])
    if (fromSpec.listItem && toSpecOf && !toSpecOf.listItem) {
      dropBullet(rewrite, question.start.offset)
    }
  }
  addQuestions(rewrite, section, toSpec)
}

/** Replaces a bold label's words, keeping a colon written outside the bold. */
function relabel(rewrite: Rewrite, label: Text, name: string): void {
  const after = rewrite.source.slice(label.end.offset, label.end.offset + 3)
  const text = /^(?:\*\*|__):/.test(after) ? name.replace(/:$/, '') : name
  rewrite.edits.push({start: label.start.offset, end: label.end.offset, text})
}

// `- **Was the kill switch triggered?** No` becomes the line `**Triggered?** No`.
function dropBullet(rewrite: Rewrite, at: number): void {
  const {source} = rewrite
  const lineStart = Math.max(source.lastIndexOf('\n', at - 1), source.lastIndexOf('\r', at - 1)) + 1
  if (/^[ \t]*[-*+][ \t]+$/.test(source.slice(lineStart, at))) {
    rewrite.edits.push({start: lineStart, end: at, text: ''})
  }
}

// Questions 0.3 asks that 0.2 did not: each goes before the next question it follows
// in the template, or else before 0.2's takeaway, or at the end of the section.
function addQuestions(rewrite: Rewrite, section: Section, toSpec: SectionSpec): void {
  const {from, target, eol} = rewrite
  // A question counts as written under its 0.2 name too: the renames are not applied yet.
  const names = (label: string) => {
    const role = questionRoles.find((name) => target.roles[name] === label)
    return [label, ...(role && from.roles[role] ? [from.roles[role]] : [])]
  }
  const asked = (question: Section['questions'][number], label: string) =>
    names(label).some((name) => rewrite.is(question.label.text, name))
  const written = (spec: QuestionSpec) =>
    section.questions.some((question) => asked(question, spec.label))
  const known = new Set(questionRoles.map((role) => target.roles[role]))
  const takeaway = section.questions.find((question) =>
    rewrite.is(question.label.text, from.roles.takeaway),
  )
  toSpec.questions.forEach((spec, index) => {
    if (written(spec) || known.has(spec.label)) return
    const next = toSpec.questions.slice(index + 1).find(written)
    const before = next
      ? section.questions.find((question) => asked(question, next.label))
      : takeaway
    const text = questionText(rewrite, spec)
    if (before) rewrite.edits.push(insertAt(before.start.offset, `${text}${eol}${eol}`))
    else rewrite.edits.push(insertAt(section.end.offset, `${eol}${eol}${text}`))
  })
}

function questionText(rewrite: Rewrite, spec: QuestionSpec): string {
  const label = `**${spec.label}**`
  if (spec.answer === 'inline') {
    const answer =
      spec.label === rewrite.target.roles.useAgainQuestion ? ` ${notRecordedAnswer}` : ''
    return label + answer
  }
  const items = spec.items.map((item) => `${rewrite.bullet} **${item.label}**`)
  return [label, '', ...items].join(rewrite.eol)
}

/** The sentence a template writes between a section's heading and its checkbox list. */
function leadIn(schema: Schema, spec: SectionSpec): string | undefined {
  const lines = schema.source.entry.split(/\r?\n/)
  const at = lines.findIndex(
    (line) => normalizeName(line.replace(/^#+/, '')) === normalizeName(spec.heading),
  )
  if (at === -1) return undefined
  const words: string[] = []
  for (const line of lines.slice(at + 1)) {
    if (/^\s*(?:[-*+]\s|#|\|)/.test(line)) break
    words.push(line)
  }
  const text = words.join(' ').trim()
  return text === '' ? undefined : text
}

/** Where the part of a label that reads as `key` ends. */
function prefixEnd(label: string, key: string): number {
  for (let end = 1; end <= label.length; end++) {
    if (normalizeName(label.slice(0, end)) === key) return end
  }
  return 0
}

function trimmedText(text: Text): Text {
  const lead = text.text.length - text.text.trimStart().length
  const trail = text.text.length - text.text.trimEnd().length
  return sliceText(text, text.start.offset + lead, text.end.offset - trail)
}
