import {insertAt} from '../fix/edits.js'
import type {Entry, Span} from '../model/types.js'
import {defineRule, quote, type Context, type Edit} from '../rule.js'

export const entrySeparator = defineRule({
  id: 'entry-separator',
  description:
    'A `---` line closes the header and every entry, before the next entry and before the footer',
  why: 'The `---` lines are what readers and tools see as the edges of an entry: without one, an entry runs into the next, and tools that copy or move entries take too much or too little.',
  severity: 'error',
  fixable: true,
  checkDocument(log, report, {eol}) {
    const first = log.entries[0]
    if (!first) return
    const text = log.text
    // With no header at all there is nothing to close; a `---` on the first line would
    // read as front matter to many renderers. document-title adds the header first.
    if (!log.header.separator && log.header.end.offset > log.header.start.offset) {
      report(
        first.heading,
        `The header is not closed by "---" before the first entry ${quote(nameOf(first))}`,
        {edits: [insertBreak(text, first, eol)]},
      )
    }
    log.entries.forEach((entry, index) => {
      if (entry.separator) return
      const next = log.entries[index + 1]
      if (next) {
        report(
          next.heading,
          `Entry ${quote(nameOf(entry))} is not closed by "---" before the next entry ${quote(nameOf(next))}`,
          {edits: [insertBreak(text, next, eol)]},
        )
      } else if (log.footer) {
        report(
          log.footer,
          `Entry ${quote(nameOf(entry))} is not closed by "---" before the footer`,
          {
            edits: [insertBreak(text, log.footer, eol)],
          },
        )
      }
    })
  },
})

function nameOf(entry: Entry): string {
  return entry.heading.name?.text || entry.heading.content.text
}

/**
 * Inserts `---` on its own line before a node, with a blank line on both sides: right
 * under a paragraph, a `---` line would turn the paragraph into a heading.
 */
function insertBreak(text: string, before: Span, eol: Context['eol']): Edit {
  let at = before.start.offset
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--
  const blankBefore = at === 0 || breaksBefore(text, at) >= 2
  return insertAt(at, `${blankBefore ? '' : eol}---${eol}${eol}`)
}

/** How many line endings the white space right before `at` holds. */
function breaksBefore(text: string, at: number): number {
  let breaks = 0
  for (let i = at - 1; i >= 0 && /\s/.test(text[i]!); i--) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++
  }
  return breaks
}
