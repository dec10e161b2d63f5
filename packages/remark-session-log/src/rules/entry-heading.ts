import {replaceSpan} from '../fix/edits.js'
import {headingMarker} from '../fix/heading-marker.js'
import {isBlank, nearName, sliceText} from '../model/query.js'
import type {Entry, Text} from '../model/types.js'
import {defineRule, quote, type Report} from '../rule.js'
import type {Schema} from '../template/schema.js'

export const entryHeading = defineRule({
  id: 'entry-heading',
  description: 'Entry headings have the template level and prefix, and a task name',
  why: 'The entry heading is how people and tools find where a session starts and which task it was. A heading at another level changes the outline, and one without the prefix or name cannot be told from an ordinary heading.',
  severity: 'error',
  fixable: true,
  check(entry, report, {schema}) {
    checkLevel(entry, report, schema)
    const {heading} = entry
    const prefix = schema.entryPrefix
    if (heading.hasPrefix && heading.name) {
      const written = sliceText(
        heading.content,
        heading.content.start.offset,
        heading.name.start.offset,
      )
      const token = trimmed(written)
      if (token.text !== prefix) {
        report(token, `Entry heading prefix ${quote(token.text)} should read "${prefix}"`, {
          expected: [prefix],
          edits: [replaceSpan(token, prefix)],
        })
      }
      // A name still reading like the template is the placeholder rule's finding.
      if (isBlank(heading.name.text)) {
        report(heading.content, `Entry heading has no task name; write "${prefix} <task name>"`)
      }
      return
    }
    const nearMiss = findNearMiss(heading.content, prefix)
    if (nearMiss) {
      report(nearMiss, `Entry heading prefix ${quote(nearMiss.text)} should read "${prefix}"`, {
        expected: [prefix],
        edits: [replaceSpan(nearMiss, prefix)],
      })
      return
    }
    report(
      heading.content,
      `Entry heading ${quote(heading.content.text)} does not start with "${prefix}"; write "${'#'.repeat(schema.entryDepth)} ${prefix} <task name>"`,
    )
  },
})

function checkLevel(entry: Entry, report: Report, schema: Schema): void {
  const {heading} = entry
  if (heading.depth === schema.entryDepth) return
  const want = '#'.repeat(schema.entryDepth)
  const marker = headingMarker(entry)
  if (marker) {
    report(
      marker,
      `Entry heading is level ${heading.depth} (${quote(marker.text)}); write "${want}"`,
      {
        expected: [want],
        edits: [replaceSpan(marker, want)],
      },
    )
    return
  }
  // An underlined heading: one line of text becomes an ATX heading of the right level.
  const oneLine = heading.content.end.line === heading.content.start.line
  const line = `${want} ${heading.content.text}`
  report(
    heading,
    `Entry heading is an underlined level ${heading.depth} heading; write "${line}"`,
    oneLine ? {expected: [line], edits: [replaceSpan(heading, line)]} : {},
  )
}

function trimmed(text: Text): Text {
  const end = text.text.trimEnd().length
  return sliceText(text, text.start.offset, text.start.offset + end)
}

/**
 * A prefix that is nearly the template's: a typo (`Sesion:`), or a dash for the colon
 * (`Session - Fix login`). Returns the written prefix, to be replaced.
 */
function findNearMiss(content: Text, prefix: string): Text | undefined {
  const words = prefix.replace(/:$/, '').trim()
  const count = words.split(/\s+/).length
  const pattern = new RegExp(`^([^\\s:]+(?:[ \\t]+[^\\s:]+){${count - 1}})[ \\t]*(?::|[-–—]+)`, 'u')
  const match = pattern.exec(content.text)
  if (!match?.[1]) return undefined
  if (!nearName(words, match[1])) return undefined
  return sliceText(content, content.start.offset, content.start.offset + match[0].length)
}
