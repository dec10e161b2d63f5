import {insertSections, openFenceLine} from '../fix/section-inserts.js'
import type {Span} from '../model/types.js'
import {defineRule} from '../rule.js'
import type {SectionSpec} from '../template/schema.js'

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
      // Next to the nearest section the template puts before the run, else after it.
      const previous = placed
        .filter(({at}) => at < from)
        .reduce<Placed | undefined>(
          (best, item) => (!best || item.at >= best.at ? item : best),
          undefined,
        )
      const next = placed
        .filter(({at}) => at >= index)
        .reduce<Placed | undefined>(
          (best, item) => (!best || item.at < best.at ? item : best),
          undefined,
        )
      const edit = insertSections(entry, schema, run, {after: previous, before: next}, eol)
      const them = run.length > 1 ? 'them' : 'it'
      let where = ''
      if (previous) where = `; add ${them} after "${headingOf(previous.spec)}"`
      else if (next) where = `; add ${them} before "${headingOf(next.spec)}"`
      const names = run.map((spec) => `"${headingOf(spec)}"`).join(', ')
      const noun = run.length > 1 ? 'sections' : 'section'
      // Inserted after a code fence left open, the sections would be code: no fix then.
      const line = openFenceLine(entry, edit.start)
      if (line !== undefined) {
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

function headingOf(spec: SectionSpec): string {
  return `${'#'.repeat(spec.depth)} ${spec.heading}`
}
