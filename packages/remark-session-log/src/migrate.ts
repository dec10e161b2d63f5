// Rewrites a 0.2 session log into the 0.3 Heartbeat Log with edits on the original text:
// the names that the two templates' roles give differently, the parts 0.3 adds, and the
// context rot section moved to its 0.3 place by the section-order fix.

import {applyEdits} from './fix/apply.js'
import {insertAt, replaceSpan} from './fix/edits.js'
import {detectStyle, type TextStyle} from './fix/template-text.js'
import {lint} from './lint.js'
import {buildModel} from './model/model.js'
import {fitOf, followsAt} from './model/fit.js'
import {sliceText} from './model/query.js'
import type {Entry, Section, SessionLog, Text} from './model/types.js'
import type {Edit} from './rule.js'
import {rules} from './rules/index.js'
import {sectionOrder} from './rules/section-order.js'
import {notRecordedAnswer} from './rules/use-again-answer.js'
import {loadTemplate} from './template/load.js'
import type {QuestionSpec, Roles, Schema, SectionSpec} from './template/schema.js'
import {normalizeName} from './text/names.js'

/** The versions `migrate` writes, by the version a log states. */
export const migrationTargets = ['0.3'] as const

/** A log `migrate` cannot read as a 0.2 session log. */
export class MigrateError extends Error {
  override name = 'MigrateError'
}

export interface Migrated {
  /** The log in the new layout; byte-identical to the input outside the rewritten parts. */
  output: string
  /** False when the log already follows the new layout. */
  changed: boolean
}

const fromId = 'session-log.v0.2'
const toId = 'heartbeat-log.v0.3'

const sectionRoles: Array<keyof Roles> = [
  'inputsSection',
  'timelineSection',
  'killSwitchSection',
  'reviewSection',
  'outputSection',
  'contextRotSection',
  'learningsSection',
]
const questionRoles: Array<keyof Roles> = [
  'killSwitchQuestion',
  'killSwitchWhy',
  'killSwitchInstead',
  'aiReviewQuestion',
  'humanReviewQuestion',
  'hallucinationsQuestion',
  'workedQuestion',
  'notWorkedQuestion',
  'contextUpdateQuestion',
  'actionTaken',
]

/**
 * Migrates a 0.2 session log to the 0.3 Heartbeat Log. A log (or an entry) already in
 * 0.3 is left as it is, so migrating twice equals migrating once. Throws `MigrateError`
 * for text that reads as neither layout.
 */
export function migrate(text: string, to: string = migrationTargets[0]): Migrated {
  if (!(migrationTargets as readonly string[]).includes(to)) {
    throw new MigrateError(
      `cannot migrate to ${JSON.stringify(to)}; versions: ${migrationTargets.join(', ')}`,
    )
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const source = text.slice(bom.length)
  const from = loadTemplate(fromId)
  const target = loadTemplate(toId)
  const log = buildModel(source, from)
  refuseOtherLogs(log, from, target)

  const migration = new Migration(source, from, target, detectStyle(source))
  migration.header(log)
  for (const entry of log.entries) migration.entry(entry)
  migration.footer(log)
  const renamed = applyEdits(source, migration.edits)
  if (renamed.deferred.length > 0) throw new Error('migrate made overlapping edits')

  // The context rot section moves after Numbers: the section-order fix moves the fewest.
  // Its moves stay inside their entries, so one pass places every section.
  const onlyOrder = Object.fromEntries(
    rules.map((rule) => [rule.id, rule === sectionOrder ? 'error' : 'off'] as const),
  )
  const moves = lint(renamed.output, {template: toId, rules: onlyOrder}).flatMap((finding) =>
    finding.edits ? [finding.edits] : [],
  )
  const ordered = applyEdits(renamed.output, moves)
  if (ordered.deferred.length > 0) throw new Error('migrate moved sections that overlap')
  return {output: bom + ordered.output, changed: ordered.output !== source}
}

function refuseOtherLogs(log: SessionLog, from: Schema, target: Schema): void {
  if (log.entries.length > 0) {
    const fits = [fitOf(log, from), fitOf(log, target)]
    if (fits.some((fit) => fit.score >= followsAt)) return
    throw new MigrateError(
      `does not read as a ${from.title} ${from.version}: ${fits[0]!.prefixed} of ${fits[0]!.entries} entry headings start with "${from.entryPrefix}"`,
    )
  }
  const title = log.header.title && normalizeName(log.header.title.content.text)
  const known = [from.title, target.title].map(normalizeName)
  if ((title && known.includes(title)) || log.header.version) return
  throw new MigrateError(`is not a session log: it has no "# ${from.title}" title and no entry`)
}

/** The bold label lines of a header as `Key: value` pairs, from a template or a log. */
const labelLine = /^(?:\*\*|__)?([\p{L}][\p{L}\p{N} ]*?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]*(.*)$/u

class Migration {
  readonly edits: Edit[] = []
  private lines: Array<{start: number; end: number; text: string}> | undefined
  private readonly eol: string
  private readonly bullet: string

  constructor(
    private readonly source: string,
    private readonly from: Schema,
    private readonly target: Schema,
    style: TextStyle,
  ) {
    this.eol = style.eol
    this.bullet = style.bullet
  }

  header(log: SessionLog): void {
    const {title, version} = log.header
    if (title && this.same(title.content.text, this.from.title)) {
      this.edits.push(replaceSpan(title.content, this.target.title))
    }
    if (version?.text === this.target.version) return
    const stage = this.templateLine(this.target, this.target.versionLabel) ?? ''
    if (!version) {
      const at = title ? title.end.offset : log.header.start.offset
      this.edits.push(
        insertAt(at, title ? `${this.eol}${this.eol}${stage}` : `${stage}${this.eol}${this.eol}`),
      )
      return
    }
    const quote = this.quoteAround(version.start.offset)
    if (!quote) {
      // A version stated outside a blockquote keeps its line; only the number changes.
      this.edits.push(replaceSpan(version, this.target.version))
      return
    }
    this.edits.push({start: quote.start, end: quote.end, text: this.headerLines(quote.lines)})
    // The guidance quote below becomes the 0.3 header's principle, with the author's words.
    const headerEnd = log.header.separator?.start.offset ?? log.header.end.offset
    const guidance = this.nextQuote(quote.end, headerEnd)
    const principle = this.templateQuoteLead()
    if (
      guidance &&
      principle &&
      !this.source.slice(guidance).startsWith(principle.split(/\r?\n/)[0]!)
    ) {
      this.edits.push(insertAt(guidance, principle))
    }
  }

  entry(entry: Entry): void {
    const {heading} = entry
    if (heading.hasPrefix && heading.name) {
      const token = trimmedText(
        sliceText(heading.content, heading.content.start.offset, heading.name.start.offset),
      )
      if (this.same(token.text, this.from.entryPrefix)) {
        this.edits.push(replaceSpan(token, this.target.entryPrefix))
      }
    }
    const task = this.renamed('taskField')
    for (const field of entry.fields) {
      if (task && this.same(field.name.text, task[0]))
        this.edits.push(replaceSpan(field.name, task[1]))
    }
    for (const section of entry.sections) this.section(section)
  }

  footer(log: SessionLog): void {
    const footer = log.footer
    const squash = (value: string) => normalizeName(value.replace(/[()*_]/g, ''))
    if (footer && squash(footer.text) === squash(this.from.footer)) {
      this.edits.push(replaceSpan(footer, this.target.footer))
    }
  }

  private section(section: Section): void {
    const role = sectionRoles.find((name) =>
      this.is(section.heading.content.text, this.from.roles[name]),
    )
    const fromSpec = section.spec
    const toName = role && this.target.roles[role]
    const toSpec = toName ? this.target.sections.find((spec) => spec.heading === toName) : undefined
    if (!role || !fromSpec || !toSpec) return
    if (toSpec.heading !== fromSpec.heading) {
      this.edits.push(replaceSpan(section.heading.content, toSpec.heading))
    }
    this.dropLeadIn(section, fromSpec, toSpec)
    this.checkboxes(section, fromSpec, toSpec)
    this.questions(section, toSpec)
  }

  // 0.3 dropped the sentences 0.2 put above its checkbox lists; the template's own words
  // go, a sentence of the author's stays.
  private dropLeadIn(section: Section, fromSpec: SectionSpec, toSpec: SectionSpec): void {
    const first = section.checkboxes[0]
    const wording = leadIn(this.from, fromSpec)
    if (!first || !wording || leadIn(this.target, toSpec) !== undefined) return
    const start = section.heading.end.offset
    const gap = this.source.slice(start, first.start.offset)
    if (normalizeName(gap) !== normalizeName(wording)) return
    const lineStart = this.source.lastIndexOf('\n', first.start.offset - 1) + 1
    this.edits.push({start, end: Math.max(start, lineStart), text: `${this.eol}${this.eol}`})
  }

  private checkboxes(section: Section, fromSpec: SectionSpec, toSpec: SectionSpec): void {
    const action = this.from.roles.actionTaken
    const items = fromSpec.checkboxes.filter((spec) => !this.is(spec.key, action))
    for (const checkbox of section.checkboxes) {
      const spec = checkbox.spec
      if (!spec || checkbox.malformed) continue
      if (this.is(spec.key, action)) {
        // 0.3 writes the action taken as a plain bullet: the box goes, the answer stays.
        if (toSpec.checkboxes.some((box) => this.is(box.key, action))) continue
        this.edits.push({
          start: checkbox.box.start.offset,
          end: checkbox.label.start.offset,
          text: '',
        })
        continue
      }
      const same = toSpec.checkboxes.find((box) => box.key === spec.key)
      const index = items.indexOf(spec)
      const want =
        same ?? (items.length === toSpec.checkboxes.length ? toSpec.checkboxes[index] : undefined)
      if (!want || want.label === spec.label) continue
      const label = checkbox.label
      if (same) {
        // Same item, another placeholder: only an unfilled placeholder changes.
        const at = spec.placeholder && want.placeholder ? label.text.indexOf(spec.placeholder) : -1
        if (at === -1) continue
        const start = label.start.offset + at
        this.edits.push({start, end: start + spec.placeholder!.length, text: want.placeholder!})
        continue
      }
      // A reworded item: its template words change, what the author added after them stays.
      const end = prefixEnd(label.text, spec.key)
      if (end > 0)
        this.edits.push({
          start: label.start.offset,
          end: label.start.offset + end,
          text: want.label,
        })
    }
  }

  private questions(section: Section, toSpec: SectionSpec): void {
    for (const question of section.questions) {
      const role = questionRoles.find((name) => this.is(question.label.text, this.from.roles[name]))
      const names = role && this.renamed(role)
      const fromSpec = question.spec
      if (!role || !fromSpec) continue
      if (names) this.relabel(question.label, names[1])
      const toSpecOf = toSpec.questions.find((spec) => spec.label === this.target.roles[role])
      if (fromSpec.listItem && toSpecOf && !toSpecOf.listItem)
        this.dropBullet(question.start.offset)
    }
    this.addQuestions(section, toSpec)
  }

  /** Replaces a bold label's words, keeping a colon written outside the bold. */
  private relabel(label: Text, name: string): void {
    const after = this.source.slice(label.end.offset, label.end.offset + 3)
    const text = /^(?:\*\*|__):/.test(after) ? name.replace(/:$/, '') : name
    this.edits.push({start: label.start.offset, end: label.end.offset, text})
  }

  // `- **Was the kill switch triggered?** No` becomes the line `**Triggered?** No`.
  private dropBullet(at: number): void {
    const lineStart =
      Math.max(this.source.lastIndexOf('\n', at - 1), this.source.lastIndexOf('\r', at - 1)) + 1
    if (/^[ \t]*[-*+][ \t]+$/.test(this.source.slice(lineStart, at))) {
      this.edits.push({start: lineStart, end: at, text: ''})
    }
  }

  // Questions 0.3 asks that 0.2 did not: each goes before the next question it follows
  // in the template, or else before 0.2's takeaway, or at the end of the section.
  private addQuestions(section: Section, toSpec: SectionSpec): void {
    // A question counts as written under its 0.2 name too: the renames are not applied yet.
    const names = (label: string) => {
      const role = questionRoles.find((name) => this.target.roles[name] === label)
      return [label, ...(role && this.from.roles[role] ? [this.from.roles[role]] : [])]
    }
    const asked = (question: Section['questions'][number], label: string) =>
      names(label).some((name) => this.is(question.label.text, name))
    const written = (spec: QuestionSpec) =>
      section.questions.some((question) => asked(question, spec.label))
    const known = new Set(questionRoles.map((role) => this.target.roles[role]))
    const takeaway = section.questions.find((question) =>
      this.is(question.label.text, this.from.roles.takeaway),
    )
    toSpec.questions.forEach((spec, index) => {
      if (written(spec) || known.has(spec.label)) return
      const next = toSpec.questions.slice(index + 1).find(written)
      const before = next
        ? section.questions.find((question) => asked(question, next.label))
        : takeaway
      const text = this.questionText(spec)
      if (before) this.edits.push(insertAt(before.start.offset, `${text}${this.eol}${this.eol}`))
      else this.edits.push(insertAt(section.end.offset, `${this.eol}${this.eol}${text}`))
    })
  }

  private questionText(spec: QuestionSpec): string {
    const label = `**${spec.label}**`
    if (spec.answer === 'inline') {
      const answer =
        spec.label === this.target.roles.useAgainQuestion ? ` ${notRecordedAnswer}` : ''
      return label + answer
    }
    const items = spec.items.map((item) => `${this.bullet} **${item.label}**`)
    return [label, '', ...items].join(this.eol)
  }

  /** The header's version quote rewritten as the 0.3 header's bold lines. */
  private headerLines(lines: string[]): string {
    const defaults = new Map<string, {from: string | undefined; to: string | undefined}>()
    for (const key of ['Input', 'Output', 'Protocol']) {
      defaults.set(key, {
        from: this.templateLine(this.from, key),
        to: this.templateLine(this.target, key),
      })
    }
    const out: string[] = []
    const seen = new Set<string>()
    for (const line of lines) {
      const content = line.replace(/^ {0,3}>[ \t]?/, '')
      const match = labelLine.exec(content)
      const key = match?.[1]
      if (!match || !key) {
        if (content.trim() !== '') out.push(content)
        continue
      }
      seen.add(normalizeName(key))
      if (this.same(key, this.from.versionLabel)) {
        out.push(this.templateLine(this.target, this.target.versionLabel) ?? content)
        continue
      }
      const known = defaults.get(key)
      const isDefault =
        known?.from !== undefined &&
        this.same(
          labelLine.exec(known.from.replace(/^ {0,3}>[ \t]?/, ''))?.[2] ?? '',
          match[2] ?? '',
        )
      out.push(isDefault && known?.to ? known.to : `**${key}:** ${match[2] ?? ''}`.trimEnd())
    }
    for (const [key, {to}] of defaults) {
      if (!seen.has(normalizeName(key)) && to) out.push(to)
    }
    return out.join(this.eol + this.eol)
  }

  /** The line of a template's header that states `key`, as the template writes it. */
  private templateLine(schema: Schema, key: string): string | undefined {
    return schema.source.header.split(/\r?\n/).find((line) => {
      const match = labelLine.exec(line.replace(/^ {0,3}>[ \t]?/, ''))
      if (!match?.[1]) return false
      // The 0.3 Stage line states the version after its stage: look for the label anywhere.
      return this.same(match[1], key) || line.includes(`**${key}:**`)
    })
  }

  /** The lines of the target template's principle quote before its guidance line. */
  private templateQuoteLead(): string | undefined {
    const lines = this.target.source.header.split(/\r?\n/)
    const start = lines.findIndex((line) => line.startsWith('>'))
    if (start === -1) return undefined
    let end = start
    while (lines[end + 1]?.startsWith('>')) end++
    // Everything but the last line, the guidance the author's own quote replaces.
    const lead = lines.slice(start, end)
    return lead.length > 0 ? lead.join(this.eol) + this.eol : undefined
  }

  /** The blockquote whose lines hold `offset`: its range and its lines. */
  private quoteAround(offset: number): {start: number; end: number; lines: string[]} | undefined {
    const lines = this.linesOf()
    const index = lines.findIndex((line) => line.start <= offset && offset <= line.end)
    const isQuote = (line: {text: string} | undefined) =>
      line !== undefined && /^ {0,3}>/.test(line.text)
    if (index === -1 || !isQuote(lines[index])) return undefined
    let first = index
    let last = index
    while (isQuote(lines[first - 1])) first--
    while (isQuote(lines[last + 1])) last++
    const group = lines.slice(first, last + 1)
    return {start: group[0]!.start, end: group.at(-1)!.end, lines: group.map((line) => line.text)}
  }

  /** The start of the next blockquote line after `offset`, before `end`. */
  private nextQuote(offset: number, end: number): number | undefined {
    return this.linesOf().find(
      (line) => line.start > offset && line.start < end && /^ {0,3}>/.test(line.text),
    )?.start
  }

  private linesOf(): Array<{start: number; end: number; text: string}> {
    if (this.lines) return this.lines
    const lines: Array<{start: number; end: number; text: string}> = []
    for (let at = 0; at <= this.source.length;) {
      const match = /\r\n|\n|\r/g
      match.lastIndex = at
      const found = match.exec(this.source)
      const end = found ? found.index : this.source.length
      lines.push({start: at, end, text: this.source.slice(at, end)})
      if (!found) break
      at = end + found[0].length
    }
    this.lines = lines
    return lines
  }

  /** The pair of names a role has in the two templates, when they differ. */
  private renamed(role: keyof Roles): [string, string] | undefined {
    const a = this.from.roles[role]
    const b = this.target.roles[role]
    return a !== undefined && b !== undefined && a !== b ? [a, b] : undefined
  }

  private is(name: string, role: string | undefined): boolean {
    return role !== undefined && this.same(name, role)
  }

  private same(a: string, b: string): boolean {
    return normalizeName(a) === normalizeName(b)
  }
}

/** The sentence a template writes between a section's heading and its checkbox list. */
function leadIn(schema: Schema, spec: SectionSpec): string | undefined {
  const lines = schema.source.entry.split(/\r?\n/)
  const at = lines.findIndex(
    (line) => normalizeName(line.replace(/^#+/, '')) === normalizeName(spec.heading),
  )
  if (at === -1) return undefined
  const words: string[] = []
  for (const line of lines.slice(at + 1)) {
    if (/^\s*(?:[-*+]\s|#|\|)/.test(line)) break
    words.push(line)
  }
  const text = words.join(' ').trim()
  return text === '' ? undefined : text
}

/** Where the part of a label that reads as `key` ends. */
function prefixEnd(label: string, key: string): number {
  for (let end = 1; end <= label.length; end++) {
    if (normalizeName(label.slice(0, end)) === key) return end
  }
  return 0
}

function trimmedText(text: Text): Text {
  const lead = text.text.length - text.text.trimStart().length
  const trail = text.text.length - text.text.trimEnd().length
  return sliceText(text, text.start.offset + lead, text.end.offset - trail)
}
