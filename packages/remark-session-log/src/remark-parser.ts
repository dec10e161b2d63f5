import type {Root, RootContent} from 'mdast'
import {fromMarkdown, type Options as ParseOptions} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'
import type {Node, Point} from 'unist'
import type {VFile} from 'vfile'
import {splitChunks} from './model/split.js'
import {templateFor} from './template/load.js'

// remark parses a file as one document, and micromark's cost grows faster than the
// document: a 1,000-entry log took twice as long whole as entry by entry. A log
// is cut where Markdown reads the parts as it reads the whole (`split.ts`: only before an
// entry heading at column 1, outside code, HTML and front matter), so the plugin gives
// remark a parser that parses each part with the same extensions and joins the trees,
// their positions moved to where each part starts: the tree of the whole document, node
// for node (tests compare them on every fixture; a fuzz property on mutated logs, the
// CommonMark examples pasted into logs and Markdown-shaped noise). Options given to
// remark-parse itself, rather than through the processor's data, are not seen here.
//
// Definitions are the exception: a link reference or footnote definition in one part
// gives meaning to references in another. A document with anything that may be one
// (`]:` anywhere) is parsed whole, as it is without the plugin.

/** What remark-parse reads of the processor's data (its types declare it there). */
interface ParseData {
  settings?: ParseOptions
  micromarkExtensions?: ParseOptions['extensions']
  fromMarkdownExtensions?: ParseOptions['mdastExtensions']
}

/** Where a definition could be: `[label]:` or `[^note]:`, in any container. */
const mayDefine = /\]:/

/**
 * The parser the plugin gives remark: the one remark-parse set (`wholeDocument`) for a
 * document it cannot cut, the same parse part by part for one it can.
 */
export function entryWiseParser(
  processor: Processor,
  template: string | undefined,
  wholeDocument: NonNullable<Processor['parser']>,
) {
  return function parser(document: string, file: VFile) {
    // A BOM, which micromark passes over, is left to the whole-document parse too.
    if (mayDefine.test(document) || document.startsWith('\uFEFF')) {
      return wholeDocument(document, file)
    }
    // remark-parse's own options: the processor's settings and the extensions plugins add.
    const data = processor.data() as ParseData
    const options: ParseOptions = {
      ...data.settings,
      extensions: data.micromarkExtensions ?? [],
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    }
    const chunks = splitChunks(document, templateFor(document, template))
    if (chunks.length < 2) return wholeDocument(document, file)
    const children: RootContent[] = []
    let end: Point = {line: 1, column: 1, offset: 0}
    for (const chunk of chunks) {
      // The part's root moves with its children; the last one ends where the document does.
      const part = moved(
        fromMarkdown(document.slice(chunk.start, chunk.end), options),
        chunk.start,
        chunk.line - 1,
      )
      children.push(...part.children)
      end = part.position?.end ?? end
    }
    const root: Root = {
      type: 'root',
      children,
      position: {start: {line: 1, column: 1, offset: 0}, end},
    }
    return root
  }
}

/** Moves every position in a part's node by the part's start, in place. */
function moved<T extends Node>(node: T, offset: number, lines: number): T {
  const position = node.position
  if (position) {
    for (const point of [position.start, position.end]) {
      point.line += lines
      if (point.offset !== undefined) point.offset += offset
    }
  }
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) moved(child, offset, lines)
  }
  return node
}
