import {insertAt} from '../fix/edits.js'
import {stayingInOrder} from '../fix/moves.js'
import type {Entry, Section} from '../model/types.js'
import {defineRule, type Edit} from '../rule.js'
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
    const groups = new Map<string, {offset: number; after: boolean; texts: string[]}>()
    for (const item of [...moved].sort((a, b) => a.at - b.at || a.index - b.index)) {
      const {anchor, after} = placeOf(item)
      const offset = after ? anchor.section.end.offset : anchor.section.start.offset
      const key = `${after}:${offset}`
      const group = groups.get(key) ?? {offset, after, texts: []}
      group.texts.push(sourceOf(entry, item.section))
      groups.set(key, group)
    }
    const edits = removals(entry, moved, eol)
    for (const {offset, after, texts} of groups.values()) {
      const text = after
        ? texts.map((moving) => eol + eol + moving).join('')
        : texts.map((moving) => moving + eol + eol).join('')
      edits.push(insertAt(offset, text))
    }

    const {anchor, after} = placeOf(first)
    const where = after ? 'after' : 'before'
    const more = moved.length > 1 ? ` (${moved.length - 1} more out of place)` : ''
    report(
      first.section.heading,
      `Section "${headingOf(first.spec)}" is out of order; it belongs ${where} "${headingOf(anchor.spec)}"${more}`,
      {edits},
    )
  },
})

// Takes each run of moved sections out together with the blank lines that follow it
// (or, at the end of the entry, the blank lines before it), so no gap is doubled or lost.
function removals(entry: Entry, moved: Placed[], eol: string): Edit[] {
  const edits: Edit[] = []
  const sections = entry.sections
  const isMoved = new Set(moved.map(({index}) => index))
  for (let index = 0; index < sections.length; index++) {
    if (!isMoved.has(index)) continue
    let last = index
    while (isMoved.has(last + 1)) last++
    const next = sections[last + 1]
    const previous = sections[index - 1]
    if (next) {
      edits.push({start: sections[index]!.start.offset, end: next.start.offset, text: ''})
    } else if (previous) {
      edits.push({start: previous.end.offset, end: sections[last]!.end.offset, text: ''})
      // A paragraph that becomes last must not turn a tight `---` into its underline.
      const separator = entry.separator
      const gap = separator
        ? between(entry, sections[last]!.end.offset, separator.start.offset)
        : ''
      if (separator && !/\n[ \t]*\r?\n|\r[ \t]*\r/.test(gap)) {
        edits.push(insertAt(separator.start.offset, eol))
      }
    }
    index = last
  }
  return edits
}

function between(entry: Entry, start: number, end: number): string {
  const base = entry.start.offset
  return entry.source.slice(start - base, end - base)
}

function sourceOf(entry: Entry, section: Section): string {
  return between(entry, section.start.offset, section.end.offset)
}

function headingOf(spec: SectionSpec): string {
  return `${'#'.repeat(spec.depth)} ${spec.heading}`
}
