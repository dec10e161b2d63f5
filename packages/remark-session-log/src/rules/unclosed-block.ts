import {findUnclosedBlock} from '../fix/close-block.js'
import {defineRule} from '../rule.js'

export const unclosedBlock = defineRule({
  id: 'unclosed-block',
  description: 'Code fences and HTML blocks are closed',
  why: 'A code fence (```` ``` ````) or an HTML block (`<style>`, `<pre>`, `<!--`) that is never closed turns everything after it into code: sections, entries and the footer vanish, and every rule would report them missing. This one finding names the cause at its line instead; the findings of its entry and of what follows wait until it is closed. The fix closes it just before the first heading of the template, `---` or footer it swallowed, which only inserts a line; where it swallowed none, it is left to you.',
  severity: 'error',
  fixable: true,
  checkDocument(log, report, {schema, eol}) {
    const open = findUnclosedBlock(log, schema, eol)
    if (!open) return
    const message = `The ${open.kind} opened on line ${open.line} is never closed; everything after it is read as ${open.kind === 'code fence' ? 'code' : 'HTML'}`
    const {resume} = open
    if (resume === undefined) {
      report(open.opening, `${message}; close it with "${open.close}" where it ends`)
      return
    }
    report(
      open.opening,
      `${message}, from the ${resume.what} on line ${resume.line} on; close it with "${open.close}" before that line`,
      {edits: [resume.edit]},
    )
  },
})
