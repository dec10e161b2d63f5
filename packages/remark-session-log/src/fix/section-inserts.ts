import type {Entry, Span} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import type {Schema, SectionSpec} from '../template/schema.js'
import {openFenceAt} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'
import {insertAt} from './edits.js'
import {detectStyle, sectionText} from './template-text.js'

/** The sections new ones stand next to; with neither, they go last in the entry. */
export interface SectionPlace {
  after: Span | undefined
  before: Span | undefined
}

/** Inserts the template's text of the sections, a blank line between each. */
export function insertSections(
  entry: Entry,
  schema: Schema,
  specs: readonly SectionSpec[],
  {after, before}: SectionPlace,
  eol: Context['eol'],
): Edit {
  // The entry's own bullets: a per-entry check must not read the rest of the file.
  const style = {...detectStyle(entry.source), eol}
  const text = specs.map((spec) => sectionText(schema, spec, style)).join(eol + eol)
  if (after) return insertAt(after.end.offset, `${eol}${eol}${text}`)
  if (before) return insertAt(before.start.offset, `${text}${eol}${eol}`)
  // With no section to stand next to, the section goes before the entry's `---`, or last.
  if (entry.separator) return insertAt(entry.separator.start.offset, `${text}${eol}${eol}`)
  return insertAt(entry.end.offset, `${eol}${eol}${text}`)
}

/**
 * The line of the code fence in the entry still open at `offset`, where inserted text
 * would be code; undefined when there is none.
 */
export function openFenceLine(entry: Entry, offset: number): number | undefined {
  const fence = openFenceAt(entry.source, offset - entry.start.offset)
  if (fence === undefined) return undefined
  return entry.start.line + lineBreaks(entry.source.slice(0, fence))
}
