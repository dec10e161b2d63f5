import {insertAt} from '../fix/edits.js'
import {detectStyle, sectionText} from '../fix/template-text.js'
import type {Entry, Span} from '../model/types.js'
import {defineRule, type Edit} from '../rule.js'
import type {SectionSpec} from '../template/schema.js'
import {openFenceAt} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'

export const requiredSection = defineRule({
  id: 'required-section',
  description: 'Every entry has each section of the template',
  why: 'A missing section is a question the session never answered: no timeline, no review, no numbers. The fix inserts the template section where the template puts it, with its placeholders left for you to fill.',
  severity: 'error',
  fixable: true,
  check(entry, report, {schema, eol}) {
    const order = new Map(schema.sections.map((spec, at) => [spec, at]))
    const placed = entry.sections.flatMap(({spec, start, end}): Placed[] =>
      spec ? [{spec, start, end, at: order.get(spec) ?? -1}] : [],
    )
    // An optional section left out is not missing.
    const have = new Set([
      ...placed.map(({spec}) => spec),
      ...schema.sections.filter((spec) => spec.optional),
    ])
    // Each run of missing sections is one finding with one insertion, so fixes never race.
    let index = 0
    while (index < schema.sections.length) {
      if (have.has(schema.sections[index]!)) {
        index++
        continue
      }
      const from = index
      while (index < schema.sections.length && !have.has(schema.sections[index]!)) index++
      const run = schema.sections.slice(from, index)
      // The entry's own bullets: a per-entry check must not read the rest of the file.
      const style = {...detectStyle(entry.source), eol}
      const text = run.map((spec) => sectionText(schema, spec, style)).join(eol + eol)
      // Next to the nearest section the template puts before the run, else after it.
      const before = placed
        .filter(({at}) => at < from)
        .reduce<Placed | undefined>(
          (best, next) => (!best || next.at >= best.at ? next : best),
          undefined,
        )
      const after = placed
        .filter(({at}) => at >= index)
        .reduce<Placed | undefined>(
          (best, next) => (!best || next.at < best.at ? next : best),
          undefined,
        )
      let edit: Edit
      let where = ''
      const them = run.length > 1 ? 'them' : 'it'
      if (before) {
        edit = insertAt(before.end.offset, `${eol}${eol}${text}`)
        where = `; add ${them} after "${headingOf(before.spec)}"`
      } else if (after) {
        edit = insertAt(after.start.offset, `${text}${eol}${eol}`)
        where = `; add ${them} before "${headingOf(after.spec)}"`
      } else {
        edit = insertAtEnd(entry, text, eol)
      }
      const names = run.map((spec) => `"${headingOf(spec)}"`).join(', ')
      const noun = run.length > 1 ? 'sections' : 'section'
      // Inserted after a code fence left open, the sections would be code: no fix then.
      const fence = openFenceAt(entry.source, edit.start - entry.start.offset)
      if (fence !== undefined) {
        const line = entry.start.line + lineBreaks(entry.source.slice(0, fence))
        report(
          entry.heading,
          `Entry is missing the ${noun} ${names}; the code block opened on line ${line} is never closed and takes in the rest of the entry`,
        )
        continue
      }
      report(entry.heading, `Entry is missing the ${noun} ${names}${where}`, {edits: [edit]})
    }
  },
})

interface Placed extends Span {
  spec: SectionSpec
  at: number
}

// With no section to stand next to, the section goes before the entry's `---`, or last.
function insertAtEnd(entry: Entry, text: string, eol: string): Edit {
  if (entry.separator) return insertAt(entry.separator.start.offset, `${text}${eol}${eol}`)
  return insertAt(entry.end.offset, `${eol}${eol}${text}`)
}

function headingOf(spec: SectionSpec): string {
  return `${'#'.repeat(spec.depth)} ${spec.heading}`
}
