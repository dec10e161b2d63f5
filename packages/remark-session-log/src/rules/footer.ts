import {replaceSpan} from '../fix/edits.js'
import {appendFooter, openFenceLineAtEnd} from '../fix/log-lines.js'
import {defineRule, quote} from '../rule.js'

export const footer = defineRule({
  id: 'footer',
  description: 'The file ends with the template footer line',
  why: 'The footer is the reminder, to whoever adds the next entry, of how entries are added: copy the block, newest first. Its presence also tells tools the file was not cut off.',
  severity: 'warn',
  fixable: true,
  checkDocument(log, report, {schema, eol}) {
    const want = schema.footer
    if (!want) return
    const found = log.footer
    if (found) {
      if (sameEmphasis(found.text) === want) return
      report(found, `Footer ${quote(found.text)} should read ${quote(want)}`, {
        expected: [want],
        edits: [replaceSpan(found, want)],
      })
      return
    }
    const last = log.entries.at(-1)?.end ?? log.header.end
    const message = `The file does not end with the footer ${quote(want)}`
    // Appended after a code fence left open, the footer would be code: no fix then.
    const fenceLine = openFenceLineAtEnd(log)
    if (fenceLine !== undefined) {
      report(
        {start: last, end: last},
        `${message}; the code block opened on line ${fenceLine} is never closed and takes in the end of the file`,
      )
      return
    }
    report({start: last, end: last}, message, {
      edits: [appendFooter(log, schema, eol)],
    })
  },
})

// `_…_` is the same italic as `*…*`, and a footer wrapped over two lines is the same line.
function sameEmphasis(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^_(?!_)(.*)_$/, '*$1*')
}
