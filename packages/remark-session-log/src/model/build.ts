import type {ListItem, Root, RootContent, Table as MdastTable} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {location} from 'vfile-location'
import type {QuestionSpec, Schema, SectionSpec} from '../template/schema.js'
import {trimLineEnd} from '../text/lines.js'
import {isNearMiss, normalizeName, readBoldLabel, type BoldLabel} from '../text/names.js'
import {entryPrefixSource, escapeRegExp} from '../text/patterns.js'
import {buildModelByChunks} from './chunks.js'
import {frontMatterKinds, parseMarkdown} from './parse.js'
import type {
  Checkbox,
  Entry,
  EntryHeading,
  Field,
  Header,
  Heading,
  Point,
  Question,
  Section,
  SessionLog,
  Span,
  Table,
  TableRow,
  Text,
} from './types.js'

/** A box GFM would not read as a task: `[]`, `[ x]`, `-[ ]`, a box without a bullet. */
const looseBox = /^([ \t]*)(?:([-*+])[ \t]*)?(\[[ \t]*(?:[xX][ \t]*)?\])(?![(:[])[ \t]*/

/**
 * Builds the model of a session log. `text` must not start with a BOM. Never throws.
 * Given the tree remark parsed (the plugin), it reads that; without one it parses the log
 * entry by entry, which gives the same model in less time.
 */
export function buildModel(text: string, schema: Schema, tree?: Root): SessionLog {
  if (!tree) return buildModelByChunks(text, schema)
  return new ModelBuilder(text, schema).build(tree, true)
}

/**
 * Builds the model of one chunk of a log on its own (see `split.ts`); only the last
 * chunk can hold the footer. Positions are relative to the chunk.
 */
export function buildChunkModel(text: string, schema: Schema, last: boolean): SessionLog {
  return new ModelBuilder(text, schema).build(parseMarkdown(text), last)
}

const frontMatterTypes = new Set<string>(frontMatterKinds)

/**
 * Nodes the model passes over wherever they stand: HTML (comments, mostly) and link
 * reference definitions, which render as nothing and which many authors keep at the end
 * of an entry or of the file, after the footer.
 */
function passedOver(node: RootContent): boolean {
  return node.type === 'html' || node.type === 'definition'
}

class ModelBuilder {
  private readonly place: ReturnType<typeof location>
  private readonly sectionDepth: number
  /** The entry prefix, any case, spaces allowed before its colon: `session :`. */
  private readonly entryPrefix: RegExp

  constructor(
    private readonly text: string,
    private readonly schema: Schema,
  ) {
    this.place = location(text)
    this.sectionDepth = schema.sections[0]?.depth ?? schema.entryDepth + 1
    this.entryPrefix = new RegExp(`^\\s*${entryPrefixSource(schema.entryPrefix)}`, 'i')
  }

  build(tree: Root, mayHaveFooter: boolean): SessionLog {
    const all = tree.children.filter((node) => node.position)
    // Front matter is the file's metadata for other tools, not part of the log.
    const frontMatter = all[0] && frontMatterTypes.has(all[0].type) ? all[0] : undefined
    const nodes = frontMatter ? all.slice(1) : all
    const footerNode = mayHaveFooter ? this.findFooter(nodes) : undefined
    const body = footerNode ? nodes.slice(0, nodes.indexOf(footerNode)) : nodes
    const firstEntry = body.findIndex((node) => this.isEntryHeading(node))
    const headerNodes = firstEntry === -1 ? body : body.slice(0, firstEntry)
    const entries: Entry[] = []
    const stray: Span[] = []
    if (firstEntry !== -1) {
      let group: RootContent[] = []
      for (const node of body.slice(firstEntry)) {
        if (this.isEntryHeading(node) && group.length > 0) {
          entries.push(this.buildEntry(group, entries.length, stray))
          group = []
        }
        group.push(node)
      }
      entries.push(this.buildEntry(group, entries.length, stray))
    }
    for (const node of nodes.slice(footerNode ? nodes.indexOf(footerNode) + 1 : nodes.length)) {
      if (!passedOver(node)) stray.push(this.nodeSpan(node))
    }
    return {
      text: this.text,
      schema: this.schema,
      start: this.point(0),
      end: this.point(this.text.length),
      // After front matter the header starts where the log's own text does.
      header: this.buildHeader(
        headerNodes,
        !frontMatter ? 0 : nodes[0] ? this.offset(nodes[0], 'start') : this.text.length,
      ),
      entries,
      footer: footerNode ? this.nodeText(footerNode) : undefined,
      stray,
    }
  }

  // The footer is the template's closing line, or any emphasised last paragraph.
  private findFooter(nodes: RootContent[]): RootContent | undefined {
    const last = nodes.findLast((node) => !passedOver(node))
    if (last?.type !== 'paragraph') return undefined
    const squash = (value: string) => normalizeName(value.replace(/[()*_]/g, ''))
    const matches = squash(toString(last)) === squash(this.schema.footer)
    const emphasised = last.children.length === 1 && last.children[0]?.type === 'emphasis'
    const before = nodes.slice(0, nodes.indexOf(last)).findLast((node) => !passedOver(node))
    const afterBreak = before?.type === 'thematicBreak'
    return matches || (emphasised && afterBreak) ? last : undefined
  }

  private buildHeader(nodes: RootContent[], start: number): Header {
    const title = nodes.find((node) => node.type === 'heading' && node.depth === 1)
    const separator = nodes.findLast((node) => node.type === 'thematicBreak')
    let version: Text | undefined
    const label = escapeRegExp(this.schema.versionLabel)
    const pattern = new RegExp(`${label}\\**(?::\\**)?:?[ \\t]*(\\d+(?:\\.\\d+)*)`, 'i')
    for (const node of nodes) {
      if (node.type !== 'blockquote' && node.type !== 'paragraph') continue
      const start = this.offset(node, 'start')
      const match = pattern.exec(this.text.slice(start, this.offset(node, 'end')))
      if (!match?.[1]) continue
      const at = start + match.index + match[0].length - match[1].length
      version = this.textAt(at, at + match[1].length)
      break
    }
    const end = nodes.at(-1) ? this.offset(nodes.at(-1)!, 'end') : start
    return {
      start: this.point(start),
      end: this.point(end),
      title: title?.type === 'heading' ? this.heading(title) : undefined,
      version,
      separator: separator ? this.nodeSpan(separator) : undefined,
    }
  }

  private isEntryHeading(node: RootContent): boolean {
    if (node.type !== 'heading') return false
    if (this.hasEntryPrefix(toString(node))) return true
    return node.depth === this.schema.entryDepth && !this.matchSection(toString(node))
  }

  private hasEntryPrefix(content: string): boolean {
    return this.entryPrefix.test(content)
  }

  private matchSection(content: string): SectionSpec | undefined {
    const name = normalizeName(content)
    const specs = this.schema.sections
    return (
      specs.find((spec) => normalizeName(spec.heading) === name) ??
      specs.find((spec) => isNearMiss(normalizeName(spec.heading), name))
    )
  }

  private buildEntry(nodes: RootContent[], index: number, stray: Span[]): Entry {
    const [headingNode, ...rest] = nodes as [RootContent, ...RootContent[]]
    // The separator is the last `---` of the entry, with nothing but comments and link
    // definitions after it.
    let contentEnd = rest.length
    while (contentEnd > 0 && passedOver(rest[contentEnd - 1]!)) contentEnd--
    const last = rest[contentEnd - 1]
    const separatorNode = last?.type === 'thematicBreak' ? last : undefined
    const content = separatorNode ? rest.slice(0, contentEnd - 1) : rest

    const firstSection = content.findIndex((node) => this.isSectionHeading(node))
    const preamble = firstSection === -1 ? content : content.slice(0, firstSection)
    const fields: Field[] = []
    for (const node of preamble) {
      const found = this.readFields(node)
      if (found.length === 0 && !passedOver(node)) stray.push(this.nodeSpan(node))
      fields.push(...found)
    }

    const sections: Section[] = []
    if (firstSection !== -1) {
      let group: RootContent[] = []
      for (const node of content.slice(firstSection)) {
        if (this.isSectionHeading(node) && group.length > 0) {
          sections.push(this.buildSection(group))
          group = []
        }
        group.push(node)
      }
      sections.push(this.buildSection(group))
    }

    const lastNode = separatorNode ?? content.at(-1) ?? headingNode
    const entryStart = this.offset(headingNode, 'start')
    const entryEnd = this.offset(lastNode, 'end')
    return {
      start: this.point(entryStart),
      end: this.point(entryEnd),
      source: this.text.slice(entryStart, entryEnd),
      index,
      heading: this.entryHeading(headingNode),
      fields,
      sections,
      sectionNames: sections.map((section) => section.heading.content.text),
      separator: separatorNode ? this.nodeSpan(separatorNode) : undefined,
    }
  }

  private isSectionHeading(node: RootContent): boolean {
    if (node.type !== 'heading') return false
    return node.depth <= this.sectionDepth || this.matchSection(toString(node)) !== undefined
  }

  private entryHeading(node: RootContent): EntryHeading {
    const heading = this.heading(node)
    const content = heading.content
    const hasPrefix = this.hasEntryPrefix(content.text)
    let name: Text | undefined
    if (hasPrefix) {
      const prefix = this.entryPrefix.exec(content.text)?.[0] ?? ''
      name = this.textAt(content.start.offset + prefix.length, content.end.offset)
    }
    const {start, end, depth} = heading
    return {start, end, depth, content: heading.content, name, hasPrefix}
  }

  private readFields(node: RootContent): Field[] {
    const starts: Array<[number, number]> = []
    if (node.type === 'paragraph') {
      for (const line of this.lines(this.offset(node, 'start'), this.offset(node, 'end'))) {
        starts.push(line)
      }
    } else if (node.type === 'list') {
      // Some teams write the fields as a bullet list.
      for (const item of node.children) {
        const first = item.children[0]
        if (first?.type === 'paragraph')
          starts.push([this.offset(first, 'start'), this.offset(first, 'end')])
      }
    }
    const fields: Field[] = []
    for (const [start, end] of starts) {
      const raw = this.text.slice(start, end)
      const bold = readBoldLabel(raw)
      if (!bold) continue
      const valueRaw = trimLineEnd(raw.slice(bold.end))
      const lead = valueRaw.length - valueRaw.trimStart().length
      const valueStart = start + bold.end + lead
      // The name's range stops before a colon written inside the bold (`**Date:**`).
      const written = this.textAt(start + bold.labelStart, start + bold.labelEnd)
      const name = written.text.endsWith(':')
        ? this.textAt(written.start.offset, written.end.offset - 1)
        : written
      fields.push({
        start: this.point(start),
        end: this.point(start + bold.end + valueRaw.length),
        name,
        value: this.textAt(valueStart, start + bold.end + valueRaw.length),
        spec: this.schema.fields.find(
          (spec) => normalizeName(spec.name) === normalizeName(name.text),
        ),
      })
    }
    return fields
  }

  private buildSection(nodes: RootContent[]): Section {
    const [headingNode, ...content] = nodes as [RootContent, ...RootContent[]]
    const heading = this.heading(headingNode)
    const spec = this.matchSection(heading.content.text)
    const section: Section = {
      start: this.point(this.offset(headingNode, 'start')),
      end: this.point(this.offset(nodes.at(-1)!, 'end')),
      heading,
      spec,
      checkboxes: [],
      questions: [],
      tables: [],
    }
    let question: Question | undefined
    const taskLines = new Set<number>()
    const codeRanges: Array<[number, number]> = []
    for (const node of content) {
      if (node.type === 'list') {
        for (const item of node.children) {
          const result = this.readItem(item, section, question)
          if (result === 'task') taskLines.add(this.point(this.offset(item, 'start')).line)
          if (result instanceof Object) question = result
        }
      } else if (node.type === 'paragraph') {
        const raw = this.text.slice(this.offset(node, 'start'), this.offset(node, 'end'))
        const bold = readBoldLabel(raw)
        if (bold) {
          for (const part of this.labelledParts(node, bold, section)) {
            question = this.question(part.start, part.end, part.bold, section)
            section.questions.push(question)
          }
        } else if (question && !looseBox.test(raw)) {
          question.answers.push(this.nodeText(node))
        }
      } else if (node.type === 'table') {
        if (question && !question.inline && !question.table) {
          question.table = this.table(node, question.spec?.table)
        } else {
          section.tables.push(this.table(node, section.spec?.table))
        }
      } else if (node.type === 'code') {
        codeRanges.push([this.offset(node, 'start'), this.offset(node, 'end')])
        if (question) question.answers.push(this.nodeText(node))
      } else if (!passedOver(node) && node.type !== 'heading' && question) {
        question.answers.push(this.nodeText(node))
      }
    }
    this.findMalformedBoxes(section, taskLines, codeRanges)
    for (const found of section.questions) this.readParts(found)
    return section
  }

  /**
   * A paragraph that starts with a bold label, cut before every further line whose bold
   * label is one of the section's questions: the 0.3 layout writes its kill switch as
   * three such lines in one paragraph. Other lines stay with the part above them.
   */
  private labelledParts(
    node: RootContent,
    first: BoldLabel,
    section: Section,
  ): Array<{start: number; end: number; bold: BoldLabel}> {
    const end = this.offset(node, 'end')
    let part = {start: this.offset(node, 'start'), end, bold: first}
    const parts = [part]
    let previous: [number, number] | undefined
    for (const [lineStart, lineEnd] of this.lines(part.start, end)) {
      const bold = readBoldLabel(this.text.slice(lineStart, lineEnd))
      if (previous && bold && this.questionSpec(section, bold.label)) {
        part.end = previous[0] + trimLineEnd(this.text.slice(...previous)).length
        part = {start: lineStart, end, bold}
        parts.push(part)
      }
      previous = [lineStart, lineEnd]
    }
    return parts
  }

  /** Reads a list item into the section; returns 'task', a new question, or nothing. */
  private readItem(
    item: ListItem,
    section: Section,
    open: Question | undefined,
  ): 'task' | Question | undefined {
    const start = this.offset(item, 'start')
    const first = item.children[0]
    const firstEnd = first ? this.offset(first, 'end') : this.offset(item, 'end')
    const raw = this.text.slice(start, firstEnd)
    const marker = /^([-*+]|\d+[.)])([ \t]*)/.exec(raw)
    const afterBullet = start + (marker?.[0].length ?? 0)
    if (typeof item.checked === 'boolean') {
      const box = /^\[[ xX]\]/.exec(this.text.slice(afterBullet))
      const boxEnd = afterBullet + (box?.[0].length ?? 0)
      const checkbox: Checkbox = {
        start: this.point(start),
        end: this.point(firstEnd),
        checked: item.checked,
        box: this.textAt(afterBullet, boxEnd, false),
        malformed: false,
        bullet: /^[-*+]$/.test(marker?.[1] ?? '') ? marker?.[1] : undefined,
        label: this.textAt(boxEnd, firstEnd),
        spec: undefined,
      }
      checkbox.spec = this.checkboxSpec(section, checkbox.label.text)
      section.checkboxes.push(checkbox)
      return 'task'
    }
    const itemRaw = this.text.slice(afterBullet, firstEnd)
    if (looseBox.test(itemRaw)) return undefined
    const bold = readBoldLabel(itemRaw)
    if (bold) {
      const question = this.question(afterBullet, firstEnd, bold, section)
      // A bold lead-in inside the answer to an open question ("- **Caching:** …") is
      // part of that answer, not a question of its own.
      if (open && !open.inline && !question.spec) {
        open.answers.push(this.textAt(afterBullet, this.offset(item, 'end')))
        return undefined
      }
      // What is nested under the item answers it: `- **Pattern:**` over `  - **Name:** …`.
      for (const child of item.children.slice(1)) {
        if (child.type === 'list') {
          for (const nested of child.children) question.answers.push(this.itemContent(nested))
        } else {
          question.answers.push(this.nodeText(child))
        }
      }
      section.questions.push(question)
      return question
    }
    if (open) open.answers.push(this.textAt(afterBullet, this.offset(item, 'end')))
    return undefined
  }

  /** A list item's text after its bullet. */
  private itemContent(item: ListItem): Text {
    const start = this.offset(item, 'start')
    const marker = /^([-*+]|\d+[.)])/.exec(this.text.slice(start, start + 12))
    return this.textAt(start + (marker?.[0].length ?? 0), this.offset(item, 'end'))
  }

  private question(
    start: number,
    end: number,
    bold: NonNullable<ReturnType<typeof readBoldLabel>>,
    section: Section,
  ): Question {
    const labelText = this.textAt(start + bold.labelStart, start + bold.labelEnd, false)
    const label = {start: labelText.start, end: labelText.end, text: bold.label}
    const answer = this.textAt(start + bold.end, end)
    return {
      start: this.point(start),
      end: this.point(end),
      label,
      inline: answer.text ? answer : undefined,
      answers: [],
      table: undefined,
      parts: [],
      spec: this.questionSpec(section, bold.label),
    }
  }

  /** The answers written as the bold bullets the question's spec names, as questions. */
  private readParts(question: Question): void {
    const specs = question.spec?.items ?? []
    if (specs.length === 0) return
    for (const answer of question.answers) {
      const bold = readBoldLabel(answer.text)
      const name = bold && normalizeName(bold.label)
      const spec = name && specs.find((item) => normalizeName(item.label) === name)
      if (!bold || !spec) continue
      const start = answer.start.offset
      const labelText = this.textAt(start + bold.labelStart, start + bold.labelEnd, false)
      const inline = this.textAt(start + bold.end, answer.end.offset)
      question.parts.push({
        start: answer.start,
        end: answer.end,
        label: {start: labelText.start, end: labelText.end, text: bold.label},
        inline: inline.text ? inline : undefined,
        answers: [],
        table: undefined,
        parts: [],
        spec,
      })
    }
  }

  private questionSpec(section: Section, label: string): QuestionSpec | undefined {
    const name = normalizeName(label)
    const specs = section.spec?.questions ?? []
    return (
      specs.find((spec) => normalizeName(spec.label) === name) ??
      specs.find((spec) => isNearMiss(normalizeName(spec.label), name))
    )
  }

  private checkboxSpec(section: Section, label: string) {
    const name = normalizeName(label)
    let best: SectionSpec['checkboxes'][number] | undefined
    for (const spec of section.spec?.checkboxes ?? []) {
      if (name.startsWith(spec.key) && spec.key.length > (best?.key.length ?? -1)) best = spec
    }
    return best
  }

  private findMalformedBoxes(
    section: Section,
    taskLines: Set<number>,
    code: Array<[number, number]>,
  ) {
    const start = section.heading.end.offset
    for (const [lineStart, lineEnd] of this.lines(start, section.end.offset)) {
      if (code.some(([from, to]) => lineStart >= from && lineStart < to)) continue
      const raw = this.text.slice(lineStart, lineEnd)
      const match = looseBox.exec(raw)
      if (!match || taskLines.has(this.point(lineStart).line)) continue
      const indent = match[1]?.length ?? 0
      const boxStart = lineStart + indent
      const labelStart = lineStart + match[0].length
      const checkbox: Checkbox = {
        start: this.point(boxStart),
        end: this.point(lineEnd),
        checked: /[xX]/.test(match[3] ?? ''),
        box: this.textAt(boxStart, lineStart + match[0].trimEnd().length, false),
        malformed: true,
        bullet: match[2],
        label: this.textAt(labelStart, lineEnd),
        spec: undefined,
      }
      checkbox.spec = this.checkboxSpec(section, checkbox.label.text)
      this.endLabelBefore(section, lineStart)
      section.checkboxes.push(checkbox)
    }
    section.checkboxes.sort((a, b) => a.start.offset - b.start.offset)
  }

  // A malformed box right under a task is a lazy continuation of that task's paragraph;
  // it is an item of its own, so the task's label stops before it.
  private endLabelBefore(section: Section, lineStart: number) {
    const index = section.checkboxes.findIndex(
      (box) => box.label.start.offset < lineStart && lineStart < box.label.end.offset,
    )
    const task = section.checkboxes[index]
    if (!task) return
    const label = this.textAt(task.label.start.offset, lineStart)
    task.end = this.point(label.end.offset)
    task.label = label
  }

  private table(node: MdastTable, spec: Table['spec']): Table {
    const rows: TableRow[] = node.children.map((row) => ({
      start: this.point(this.offset(row, 'start')),
      end: this.point(this.offset(row, 'end')),
      cells: row.children.map((cell) =>
        this.cellText(this.offset(cell, 'start'), this.offset(cell, 'end')),
      ),
    }))
    const [header, ...body] = rows
    const {start, end} = this.nodeSpan(node)
    return {start, end, header: header ?? {start, end, cells: []}, rows: body, spec}
  }

  // A cell's position includes its pipes and padding; the text is what lies between.
  private cellText(start: number, end: number): Text {
    let from = start
    let to = end
    // A row's last cell also spans the spaces after its closing pipe.
    while (to > from && (this.text[to - 1] === ' ' || this.text[to - 1] === '\t')) to--
    if (this.text[from] === '|') from++
    if (to > from && this.text[to - 1] === '|' && this.text[to - 2] !== '\\') to--
    return this.textAt(from, to)
  }

  private heading(node: RootContent): Heading {
    const start = this.offset(node, 'start')
    const end = this.offset(node, 'end')
    const raw = this.text.slice(start, end)
    const atx = /^ {0,3}(#{1,6})[ \t]*/.exec(raw)
    const closing = /(?<![ \t])[ \t]+#+[ \t]*$|(?<![ \t])[ \t]*$/.exec(raw)
    const contentStart = start + (atx?.[0].length ?? 0)
    // A setext heading's content is its first line.
    const contentEnd = atx
      ? Math.max(contentStart, end - (closing?.[0].length ?? 0))
      : start + raw.split(/\r?\n|\r/)[0]!.length
    return {
      start: this.point(start),
      end: this.point(end),
      depth: node.type === 'heading' ? node.depth : 0,
      content: this.textAt(contentStart, contentEnd),
    }
  }

  /** [start, end) of each line in the range, without the line ending. */
  private lines(start: number, end: number): Array<[number, number]> {
    const result: Array<[number, number]> = []
    let at = start
    while (at < end) {
      let lineEnd = at
      while (lineEnd < end && this.text[lineEnd] !== '\n' && this.text[lineEnd] !== '\r') lineEnd++
      let lineStart = at
      while (lineStart < lineEnd && (this.text[lineStart] === ' ' || this.text[lineStart] === '\t'))
        lineStart++
      result.push([lineStart, lineEnd])
      at = lineEnd + (this.text[lineEnd] === '\r' && this.text[lineEnd + 1] === '\n' ? 2 : 1)
    }
    return result
  }

  private offset(
    node: {position?: {start: {offset?: number}; end: {offset?: number}}},
    side: 'start' | 'end',
  ) {
    return node.position?.[side].offset ?? 0
  }

  private nodeSpan(node: RootContent | {position?: RootContent['position']}): Span {
    return this.span(this.offset(node, 'start'), this.offset(node, 'end'))
  }

  private nodeText(node: RootContent): Text {
    return this.textAt(this.offset(node, 'start'), this.offset(node, 'end'))
  }

  /** The text between two offsets; trimmed of surrounding white space unless told not to. */
  private textAt(start: number, end: number, trim = true): Text {
    let from = start
    let to = Math.max(start, end)
    if (trim) {
      while (from < to && /\s/.test(this.text[from]!)) from++
      while (to > from && /\s/.test(this.text[to - 1]!)) to--
    }
    return {start: this.point(from), end: this.point(to), text: this.text.slice(from, to)}
  }

  private span(start: number, end: number): Span {
    return {start: this.point(start), end: this.point(end)}
  }

  private point(offset: number): Point {
    const found = this.place.toPoint(offset)
    if (found) return {line: found.line, column: found.column, offset}
    // vfile-location knows no point past the last character: the end of the text.
    const last = this.place.toPoint(Math.max(0, offset - 1))
    return last ? {line: last.line, column: last.column + 1, offset} : {line: 1, column: 1, offset}
  }
}
