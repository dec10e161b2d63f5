// Line endings and line breaks of raw text.
import type {Context} from '../rule.js'

/** Removes the line's hard-break marker (two trailing spaces or a backslash). */
export function trimLineEnd(line: string): string {
  return line.replace(/(?:\\|(?<![ \t])[ \t]+)$/, '').replace(/(?<![ \t])[ \t]+$/, '')
}

/** The text's first line ending, `\n` when it has none. */
export function detectEol(text: string): Context['eol'] {
  const match = /\r\n|\n|\r/.exec(text)
  return (match?.[0] as Context['eol'] | undefined) ?? '\n'
}

/** How many line breaks the text holds: CRLF, LF and a lone CR each end a line. */
export function lineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0
}
