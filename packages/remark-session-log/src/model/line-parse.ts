// A chunk's block structure read line by line, for the Markdown a log's entries are
// almost always written in: ATX headings, paragraphs, `---`, one-line bullet items and
// task items, and pipe tables. micromark turns a chunk into events character by
// character, which was three quarters of a lint; these lines need no more than a look
// at each line's first characters. Anything else (an indented line, a tab, a quote, a
// fence, HTML, an ordered list, a setext underline, a continuation of a list item, a
// link reference definition, a pipe outside a table…) makes the reader give up, and the
// chunk is parsed by micromark as before: it answers only where the tree is certain to
// be micromark's. A test holds every tree it builds to micromark's on every fixture, the
// CommonMark examples and the fuzz inputs.
import type {
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast'
import type {Position} from 'unist'
import {movedBy, parseMarkdown} from './parse.js'
import {frontMatterOpen} from './split.js'

/** A line: `start` to `end` (before its line ending), 1-based `number`. */
interface Line {
  start: number
  end: number
  number: number
}

// Characters after which micromark's reading of a line differs from this file's: tabs
// (columns), NUL and BOM (replaced), a lone CR (a line ending of its own).
const unsupported = /[\t\0\uFEFF]|\r(?!\n)/
// A line micromark reads as an ATX heading (empty or not), which ends a paragraph.
const headingStart = /^#{1,6}(?: |$)/
const atxHeading = /^(#{1,6})( +)(?=[^ ])/
const thematicBreak = /^-{3,} *$/
// Lines micromark may read as a setext underline, a break or an empty item.
const dashesOrEquals = /^[-=]+ *$/
const anyThematicBreak = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/
const bulletItem = /^[-*+] (?=[^ ])/
const orderedItem = /^\d{1,9}[.)](?: |$)/
const taskBox = /^\[([ xX])\] +(?=[^ ])/
const delimiterRow = /^\|(?: *:?-+:? *\|)+ *$/
// A bold lead after a task box (`- [ ] **Action taken:** …`): with no other inline
// syntax inside, and a blank or the line's end after it, its `**` can only open and
// close each other, so the item's first inline node is bold.
const boldLead = /^ \*\*(?!\s)[^*_`[<\\]+(?<!\s)\*\*(?: |$)/
// Inline syntax that can make a heading's text differ from what is written.
const inlineSyntax = /[\\`*_[<&]/

/**
 * The tree of `text` with micromark's block nodes and positions, or undefined where the
 * text holds anything but the lines described above. Only headings carry their inline
 * content: the model reads every other text from the source, and the footer (the one
 * paragraph whose inline nodes it looks at) is in the last chunk, which is not read here.
 */
export function parseByLines(text: string): Root | undefined {
  if (unsupported.test(text) || frontMatterOpen.test(text)) return undefined
  return new LineReader(text).read()
}

class LineReader {
  private readonly lines: Line[] = []
  /** Where the text ends: after a final line ending, on the line that follows it. */
  private readonly end: {line: number; column: number; offset: number}
  private at = 0

  constructor(private readonly text: string) {
    let start = 0
    let number = 1
    while (start <= text.length) {
      const next = text.indexOf('\n', start)
      const stop = next === -1 ? text.length : next
      const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop
      if (next !== -1 || start < text.length) this.lines.push({start, end, number})
      if (next === -1) break
      start = next + 1
      number++
    }
    const lastStart = Math.max(text.lastIndexOf('\n') + 1, 0)
    this.end = {line: number, column: text.length - lastStart + 1, offset: text.length}
  }

  read(): Root | undefined {
    const children: RootContent[] = []
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!
      const raw = this.raw(line)
      let node: RootContent | undefined
      if (isBlankLine(raw)) {
        this.at++
        continue
      } else if (headingStart.test(raw)) {
        node = this.heading(line, raw)
      } else if (thematicBreak.test(raw)) {
        node = {type: 'thematicBreak', position: this.position(line.start, line, line.end, line)}
        this.at++
      } else if (bulletItem.test(raw)) {
        node = this.list(raw[0]!)
      } else if (raw.startsWith('|')) {
        node = this.table()
      } else {
        node = this.paragraph()
      }
      if (!node) return undefined
      children.push(node)
    }
    const start = {line: 1, column: 1, offset: 0}
    return {type: 'root', children, position: {start, end: this.end}}
  }

  private heading(line: Line, raw: string): Heading | undefined {
    const marker = atxHeading.exec(raw)
    const content = marker ? withoutTrailingSpaces(raw.slice(marker[0].length)) : ''
    // An empty heading and a closing sequence of `#` are left to micromark.
    if (!marker || content.endsWith('#')) return undefined
    this.at++
    const contentStart = line.start + marker[0].length
    const position = this.position(line.start, line, line.end, line)
    if (inlineSyntax.test(content)) {
      // Inline syntax is read by micromark, from the heading's line alone: an ATX
      // heading is one line, and a definition it could refer to makes this reader give up.
      const parsed = parseMarkdown(raw).children[0]
      if (parsed?.type !== 'heading') return undefined
      for (const child of parsed.children) movedBy(child, line.start, line.number - 1)
      return {type: 'heading', depth: parsed.depth, children: parsed.children, position}
    }
    const textEnd = contentStart + content.length
    const text: PhrasingContent = {
      type: 'text',
      value: content,
      position: this.position(contentStart, line, textEnd, line),
    }
    return {
      type: 'heading',
      depth: marker[1]!.length as Heading['depth'],
      children: [text],
      position,
    }
  }

  /** A paragraph of lines that can neither start nor interrupt anything else. */
  private paragraph(): Paragraph | undefined {
    const first = this.lines[this.at]!
    const firstRaw = this.raw(first)
    // A paragraph that starts with `[` may be a link reference definition.
    if (!isPlainText(firstRaw) || firstRaw.startsWith('[')) return undefined
    let last = first
    this.at++
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!
      const raw = this.raw(line)
      // A heading or a bullet item ends a paragraph; a blank line does.
      if (isBlankLine(raw) || headingStart.test(raw) || bulletItem.test(raw)) break
      if (!isPlainText(raw)) return undefined
      last = line
      this.at++
    }
    return {
      type: 'paragraph',
      children: [],
      position: this.position(first.start, first, last.end, last),
    }
  }

  /** Items of one bullet, each one line, with or without blank lines between them. */
  private list(bullet: string): List | undefined {
    const items: ListItem[] = []
    let spread = false
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!
      const raw = this.raw(line)
      if (!raw.startsWith(`${bullet} `) || !bulletItem.test(raw)) break
      const item = this.item(line, raw.slice(2))
      if (!item) return undefined
      items.push(item)
      this.at++
      let next = this.at
      while (next < this.lines.length && isBlankLine(this.raw(this.lines[next]!))) next++
      const after = next < this.lines.length ? this.raw(this.lines[next]!) : ''
      if (next === this.at && after !== '' && !bulletItem.test(after) && !headingStart.test(after))
        return undefined // a lazy continuation line, or a block micromark may read otherwise
      if (!after.startsWith(`${bullet} `)) break
      spread ||= next > this.at
      this.at = next
    }
    const first = items[0]!.position!
    const last = items.at(-1)!.position!
    return {
      type: 'list',
      ordered: false,
      start: null,
      spread,
      children: items,
      // Points of their own: moving a tree's positions in place moves each point once.
      position: {start: {...first.start}, end: {...last.end}},
    }
  }

  private item(line: Line, content: string): ListItem | undefined {
    const box = taskBox.exec(content)
    if (!box && (content.startsWith('[') || !isPlainText(content))) return undefined
    const paragraphStart = box ? this.taskParagraphStart(line) : line.start + 2
    if (paragraphStart === undefined) return undefined
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [],
      position: this.position(paragraphStart, line, line.end, line),
    }
    return {
      type: 'listItem',
      spread: false,
      checked: box ? box[1] !== ' ' : null,
      children: [paragraph],
      position: this.position(line.start, line, line.end, line),
    }
  }

  /**
   * Where a task item's paragraph starts, as mdast-util-gfm-task-list-item moves it: one
   * character past the box when the box's line goes on with plain text, and at the box
   * when it goes on with an inline node (`**Action taken:**`), which micromark reads
   * from the item's line alone.
   */
  private taskParagraphStart(line: Line): number | undefined {
    const raw = this.raw(line)
    const afterBox = raw.slice(5)
    if (/^ [^ *_`[<!]/.test(afterBox)) return line.start + 6
    if (boldLead.test(afterBox)) return line.start + 2
    const item = parseMarkdown(raw).children[0]
    const paragraph = item?.type === 'list' ? item.children[0]?.children[0] : undefined
    const start = paragraph?.type === 'paragraph' ? paragraph.position?.start.offset : undefined
    return start === undefined ? undefined : line.start + start
  }

  /** A table whose every row opens and closes with a pipe, ended by a blank line. */
  private table(): Table | undefined {
    const header = this.lines[this.at]!
    const delimiter = this.lines[this.at + 1]
    const delimiterRaw = delimiter ? this.raw(delimiter) : ''
    if (!delimiterRow.test(delimiterRaw)) return undefined
    const rows = [this.row(header)]
    const align = delimiterRaw
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => {
        const spec = cell.trim()
        const left = spec.startsWith(':')
        const right = spec.endsWith(':')
        return left && right ? 'center' : left ? 'left' : right ? 'right' : null
      })
    if (rows[0]?.children.length !== align.length) return undefined
    this.at += 2
    while (this.at < this.lines.length && !isBlankLine(this.raw(this.lines[this.at]!))) {
      const row = this.row(this.lines[this.at]!)
      if (!row) return undefined
      rows.push(row)
      this.at++
    }
    // A table of its header alone ends after its delimiter row.
    const end =
      rows.length > 1 ? rows.at(-1)!.position!.end : this.point(delimiter!.end, delimiter!)
    return {
      type: 'table',
      align,
      children: rows as TableRow[],
      position: {start: {...rows[0]!.position!.start}, end: {...end}},
    }
  }

  /** A row's cells: each from its opening pipe to the next, the last to the line's end. */
  private row(line: Line): TableRow | undefined {
    const raw = this.raw(line)
    const closed = withoutTrailingSpaces(raw)
    // Escaped pipes, and rows without an opening or closing pipe, are left to micromark.
    if (!closed.startsWith('|') || !closed.endsWith('|') || closed.length < 2 || raw.includes('\\'))
      return undefined
    const pipes: number[] = []
    for (let index = 0; index < closed.length - 1; index++)
      if (closed[index] === '|') pipes.push(index)
    const cells: TableCell[] = pipes.map((pipe, index) => {
      const start = line.start + pipe
      const end = index + 1 < pipes.length ? line.start + pipes[index + 1]! : line.end
      return {type: 'tableCell', children: [], position: this.position(start, line, end, line)}
    })
    return {
      type: 'tableRow',
      children: cells,
      position: this.position(line.start, line, line.end, line),
    }
  }

  private raw(line: Line): string {
    return this.text.slice(line.start, line.end)
  }

  private point(offset: number, line: Line) {
    return {line: line.number, column: offset - line.start + 1, offset}
  }

  private position(start: number, startLine: Line, end: number, endLine: Line): Position {
    return {start: this.point(start, startLine), end: this.point(end, endLine)}
  }
}

// A loop, not `/ +$/`, which tries every run of spaces to the line's end: quadratic.
function withoutTrailingSpaces(raw: string): string {
  let end = raw.length
  while (end > 0 && raw.charCodeAt(end - 1) === 32) end--
  return raw.slice(0, end)
}

function isBlankLine(raw: string): boolean {
  return /^ *$/.test(raw)
}

/**
 * Whether a line is text in a paragraph and nothing else: it cannot open a block, end a
 * paragraph, underline one, or be a table's row (a pipe, and a `:` or `-` delimiter).
 */
function isPlainText(raw: string): boolean {
  const first = raw[0]
  if (first === undefined || (' >#<=|:~'.includes(first) && !/^#[^ #]/.test(raw))) return false
  if (raw.includes('|') || raw.startsWith('```') || orderedItem.test(raw)) return false
  if ('-*+_'.includes(first)) {
    if (anyThematicBreak.test(raw) || dashesOrEquals.test(raw)) return false
    if (raw.length === 1 || raw[1] === ' ') return false
  }
  return true
}
