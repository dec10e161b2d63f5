import type {Schema} from '../template/schema.js'
import {escapeRegExp} from '../text.js'

/** A run of whole lines of the text: `[start, end)` offsets, `line` the first line (1-based). */
export interface Chunk {
  start: number
  end: number
  line: number
}

// Blocks that run on past an ATX heading line: inside them a `## ` line is not a heading.
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/
const htmlUntilMarker: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]
// Other HTML blocks (and anything that starts like one) end at a blank line.
const htmlUntilBlank = /^ {0,3}<\/?[A-Za-z][\w-]*(?:\s|\/?>|$)/

/**
 * Cuts a log into chunks that Markdown parses the same apart as together: a cut is made
 * only before a line that is an entry heading at column 1, outside fenced code and HTML
 * blocks. Such a line always starts a new top-level block, so no construct spans a cut.
 * Where in doubt, no cut is made: a chunk may then hold several entries.
 */
export function splitChunks(text: string, schema: Schema): Chunk[] {
  const heading = entryHeadingLine(schema)
  const chunks: Chunk[] = []
  let chunkStart = 0
  let chunkLine = 1
  let line = 1
  let fence: {char: string; length: number} | undefined
  let htmlEnd: RegExp | undefined
  let htmlToBlank = false
  let at = 0
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    end = end === -1 ? text.length : end + 1
    const raw = text.slice(at, end).replace(/\r?\n$|\r$/, '')
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw)
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length)
        fence = undefined
    } else if (htmlEnd) {
      if (htmlEnd.test(raw)) htmlEnd = undefined
    } else if (htmlToBlank) {
      if (raw.trim() === '') htmlToBlank = false
    } else if (heading.test(raw) && at > chunkStart) {
      chunks.push({start: chunkStart, end: at, line: chunkLine})
      chunkStart = at
      chunkLine = line
    } else {
      const open = fenceOpen.exec(raw)
      if (open?.[1]) fence = {char: open[1][0]!, length: open[1].length}
      const html = htmlUntilMarker.find(([start]) => start.test(raw))
      if (html && !html[1].test(raw.replace(html[0], ''))) htmlEnd = html[1]
      else if (!html && htmlUntilBlank.test(raw)) htmlToBlank = true
    }
    // A lone CR also ends a line in Markdown; counting it keeps line numbers right.
    line += 1 + (raw.match(/\r(?!\n)/g)?.length ?? 0)
    at = end
  }
  chunks.push({start: chunkStart, end: text.length, line: chunkLine})
  return chunks
}

/** An ATX heading at column 1 that starts with the entry prefix. */
function entryHeadingLine(schema: Schema): RegExp {
  const words = escapeRegExp(schema.entryPrefix.replace(/:$/, '').trim())
  const colon = schema.entryPrefix.endsWith(':') ? '\\s*:' : ''
  return new RegExp(`^#{1,6}[ \\t]+${words}${colon}`, 'i')
}
