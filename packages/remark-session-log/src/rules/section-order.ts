import {stayingInOrder} from '../fix/moves.js'
import {moveSections} from '../fix/section-moves.js'
import type {Section} from '../model/types.js'
import {defineRule} from '../rule.js'
import type {SectionSpec} from '../template/schema.js'

interface Placed {
  section: Section
  spec: SectionSpec
  /** Position in the entry's sections, unknown ones included. */
  index: number
  /** Position of the section in the template. */
  at: number
}

export const sectionOrder = defineRule({
  id: 'section-order',
  description: 'Sections follow the order of the template',
  why: 'Reviewers read entries side by side and expect each answer in the same place. The fix moves the fewest sections it can (a repeated section may stand next to its twin), each with every byte from its heading to the end of its content.',
  severity: 'error',
  fixable: true,
  check(entry, report, {schema, eol}) {
    const placed: Placed[] = []
    entry.sections.forEach((section, index) => {
      const spec = section.spec
      if (spec) placed.push({section, spec, index, at: schema.sections.indexOf(spec)})
    })
    const staying = stayingInOrder(placed.map(({at}) => at))
    const kept = placed.filter((_, index) => staying[index])
    const moved = placed.filter((item) => !kept.includes(item))
    const first = moved[0]
    const firstKept = kept[0]
    if (!first || !firstKept) return

    // A moved section goes after the last kept one the template puts at or before it,
    // or else before the first kept one.
    const placeOf = (item: Placed) => {
      const after = kept.findLast((other) => other.at <= item.at)
      return after ? {anchor: after, after: true} : {anchor: firstKept, after: false}
    }
    const moves = [...moved]
      .sort((a, b) => a.at - b.at || a.index - b.index)
      .map((item) => {
        const {anchor, after} = placeOf(item)
        return {section: item.section, anchor: anchor.section, after}
      })

    const {anchor, after} = placeOf(first)
    const where = after ? 'after' : 'before'
    const more = moved.length > 1 ? ` (${moved.length - 1} more out of place)` : ''
    report(
      first.section.heading,
      `Section "${headingOf(first.spec)}" is out of order; it belongs ${where} "${headingOf(anchor.spec)}"${more}`,
      {edits: moveSections(entry, moves, eol)},
    )
  },
})

function headingOf(spec: SectionSpec): string {
  return `${'#'.repeat(spec.depth)} ${spec.heading}`
}
