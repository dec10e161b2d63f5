// Markdown nobody here wrote: the 652 examples of the CommonMark specification.
import spec from 'commonmark-spec'

/** Each example's Markdown; the package writes tabs as `→`. */
export const commonmarkExamples: string[] = spec.tests.map((test) =>
  test.markdown.replace(/→/g, '\t'),
)

/** The example placed as the answer to a question of a valid log, with blank lines around. */
export function pastedIntoAnswer(log: string, example: string): string {
  const at = log.indexOf('**AI Review pass:**')
  if (at === -1) throw new Error('the log has no "**AI Review pass:**" to answer')
  const lineEnd = log.indexOf('\n', at)
  return `${log.slice(0, lineEnd + 1)}\n${example}\n${log.slice(lineEnd + 1)}`
}
