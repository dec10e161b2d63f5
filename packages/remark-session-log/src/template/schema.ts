/** What a field's placeholder says its value must be. */
export type FieldKind = 'date' | 'mode' | 'yes-no' | 'text'

export interface FieldSpec {
  name: string
  kind: FieldKind
  placeholder: string
  /** Marked `<!-- optional -->` in the template: an entry may leave it out. */
  optional: boolean
}

export interface CheckboxSpec {
  /** The item as the template writes it, without the box. */
  label: string
  /** The part that identifies the item: the label up to its placeholder. */
  key: string
  /** Text the author replaces when the box is checked, e.g. `[list which files]`. */
  placeholder: string | undefined
  /** Marked `<!-- optional -->` in the template: an entry may leave it out. */
  optional: boolean
}

export interface TableSpec {
  columns: string[]
  /** First-column values of rows that every entry must keep (the Output metrics). */
  fixedRows: string[]
}

export interface QuestionSpec {
  /** The bold label without its asterisks, e.g. `Was the kill switch triggered?`. */
  label: string
  /** `inline`: answered on the label's line; `block`: answered in the blocks below it. */
  answer: 'inline' | 'block'
  /** Written as a list item (`- **Label:** …`) rather than a paragraph. */
  listItem: boolean
  placeholder: string | undefined
  table: TableSpec | undefined
  /**
   * Bold bullets the answer is written in, as the 0.3 layout's pattern question has
   * (`- **Name:** …`, `- **Rule:** …`); empty for most questions.
   */
  items: QuestionSpec[]
}

export interface SectionSpec {
  heading: string
  depth: number
  checkboxes: CheckboxSpec[]
  questions: QuestionSpec[]
  /** A table that stands directly in the section (timeline, metrics). */
  table: TableSpec | undefined
  /** Marked `<!-- optional -->` in the template: an entry may leave it out. */
  optional: boolean
}

/**
 * Names of the parts that semantic rules need, for the layouts that have them.
 * A rule whose part is missing from the template stays silent.
 */
export interface Roles {
  dateField?: string
  modeField?: string
  featureField?: string
  engineerField?: string
  toolField?: string
  timelineSection?: string
  outputSection?: string
  killSwitchSection?: string
  killSwitchQuestion?: string
  killSwitchWhy?: string
  killSwitchInstead?: string
  contextRotSection?: string
  actionTaken?: string
  learningsSection?: string
  takeaway?: string
  inputsSection?: string
  taskField?: string
  reviewSection?: string
  aiReviewQuestion?: string
  humanReviewQuestion?: string
  workedQuestion?: string
  notWorkedQuestion?: string
  contextUpdateQuestion?: string
  useAgainQuestion?: string
  patternQuestion?: string
  patternName?: string
  patternRule?: string
  hallucinationsQuestion?: string
  linesGenerated?: string
  linesKept?: string
  linesManual?: string
  staticAnalysisIssues?: string
  hallucinationsMetric?: string
  totalTime?: string
  estimatedTime?: string
}

export interface Schema {
  /** `session-log.v0.2` for a built-in template, the file path otherwise. */
  id: string
  version: string
  title: string
  /** The label in front of the version in the header, e.g. `Version`. */
  versionLabel: string
  entryDepth: number
  /** Text in front of the task name in an entry heading, e.g. `Session:`. */
  entryPrefix: string
  entryPlaceholder: string
  fields: FieldSpec[]
  sections: SectionSpec[]
  footer: string
  /**
   * Where a team's own sections may stand, from the template's `<!-- extra sections -->`
   * line: after the section named (`null`: before the first). Undefined without the
   * line, when sections of one's own may stand anywhere.
   */
  extraSectionsAfter?: string | null
  /** Every placeholder string the template contains. */
  placeholders: string[]
  roles: Roles
  /** Template source, for inserting parts of it. */
  source: {header: string; entry: string; footer: string}
}
