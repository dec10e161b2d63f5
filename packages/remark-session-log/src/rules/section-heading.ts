import {replaceSpan} from '../fix/edits.js'
import {defineRule} from '../rule.js'

export const sectionHeading = defineRule({
  id: 'section-heading',
  description: 'Section headings match the template: level, case and spelling',
  why: "Tools and readers find sections by their exact heading; a heading at the wrong level also changes the document's outline.",
  severity: 'error',
  fixable: true,
  check(entry, report) {
    for (const {heading, spec} of entry.sections) {
      if (!spec) continue
      const want = `${'#'.repeat(spec.depth)} ${spec.heading}`
      if (heading.depth === spec.depth && heading.content.text === spec.heading) continue
      const written = `${'#'.repeat(heading.depth)} ${heading.content.text}`
      report(heading, `Heading "${written}" should read "${want}"`, {
        expected: [want],
        edits: [replaceSpan(heading, want)],
      })
    }
  },
})
