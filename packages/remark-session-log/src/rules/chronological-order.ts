import {moveEntries} from '../fix/entry-moves.js'
import {stayingInOrder} from '../fix/moves.js'
import {isCalendarDate} from '../model/answers.js'
import {findField} from '../model/query.js'
import type {Entry} from '../model/types.js'
import {defineRule, quote} from '../rule.js'

interface Dated {
  entry: Entry
  date: string
  /** Position among the dated entries; equal dates keep it. */
  rank: number
}

export const chronologicalOrder = defineRule({
  id: 'chronological-order',
  description: 'Entries are newest first; entries of one date keep the order they were written in',
  why: 'The newest session is the one the team reads first, and every tool that adds an entry puts it at the top. The fix moves the fewest entries it can, each with every byte from its heading to its separator; entries without a valid date stay where they are.',
  severity: 'error',
  fixable: true,
  checkDocument(log, report, context) {
    const dated: Dated[] = []
    for (const entry of log.entries) {
      const date = findField(entry, context.schema.roles.dateField)?.value.text ?? ''
      if (isCalendarDate(date)) dated.push({entry, date, rank: dated.length})
    }
    const staying = stayingInOrder(dated.map(({date}) => -dayNumber(date)))
    const kept = dated.filter((_, index) => staying[index])
    const moved = dated.filter((_, index) => !staying[index])
    const first = moved[0]
    const lastKept = kept.at(-1)
    if (!first || !lastKept) return

    // A moved entry goes before the first kept entry that the order puts after it, or
    // after the last kept entry when there is none.
    const follows = (a: Dated, b: Dated) =>
      a.date < b.date || (a.date === b.date && a.rank > b.rank)
    const anchorOf = (item: Dated): Dated | undefined => {
      let low = 0
      let high = kept.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (follows(kept[middle]!, item)) high = middle
        else low = middle + 1
      }
      return kept[low]
    }

    const groups = new Map<Entry | undefined, Entry[]>()
    for (const item of [...moved].sort((a, b) => b.date.localeCompare(a.date) || a.rank - b.rank)) {
      const anchor = anchorOf(item)?.entry
      const group = groups.get(anchor) ?? []
      group.push(item.entry)
      groups.set(anchor, group)
    }

    const anchor = anchorOf(first)
    const [where, other] = anchor ? ['before', anchor] : ['after', lastKept]
    const more = moved.length > 1 ? ` (${moved.length - 1} more out of place)` : ''
    report(
      first.entry.heading,
      `Entry ${label(first)} belongs ${where} ${label(other)} on line ${other.entry.start.line}; entries are newest first${more}`,
      {edits: moveEntries(log, groups, lastKept.entry, context.eol)},
    )
  },
})

function label({entry, date}: Dated): string {
  return `${quote(entry.heading.name?.text || entry.heading.content.text)} (${date})`
}

function dayNumber(date: string): number {
  return Number(date.replaceAll('-', ''))
}
