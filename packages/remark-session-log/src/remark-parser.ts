import type {Root, RootContent} from 'mdast'
import {fromMarkdown, type Options as ParseOptions} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'
import type {Node, Point} from 'unist'
import type {VFile} from 'vfile'
import {parseByLines} from './model/line-parse.js'
import {blockGfm, movedBy} from './model/parse.js'
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
//
// Most of an entry's tree is inline content nothing in a lint reads: the model takes its
// text from the source. Where the processor parses with the plugin's extensions alone,
// an entry the line reader can read (`line-parse.ts`) gets its blocks from it, and its
// paragraphs' and cells' inline nodes from micromark the first time any of them is read
// (`inlineWhenRead`): `remark --use session-log` gives micromark only the entries whose
// inline content something reads (the footer's), while remark-stringify or another
// plugin, reading the tree, gets the whole-document tree as before.

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
    // GFM and front matter, which the plugin added; another extension may read lines
    // (math, directives) otherwise than the line reader does.
    const ownExtensionsOnly = extensions.length === 2 && mdastExtensions.length === 2
    const children: RootContent[] = []
    let end: Point = {line: 1, column: 1, offset: 0}
    for (const chunk of chunks) {
      const text = document.slice(chunk.start, chunk.end)
      // The part's root moves with its children; the last one ends where the document does.
      const parse = () =>
        movedBy(
          fromMarkdown(text, inlineGfmMarks.test(text) ? options : withBlockGfm),
          chunk.start,
          chunk.line - 1,
        )
      const blocks = ownExtensionsOnly ? parseByLines(text) : undefined
      const part = blocks
        ? inlineWhenRead(movedBy(blocks, chunk.start, chunk.line - 1), parse)
        : parse()
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

/** Nodes whose children are inline content; the line reader gives only headings theirs. */
const inlineParents = new Set(['paragraph', 'heading', 'tableCell'])

/**
 * The line reader's tree of a part, whose paragraphs and cells take micromark's tree of
 * the part the first time one of their `children` is read or set: every node then holds
 * exactly what micromark gives it (the line reader builds micromark's blocks, a test and
 * a fuzz property hold it to that), and the getters are gone.
 */
function inlineWhenRead(blocks: Root, parse: () => Root): Root {
  let parsed = false
  // Set only once every node holds micromark's children: set before, a failure halfway
  // would leave getters that call themselves.
  const complete = () => {
    if (parsed) return
    takeOver(blocks, parse())
    parsed = true
  }
  const pending: Node[] = []
  collectPending(blocks, pending)
  for (const node of pending) {
    Object.defineProperty(node, 'children', {
      configurable: true,
      enumerable: true,
      get(this: Node) {
        complete()
        return (this as Node & {children: unknown}).children
      },
      set(this: Node, value: unknown) {
        complete()
        setChildren(this, value)
      },
    })
  }
  return blocks
}

function collectPending(node: Node, pending: Node[]): void {
  if (node.type === 'paragraph' || node.type === 'tableCell') pending.push(node)
  else if ('children' in node && Array.isArray(node.children))
    for (const child of node.children as Node[]) collectPending(child, pending)
}

/** `target` made `source`, in place: its own fields, and its children's, recursively. */
function takeOver(target: Node, source: Node): void {
  const record = target as unknown as Record<string, unknown>
  const own = inlineParents.has(target.type) ? undefined : (record.children as Node[] | undefined)
  for (const key of Object.keys(record)) if (key !== 'children') delete record[key]
  const {children, ...fields} = source as Node & {children?: Node[]}
  Object.assign(record, fields)
  if (own && children) {
    // Cannot happen while the line reader builds micromark's blocks, which tests hold it to.
    if (own.length !== children.length)
      throw new Error(
        `remark-session-log: the line reader and micromark disagree on a ${target.type}`,
      )
    own.forEach((child, index) => takeOver(child, children[index]!))
  } else if (children) {
    setChildren(target, children)
  }
}

function setChildren(node: Node, children: unknown): void {
  Object.defineProperty(node, 'children', {
    value: children,
    writable: true,
    enumerable: true,
    configurable: true,
  })
}
