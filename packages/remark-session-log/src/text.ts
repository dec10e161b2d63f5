// Small readers of raw Markdown text shared by the template loader and the model.
import type {Context} from './rule.js'

// Rules look parts up by name in every entry on every lint; the names are few.
const normalized = new Map<string, string>()

/** Case, spacing, trailing punctuation and emphasis do not make two names differ. */
export function normalizeName(name: string): string {
  let result = normalized.get(name)
  if (result === undefined) {
    result = name
      .normalize('NFC')
      .replace(/[*_`]/g, '')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .replace(/(?<![:?.\s])[:?.\s]+$/, '')
      .toLowerCase()
    // Names are short and repeat; a log full of made-up ones must not grow this forever.
    if (normalized.size >= 10_000) normalized.clear()
    normalized.set(name, result)
  }
  return result
}

export interface BoldLabel {
  /** Label text without the emphasis markers and with surrounding spaces removed. */
  label: string
  /** Offsets of the label text inside the input. */
  labelStart: number
  labelEnd: number
  /** Offset just after the closing marker (and a colon written outside it). */
  end: number
}

/**
 * Reads `**Label:**`, `__Label:__` or `**Label**:` at the start of `raw`.
 * Returns undefined when the text does not start with a bold label.
 */
export function readBoldLabel(raw: string): BoldLabel | undefined {
  const match = /^(\*\*|__)(?=\S)([^\n]*?\S)\1(:?)/.exec(raw)
  if (!match) return undefined
  const marker = match[1] ?? ''
  const inner = match[2] ?? ''
  const colon = match[3] ?? ''
  return {
    label: inner + colon,
    labelStart: marker.length,
    labelEnd: marker.length + inner.length,
    end: match[0].length,
  }
}

/** Removes the line's hard-break marker (two trailing spaces or a backslash). */
export function trimLineEnd(line: string): string {
  return line.replace(/(?:\\|(?<![ \t])[ \t]+)$/, '').replace(/(?<![ \t])[ \t]+$/, '')
}

/** Placeholders are the template's bracketed hints and its example values. */
export function findBracketed(text: string): Array<{start: number; end: number}> {
  const found: Array<{start: number; end: number}> = []
  // Bracket text that is a link (`[a](b)`, `[a][b]`) or a task box is not a placeholder.
  // `\[specify]` is an escaped bracket, the text "[specify]" as written, not a placeholder.
  const pattern = /(?<!\\)\[([^\][\n]{2,})\](?![([:])/g
  for (const match of text.matchAll(pattern)) {
    found.push({start: match.index, end: match.index + match[0].length})
  }
  return found
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (typos like
 * "Inptus"), bounded: returns `limit + 1` as soon as it is exceeded.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const rows: number[][] = [Array.from({length: b.length + 1}, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1]!
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      }
      row.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return limit + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

/** A name is a near miss of another when a few letters differ, scaled to its length. */
export function isNearMiss(a: string, b: string): boolean {
  const limit = Math.max(1, Math.floor(Math.min(a.length, b.length) / 5))
  return editDistance(a, b, limit) <= limit
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A regular expression source for a template's entry prefix as people write it: any
 * case (the caller adds the `i` flag), spaces allowed before its colon (`Session :`).
 */
export function entryPrefixSource(prefix: string): string {
  const words = escapeRegExp(prefix.replace(/:$/, '').trim())
  return prefix.endsWith(':') ? `${words}\\s*:` : words
}

/** A fenced code block's opening: its character and how many of it. */
export interface Fence {
  char: string
  length: number
}

/** The fence a line opens: three or more backticks or tildes, at most three spaces in. */
export function fenceOpenedBy(line: string): Fence | undefined {
  const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
  return marker ? {char: marker[0]!, length: marker.length} : undefined
}

/** Whether a line closes `fence`: the same character, at least as many, nothing after. */
export function closesFence(line: string, fence: Fence): boolean {
  const marker = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1]
  return marker !== undefined && marker[0] === fence.char && marker.length >= fence.length
}

/**
 * Where the fenced code block still open at `offset` begins (the offset of its opening
 * line), or undefined when `offset` is outside fenced code: text inserted there would
 * be read as code. Fences inside list items and quotes are not followed.
 */
export function openFenceAt(text: string, offset: number): number | undefined {
  let fence: Fence | undefined
  let opened = 0
  for (let at = 0; at < offset;) {
    const next = text.indexOf('\n', at)
    const end = next === -1 ? text.length : next + 1
    const line = text.slice(at, end).replace(/\r?\n$|\r$/, '')
    if (fence) {
      if (closesFence(line, fence)) fence = undefined
    } else {
      fence = fenceOpenedBy(line)
      opened = at
    }
    at = end
  }
  return fence ? opened : undefined
}

/** A fenced code block or an HTML block that is still open where the text ends. */
export interface OpenBlock {
  /** Offset of the line that opens it. */
  start: number
  /** Offset just after that line. */
  end: number
  kind: 'code fence' | 'HTML block' | 'HTML comment'
  /** The line that would close it: the fence, `</style>`, `-->`. */
  close: string
}

/** HTML blocks that run until their end tag, however many blank lines they hold. */
const rawHtml = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i

/**
 * The fenced code block or HTML block (the kinds that swallow blank lines: `<script>`,
 * `<pre>`, `<style>`, `<textarea>`, `<!--`) still open at the end of the text, if any.
 * Blocks inside list items and quotes are not followed.
 */
export function openBlockAtEnd(text: string): OpenBlock | undefined {
  let open: OpenBlock | undefined
  let fence: Fence | undefined
  for (let at = 0; at < text.length;) {
    const next = text.indexOf('\n', at)
    const end = next === -1 ? text.length : next + 1
    const line = text.slice(at, end).replace(/\r?\n$|\r$/, '')
    if (open) {
      const closed = fence
        ? closesFence(line, fence)
        : line.toLowerCase().includes(open.close.toLowerCase())
      if (closed) open = fence = undefined
    } else if ((fence = fenceOpenedBy(line))) {
      open = {start: at, end, kind: 'code fence', close: fence.char.repeat(fence.length)}
    } else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
      open = {start: at, end, kind: 'HTML comment', close: '-->'}
    } else {
      const tag = rawHtml.exec(line)?.[1]?.toLowerCase()
      if (tag && !line.toLowerCase().includes(`</${tag}>`)) {
        open = {start: at, end, kind: 'HTML block', close: `</${tag}>`}
      }
    }
    at = end
  }
  return open
}

/** How many line breaks the text holds: CRLF, LF and a lone CR each end a line. */
/** The text's first line ending, `\n` when it has none. */
export function detectEol(text: string): Context['eol'] {
  const match = /\r\n|\n|\r/.exec(text)
  return (match?.[0] as Context['eol'] | undefined) ?? '\n'
}

export function lineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0
}
