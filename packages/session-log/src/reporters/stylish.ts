import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {visible} from './escape.js'
import type {ReportInput} from './input.js'

/** The report people read in a terminal, by vfile-reporter. */
export function stylish({files, color, quiet}: ReportInput): string {
  const vfiles = files.map(({name, findings}) => {
    const file = new VFile({path: visible(name)})
    for (const finding of findings) {
      const message = file.message(visible(finding.message), {
        place: {start: finding.start, end: finding.end},
        ruleId: finding.ruleId,
        source: 'session-log',
      })
      message.fatal = finding.severity === 'error'
      message.url = finding.url
    }
    return file
  })
  if (vfiles.length === 0) return ''
  const report = reporter(vfiles, {color, quiet})
  return report ? `${report}\n` : ''
}
