import {isEmptyLog} from '../fix/log-lines.js'
import {defineRule, quote} from '../rule.js'
import {nearName} from '../model/query.js'

export const notASessionLog = defineRule({
  id: 'not-a-session-log',
  description: 'A checked file is a session log: it has an entry, a version line or the title',
  why: 'A glob such as `**/*.md` also finds READMEs and notes. A file with no entry, no version line and no title of the template is no log with problems but no log at all: instead of a finding per missing part (and a fix that would turn the README into a log), it gets this one finding and `fix` writes nothing to it. An empty file is a log not started yet, and is filled in as usual.',
  severity: 'error',
  fixable: false,
  checkDocument(log, report, {schema}) {
    if (log.entries.length > 0 || log.header.version || isEmptyLog(log)) return
    const title = log.header.title
    if (title && nearName(schema.title, title.content.text)) return
    const what = title ? `its title is ${quote(title.content.text)}` : 'it has no title'
    report(
      title ?? {start: log.header.start, end: log.header.start},
      `This file is not a session log: it has no entry and no version line, and ${what}; check only the logs (see .session-logignore), or start one with \`session-log init\``,
    )
  },
})
