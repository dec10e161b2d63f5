// Patterns in template and answer text: literal regular expressions, the entry prefix,
// bracketed placeholders.

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
