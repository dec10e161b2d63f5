import type {Edit} from '../rule.js'

/**
 * One change: a single edit, or edits that only make sense together (a moved entry is
 * its bytes deleted in one place and inserted in another) and are applied all or none.
 */
export type Change = Edit | readonly Edit[]

export interface AppliedEdits<T extends Change> {
  output: string
  /** The changes that were applied, in the order they were given. */
  applied: T[]
  /** Changes that overlap an applied one; they wait for the next pass. */
  deferred: T[]
}

/**
 * Applies the changes that do not overlap each other and defers the rest. Changes are
 * taken by position (the earliest first, then in the order given). Two inserts at one
 * offset both apply, in that order, and so do ranges that only touch; an insert at the
 * edge of another change's range is deferred.
 */
export function applyEdits<T extends Change>(text: string, changes: readonly T[]): AppliedEdits<T> {
  const groups = changes.map((change, index) => ({change, index, edits: sortedEdits(change, text)}))
  groups.sort((a, b) => firstStart(a.edits) - firstStart(b.edits) || a.index - b.index)

  const taken = new Taken()
  const applied: typeof groups = []
  const deferred: typeof groups = []
  const seen = new Set<string>()
  for (const group of groups) {
    // Two rules may propose the very same edit; it is applied once.
    const key = JSON.stringify(group.edits)
    if (seen.has(key)) {
      applied.push(group)
      continue
    }
    if (group.edits.some((edit) => taken.conflicts(edit))) {
      deferred.push(group)
      continue
    }
    seen.add(key)
    for (const edit of group.edits) taken.add(edit)
    applied.push(group)
  }

  const byIndex = (a: {index: number}, b: {index: number}) => a.index - b.index
  return {
    output: splice(text, taken.edits),
    applied: applied.sort(byIndex).map((group) => group.change),
    deferred: deferred.sort(byIndex).map((group) => group.change),
  }
}

/** Whether two edits touch the same bytes: no order of applying them keeps both whole. */
function overlaps(a: Edit, b: Edit): boolean {
  // An insert overlaps a range only strictly inside it; two inserts never overlap.
  return a.start < b.end && b.start < a.end
}

/**
 * Whether edits of two different changes must not go in one pass. Besides overlapping,
 * an insert at either edge of another change's range waits: a rule that inserts before
 * an entry cannot know that another rule moves that entry away in the same pass.
 */
function conflicts(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end
  return a.start < b.end && b.start < a.end
}

/**
 * The edits taken so far, in text order. They do not overlap, so their ends are in order
 * too, and the few that can conflict with a new edit are found by binary search: a pass
 * over a log of thousands of entries stays fast.
 */
class Taken {
  readonly edits: Edit[] = []

  conflicts(edit: Edit): boolean {
    for (let index = this.firstEndingFrom(edit.start); index < this.edits.length; index++) {
      const other = this.edits[index]!
      if (other.start > edit.end) return false
      if (conflicts(edit, other)) return true
    }
    return false
  }

  add(edit: Edit): void {
    // After every edit that starts at or before it: inserts at one offset keep their order.
    let low = 0
    let high = this.edits.length
    while (low < high) {
      const middle = (low + high) >> 1
      const other = this.edits[middle]!
      if (other.start < edit.start || (other.start === edit.start && other.end <= edit.end)) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    this.edits.splice(low, 0, edit)
  }

  private firstEndingFrom(offset: number): number {
    let low = 0
    let high = this.edits.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.edits[middle]!.end < offset) low = middle + 1
      else high = middle
    }
    return low
  }
}

function sortedEdits(change: Change, text: string): Edit[] {
  const edits = (isEdit(change) ? [change] : [...change]).sort(
    (a, b) => a.start - b.start || a.end - b.end,
  )
  for (const edit of edits) {
    const valid =
      Number.isInteger(edit.start) &&
      Number.isInteger(edit.end) &&
      edit.start >= 0 &&
      edit.start <= edit.end &&
      edit.end <= text.length
    if (!valid) {
      throw new RangeError(
        `Edit ${edit.start}-${edit.end} lies outside the text (length ${text.length})`,
      )
    }
  }
  for (let i = 1; i < edits.length; i++) {
    if (overlaps(edits[i - 1]!, edits[i]!)) {
      throw new RangeError(`Edits of one change overlap at offset ${edits[i]!.start}`)
    }
  }
  return edits
}

function isEdit(change: Change): change is Edit {
  return !Array.isArray(change)
}

function firstStart(edits: Edit[]): number {
  return edits[0]?.start ?? 0
}

/** Builds the output from the untouched stretches between edits and the edits' text. */
function splice(text: string, ordered: readonly Edit[]): string {
  const parts: string[] = []
  let at = 0
  for (const edit of ordered) {
    parts.push(text.slice(at, edit.start), edit.text)
    at = edit.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}
