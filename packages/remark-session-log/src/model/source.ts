import {location} from 'vfile-location'
import type {Point, Span, Text} from './types.js'

/** Anything with a position: an mdast node, a list item, a table row or cell. */
interface Positioned {
  position?: {start: {offset?: number}; end: {offset?: number}}
}

/** Where a node starts or ends in the text; 0 for a node without a position. */
export function offsetOf(node: Positioned, side: 'start' | 'end'): number {
  return node.position?.[side].offset ?? 0
}

/** The text a model is built from, and the points, spans and texts of the model in it. */
export class Source {
  private readonly place: ReturnType<typeof location>

  constructor(readonly text: string) {
    this.place = location(text)
  }

  point(offset: number): Point {
    const found = this.place.toPoint(offset)
    if (found) return {line: found.line, column: found.column, offset}
    // vfile-location knows no point past the last character: the end of the text.
    const last = this.place.toPoint(Math.max(0, offset - 1))
    return last ? {line: last.line, column: last.column + 1, offset} : {line: 1, column: 1, offset}
  }

  span(start: number, end: number): Span {
    return {start: this.point(start), end: this.point(end)}
  }

  nodeSpan(node: Positioned): Span {
    return this.span(offsetOf(node, 'start'), offsetOf(node, 'end'))
  }

  nodeText(node: Positioned): Text {
    return this.textAt(offsetOf(node, 'start'), offsetOf(node, 'end'))
  }

  /** The text between two offsets; trimmed of surrounding white space unless told not to. */
  textAt(start: number, end: number, trim = true): Text {
    let from = start
    let to = Math.max(start, end)
    if (trim) {
      while (from < to && /\s/.test(this.text[from]!)) from++
      while (to > from && /\s/.test(this.text[to - 1]!)) to--
    }
    return {start: this.point(from), end: this.point(to), text: this.text.slice(from, to)}
  }

  /** [start, end) of each line in the range, without its indentation and line ending. */
  lines(start: number, end: number): Array<[number, number]> {
    const result: Array<[number, number]> = []
    let at = start
    while (at < end) {
      let lineEnd = at
      while (lineEnd < end && this.text[lineEnd] !== '\n' && this.text[lineEnd] !== '\r') lineEnd++
      let lineStart = at
      while (lineStart < lineEnd && (this.text[lineStart] === ' ' || this.text[lineStart] === '\t'))
        lineStart++
      result.push([lineStart, lineEnd])
      at = lineEnd + (this.text[lineEnd] === '\r' && this.text[lineEnd + 1] === '\n' ? 2 : 1)
    }
    return result
  }
}
