import {sliceText} from '../model/query.js'
import type {Entry, Text} from '../model/types.js'

/** The entry heading's `#` marks as written; undefined for an underlined heading. */
export function headingMarker(entry: Entry): Text | undefined {
  const {heading} = entry
  const source = entry.source.slice(
    heading.start.offset - entry.start.offset,
    heading.end.offset - entry.start.offset,
  )
  const atx = /^( {0,3})(#{1,6})/.exec(source)
  if (!atx) return undefined
  const at = heading.start.offset + (atx[1]?.length ?? 0)
  return sliceText({...heading, text: source}, at, at + (atx[2]?.length ?? 0))
}
