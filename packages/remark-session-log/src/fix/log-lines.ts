// Lines the document's rules insert outside entries: the title, the version, `---`, the
// footer. Each goes where the text around it lets it stand as its own block.
import type {SessionLog, Span} from '../model/types.js'
import type {Context, Edit} from '../rule.js'
import type {Schema} from '../template/schema.js'
import {openFenceAt} from '../text/blocks.js'
import {lineBreaks} from '../text/lines.js'
import {insertAt} from './edits.js'
import {lineStart, trailingBreaks} from './lines.js'

/** Whether the file holds only white space: a log not started yet, which fixes fill in. */
export function isEmptyLog(log: SessionLog): boolean {
  return log.text.trim() === ''
}

/** Inserts the title line where the header starts, with a blank line after it. */
export function insertTitle(log: SessionLog, title: string, eol: Context['eol']): Edit {
  // The header starts after any front matter; a file of front matter alone may end
  // without a line break after its closing fence.
  const at = log.header.start.offset
  const lead = at > 0 && !/[\r\n]/.test(log.text[at - 1]!) ? eol : ''
  return insertAt(at, `${lead}${title}${eol}${eol}`)
}

/** The line of the template's header that states its version. */
export function versionLine(schema: Schema): string | undefined {
  return schema.source.header
    .split(/\r\n|\n|\r/)
    .find((line) => /\bversion\b/i.test(line) && /\d/.test(line))
}

/**
 * Under the title, as the first line of the blockquote there when the template's line is
 * a quote line too (0.2's `> Version:` above `> Input:`); where there is no title, where
 * document-title's fix puts one, so the title comes first.
 */
export function insertVersion(log: SessionLog, line: string, eol: Context['eol']): Edit {
  const {title, start} = log.header
  if (!title) return insertAt(start.offset, `${line}${eol}${eol}`)
  const after = /^[ \t]*(?:\r\n|\n|\r)(?:[ \t]*(?:\r\n|\n|\r))*/.exec(
    log.text.slice(title.end.offset),
  )
  const next = title.end.offset + (after?.[0].length ?? 0)
  if (after && line.startsWith('>') && log.text[next] === '>') {
    return insertAt(next, `${line}${eol}`)
  }
  return insertAt(title.end.offset, `${eol}${eol}${line}`)
}

/**
 * Inserts `---` on its own line before a node, with a blank line on both sides: right
 * under a paragraph, a `---` line would turn the paragraph into a heading.
 */
export function insertSeparator(log: SessionLog, before: Span, eol: Context['eol']): Edit {
  const at = lineStart(log.text, before.start.offset)
  const blankBefore = at === 0 || trailingBreaks(log.text, at) >= 2
  return insertAt(at, `${blankBefore ? '' : eol}---${eol}${eol}`)
}

/** Appends the template's footer line, after a blank line unless the file is empty. */
export function appendFooter(log: SessionLog, schema: Schema, eol: Context['eol']): Edit {
  const {text} = log
  const line = schema.source.footer.trim().replace(/\r\n|\n|\r/g, eol)
  const lead = isEmptyLog(log) ? '' : eol.repeat(Math.max(0, 2 - trailingBreaks(text)))
  return insertAt(text.length, `${lead}${line}${eol}`)
}

/** The line of the code fence still open at the end of the file, if any. */
export function openFenceLineAtEnd(log: SessionLog): number | undefined {
  const fence = openFenceAt(log.text, log.text.length)
  return fence === undefined ? undefined : 1 + lineBreaks(log.text.slice(0, fence))
}
