import type {List, ListItem, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseMarkdown} from '../model/parse.js'
import {trimLineEnd} from '../text/lines.js'
import {normalizeName, readBoldLabel, type BoldLabel} from '../text/names.js'
import {findBracketed} from '../text/patterns.js'
import {findRoles} from './roles.js'
import type {
  CheckboxSpec,
  FieldKind,
  FieldSpec,
  QuestionSpec,
  Schema,
  SectionSpec,
  TableSpec,
} from './schema.js'

/** Thrown when a template file lacks a part every session log needs. */
export class TemplateError extends Error {}

/**
 * Derives the schema from a template written as Markdown: the header up to the first
 * `---`, one entry block, and a footer after the last `---`.
 */
export function parseTemplate(markdown: string, id: string): Schema {
  const text = markdown.replace(/^\uFEFF/, '')
  const nodes = parseMarkdown(text).children
  const slice = (node: RootContent) => text.slice(offset(node, 'start'), offset(node, 'end'))

  const breaks = nodes.filter((node) => node.type === 'thematicBreak')
  const firstBreak = breaks[0]
  const lastBreak = breaks.at(-1)
  if (!firstBreak || !lastBreak || firstBreak === lastBreak) {
    throw new TemplateError(
      `${id}: a template needs a header, an entry and a footer separated by "---"`,
    )
  }
  const header = nodes.slice(0, nodes.indexOf(firstBreak))
  const entry = nodes.slice(nodes.indexOf(firstBreak) + 1, nodes.indexOf(lastBreak))
  const footerNodes = nodes.slice(nodes.indexOf(lastBreak) + 1)

  const titleNode = header.find((node) => node.type === 'heading')
  const versionMatch = /(?<!\w)(\w*[^\W\d])\**(?::\**)?:?\s*(\d+(?:\.\d+)+)/.exec(
    header.map(slice).join('\n'),
  )
  const entryHeading = entry[0]
  if (!titleNode || entryHeading?.type !== 'heading') {
    throw new TemplateError(`${id}: a template needs a title and an entry heading`)
  }
  const headingText = toString(entryHeading)
  const entryPlaceholder = findBracketed(headingText)[0]
  const entryPrefix = entryPlaceholder
    ? headingText.slice(0, entryPlaceholder.start).trim()
    : headingText.trim()

  const fields: FieldSpec[] = []
  const sections: SectionSpec[] = []
  let extraSectionsAfter: string | null | undefined
  let current: SectionSpec | undefined
  let question: QuestionSpec | undefined
  for (const node of entry.slice(1)) {
    if (node.type === 'heading') {
      current = {
        heading: withoutMarkers(toString(node)),
        depth: node.depth,
        checkboxes: [],
        questions: [],
        table: undefined,
        optional: optionalMarker.test(slice(node)),
      }
      question = undefined
      sections.push(current)
    } else if (node.type === 'html' && extraSectionsMarker.test(node.value)) {
      extraSectionsAfter = current ? current.heading : null
    } else if (!current) {
      if (node.type === 'paragraph') fields.push(...readFields(slice(node)))
    } else if (node.type === 'list') {
      const open = question?.answer === 'block' && !question.placeholder && !question.table
      readList(node, slice, current, open ? question : undefined)
    } else if (node.type === 'paragraph') {
      const parts = labelledParts(slice(node))
      for (const {bold, text: part} of parts) {
        const rest = part.slice(bold.end).trim()
        question = {
          label: bold.label,
          answer: rest ? 'inline' : 'block',
          listItem: false,
          placeholder: rest || undefined,
          table: undefined,
          items: [],
        }
        current.questions.push(question)
      }
      if (parts.length === 0 && question?.answer === 'block' && !question.placeholder) {
        question.placeholder = slice(node)
      }
    } else if (node.type === 'table') {
      const table = readTable(node)
      if (question && question.answer === 'block' && !question.table) question.table = table
      else current.table = table
    }
  }

  const footer = footerNodes.map(slice).join('\n').trim()
  const placeholders = new Set<string>()
  const entryText = entry.map(slice).join('\n')
  for (const {start, end} of findBracketed(entryText)) placeholders.add(entryText.slice(start, end))
  for (const field of fields) placeholders.add(field.placeholder)
  for (const section of sections) {
    for (const q of section.questions) {
      for (const part of [q, ...q.items]) if (part.placeholder) placeholders.add(part.placeholder)
    }
  }

  const schemaWithoutRoles = {
    id,
    version: versionMatch?.[2] ?? '',
    versionLabel: versionMatch?.[1] ?? 'Version',
    title: toString(titleNode),
    entryDepth: entryHeading.depth,
    entryPrefix,
    entryPlaceholder: entryPlaceholder ? headingText.slice(entryPlaceholder.start) : '',
    fields,
    sections,
    footer,
    ...(extraSectionsAfter !== undefined ? {extraSectionsAfter} : {}),
    placeholders: [...placeholders].filter((p) => p.length > 0),
    // What scaffolding copies: the markers are for this parser, not for the log.
    source: {
      header: withoutMarkers(text.slice(0, offset(firstBreak, 'end'))),
      entry: withoutMarkers(text.slice(offset(entryHeading, 'start'), offset(lastBreak, 'end'))),
      footer: withoutMarkers(text.slice(offset(lastBreak, 'end')).replace(/^\s+/, '')),
    },
  }
  return {...schemaWithoutRoles, roles: findRoles(schemaWithoutRoles)}
}

/** `<!-- optional -->` after a section heading, field line or checkbox item. */
const optionalMarker = /<!--[ \t]*optional[ \t]*-->/i
/** `<!-- extra sections -->` on a line of its own: a team's own sections may stand here. */
const extraSectionsMarker = /^<!--[ \t]*extra[ \t]+sections[ \t]*-->\s*$/i

/** The template's text without its markers, for what scaffolding copies. */
function withoutMarkers(text: string): string {
  const kept: string[] = []
  let dropBlank = false
  for (const line of text.split(/(?<=\n|\r(?!\n))/)) {
    const body = line.replace(/\r?\n$|\r$/, '')
    if (extraSectionsMarker.test(body.trim())) {
      dropBlank = true
      continue
    }
    if (dropBlank && body.trim() === '') {
      dropBlank = false
      continue
    }
    dropBlank = false
    if (!optionalMarker.test(body)) {
      kept.push(line)
      continue
    }
    // The marker and the spaces before it go; a line is never left ending in spaces.
    const rest = body.replace(new RegExp(optionalMarker.source, 'gi'), '').trimEnd()
    kept.push(rest + line.slice(body.length))
  }
  return kept.join('')
}

function offset(node: RootContent, side: 'start' | 'end'): number {
  return node.position?.[side].offset ?? 0
}

function readFields(raw: string): FieldSpec[] {
  const fields: FieldSpec[] = []
  for (const written of raw.split(/\r?\n/)) {
    const line = withoutMarkers(written)
    const bold = readBoldLabel(line)
    if (!bold) continue
    const placeholder = trimLineEnd(line.slice(bold.end)).trim()
    const name = bold.label.replace(/:$/, '')
    const optional = optionalMarker.test(written)
    fields.push({name, kind: fieldKind(placeholder), placeholder, optional})
  }
  return fields
}

function fieldKind(placeholder: string): FieldKind {
  if (/^YYYY-MM-DD$/.test(placeholder)) return 'date'
  if (/^A\s*\/\s*B\b/.test(placeholder)) return 'mode'
  if (/^Yes\s*\/\s*No$/i.test(placeholder)) return 'yes-no'
  return 'text'
}

/**
 * A paragraph that starts with a bold label, cut before every further line that starts
 * with one: the 0.3 layout writes its kill switch as three such lines in one paragraph.
 * Each part but the last loses its line ending and hard-break marker. Empty when the
 * paragraph does not start with a bold label.
 */
function labelledParts(raw: string): Array<{bold: BoldLabel; text: string}> {
  const parts: Array<{bold: BoldLabel; text: string}> = []
  for (const line of raw.split(/(?<=\n|\r(?!\n))/)) {
    const last = parts.at(-1)
    const bold = readBoldLabel(line.trimStart())
    if (!bold) {
      if (!last) return []
      last.text += line
      continue
    }
    if (last) last.text = trimLineEnd(last.text.replace(/\r?\n$|\r$/, ''))
    parts.push({bold, text: line.trimStart()})
  }
  return parts
}

/**
 * Reads a list into the section. Under `open`, a block question still waiting for its
 * answer, bold items are the parts that answer is written in rather than questions.
 */
function readList(
  list: List,
  slice: (node: RootContent) => string,
  section: SectionSpec,
  open: QuestionSpec | undefined,
): void {
  for (const item of list.children) {
    const raw = itemText(item, slice)
    if (typeof item.checked === 'boolean') {
      section.checkboxes.push(readCheckbox(raw))
      continue
    }
    const bold = readBoldLabel(raw)
    if (!bold) continue
    const rest = raw.slice(bold.end).trim()
    const question: QuestionSpec = {
      label: bold.label,
      answer: 'inline',
      listItem: true,
      placeholder: rest || undefined,
      table: undefined,
      items: [],
    }
    if (open) open.items.push(question)
    else section.questions.push(question)
  }
}

/** The raw text of a list item after its bullet and task box. */
function itemText(item: ListItem, slice: (node: RootContent) => string): string {
  const first = item.children[0]
  if (!first) return ''
  return slice(first).replace(/^\[[ xX]\]\s*/, '')
}

function readCheckbox(written: string): CheckboxSpec {
  const raw = withoutMarkers(written)
  const bold = readBoldLabel(raw)
  const bracket = findBracketed(raw)[0]
  const keyEnd = bold ? bold.end : (bracket?.start ?? raw.length)
  return {
    label: raw.trim(),
    key: normalizeName(raw.slice(0, keyEnd)),
    placeholder: bracket ? raw.slice(bracket.start, bracket.end) : undefined,
    optional: optionalMarker.test(written),
  }
}

function readTable(table: Table): TableSpec {
  const [head, ...rows] = table.children
  const columns = head ? head.children.map((cell) => toString(cell).trim()) : []
  // Rows whose value cells are all empty are fixed rows the author fills in; rows with
  // text are examples to replace.
  const fixed = rows.every((row) => row.children.slice(1).every((cell) => !toString(cell).trim()))
  // A row with no name (the 0.3 hallucinations table's `| | | |`) is room to write in.
  const names = fixed ? rows.map((row) => toString(row.children[0]).trim()) : []
  return {columns, fixedRows: names.filter((name) => name !== '')}
}
