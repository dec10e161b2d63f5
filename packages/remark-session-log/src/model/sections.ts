import type {ListItem, RootContent} from 'mdast'
import type {QuestionSpec} from '../template/schema.js'
import {trimLineEnd} from '../text/lines.js'
import {isNearMiss, normalizeName, readBoldLabel, type BoldLabel} from '../text/names.js'
import {checkboxSpec, looseBox, readMalformedBoxes} from './checkboxes.js'
import {readHeading, type HeadingReader} from './headings.js'
import {rendersNothing} from './parse.js'
import {offsetOf, type Source} from './source.js'
import {readTable} from './tables.js'
import type {Checkbox, Question, Section, Text} from './types.js'

/** A section from its heading node and the nodes under it, up to the next section. */
export function readSection(
  source: Source,
  headings: HeadingReader,
  nodes: RootContent[],
): Section {
  const [headingNode, ...content] = nodes as [RootContent, ...RootContent[]]
  const heading = readHeading(source, headingNode)
  const spec = headings.matchSection(heading.content.text)
  const section: Section = {
    start: source.point(offsetOf(headingNode, 'start')),
    end: source.point(offsetOf(nodes.at(-1)!, 'end')),
    heading,
    spec,
    checkboxes: [],
    questions: [],
    tables: [],
  }
  let question: Question | undefined
  const codeRanges: Array<[number, number]> = []
  for (const node of content) {
    if (node.type === 'list') {
      for (const item of node.children) question = readItem(source, item, section, question)
    } else if (node.type === 'paragraph') {
      const raw = source.text.slice(offsetOf(node, 'start'), offsetOf(node, 'end'))
      const bold = readBoldLabel(raw)
      if (bold) {
        for (const part of labelledParts(source, node, bold, section)) {
          question = readQuestion(source, part.start, part.end, part.bold, section)
          section.questions.push(question)
        }
      } else if (question && !looseBox.test(raw)) {
        question.answers.push(source.nodeText(node))
      }
    } else if (node.type === 'table') {
      if (question && !question.inline && !question.table) {
        question.table = readTable(source, headings.schema, node, question.spec?.table)
      } else {
        section.tables.push(readTable(source, headings.schema, node, section.spec?.table))
      }
    } else if (node.type === 'code') {
      codeRanges.push([offsetOf(node, 'start'), offsetOf(node, 'end')])
      if (question) question.answers.push(source.nodeText(node))
    } else if (!rendersNothing(node) && node.type !== 'heading' && question) {
      question.answers.push(source.nodeText(node))
    }
  }
  readMalformedBoxes(source, section, codeRanges)
  for (const found of section.questions) readParts(source, found)
  return section
}

/**
 * A paragraph that starts with a bold label, cut before every further line whose bold
 * label is one of the section's questions: the 0.3 layout writes its kill switch as
 * three such lines in one paragraph. Other lines stay with the part above them.
 */
function labelledParts(
  source: Source,
  node: RootContent,
  first: BoldLabel,
  section: Section,
): Array<{start: number; end: number; bold: BoldLabel}> {
  const end = offsetOf(node, 'end')
  let part = {start: offsetOf(node, 'start'), end, bold: first}
  const parts = [part]
  let previous: [number, number] | undefined
  for (const [lineStart, lineEnd] of source.lines(part.start, end)) {
    const bold = readBoldLabel(source.text.slice(lineStart, lineEnd))
    if (previous && bold && questionSpec(section, bold.label)) {
      part.end = previous[0] + trimLineEnd(source.text.slice(...previous)).length
      part = {start: lineStart, end, bold}
      parts.push(part)
    }
    previous = [lineStart, lineEnd]
  }
  return parts
}

/**
 * Reads a list item into the section: a task, a question of its own, or part of the
 * answer to the open question. Returns the question open after the item.
 */
function readItem(
  source: Source,
  item: ListItem,
  section: Section,
  open: Question | undefined,
): Question | undefined {
  const start = offsetOf(item, 'start')
  const first = item.children[0]
  const firstEnd = first ? offsetOf(first, 'end') : offsetOf(item, 'end')
  const raw = source.text.slice(start, firstEnd)
  const marker = /^([-*+]|\d+[.)])([ \t]*)/.exec(raw)
  const afterBullet = start + (marker?.[0].length ?? 0)
  if (typeof item.checked === 'boolean') {
    const box = /^\[[ xX]\]/.exec(source.text.slice(afterBullet))
    const boxEnd = afterBullet + (box?.[0].length ?? 0)
    const checkbox: Checkbox = {
      start: source.point(start),
      end: source.point(firstEnd),
      checked: item.checked,
      box: source.textAt(afterBullet, boxEnd, false),
      malformed: false,
      bullet: /^[-*+]$/.test(marker?.[1] ?? '') ? marker?.[1] : undefined,
      label: source.textAt(boxEnd, firstEnd),
      spec: undefined,
    }
    checkbox.spec = checkboxSpec(section, checkbox.label.text)
    section.checkboxes.push(checkbox)
    return open
  }
  const itemRaw = source.text.slice(afterBullet, firstEnd)
  if (looseBox.test(itemRaw)) return open
  const bold = readBoldLabel(itemRaw)
  if (bold) {
    const question = readQuestion(source, afterBullet, firstEnd, bold, section)
    // A bold lead-in inside the answer to an open question ("- **Caching:** …") is
    // part of that answer, not a question of its own.
    if (open && !open.inline && !question.spec) {
      open.answers.push(source.textAt(afterBullet, offsetOf(item, 'end')))
      return open
    }
    // What is nested under the item answers it: `- **Pattern:**` over `  - **Name:** …`.
    for (const child of item.children.slice(1)) {
      if (child.type === 'list') {
        for (const nested of child.children) question.answers.push(itemContent(source, nested))
      } else {
        question.answers.push(source.nodeText(child))
      }
    }
    section.questions.push(question)
    return question
  }
  if (open) open.answers.push(source.textAt(afterBullet, offsetOf(item, 'end')))
  return open
}

/** A list item's text after its bullet. */
function itemContent(source: Source, item: ListItem): Text {
  const start = offsetOf(item, 'start')
  const marker = /^([-*+]|\d+[.)])/.exec(source.text.slice(start, start + 12))
  return source.textAt(start + (marker?.[0].length ?? 0), offsetOf(item, 'end'))
}

function readQuestion(
  source: Source,
  start: number,
  end: number,
  bold: BoldLabel,
  section: Section,
): Question {
  const labelText = source.textAt(start + bold.labelStart, start + bold.labelEnd, false)
  const label = {start: labelText.start, end: labelText.end, text: bold.label}
  const answer = source.textAt(start + bold.end, end)
  return {
    start: source.point(start),
    end: source.point(end),
    label,
    inline: answer.text ? answer : undefined,
    answers: [],
    table: undefined,
    parts: [],
    spec: questionSpec(section, bold.label),
  }
}

/** The answers written as the bold bullets the question's spec names, as questions. */
function readParts(source: Source, question: Question): void {
  const specs = question.spec?.items ?? []
  if (specs.length === 0) return
  for (const answer of question.answers) {
    const bold = readBoldLabel(answer.text)
    const name = bold && normalizeName(bold.label)
    const spec = name && specs.find((item) => normalizeName(item.label) === name)
    if (!bold || !spec) continue
    const start = answer.start.offset
    const labelText = source.textAt(start + bold.labelStart, start + bold.labelEnd, false)
    const inline = source.textAt(start + bold.end, answer.end.offset)
    question.parts.push({
      start: answer.start,
      end: answer.end,
      label: {start: labelText.start, end: labelText.end, text: bold.label},
      inline: inline.text ? inline : undefined,
      answers: [],
      table: undefined,
      parts: [],
      spec,
    })
  }
}

function questionSpec(section: Section, label: string): QuestionSpec | undefined {
  const name = normalizeName(label)
  const specs = section.spec?.questions ?? []
  return (
    specs.find((spec) => normalizeName(spec.label) === name) ??
    specs.find((spec) => isNearMiss(normalizeName(spec.label), name))
  )
}
