import {insertAt} from '../fix/edits.js'
import type {SessionLog} from '../model/types.js'
import {defineRule, quote, type Edit} from '../rule.js'
import {sameVersion} from '../template/load.js'

export const templateVersion = defineRule({
  id: 'template-version',
  description: 'The header states the version of the template the log follows',
  why: "The version says which template the entries follow, so tools check them against the right one. A log that states another version, or none, is checked against a template it may not follow. The fix adds a missing version with the template's own lines (0.2's `> Version:` quote, 0.3's Stage line); a version that differs is the author's to change, or `session-log migrate`'s.",
  severity: 'error',
  fixable: true,
  checkDocument(log, report, {schema, eol}) {
    const want = schema.version
    if (!want) return
    const version = log.header.version
    if (!version) {
      const {title, start} = log.header
      const line = versionLine(schema.source.header)
      const edit = line === undefined ? undefined : addVersion(log, line, eol)
      report(
        title ?? {start, end: start},
        `The header does not state the template version; add "${line ?? want}" under the title`,
        // Without a title the insert is the reported (empty) range's one replacement.
        edit ? {edits: [edit], ...(title ? {} : {expected: [edit.text]})} : {},
      )
      return
    }
    if (sameVersion(version.text, want)) return
    report(
      version,
      `The header states version ${quote(version.text)}, but the log is checked against template version "${want}"`,
      {expected: [want]},
    )
  },
})

/** The line of the template's header that states its version. */
function versionLine(header: string): string | undefined {
  return header.split(/\r\n|\n|\r/).find((line) => /\bversion\b/i.test(line) && /\d/.test(line))
}

/**
 * Under the title, as the first line of the blockquote there when the template's line is
 * a quote line too (0.2's `> Version:` above `> Input:`); where there is no title, where
 * document-title's fix puts one, so the title comes first.
 */
function addVersion(log: SessionLog, line: string, eol: string): Edit {
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
