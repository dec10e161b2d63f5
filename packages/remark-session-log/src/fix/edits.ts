import type {Span} from '../model/types.js'
import type {Edit} from '../rule.js'

/** Replaces exactly the bytes of a model node. */
export function replaceSpan(node: Span, text: string): Edit {
  return {start: node.start.offset, end: node.end.offset, text}
}

/** Inserts text at an offset. */
export function insertAt(offset: number, text: string): Edit {
  return {start: offset, end: offset, text}
}
