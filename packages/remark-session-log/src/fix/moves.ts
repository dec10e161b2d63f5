import type {Edit} from '../rule.js'

/**
 * Which items stay where they are when a sequence is put in order by moving the fewest
 * items: the longest subsequence already in order (equal keys may stand in any order
 * they were given). Of several such subsequences it keeps earlier items, so an item
 * added at the wrong end is the one that moves. O(n log n), for logs of any length.
 */
export function stayingInOrder(keys: readonly number[]): boolean[] {
  // Read backwards, an ordered subsequence is one whose keys never rise. Walking from the
  // end, the item that closes the longest such run last is the earliest one possible.
  const tails: number[] = []
  const previous = new Array<number>(keys.length).fill(-1)
  for (let index = keys.length - 1; index >= 0; index--) {
    const key = keys[index]!
    // The first run whose last key is below this one: it cannot take it.
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (keys[tails[middle]!]! < key) high = middle
      else low = middle + 1
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1
    tails[low] = index
  }
  const staying = new Array<boolean>(keys.length).fill(false)
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) {
    staying[index] = true
  }
  return staying
}

/**
 * Joins the edits of one move into as few as possible: edits that touch become one, and
 * an insert left alone takes in the character before it (after it at the very start).
 * Another rule inserting at the same offset in the same pass would otherwise apply too,
 * and a `---` or a field meant for one side of the moved text would land on the other;
 * touching a range of this change, it waits for the next pass instead. Edits at one
 * offset keep the order given. `source` is the text from offset `base` on.
 */
export function joinEdits(edits: readonly Edit[], source: string, base = 0): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const joined: Edit[] = []
  for (const edit of sorted) {
    const last = joined.at(-1)
    if (last && last.end === edit.start) {
      joined[joined.length - 1] = {start: last.start, end: edit.end, text: last.text + edit.text}
    } else {
      joined.push({...edit})
    }
  }
  return joined.map((edit) => {
    if (edit.start !== edit.end) return edit
    const at = edit.start - base
    return at > 0
      ? {start: edit.start - 1, end: edit.end, text: source[at - 1] + edit.text}
      : {start: edit.start, end: edit.end + 1, text: edit.text + source[at]}
  })
}
