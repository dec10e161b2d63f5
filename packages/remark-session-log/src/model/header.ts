import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Schema} from '../template/schema.js'
import {normalizeName} from '../text/names.js'
import {escapeRegExp} from '../text/patterns.js'
import {readHeading} from './headings.js'
import {rendersNothing} from './parse.js'
import {offsetOf, type Source} from './source.js'
import type {Header, Text} from './types.js'

// The footer is the template's closing line, or any emphasised last paragraph.
export function findFooter(nodes: RootContent[], schema: Schema): RootContent | undefined {
  const last = nodes.findLast((node) => !rendersNothing(node))
  if (last?.type !== 'paragraph') return undefined
  const squash = (value: string) => normalizeName(value.replace(/[()*_]/g, ''))
  const matches = squash(toString(last)) === squash(schema.footer)
  const emphasised = last.children.length === 1 && last.children[0]?.type === 'emphasis'
  const before = nodes.slice(0, nodes.indexOf(last)).findLast((node) => !rendersNothing(node))
  const afterBreak = before?.type === 'thematicBreak'
  return matches || (emphasised && afterBreak) ? last : undefined
}

/** The header: the nodes before the first entry, which start at `start`. */
export function readHeader(
  source: Source,
  schema: Schema,
  nodes: RootContent[],
  start: number,
): Header {
  const title = nodes.find((node) => node.type === 'heading' && node.depth === 1)
  const separator = nodes.findLast((node) => node.type === 'thematicBreak')
  let version: Text | undefined
  const label = escapeRegExp(schema.versionLabel)
  const pattern = new RegExp(`${label}\\**(?::\\**)?:?[ \\t]*(\\d+(?:\\.\\d+)*)`, 'i')
  for (const node of nodes) {
    if (node.type !== 'blockquote' && node.type !== 'paragraph') continue
    const start = offsetOf(node, 'start')
    const match = pattern.exec(source.text.slice(start, offsetOf(node, 'end')))
    if (!match?.[1]) continue
    const at = start + match.index + match[0].length - match[1].length
    version = source.textAt(at, at + match[1].length)
    break
  }
  const end = nodes.at(-1) ? offsetOf(nodes.at(-1)!, 'end') : start
  return {
    start: source.point(start),
    end: source.point(end),
    title: title?.type === 'heading' ? readHeading(source, title) : undefined,
    version,
    separator: separator ? source.nodeSpan(separator) : undefined,
  }
}
