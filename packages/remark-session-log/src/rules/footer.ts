import {insertAt, replaceSpan} from '../fix/edits.js'
import {defineRule, quote} from '../rule.js'
import {openFenceAt} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'

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
    const text = log.text
    const line = schema.source.footer.trim().replace(/\r\n|\n|\r/g, eol)
    const breaks = trailingBreaks(text)
    const lead = text.trim() === '' ? '' : eol.repeat(Math.max(0, 2 - breaks))
    const last = log.entries.at(-1)?.end ?? log.header.end
    const message = `The file does not end with the footer ${quote(want)}`
    // Appended after a code fence left open, the footer would be code: no fix then.
    const fence = openFenceAt(text, text.length)
    if (fence !== undefined) {
      const at = 1 + lineBreaks(text.slice(0, fence))
      report(
        {start: last, end: last},
        `${message}; the code block opened on line ${at} is never closed and takes in the end of the file`,
      )
      return
    }
    report({start: last, end: last}, message, {
      edits: [insertAt(text.length, `${lead}${line}${eol}`)],
    })
  },
})

// `_…_` is the same italic as `*…*`, and a footer wrapped over two lines is the same line.
function sameEmphasis(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^_(?!_)(.*)_$/, '*$1*')
}

/** How many line endings the white space at the end of the text holds. */
function trailingBreaks(text: string): number {
  let breaks = 0
  for (let i = text.length - 1; i >= 0 && /\s/.test(text[i]!); i--) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++
  }
  return breaks
}
