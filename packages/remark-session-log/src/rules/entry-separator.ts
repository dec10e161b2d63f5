import {insertSeparator} from '../fix/log-lines.js'
import type {Entry} from '../model/types.js'
import {defineRule, quote} from '../rule.js'

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
    // With no header at all there is nothing to close; a `---` on the first line would
    // read as front matter to many renderers. document-title adds the header first.
    if (!log.header.separator && log.header.end.offset > log.header.start.offset) {
      report(
        first.heading,
        `The header is not closed by "---" before the first entry ${quote(nameOf(first))}`,
        {edits: [insertSeparator(log, first, eol)]},
      )
    }
    log.entries.forEach((entry, index) => {
      if (entry.separator) return
      const next = log.entries[index + 1]
      if (next) {
        report(
          next.heading,
          `Entry ${quote(nameOf(entry))} is not closed by "---" before the next entry ${quote(nameOf(next))}`,
          {edits: [insertSeparator(log, next, eol)]},
        )
      } else if (log.footer) {
        report(
          log.footer,
          `Entry ${quote(nameOf(entry))} is not closed by "---" before the footer`,
          {
            edits: [insertSeparator(log, log.footer, eol)],
          },
        )
      }
    })
  },
})

function nameOf(entry: Entry): string {
  return entry.heading.name?.text || entry.heading.content.text
}
