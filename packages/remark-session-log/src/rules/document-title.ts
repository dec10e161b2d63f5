import {replaceSpan} from '../fix/edits.js'
import {defineRule, quote} from '../rule.js'

export const documentTitle = defineRule({
  id: 'document-title',
  description: 'The document starts with the template title',
  why: 'Tools and people find a session log by its title; a renamed title usually means the file was copied from another template.',
  severity: 'error',
  fixable: true,
  checkDocument(log, report, {schema, eol}) {
    const want = `# ${schema.title}`
    const title = log.header.title
    if (!title) {
      const at = log.header.start
      const insert = `${want}${eol}${eol}`
      report({start: at, end: at}, `Missing title; start the file with "${want}"`, {
        expected: [insert],
        edits: [{start: at.offset, end: at.offset, text: insert}],
      })
      return
    }
    if (title.content.text === schema.title) return
    report(title.content, `Title ${quote(title.content.text)} should read "${schema.title}"`, {
      expected: [schema.title],
      edits: [replaceSpan(title.content, schema.title)],
    })
  },
})
