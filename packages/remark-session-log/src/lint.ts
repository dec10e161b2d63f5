// The lint of a log, whole or in steps, in parts for threads, or revised after an edit.
// One class over 350 lines: its caches (chunk models, each entry's findings, the last
// lint) serve every way of linting, and split up they would be passed between files.
import type {Root} from 'mdast'
import {disabledLines, hasDisableComments} from './disable-comments.js'
import {moveFindings, namesLine, staleAt, type EntryFindings} from './entry-findings.js'
import {
  buildModelByChunks,
  ChunkCache,
  parseSectionsWhenRead,
  releaseSections,
  shiftEntry,
  withoutSections,
} from './model/chunks.js'
import {buildModel} from './model/model.js'
import {chunksOf, type Chunk} from './model/split.js'
import type {Entry, SessionLog, Span} from './model/types.js'
import {resolveOptions, type Options, type ResolvedOptions} from './options.js'
import {byPosition, type Context, type Finding, type ReportOptions, type Rule} from './rule.js'
import {isRootCause, withoutConsequences} from './root-causes.js'
import {revisedChunk, revisedFindings, type LatestLint, type TextChange} from './revise.js'
import {rules as allRules} from './rules/index.js'
import type {CheckedChunk, ChunkStore, CutChunk, KeptChunk, Linted, LintStep} from './lint-types.js'
import {templateFor} from './template/load.js'
import type {Schema} from './template/schema.js'
import {detectEol} from './text/lines.js'

export {detectEol}
export type {EntryFindings}
export type {TextChange}
export type {CheckedChunk, ChunkStore, CutChunk, KeptChunk, Linted, LintStep}

/** Lints a session log's text; the findings are sorted by position. */
export function lint(text: string, options: Options = {}): Finding[] {
  return new Linter(options).lint(text).findings
}

/**
 * Lints and also returns the model, for callers that go on to fix or scaffold. Given the
 * tree remark already parsed (the plugin), it reads that instead of parsing again.
 */
export function lintDocument(text: string, options: Options = {}, tree?: Root): Linted {
  return new Linter(options).lint(text, tree)
}

/**
 * Lints one log again and again (an editor, a watcher): entries are parsed, modelled and
 * checked one by one, and what an entry's text already produced is reused, so an edit
 * costs about one entry's work plus the rules that span entries.
 */
export class Linter {
  private readonly options: ResolvedOptions
  private readonly active: Rule[]
  private chunks: ChunkCache | undefined
  /** Findings by entry text, from the last lint; `eol` is the line ending they were made for. */
  private previous = new Map<string, EntryFindings>()
  private eol: Context['eol'] = '\n'
  /** The last whole lint of a text cut in chunks, for `revise`. */
  private latest: {lint: LatestLint; context: Context} | undefined

  /**
   * `store` offers what an earlier run kept of a log's chunks (`keep`): those chunks are
   * not parsed or checked again. It must hold only chunks linted with these options, on
   * this day, in a file with the same line endings (the CLI's `--cache` keys them so).
   */
  constructor(
    options: Options = {},
    private readonly store?: ChunkStore,
  ) {
    this.options = resolveOptions(options)
    this.active = allRules.filter((rule) => this.options.rules[rule.id] !== 'off')
  }

  lint(text: string, tree?: Root): Linted {
    const prepared = this.prepare(text)
    // Chunk by chunk, each let go of once checked, so memory holds about one entry's
    // sections at a time; remark's tree (the plugin) is checked as one.
    if (tree) return this.assemble(prepared, tree)
    const steps = this.checkChunks(prepared, Infinity, 0)
    let step = steps.next()
    while (!step.done) step = steps.next()
    return this.assemble(prepared, undefined, step.value)
  }

  /**
   * `lint` in steps, the top of the log (its newest entries) first: the first step checks
   * the first `first` chunks (more than a screen shows), each later one entries for about
   * `stepMs`, and each yields the findings of every entry checked so far, so an editor
   * can show the top of a long log at once and answer requests between steps. The
   * entries' rules only: the rules of the whole log, and the root causes that hide what
   * they explain, come with the lint that ends the steps (returned), which finds every
   * entry's work done.
   */
  *lintInSteps(text: string, {stepMs = 50, first = 5} = {}): Generator<LintStep, Linted> {
    const prepared = this.prepare(text)
    const cut = yield* this.checkChunks(prepared, first, stepMs)
    return this.assemble(prepared, undefined, cut)
  }

  /**
   * How a lint cuts `text` into chunks (one per entry, where Markdown allows), each with
   * its text: what `checkPart` shares out.
   */
  cut(text: string): CutChunk[] {
    const {source, schema} = this.prepare(text)
    return [...withLast(chunksOf(source, schema))].map(({chunk, last}) => ({
      chunk,
      last,
      text: source.slice(chunk.start, chunk.end),
    }))
  }

  /**
   * Checks some chunks of the log only (as `cut` cut them), each entry where it stands,
   * and returns what a later lint's store needs of them (see `keep`): one thread's share
   * of a lint that several threads make.
   */
  checkPart(text: string, part: Array<Omit<CutChunk, 'text'>>): CheckedChunk[] {
    const prepared = this.prepare(text)
    // Findings of another part are no use here, and `keep` must keep this part's only.
    this.previous = new Map()
    const steps = this.checkChunks(prepared, Infinity, 0, part)
    while (!steps.next().done);
    prepared.chunks.sweep()
    return this.keep()
  }

  /**
   * Checks the entries of each chunk as the log is cut, top first, yielding after the
   * first `first` chunks and then every `stepMs`. Each entry's findings go where
   * `assemble` looks for them; its sections are let go once checked.
   */
  private *checkChunks(
    {source, schema, context, chunks}: Prepared,
    first: number,
    stepMs: number,
    // The whole log unless a part of it is given (`checkPart`).
    chunked: Iterable<{chunk: Chunk; last: boolean}> = withLast(chunksOf(source, schema)),
  ): Generator<LintStep, Chunk[]> {
    const shown = Number.isFinite(first)
    const disabled = shown ? disabledLines(source) : () => false
    const found: Finding[] = []
    let stepEnd = performance.now() + stepMs
    let entries = 0
    let index = 0
    // The log is cut as far as the steps go: the first step does not wait for the rest.
    // Kept for the whole lint, which would otherwise cut the log again.
    const cut: Chunk[] = []
    for (const {chunk, last} of chunked) {
      cut.push(chunk)
      const model = chunks.get(source.slice(chunk.start, chunk.end), last)
      // Only steps that are shown need the findings moved and gathered.
      const gather = shown
        ? (finding: Finding) => {
            if (!disabled(finding)) found.push(finding)
          }
        : undefined
      entries += this.checkChunk(model, chunk, context, entries, gather)
      index++
      // The first step ends at `first` chunks, however quick; later ones after `stepMs`.
      if (!last && (index === first || (index > first && performance.now() >= stepEnd))) {
        yield {findings: found, checked: index}
        stepEnd = performance.now() + stepMs
      }
    }
    return cut
  }

  /**
   * Checks the entries of one chunk where it stands (`entries` before it), unless their
   * text was checked before, and hands each entry's findings, moved there, to `found`
   * if given.
   * Returns how many entries it holds.
   */
  private checkChunk(
    model: SessionLog,
    chunk: Chunk,
    context: Context,
    entries: number,
    found?: (finding: Finding) => void,
  ): number {
    for (const [index, inChunk] of model.entries.entries()) {
      const start = {
        line: inChunk.start.line + chunk.line - 1,
        column: inChunk.start.column,
        offset: inChunk.start.offset + chunk.start,
      }
      let cached = this.previous.get(inChunk.source)
      if (!cached || staleAt(cached, start)) {
        // Checked where it stands in the log, as a whole lint checks it: messages name lines.
        const entry = shiftEntry(inChunk, chunk.start, chunk.line - 1)
        entry.index = entries + index
        cached = this.checkEntry(entry, context)
        releaseSections(entry)
        // Where the ending lint (or any lint meanwhile) looks for it.
        this.previous.set(entry.source, cached)
      }
      if (found) for (const finding of moveFindings(cached, start)) found(finding)
    }
    return model.entries.length
  }

  /**
   * The findings of `text` after an editor's changes to it, made without a whole lint,
   * where `text` is what this linter last linted: the entries of the chunk the changes
   * edited are checked again, every other finding is moved with the text (`revise.ts`).
   * Undefined where only a whole lint can tell (changes beyond one entry's chunk, a
   * heading made or unmade, the header) or when the last lint was of another text. What
   * an editor shows at once; the next `lint` of the changed text gives the exact list.
   */
  revise(text: string, changes: TextChange[]): Finding[] | undefined {
    const latest = this.latest
    if (!latest || this.chunks?.schema !== latest.lint.schema) return undefined
    // Another caller (a fix) may have linted other texts with this linter since.
    if (latest.lint.source !== text.replace(/^\uFEFF/, '')) return undefined
    const revised = revisedChunk(latest.lint, changes)
    if (!revised) return undefined
    const {chunk, last, after} = revised
    const fresh: Finding[] = []
    const model = this.chunks.get(after, last)
    const moved = {start: chunk.start, end: chunk.start + after.length, line: chunk.line}
    this.checkChunk(model, moved, latest.context, 0, (finding) => fresh.push(finding))
    return revisedFindings(latest.lint, revised, fresh, isDocumentRule)
  }

  /**
   * The whole lint: the model (from remark's tree, or from the chunks `checkChunks` cut),
   * the rules of the whole log, each entry's findings.
   */
  private assemble(
    {source, schema, context, chunks}: Prepared,
    tree: Root | undefined,
    cut?: Chunk[],
  ): Linted {
    const log = tree
      ? buildModel(source, schema, tree)
      : buildModelByChunks(source, schema, chunks, cut)
    const findings: Finding[] = []
    for (const rule of this.active) {
      rule.checkDocument?.(log, this.reporter(rule, findings), context)
    }
    const current = new Map<string, EntryFindings>()
    for (const entry of log.entries) {
      let cached = current.get(entry.source) ?? this.previous.get(entry.source)
      if (!cached || staleAt(cached, entry.start)) {
        cached = this.checkEntry(entry, context)
        releaseSections(entry)
      }
      current.set(entry.source, cached)
      findings.push(...moveFindings(cached, entry.start))
    }
    this.previous = current
    const disabled = disabledLines(source)
    const kept = withoutConsequences(
      findings.filter((finding) => !disabled(finding)),
      log,
    )
    kept.sort(byPosition)
    // What `revise` starts from; not after remark's tree, which is not cut in chunks.
    const revisable = !hasDisableComments(source) && !kept.some(isRootCause)
    this.latest = cut && {lint: {source, schema, cut, findings: kept, revisable}, context}
    return {log, findings: kept}
  }

  /**
   * What a lint of `text` starts from: the text without its BOM, its template and the
   * chunk models kept for it. What was kept for another line ending or template is
   * dropped.
   */
  private prepare(text: string): Prepared {
    const source = text.replace(/^\uFEFF/, '')
    const eol = detectEol(source)
    // Fixes insert the log's line ending, so findings made for another are of no use.
    if (eol !== this.eol) this.previous = new Map()
    this.eol = eol
    // Without a template option the log's own header picks one, so an edit to its
    // version line switches templates; what the old one built is then of no use.
    const schema = templateFor(source, this.options.template)
    if (this.chunks?.schema !== schema) {
      this.chunks = new ChunkCache(schema, (chunk, last) => this.restore(chunk, last, schema))
      this.previous = new Map()
    }
    const context: Context = {
      schema,
      today: this.options.today,
      thresholds: this.options.thresholds,
      eol,
    }
    return {source, schema, context, chunks: this.chunks}
  }

  /**
   * What to keep of the last lint for a later run's `store`: each chunk with its model,
   * less the entries' sections (only entry rules read them, and the entries' findings
   * are kept with it), and less the schema and the texts, which the later run has.
   */
  keep(): CheckedChunk[] {
    return (this.chunks?.latest() ?? []).flatMap(({text, last, model}) => {
      const findings = model.entries.map((entry) => this.previous.get(entry.source))
      if (findings.some((found) => found === undefined)) return []
      // An entry's source is a slice of the chunk's text, which the later run has.
      // Without reading the sections, which a checked entry has let go of.
      const entries = model.entries.map((entry) => ({
        ...withoutSections(entry),
        sections: [],
        source: '',
      }))
      const {start, end, header, footer, stray} = model
      const kept = {start, end, header, entries, footer, stray}
      return [{text, last, chunk: {model: kept, findings: findings as EntryFindings[]}}]
    })
  }

  // A chunk from the store: its entries' findings go where checkEntry's would.
  private restore(text: string, last: boolean, schema: Schema): SessionLog | undefined {
    const kept = this.store?.(text, last)
    if (!kept || kept.findings.length !== kept.model.entries.length) return undefined
    const byName = new Map(schema.fields.map((spec) => [spec.name, spec]))
    const entries = kept.model.entries.map((entry, index) => {
      const source = text.slice(entry.start.offset, entry.end.offset)
      this.previous.set(source, kept.findings[index]!)
      // Specs are the schema's own objects, which rules compare by identity.
      const fields = entry.fields.map((field) => ({
        ...field,
        spec: field.spec && byName.get(field.spec.name),
      }))
      return {...entry, fields, source}
    })
    const model = {...kept.model, text, schema, entries}
    parseSectionsWhenRead(model, text, last)
    return model
  }

  private checkEntry(entry: Entry, context: Context): EntryFindings {
    const findings: Finding[] = []
    for (const rule of this.active) {
      if (rule.check) rule.check(entry, this.reporter(rule, findings), context)
    }
    return {start: entry.start, findings, namesLines: findings.some(namesLine)}
  }

  private reporter(rule: Rule, into: Finding[]) {
    const setting = this.options.rules[rule.id]
    const severity = setting === 'warn' || setting === 'error' ? setting : rule.severity
    return (node: Span, message: string, extra: ReportOptions = {}) => {
      into.push({
        ruleId: rule.id,
        severity,
        message,
        start: node.start,
        end: node.end,
        url: rule.url,
        ...(extra.expected ? {expected: extra.expected} : {}),
        ...(extra.edits && extra.edits.length > 0 ? {edits: extra.edits} : {}),
      })
    }
  }
}

const documentRules = new Set(allRules.filter((rule) => rule.checkDocument).map((rule) => rule.id))

function isDocumentRule(ruleId: string): boolean {
  return documentRules.has(ruleId)
}

/** What every lint of a text starts from (`Linter.prepare`). */
interface Prepared {
  source: string
  schema: Schema
  context: Context
  chunks: ChunkCache
}

/** Each chunk with whether it is the last, which alone may hold the footer. */
function* withLast(chunks: Iterable<Chunk>): Generator<{chunk: Chunk; last: boolean}> {
  let previous: Chunk | undefined
  for (const chunk of chunks) {
    if (previous) yield {chunk: previous, last: false}
    previous = chunk
  }
  if (previous) yield {chunk: previous, last: true}
}
