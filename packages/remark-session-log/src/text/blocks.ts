// Fenced code and HTML blocks found by scanning lines, without parsing: where a fix may
// insert text, and why a log ends swallowed.

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
