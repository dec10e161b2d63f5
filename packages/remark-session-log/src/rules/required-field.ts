import {insertAt} from '../fix/edits.js'
import {
  breakStyle,
  fieldLines,
  isFollowed,
  isHardBreak,
  type FieldLine,
} from '../fix/field-lines.js'
import {defineRule, type Edit} from '../rule.js'

export const requiredField = defineRule({
  id: 'required-field',
  description: 'Every entry has each field of the template',
  why: "Every field feeds the team's review: without a date, engineer or mode an entry cannot be ordered, attributed or counted. The fix adds the missing label where the template puts it and leaves the value for you to fill in.",
  severity: 'error',
  fixable: true,
  check(entry, report, {schema, eol}) {
    const present = new Set(entry.fields.map((field) => field.spec))
    const missing = schema.fields.filter((spec) => !spec.optional && !present.has(spec))
    const lines = fieldLines(entry, schema.fields)
    const style = breakStyle(lines) ?? ''
    missing.forEach((spec, index) => {
      const label = `**${spec.name}:**`
      const at = schema.fields.indexOf(spec)
      let edits: Edit[]
      const before = lines.reduce<FieldLine | undefined>(
        (best, line) =>
          line.at !== undefined && line.at < at && line.at >= (best?.at ?? -1) ? line : best,
        undefined,
      )
      const first = lines[0]
      if (before) {
        // After the field the template puts before it; a line that ends the paragraph
        // needs the paragraph's hard break once another line follows it.
        const line = before.prefix + label
        edits = isFollowed(lines, before)
          ? [insertAt(before.end, `${eol}${line}${style}`)]
          : [insertAt(before.end, `${isHardBreak(before.marker) ? '' : style}${eol}${line}`)]
      } else if (first) {
        edits = [insertAt(first.start, `${first.prefix}${label}${style}${eol}`)]
      } else {
        // No field at all: one paragraph of every missing label, added by the first finding.
        const paragraph = missing.map((each) => `**${each.name}:**`).join(eol)
        edits = index === 0 ? [insertAt(entry.heading.end.offset, `${eol}${eol}${paragraph}`)] : []
      }
      report(entry.heading, `Entry is missing the field "${label}"`, {edits})
    })
  },
})
