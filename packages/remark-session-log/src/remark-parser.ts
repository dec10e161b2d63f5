import type {Root, RootContent} from 'mdast'
import {fromMarkdown, type Options as ParseOptions} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'
import type {Node, Point} from 'unist'
import type {VFile} from 'vfile'
import {blockGfm} from './model/parse.js'
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
//
// GFM's inline parts cost: autolink literals are tried at every letter and digit, and
// their tree transform searches every text node. A part cannot make anything out of an
// entry without its marks (`inlineGfmMarks`), so such an entry, most of a log, is parsed
// with the GFM that the plugin added cut down to its tables and task lists: a 1,000-entry
// log in 2.0 s against 3.1 s. Where the user's own plugins add GFM again, theirs stays.

/** What remark-parse reads of the processor's data (its types declare it there). */
interface ParseData {
  settings?: ParseOptions
  micromarkExtensions?: ParseOptions['extensions']
  fromMarkdownExtensions?: ParseOptions['mdastExtensions']
}

/** Where a definition could be: `[label]:` or `[^note]:`, in any container. */
const mayDefine = /\]:/

/**
 * What GFM's autolink literals, strikethrough and footnotes need in the source: `@`, `www`
 * or `http` for a link (`&` because a character reference in a text node becomes `@` or
 * `.` before the transform reads it), `~` for strikethrough, `[^` for a footnote call.
 */
const inlineGfmMarks = /[@&~]|www|http|\[\^/i

/** The extensions `remarkGfm` added to the processor, as found in its data. */
export interface AddedGfm {
  micromark: NonNullable<ParseOptions['extensions']>[number]
  mdast: NonNullable<ParseOptions['mdastExtensions']>[number]
}

/** The extensions `remarkGfm` has just added: one of each kind, last in the lists. */
export function gfmJustAdded(processor: Processor): AddedGfm {
  const data = processor.data() as ParseData
  const micromark = data.micromarkExtensions?.at(-1)
  const mdast = data.fromMarkdownExtensions?.at(-1)
  if (!micromark || !mdast) throw new Error('remark-gfm added no extensions')
  return {micromark, mdast}
}

/**
 * The parser the plugin gives remark: the one remark-parse set (`wholeDocument`) for a
 * document it cannot cut, the same parse part by part for one it can.
 */
export function entryWiseParser(
  processor: Processor,
  template: string | undefined,
  wholeDocument: NonNullable<Processor['parser']>,
  added: AddedGfm,
) {
  return function parser(document: string, file: VFile) {
    // A BOM, which micromark passes over, is left to the whole-document parse too.
    if (mayDefine.test(document) || document.startsWith('\uFEFF')) {
      return wholeDocument(document, file)
    }
    // remark-parse's own options: the processor's settings and the extensions plugins add.
    const data = processor.data() as ParseData
    const extensions = data.micromarkExtensions ?? []
    const mdastExtensions = data.fromMarkdownExtensions ?? []
    const options: ParseOptions = {...data.settings, extensions, mdastExtensions}
    const withBlockGfm: ParseOptions = {
      ...data.settings,
      extensions: extensions.flatMap((one) =>
        one === added.micromark ? blockGfm.micromark : [one],
      ),
      mdastExtensions: mdastExtensions.flatMap((one) =>
        one === added.mdast ? blockGfm.mdast : [one],
      ),
    }
    const chunks = splitChunks(document, templateFor(document, template))
    if (chunks.length < 2) return wholeDocument(document, file)
    const children: RootContent[] = []
    let end: Point = {line: 1, column: 1, offset: 0}
    for (const chunk of chunks) {
      const text = document.slice(chunk.start, chunk.end)
      // The part's root moves with its children; the last one ends where the document does.
      const part = moved(
        fromMarkdown(text, inlineGfmMarks.test(text) ? options : withBlockGfm),
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
