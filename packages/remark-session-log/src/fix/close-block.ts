// The model cannot see a block left open, since the block swallowed what the model would
// read: where it opens and where its fix closes it are read from the text here.
import {sliceText} from '../model/query.js'
import type {SessionLog, Text} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import type {Schema} from '../template/schema.js'
import {openBlockAtEnd, type OpenBlock} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'
import {normalizeName, readBoldLabel} from '../text/names.js'
import {entryPrefixSource} from '../text/patterns.js'
import {insertAt} from './edits.js'

/** A code fence or HTML block still open at the end of the log. */
export interface UnclosedBlock {
  kind: OpenBlock['kind']
  /** The line that would close it. */
  close: string
  /** The line that opens it, without its line ending, and its number. */
  opening: Text
  line: number
  /** The first line of the log's structure it swallowed, and the edit that closes it there. */
  resume: {what: string; line: number; edit: Edit} | undefined
}

export function findUnclosedBlock(
  log: SessionLog,
  schema: Schema,
  eol: Context['eol'],
): UnclosedBlock | undefined {
  const open = openBlockAtEnd(log.text)
  if (!open) return undefined
  const {kind, close} = open
  const swallowed = log.text.slice(open.end)
  const line = 1 + lineBreaks(log.text.slice(0, open.start))
  const lineEnd = open.start + log.text.slice(open.start, open.end).replace(/\r?\n$|\r$/, '').length
  const opening = sliceText({start: log.start, end: log.end, text: log.text}, open.start, lineEnd)
  const found = firstStructure(swallowed, schema)
  if (found === undefined) return {kind, close, opening, line, resume: undefined}
  const before = log.text.slice(0, open.end + found.offset)
  const blank = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)$/.test(before) ? '' : eol
  const resume = {
    what: found.what,
    line: line + lineBreaks(swallowed.slice(0, found.offset)) + 1,
    edit: insertAt(open.end + found.offset, `${blank}${close}${eol}${eol}`),
  }
  return {kind, close, opening, line, resume}
}

/** The first line the block swallowed that belongs to the log's structure. */
function firstStructure(text: string, schema: Schema): {offset: number; what: string} | undefined {
  const prefix = new RegExp(`^ {0,3}#{1,6}[ \\t]+${entryPrefixSource(schema.entryPrefix)}`, 'i')
  const sections = new Set(schema.sections.map((spec) => normalizeName(spec.heading)))
  const labels = new Set([
    ...schema.fields.map((spec) => normalizeName(spec.name)),
    ...schema.sections
      .flatMap((spec) => spec.questions.flatMap((question) => [question, ...question.items]))
      .map((question) => normalizeName(question.label)),
  ])
  const footer = normalizeName(schema.footer.replace(/[()*_]/g, ''))
  for (let at = 0; at < text.length;) {
    const next = text.indexOf('\n', at)
    const end = next === -1 ? text.length : next + 1
    const line = text.slice(at, end).replace(/\r?\n$|\r$/, '')
    const heading = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line)?.[1]
    if (prefix.test(line)) return {offset: at, what: 'entry heading'}
    if (heading !== undefined && sections.has(normalizeName(heading))) {
      return {offset: at, what: `section heading "${heading.trim()}"`}
    }
    const bold = readBoldLabel(line.replace(/^ {0,3}(?:[-*+][ \t]+)?/, ''))
    if (bold && labels.has(normalizeName(bold.label))) {
      return {offset: at, what: `label "${bold.label}"`}
    }
    if (/^ {0,3}-{3,}[ \t]*$/.test(line)) return {offset: at, what: 'separator "---"'}
    if (footer && normalizeName(line.replace(/[()*_]/g, '')) === footer) {
      return {offset: at, what: 'footer'}
    }
    at = end
  }
  return undefined
}
