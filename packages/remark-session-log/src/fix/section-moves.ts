import type {Entry, Section} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import {insertAt} from './edits.js'

/** A section to move next to a section that stays: right after it, or right before it. */
export interface SectionMove {
  section: Section
  anchor: Section
  after: boolean
}

/**
 * Moves sections as one change, each with every byte from its heading to the end of its
 * content; sections moved to one place go there in the order given.
 */
export function moveSections(
  entry: Entry,
  moves: readonly SectionMove[],
  eol: Context['eol'],
): Edit[] {
  const groups = new Map<string, {offset: number; after: boolean; texts: string[]}>()
  for (const {section, anchor, after} of moves) {
    const offset = after ? anchor.end.offset : anchor.start.offset
    const key = `${after}:${offset}`
    const group = groups.get(key) ?? {offset, after, texts: []}
    group.texts.push(between(entry, section.start.offset, section.end.offset))
    groups.set(key, group)
  }
  const edits = removals(entry, new Set(moves.map(({section}) => section)), eol)
  for (const {offset, after, texts} of groups.values()) {
    const text = after
      ? texts.map((moving) => eol + eol + moving).join('')
      : texts.map((moving) => moving + eol + eol).join('')
    edits.push(insertAt(offset, text))
  }
  return edits
}

// Takes each run of moved sections out together with the blank lines that follow it
// (or, at the end of the entry, the blank lines before it), so no gap is doubled or lost.
function removals(entry: Entry, moved: Set<Section>, eol: string): Edit[] {
  const edits: Edit[] = []
  const sections = entry.sections
  const isMoved = (index: number) => moved.has(sections[index]!)
  for (let index = 0; index < sections.length; index++) {
    if (!isMoved(index)) continue
    let last = index
    while (isMoved(last + 1)) last++
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
