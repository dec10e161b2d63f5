import type {
  CheckboxSpec,
  FieldSpec,
  QuestionSpec,
  Schema,
  SectionSpec,
  TableSpec,
} from '../template/schema.js'
import type {MetricProblem, Reading} from './values.js'

/** A place in the text: 1-based line and column, 0-based offset (after any BOM). */
export interface Point {
  line: number
  column: number
  offset: number
}

/** Everything in the model has an exact range in the source. */
export interface Span {
  start: Point
  end: Point
}

/** A piece of source text; `text` is exactly the source between `start` and `end`. */
export interface Text extends Span {
  text: string
}

export interface Heading extends Span {
  depth: number
  /** The heading's content, after the `#` markers, as written. */
  content: Text
}

export interface EntryHeading extends Heading {
  /** The task name after the entry prefix; undefined when the prefix is missing. */
  name: Text | undefined
  /** Whether the heading starts with the template's prefix (case-insensitive). */
  hasPrefix: boolean
}

export interface Field extends Span {
  /** The name as written, without asterisks or colon. */
  name: Text
  /** The value after the label, without the hard-break marker; empty when missing. */
  value: Text
  spec: FieldSpec | undefined
}

export interface Checkbox extends Span {
  checked: boolean
  /**
   * The box as written: `[ ]`, `[x]`, or for a malformed one the whole prefix up to
   * the label (`-[ ]`, `- []`, `* [ x]`).
   */
  box: Text
  /** A box GFM does not read as a task item. */
  malformed: boolean
  /** The bullet character (`-`, `*`, `+`) or undefined when there is none. */
  bullet: string | undefined
  /**
   * Where a malformed box's line starts: blanks before the box make it a nested item or
   * code, not one of the section's tasks, so the fix takes them away with the box.
   */
  lineStart?: Point
  /** The item's text after the box. */
  label: Text
  spec: CheckboxSpec | undefined
}

export interface Question extends Span {
  /** The bold label without its markers, e.g. `Was the kill switch triggered?`. */
  label: Text
  /** The answer written on the label's line or item; undefined when there is none. */
  inline: Text | undefined
  /** Paragraphs and list items below the label, before the next label. */
  answers: Text[]
  table: Table | undefined
  /**
   * The bold bullets its answer is written in, where the template asks for them (the
   * 0.3 pattern's `- **Name:** …` and `- **Rule:** …`), each with its spec.
   */
  parts: Question[]
  spec: QuestionSpec | undefined
}

export interface TableRow extends Span {
  cells: Text[]
  /**
   * The template's fixed row this row stands for (one of `TableSpec.fixedRows`), found
   * by its first cell's name; undefined for a header row, a row the template does not
   * have, or a table without fixed rows.
   */
  spec: string | undefined
  /**
   * The value cell (the second) read as the row's kind, a duration or a count, where the
   * row has a `spec`: what rules and stats take the number from.
   */
  reading: Reading | MetricProblem | undefined
}

export interface Table extends Span {
  header: TableRow
  rows: TableRow[]
  spec: TableSpec | undefined
}

export interface Section extends Span {
  heading: Heading
  spec: SectionSpec | undefined
  checkboxes: Checkbox[]
  questions: Question[]
  /** Tables that stand directly in the section, not under a question. */
  tables: Table[]
}

export interface Entry extends Span {
  index: number
  heading: EntryHeading
  /** Lines of the field paragraph(s) between the heading and the first section. */
  fields: Field[]
  sections: Section[]
  /**
   * Its section headings as written, for the rules that span entries: they read these
   * instead of `sections`, which a re-lint builds only for the entries that changed.
   */
  sectionNames: string[]
  /** The `---` that closes the entry; undefined when it is missing. */
  separator: Span | undefined
  /** The entry's own text, `start` to `end`, for fixes that carry its bytes along. */
  source: string
}

/** The log's header: from the start of the file, or after its front matter, to the `---`. */
export interface Header extends Span {
  title: Heading | undefined
  /** The version number, e.g. `0.2`, where the header states one. */
  version: Text | undefined
  /** The `---` after the header. */
  separator: Span | undefined
}

/** Any parsed session log; built for every input, however broken. */
export interface SessionLog extends Span {
  /** The source the offsets point into (without a leading BOM). */
  text: string
  schema: Schema
  header: Header
  entries: Entry[]
  footer: Text | undefined
  /** Nodes between the header and the first entry, or after the footer, that belong nowhere. */
  stray: Span[]
}
