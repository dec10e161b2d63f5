import type {RootContent} from 'mdast'
import type {Schema} from '../template/schema.js'
import {trimLineEnd} from '../text/lines.js'
import {normalizeName, readBoldLabel} from '../text/names.js'
import type {HeadingReader} from './headings.js'
import {rendersNothing} from './parse.js'
import {readSection} from './sections.js'
import {offsetOf, type Source} from './source.js'
import type {Entry, Field, Section, Span} from './types.js'

/**
 * An entry from its heading node and the nodes up to the next entry. What stands before
 * the first section and holds no field goes to `stray`.
 */
export function readEntry(
  source: Source,
  schema: Schema,
  headings: HeadingReader,
  nodes: RootContent[],
  index: number,
  stray: Span[],
): Entry {
  const [headingNode, ...rest] = nodes as [RootContent, ...RootContent[]]
  // The separator is the last `---` of the entry, with nothing but comments and link
  // definitions after it.
  let contentEnd = rest.length
  while (contentEnd > 0 && rendersNothing(rest[contentEnd - 1]!)) contentEnd--
  const last = rest[contentEnd - 1]
  const separatorNode = last?.type === 'thematicBreak' ? last : undefined
  const content = separatorNode ? rest.slice(0, contentEnd - 1) : rest

  const firstSection = content.findIndex((node) => headings.isSectionHeading(node))
  const preamble = firstSection === -1 ? content : content.slice(0, firstSection)
  const fields: Field[] = []
  for (const node of preamble) {
    const found = readFields(source, schema, node)
    if (found.length === 0 && !rendersNothing(node)) stray.push(source.nodeSpan(node))
    fields.push(...found)
  }

  const sections: Section[] = []
  if (firstSection !== -1) {
    let group: RootContent[] = []
    for (const node of content.slice(firstSection)) {
      if (headings.isSectionHeading(node) && group.length > 0) {
        sections.push(readSection(source, headings, group))
        group = []
      }
      group.push(node)
    }
    sections.push(readSection(source, headings, group))
  }

  const lastNode = separatorNode ?? content.at(-1) ?? headingNode
  const entryStart = offsetOf(headingNode, 'start')
  const entryEnd = offsetOf(lastNode, 'end')
  return {
    start: source.point(entryStart),
    end: source.point(entryEnd),
    source: source.text.slice(entryStart, entryEnd),
    index,
    heading: headings.readEntryHeading(headingNode),
    fields,
    sections,
    sectionNames: sections.map((section) => section.heading.content.text),
    separator: separatorNode ? source.nodeSpan(separatorNode) : undefined,
  }
}

/** The `**Name:** value` lines of a paragraph, or of a bullet list's items. */
function readFields(source: Source, schema: Schema, node: RootContent): Field[] {
  const starts: Array<[number, number]> = []
  if (node.type === 'paragraph') {
    for (const line of source.lines(offsetOf(node, 'start'), offsetOf(node, 'end'))) {
      starts.push(line)
    }
  } else if (node.type === 'list') {
    // Some teams write the fields as a bullet list.
    for (const item of node.children) {
      const first = item.children[0]
      if (first?.type === 'paragraph')
        starts.push([offsetOf(first, 'start'), offsetOf(first, 'end')])
    }
  }
  const fields: Field[] = []
  for (const [start, end] of starts) {
    const raw = source.text.slice(start, end)
    const bold = readBoldLabel(raw)
    if (!bold) continue
    const valueRaw = trimLineEnd(raw.slice(bold.end))
    const lead = valueRaw.length - valueRaw.trimStart().length
    const valueStart = start + bold.end + lead
    // The name's range stops before a colon written inside the bold (`**Date:**`).
    const written = source.textAt(start + bold.labelStart, start + bold.labelEnd)
    const name = written.text.endsWith(':')
      ? source.textAt(written.start.offset, written.end.offset - 1)
      : written
    fields.push({
      start: source.point(start),
      end: source.point(start + bold.end + valueRaw.length),
      name,
      value: source.textAt(valueStart, start + bold.end + valueRaw.length),
      spec: schema.fields.find((spec) => normalizeName(spec.name) === normalizeName(name.text)),
    })
  }
  return fields
}
