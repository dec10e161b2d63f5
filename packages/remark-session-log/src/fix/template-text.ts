import type {ListItem, Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseMarkdown} from '../model/parse.js'
import type {Context} from '../rule.js'
import {detectEol} from '../text/lines.js'
import type {Schema, SectionSpec} from '../template/schema.js'

export type Bullet = '-' | '*' | '+'

/** How a file writes what an inserted fragment must match. */
export interface TextStyle {
  eol: Context['eol']
  bullet: Bullet
}

const listMarker = /^[ \t]*([-*+])(?:[ \t]|$)/
const thematicBreak = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/

/** The text's first line ending and the bullet most of its list items use (`-` by default). */
export function detectStyle(text: string): TextStyle {
  const eol = detectEol(text)
  const counts: Record<Bullet, number> = {'-': 0, '*': 0, '+': 0}
  for (const line of text.split(/\r\n|\n|\r/)) {
    const marker = listMarker.exec(line)?.[1] as Bullet | undefined
    if (marker && !thematicBreak.test(line)) counts[marker]++
  }
  // Ties keep `-`, the template's own bullet.
  const bullet = (['*', '+'] as const).reduce<Bullet>(
    (best, option) => (counts[option] > counts[best] ? option : best),
    '-',
  )
  return {eol, bullet}
}

interface TemplateSection {
  heading: string
  /** The section's source, heading through its last line, without the line ending. */
  text: string
  /** Offsets of the list markers inside `text`. */
  bullets: number[]
}

const parsed = new WeakMap<Schema, TemplateSection[]>()

// The template entry's sections as written, each with the places of its bullets.
function templateSections(schema: Schema): TemplateSection[] {
  const cached = parsed.get(schema)
  if (cached) return cached
  const source = schema.source.entry
  const nodes = parseMarkdown(source).children
  const offset = (node: RootContent, side: 'start' | 'end') => node.position?.[side].offset ?? 0
  const headings = nodes.slice(1).filter((node) => node.type === 'heading')
  const closing = nodes.findLast((node) => node.type === 'thematicBreak')
  const sections = headings.map((heading, index) => {
    const start = offset(heading, 'start')
    const next = headings[index + 1] ?? closing
    const end = next ? offset(next, 'start') : source.length
    const bullets: number[] = []
    const collect = (node: Nodes) => {
      if (node.type === 'listItem') bullets.push(offset(node as ListItem, 'start') - start)
      if ('children' in node) for (const child of node.children) collect(child)
    }
    for (const node of nodes) {
      if (offset(node, 'start') >= start && offset(node, 'end') <= end) collect(node)
    }
    return {heading: toString(heading), text: source.slice(start, end).trimEnd(), bullets}
  })
  parsed.set(schema, sections)
  return sections
}

/**
 * The template's text of one section, heading and body, as an author starts it: with the
 * file's line ending and bullet, and no line ending after its last line.
 */
export function sectionText(schema: Schema, spec: SectionSpec, style: TextStyle): string {
  const section = templateSections(schema).find((found) => found.heading === spec.heading)
  if (!section) return `${'#'.repeat(spec.depth)} ${spec.heading}`
  let text = section.text
  for (const at of section.bullets) {
    if (/[-*+]/.test(text[at] ?? '')) text = text.slice(0, at) + style.bullet + text.slice(at + 1)
  }
  return text.replace(/\r\n|\n|\r/g, style.eol)
}
