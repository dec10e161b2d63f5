import {insertAt} from '../fix/edits.js'
import {sliceText} from '../model/query.js'
import {defineRule} from '../rule.js'
import type {Schema} from '../template/schema.js'
import {openBlockAtEnd} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'
import {normalizeName, readBoldLabel} from '../text/names.js'
import {entryPrefixSource} from '../text/patterns.js'

export const unclosedBlock = defineRule({
  id: 'unclosed-block',
  description: 'Code fences and HTML blocks are closed',
  why: 'A code fence (```` ``` ````) or an HTML block (`<style>`, `<pre>`, `<!--`) that is never closed turns everything after it into code: sections, entries and the footer vanish, and every rule would report them missing. This one finding names the cause at its line instead; the findings of its entry and of what follows wait until it is closed. The fix closes it just before the first heading of the template, `---` or footer it swallowed, which only inserts a line; where it swallowed none, it is left to you.',
  severity: 'error',
  fixable: true,
  checkDocument(log, report, {schema, eol}) {
    const open = openBlockAtEnd(log.text)
    if (!open) return
    const swallowed = log.text.slice(open.end)
    const line = 1 + lineBreaks(log.text.slice(0, open.start))
    const lineEnd =
      open.start + log.text.slice(open.start, open.end).replace(/\r?\n$|\r$/, '').length
    const at = sliceText({start: log.start, end: log.end, text: log.text}, open.start, lineEnd)
    const resume = firstStructure(swallowed, schema)
    const message = `The ${open.kind} opened on line ${line} is never closed; everything after it is read as ${open.kind === 'code fence' ? 'code' : 'HTML'}`
    if (resume === undefined) {
      report(at, `${message}; close it with "${open.close}" where it ends`)
      return
    }
    const before = log.text.slice(0, open.end + resume.offset)
    const blank = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)$/.test(before) ? '' : eol
    report(
      at,
      `${message}, from the ${resume.what} on line ${line + lineBreaks(swallowed.slice(0, resume.offset)) + 1} on; close it with "${open.close}" before that line`,
      {
        edits: [insertAt(open.end + resume.offset, `${blank}${open.close}${eol}${eol}`)],
      },
    )
  },
})

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
