import type {Root, RootContent} from 'mdast'
import type {Schema} from '../template/schema.js'
import {readEntry} from './entry.js'
import {findFooter, readHeader} from './header.js'
import {HeadingReader} from './headings.js'
import {parseByLines} from './line-parse.js'
import {frontMatterKinds, parseMarkdown, rendersNothing} from './parse.js'
import {offsetOf, Source} from './source.js'
import type {Entry, SessionLog, Span} from './types.js'

/**
 * Builds the model of one chunk of a log on its own (see `split.ts`); only the last
 * chunk can hold the footer. Positions are relative to the chunk. Most chunks are read
 * line by line (`line-parse.ts`); the last, whose footer is read from its inline nodes,
 * and any the line reader cannot answer for, are parsed by micromark.
 */
export function buildChunkModel(text: string, schema: Schema, last: boolean): SessionLog {
  const tree = (!last && parseByLines(text)) || parseMarkdown(text)
  return readLog(text, schema, tree, last)
}

const frontMatterTypes = new Set<string>(frontMatterKinds)

/** The model of `text` from the tree parsed from it: header, entries, footer, stray nodes. */
export function readLog(
  text: string,
  schema: Schema,
  tree: Root,
  mayHaveFooter: boolean,
): SessionLog {
  const source = new Source(text)
  const headings = new HeadingReader(source, schema)
  const all = tree.children.filter((node) => node.position)
  // Front matter is the file's metadata for other tools, not part of the log.
  const frontMatter = all[0] && frontMatterTypes.has(all[0].type) ? all[0] : undefined
  const nodes = frontMatter ? all.slice(1) : all
  const footerNode = mayHaveFooter ? findFooter(nodes, schema) : undefined
  const body = footerNode ? nodes.slice(0, nodes.indexOf(footerNode)) : nodes
  const firstEntry = body.findIndex((node) => headings.isEntryHeading(node))
  const headerNodes = firstEntry === -1 ? body : body.slice(0, firstEntry)
  const entries: Entry[] = []
  const stray: Span[] = []
  if (firstEntry !== -1) {
    let group: RootContent[] = []
    for (const node of body.slice(firstEntry)) {
      if (headings.isEntryHeading(node) && group.length > 0) {
        entries.push(readEntry(source, schema, headings, group, entries.length, stray))
        group = []
      }
      group.push(node)
    }
    entries.push(readEntry(source, schema, headings, group, entries.length, stray))
  }
  for (const node of nodes.slice(footerNode ? nodes.indexOf(footerNode) + 1 : nodes.length)) {
    if (!rendersNothing(node)) stray.push(source.nodeSpan(node))
  }
  return {
    text,
    schema,
    start: source.point(0),
    end: source.point(text.length),
    // After front matter the header starts where the log's own text does.
    header: readHeader(
      source,
      schema,
      headerNodes,
      !frontMatter ? 0 : nodes[0] ? offsetOf(nodes[0], 'start') : text.length,
    ),
    entries,
    footer: footerNode ? source.nodeText(footerNode) : undefined,
    stray,
  }
}
