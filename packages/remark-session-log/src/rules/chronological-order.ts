import {joinEdits, stayingInOrder} from '../fix/moves.js'
import {isCalendarDate} from '../model/answers.js'
import {findField} from '../model/query.js'
import type {Entry, SessionLog} from '../model/types.js'
import {defineRule, quote, type Context, type Edit} from '../rule.js'

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

    const blocks = new Blocks(log, context)
    const groups = new Map<Entry | undefined, Dated[]>()
    for (const item of [...moved].sort((a, b) => b.date.localeCompare(a.date) || a.rank - b.rank)) {
      const anchor = anchorOf(item)?.entry
      const group = groups.get(anchor) ?? []
      group.push(item)
      groups.set(anchor, group)
    }
    const edits: Edit[] = moved.map(({entry}) => blocks.remove(entry))
    for (const [anchor, items] of groups) {
      const text = items.map(({entry}) => blocks.closed(entry)).join('')
      edits.push(
        anchor
          ? {start: blocks.start(anchor), end: blocks.start(anchor), text}
          : blocks.appendAfter(lastKept.entry, text),
      )
    }

    const anchor = anchorOf(first)
    const [where, other] = anchor ? ['before', anchor] : ['after', lastKept]
    const more = moved.length > 1 ? ` (${moved.length - 1} more out of place)` : ''
    report(
      first.entry.heading,
      `Entry ${label(first)} belongs ${where} ${label(other)} on line ${other.entry.start.line}; entries are newest first${more}`,
      {edits: joinEdits(edits, log.text)},
    )
  },
})

function label({entry, date}: Dated): string {
  return `${quote(entry.heading.name?.text || entry.heading.content.text)} (${date})`
}

function dayNumber(date: string): number {
  return Number(date.replaceAll('-', ''))
}

/**
 * An entry's block: from the start of its heading's line to the start of the next
 * entry's heading line, or to the footer's line, or to the end of the text. Separator,
 * blank lines and comments after it belong to it, so moving blocks keeps every byte.
 */
class Blocks {
  private readonly starts: number[]
  private readonly end: number

  constructor(
    private readonly log: SessionLog,
    private readonly context: Context,
  ) {
    this.starts = log.entries.map((entry) => lineStart(log.text, entry.start.offset))
    this.end = log.footer ? lineStart(log.text, log.footer.start.offset) : log.text.length
  }

  start(entry: Entry): number {
    return this.starts[entry.index]!
  }

  remove(entry: Entry): Edit {
    return {start: this.start(entry), end: this.blockEnd(entry), text: ''}
  }

  /** The block's bytes, closed by `---` and a blank line so no heading follows it bare. */
  closed(entry: Entry): string {
    const text = this.log.text.slice(this.start(entry), this.blockEnd(entry))
    return text + this.closing(entry, text)
  }

  /** Inserts text after a block, closing that block first when it has no `---`. */
  appendAfter(entry: Entry, text: string): Edit {
    const at = this.blockEnd(entry)
    const closing = this.closing(entry, this.log.text.slice(this.start(entry), at))
    return {start: at, end: at, text: closing + text}
  }

  private blockEnd(entry: Entry): number {
    return this.starts[entry.index + 1] ?? this.end
  }

  private closing(entry: Entry, text: string): string {
    const {eol} = this.context
    const breaks = trailingBreaks(text)
    if (entry.separator) return breaks === 0 ? eol + eol : ''
    return eol.repeat(Math.max(0, 2 - breaks)) + '---' + eol + eol
  }
}

function lineStart(text: string, offset: number): number {
  let at = offset
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--
  return at
}

/** How many line endings the white space at the end of the text holds. */
function trailingBreaks(text: string): number {
  let breaks = 0
  for (let i = text.length - 1; i >= 0 && /\s/.test(text[i]!); i--) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++
  }
  return breaks
}
