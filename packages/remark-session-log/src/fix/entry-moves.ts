import type {Entry, SessionLog} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import {lineStart, trailingBreaks} from './lines.js'
import {joinEdits} from './moves.js'

/**
 * Moves entries, each with its whole block, as one change: each group goes before its
 * anchor entry in the order given, the group without an anchor after `last`.
 */
export function moveEntries(
  log: SessionLog,
  groups: ReadonlyMap<Entry | undefined, readonly Entry[]>,
  last: Entry,
  eol: Context['eol'],
): Edit[] {
  const blocks = new Blocks(log, eol)
  const moved = [...groups.values()].flat().sort((a, b) => a.index - b.index)
  const edits: Edit[] = moved.map((entry) => blocks.remove(entry))
  for (const [anchor, entries] of groups) {
    const text = entries.map((entry) => blocks.closed(entry)).join('')
    edits.push(
      anchor
        ? {start: blocks.start(anchor), end: blocks.start(anchor), text}
        : blocks.appendAfter(last, text),
    )
  }
  return joinEdits(edits, log.text)
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
    private readonly eol: Context['eol'],
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
    const {eol} = this
    const breaks = trailingBreaks(text)
    if (entry.separator) return breaks === 0 ? eol + eol : ''
    return eol.repeat(Math.max(0, 2 - breaks)) + '---' + eol + eol
  }
}
