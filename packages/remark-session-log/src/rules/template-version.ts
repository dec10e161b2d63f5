import {insertVersion, versionLine} from '../fix/log-lines.js'
import {defineRule, quote} from '../rule.js'
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
      const line = versionLine(schema)
      const edit = line === undefined ? undefined : insertVersion(log, line, eol)
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
