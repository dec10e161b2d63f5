// Where lines start and how many line endings white space holds, in raw text.

/** The offset of the start of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
  let at = offset
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--
  return at
}

/** How many line endings the white space at the end of the text (or before `end`) holds. */
export function trailingBreaks(text: string, end = text.length): number {
  let breaks = 0
  for (let i = end - 1; i >= 0 && /\s/.test(text[i]!); i--) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++
  }
  return breaks
}
