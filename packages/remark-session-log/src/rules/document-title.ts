import {replaceSpan} from '../fix/edits.js'
import {insertTitle} from '../fix/log-lines.js'
import {defineRule, quote} from '../rule.js'
import {nearName} from '../model/query.js'

export const documentTitle = defineRule({
  id: 'document-title',
  description: 'The document starts with the template title',
  why: "Tools and people find a session log by its title; a renamed title usually means the file was copied from another template. The fix corrects a slip of the template's title (case, spacing, a typo, measured as section-heading measures headings); a title of other words is the author's, reported without a fix. A missing title is inserted.",
  severity: 'error',
  fixable: true,
  checkDocument(log, report, {schema, eol}) {
    const want = `# ${schema.title}`
    const title = log.header.title
    if (!title) {
      const at = log.header.start
      const edit = insertTitle(log, want, eol)
      report({start: at, end: at}, `Missing title; start the file with "${want}"`, {
        expected: [edit.text],
        edits: [edit],
      })
      return
    }
    const written = title.content.text
    if (written === schema.title) return
    // Only a slip of the template's title is replaced; another title is the author's words.
    const slip = nearName(schema.title, written)
    if (!slip) {
      report(
        title.content,
        `Title ${quote(written)} should read "${schema.title}"; rename it (a title of your own is left to you)`,
      )
      return
    }
    report(title.content, `Title ${quote(written)} should read "${schema.title}"`, {
      expected: [schema.title],
      edits: [replaceSpan(title.content, schema.title)],
    })
  },
})
