// Finding the parts of an entry that semantic rules ask for by role, and reading what
// their answers say.

import type {Schema} from '../template/schema.js'
import {isNearMiss, normalizeName} from '../text/names.js'
import {findBracketed} from '../text/patterns.js'
import type {Entry, Field, Point, Question, Section, Text} from './types.js'

/** The entry's section that stands for the template section `heading`. */
export function findSection(entry: Entry, heading: string | undefined): Section | undefined {
  if (heading === undefined) return undefined
  const want = normalizeName(heading)
  return entry.sections.find(
    (section) => section.spec && normalizeName(section.spec.heading) === want,
  )
}

/** The entry's question that stands for the template question `label`, in any section. */
export function findQuestion(entry: Entry, label: string | undefined): Question | undefined {
  if (label === undefined) return undefined
  const want = normalizeName(label)
  for (const section of entry.sections) {
    const found = section.questions.find(
      (question) => question.spec && normalizeName(question.spec.label) === want,
    )
    if (found) return found
  }
  return undefined
}

/** The entry's field that stands for the template field `name`. */
export function findField(entry: Entry, name: string | undefined): Field | undefined {
  if (name === undefined) return undefined
  const want = normalizeName(name)
  return entry.fields.find((field) => field.spec && normalizeName(field.spec.name) === want)
}

// Names written by authors are compared here, the way the model matches them to the
// template: case, spacing, emphasis and trailing punctuation do not make two differ.

/** Whether two names are the same name. */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b)
}

/** Whether `written` is `name`, or `name` with a few letters off (a slip). */
export function nearName(name: string, written: string): boolean {
  const want = normalizeName(name)
  const found = normalizeName(written)
  return found === want || isNearMiss(want, found)
}

/** The key under which values that are the same name group together. */
export function nameKey(name: string): string {
  return normalizeName(name)
}

/** The answer to a question asked on one line: after its label, or else just below it. */
export function answerOf(question: Question): Text | undefined {
  return question.inline ?? question.answers.find((answer) => answer.text !== '')
}

/** Nothing written, or only a dash: an empty bullet `-`, `—`. */
export function isBlank(text: string): boolean {
  return /^[\s\-–—*_]*$/.test(text)
}

/** Blank, or one of the words people write for "does not apply": `N/A`, `none`, `TBD`. */
export function isNotApplicable(text: string): boolean {
  const word = text.replace(/[*_`.]/g, '').trim()
  return isBlank(text) || /^(?:n\/?a|none|nothing|tbd|todo|\?+)$/i.test(word)
}

/** Still the template's wording: one of its placeholders, or a `[bracketed hint]`. */
export function isPlaceholder(text: string, schema: Schema): boolean {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (schema.placeholders.includes(flat)) return true
  const [only] = findBracketed(flat)
  return only !== undefined && only.start === 0 && only.end === flat.length
}

/**
 * Holds one of the template's own placeholders or an `[e.g., …]` example: what the
 * `placeholder` rule reports, so that other rules need not report it again.
 */
export function holdsTemplatePlaceholder(text: string, schema: Schema): boolean {
  const squash = (value: string) => value.replace(/\s+/g, '').toLowerCase()
  const known = (value: string) =>
    /^\[\s*e\.\s*g\./i.test(value) ||
    schema.placeholders.some((placeholder) => squash(placeholder) === squash(value))
  if (known(text)) return true
  return findBracketed(text).some(({start, end}) => known(text.slice(start, end)))
}

/** The part of `text` between two source offsets, with its own line and column. */
export function sliceText(text: Text, start: number, end: number): Text {
  const from = Math.max(start, text.start.offset)
  const to = Math.min(Math.max(end, from), text.end.offset)
  return {
    start: advance(text, from),
    end: advance(text, to),
    text: text.text.slice(from - text.start.offset, to - text.start.offset),
  }
}

function advance(text: Text, offset: number): Point {
  let {line, column} = text.start
  for (let at = text.start.offset; at < offset; at++) {
    const char = text.text[at - text.start.offset]
    // A CRLF pair ends one line: its `\r` counts as a column, its `\n` as the break.
    if (char === '\n' || (char === '\r' && text.text[at - text.start.offset + 1] !== '\n')) {
      line++
      column = 1
    } else {
      column++
    }
  }
  return {line, column, offset}
}

/**
 * Reads a Yes / No answer: `Yes`, `no.`, `**No**`, `Yes — build took 3x`. Returns
 * `placeholder` for the template's untouched `Yes / No`, undefined for anything else.
 */
export function readYesNo(text: string): 'yes' | 'no' | 'placeholder' | undefined {
  const plain = text.replace(/[*_`]/g, '').trim()
  if (/^yes\s*\/\s*no\b/i.test(plain)) return 'placeholder'
  const word = /^(yes|no)(?![\p{L}\p{N}])/iu.exec(plain)?.[1]?.toLowerCase()
  if (word === undefined) return undefined
  return word === 'yes' ? 'yes' : 'no'
}
