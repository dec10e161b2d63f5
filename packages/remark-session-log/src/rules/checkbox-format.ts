import {replaceSpan} from '../fix/edits.js'
import {defineRule, quote} from '../rule.js'

export const checkboxFormat = defineRule({
  id: 'checkbox-format',
  description: 'Checkboxes are GFM task items: a bullet, a space, `[ ]` or `[x]`, a space',
  why: 'A box written `-[ ]`, `- []` or `[x]` without a bullet renders as plain text: the item silently stops being a checkbox, and whether it was checked is lost to readers and tools.',
  severity: 'error',
  fixable: true,
  check(entry, report) {
    for (const section of entry.sections) {
      for (const checkbox of section.checkboxes) {
        if (!checkbox.malformed) continue
        const mark = checkbox.box.text.match(/[xX]/)?.[0] ?? ' '
        const wanted = `${checkbox.bullet ?? '-'} [${mark}]`
        // The label may touch the box (`- [ ]Label`): GFM needs a space between them.
        const touching =
          checkbox.label.text !== '' && checkbox.label.start.offset === checkbox.box.end.offset
        const want = touching ? `${wanted} ` : wanted
        const problem = touching
          ? `has no space before its label; write "${wanted} "`
          : `is not read as a task item; write "${wanted}"`
        // From the line's start: blanks before the box are part of what is wrong.
        const written = {start: checkbox.lineStart ?? checkbox.box.start, end: checkbox.box.end}
        report(written, `Checkbox ${quote(checkbox.box.text)} ${problem}`, {
          expected: [want],
          edits: [replaceSpan(written, want)],
        })
      }
    }
  },
})
