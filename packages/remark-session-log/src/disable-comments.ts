// `<!-- session-log-disable -->` comments: the findings an author has silenced.
import type {Finding} from './rule.js'
import {lineBreaks} from './text/lines.js'

const directive =
  /^[ \t]*<!--[ \t]*session-log-(disable-next-line|disable|enable)\b(.*?)-->[ \t]*$/gm

/** Whether the text holds a disable or enable comment anywhere. */
export function hasDisableComments(text: string): boolean {
  return text.includes('session-log-') && new RegExp(directive.source, 'm').test(text)
}

/**
 * `<!-- session-log-disable [ids] -->` on a line of its own silences rules (all when none
 * are named) until `<!-- session-log-enable [ids] -->`; `disable-next-line` silences the
 * next line only.
 */
export function disabledLines(text: string): (finding: Finding) => boolean {
  if (!text.includes('session-log-')) return () => false
  const comments: Array<{kind: string; ids: string[]; line: number}> = []
  let line = 1
  let counted = 0
  for (const match of text.matchAll(directive)) {
    line += lineBreaks(text.slice(counted, match.index))
    counted = match.index
    comments.push({
      kind: match[1] ?? '',
      ids: (match[2] ?? '').split(/[\s,]+/).filter(Boolean),
      line,
    })
  }
  if (comments.length === 0) return () => false
  return (finding) => {
    const at = finding.start.line
    const applies = (ids: string[]) => ids.length === 0 || ids.includes(finding.ruleId)
    let off = false
    for (const comment of comments) {
      if (comment.kind === 'disable-next-line') {
        if (comment.line + 1 === at && applies(comment.ids)) return true
      } else if (comment.line < at && applies(comment.ids)) {
        off = comment.kind === 'disable'
      }
    }
    return off
  }
}
