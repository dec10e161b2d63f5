import type {Schema} from '../template/schema.js'
import {closesFence, fenceOpenedBy, type Fence} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'
import {entryPrefixSource} from '../text/patterns.js'

/** A run of whole lines of the text: `[start, end)` offsets, `line` the first line (1-based). */
export interface Chunk {
  start: number
  end: number
  line: number
}

// Blocks that run on past an ATX heading line: inside them a `## ` line is not a heading.
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
 * Where in doubt, no cut is made: a chunk may then hold several entries. Front matter
 * at the top is never cut (YAML comments start with `#`).
 */
export function splitChunks(text: string, schema: Schema): Chunk[] {
  return [...chunksOf(text, schema)]
}

/** `splitChunks` one chunk at a time, read as far as the chunk asked for. */
export function* chunksOf(text: string, schema: Schema): Generator<Chunk> {
  const heading = entryHeadingLine(schema)
  let chunkStart = 0
  let chunkLine = 1
  let at = frontMatterEnd(text)
  let line = 1 + lineBreaks(text.slice(0, at))
  let fence: Fence | undefined
  let htmlEnd: RegExp | undefined
  let htmlToBlank = false
  // Only lone CRs make line counting need more than one step per line.
  const loneCr = text.includes('\r') && /\r(?!\n)/.test(text)
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    end = end === -1 ? text.length : end + 1
    // Most lines start with a letter, a digit or `-`, and none of those can open, close or
    // cut anything here; only the rest are read with the expressions below.
    if (mayStartBlockSyntax(text.charCodeAt(at))) {
      const raw = text.slice(at, end).replace(/\r?\n$|\r$/, '')
      if (fence) {
        if (closesFence(raw, fence)) fence = undefined
      } else if (htmlEnd) {
        if (htmlEnd.test(raw)) htmlEnd = undefined
      } else if (htmlToBlank) {
        if (raw.trim() === '') htmlToBlank = false
      } else if (heading.test(raw) && at > chunkStart) {
        yield {start: chunkStart, end: at, line: chunkLine}
        chunkStart = at
        chunkLine = line
      } else {
        fence = fenceOpenedBy(raw)
        const html = htmlUntilMarker.find(([start]) => start.test(raw))
        if (html && !html[1].test(raw.replace(html[0], ''))) htmlEnd = html[1]
        else if (!html && htmlUntilBlank.test(raw)) htmlToBlank = true
      }
    } else if (htmlEnd) {
      // A comment or the like can close anywhere on a line.
      if (htmlEnd.test(text.slice(at, end))) htmlEnd = undefined
    }
    // A lone CR also ends a line in Markdown; counting it keeps line numbers right.
    line += 1 + (loneCr ? (text.slice(at, end).match(/\r(?!\n)/g)?.length ?? 0) : 0)
    at = end
  }
  yield {start: chunkStart, end: text.length, line: chunkLine}
}

const numberSign = '#'.charCodeAt(0)
const space = ' '.charCodeAt(0)
const tab = '\t'.charCodeAt(0)
const backtick = '`'.charCodeAt(0)
const tilde = '~'.charCodeAt(0)
const lessThan = '<'.charCodeAt(0)
const lineFeed = '\n'.charCodeAt(0)
const carriageReturn = '\r'.charCodeAt(0)

/**
 * Whether a line starting with this character code can be a heading, a fence, an HTML
 * block or blank: `#`, space, tab, backtick, tilde, `<`, or a line break. Anything else is
 * ordinary text for `splitChunks` (and a line that ends an HTML block only where the
 * block's closing marker could stand anywhere, which is handled there).
 */
function mayStartBlockSyntax(char: number): boolean {
  return (
    char === numberSign ||
    char === space ||
    char === tab ||
    char === backtick ||
    char === tilde ||
    char === lessThan ||
    char === lineFeed ||
    char === carriageReturn
  )
}

/** Whether the text opens with an entry heading, where a cut may be made. */
export function startsEntry(text: string, schema: Schema): boolean {
  return entryHeadingLine(schema).test(/^[^\r\n]*/.exec(text)![0])
}

/** An ATX heading at column 1 that starts with the entry prefix. */
function entryHeadingLine(schema: Schema): RegExp {
  return new RegExp(`^#{1,6}[ \\t]+${entryPrefixSource(schema.entryPrefix)}`, 'i')
}

/** The opening fence of front matter at the top of a text, with its line ending. */
export const frontMatterOpen = /^(-{3}|\+{3})[ \t]*(?:\r\n|\n|\r)/
const nextLine = /([^\r\n]*)(?:\r\n|\n|\r|$)/y

/**
 * The offset after the closing fence of the front matter that opens the text, or 0 when
 * it has none: YAML between `---` lines or TOML between `+++` lines, read as
 * micromark-extension-frontmatter reads them (an unclosed one is no front matter).
 */
function frontMatterEnd(text: string): number {
  const open = frontMatterOpen.exec(text)
  if (!open) return 0
  nextLine.lastIndex = open[0].length
  while (nextLine.lastIndex < text.length) {
    const line = nextLine.exec(text)![1]!
    if (line.startsWith(open[1]!) && /^[ \t]*$/.test(line.slice(3))) return nextLine.lastIndex
  }
  return 0
}
