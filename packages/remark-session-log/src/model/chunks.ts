import {location} from 'vfile-location'
import type {Schema} from '../template/schema.js'
import {buildChunkModel} from './build.js'
import {splitChunks} from './split.js'
import type {Entry, Section, SessionLog} from './types.js'

/**
 * Where a chunk's model can come from besides parsing it: models an earlier run kept
 * (`Linter`'s store). Undefined when there is none for this text.
 */
export type StoredChunks = (text: string, last: boolean) => SessionLog | undefined

/**
 * Chunk models by chunk text, kept from one build to the next so that an edit re-parses
 * only the chunk it touched. Entries not seen in the latest build are dropped, which
 * keeps memory at one copy of the log.
 */
export class ChunkCache {
  // Keyed by the chunk's text alone (a key joined from more parts would copy the whole
  // log on every build); the last chunk, which alone may hold the footer, has its own.
  private previous = {inner: new Map<string, SessionLog>(), last: new Map<string, SessionLog>()}
  private current = {inner: new Map<string, SessionLog>(), last: new Map<string, SessionLog>()}

  constructor(
    readonly schema: Schema,
    private readonly stored?: StoredChunks,
  ) {}

  get(text: string, last: boolean): SessionLog {
    const kind = last ? 'last' : 'inner'
    let model =
      this.current[kind].get(text) ?? this.previous[kind].get(text) ?? this.stored?.(text, last)
    if (!model) {
      model = buildChunkModel(text, this.schema, last)
      const origin = {text, last, schema: this.schema, model}
      for (const entry of model.entries) chunkOrigins.set(entry, origin)
    }
    this.current[kind].set(text, model)
    return model
  }

  /** Ends a build: what it did not use is forgotten. */
  sweep(): void {
    this.previous = this.current
    this.current = {inner: new Map(), last: new Map()}
  }

  /** The chunks of the latest build and their models (positions relative to the chunk). */
  latest(): Array<{text: string; last: boolean; model: SessionLog}> {
    const of = (map: Map<string, SessionLog>, last: boolean) =>
      [...map].map(([text, model]) => ({text, last, model}))
    return [...of(this.previous.inner, false), ...of(this.previous.last, true)]
  }
}

/**
 * Builds the model by parsing the log entry by entry (see `split.ts`) instead of as one
 * document: the same model as `buildModel`, in linear time, and incremental with a cache.
 */
export function buildModelByChunks(
  text: string,
  schema: Schema,
  cache = new ChunkCache(schema),
  chunks = splitChunks(text, schema),
): SessionLog {
  const parts = chunks.map((chunk, index) => {
    const model = cache.get(text.slice(chunk.start, chunk.end), index === chunks.length - 1)
    return {model, offset: chunk.start, lines: chunk.line - 1}
  })
  cache.sweep()
  const first = parts[0]!
  const last = parts.at(-1)!
  const entries = parts.flatMap(({model, offset, lines}) =>
    model.entries.map((entry) => shiftEntry(entry, offset, lines)),
  )
  entries.forEach((entry, index) => (entry.index = index))
  const end = location(text).toPoint(text.length) ?? {line: 1, column: 1, offset: 0}
  return {
    text,
    schema,
    start: {line: 1, column: 1, offset: 0},
    end: {line: end.line, column: end.column, offset: text.length},
    header: first.model.header,
    entries,
    footer: shift(last.model.footer, last.offset, last.lines),
    stray: parts.flatMap(({model, offset, lines}) => shift(model.stray, offset, lines)),
  }
}

// Keys whose values hold no positions; shared objects (the schema's specs) stay shared.
const unshifted = new Set(['spec', 'schema', 'text', 'source'])

/** A copy of (part of) a chunk's model with every point moved to where the chunk starts. */
function shift<T>(value: T, offset: number, lines: number): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item: unknown) => shift(item, offset, lines)) as T
  const record = value as Record<string, unknown>
  if (typeof record.offset === 'number' && typeof record.line === 'number') {
    return {line: record.line + lines, column: record.column, offset: record.offset + offset} as T
  }
  const copy: Record<string, unknown> = {}
  for (const key in record) {
    const field = record[key]
    copy[key] = unshifted.has(key) ? field : shift(field, offset, lines)
  }
  return copy as T
}

/** Where the sections of an entry view come from: its chunk's entry, and the move. */
const sectionsFrom = new WeakMap<Entry, {entry: Entry; offset: number; lines: number}>()

// One getter for every view, so that views share one hidden class: a getter made per
// view gave each its own, and the views of a long log took as much memory as full copies.
function sectionsOnFirstRead(this: Entry): Section[] {
  const from = sectionsFrom.get(this)!
  const own = from.entry.sections
  const moved = from.offset !== 0 || from.lines !== 0
  return setSections(this, moved ? shift(own, from.offset, from.lines) : own)
}

function setSections(entry: Entry, sections: Section[]): Section[] {
  Object.defineProperty(entry, 'sections', {
    value: sections,
    enumerable: true,
    writable: true,
    configurable: true,
  })
  return sections
}

function oweSections(entry: Entry, getter: (this: Entry) => Section[]): void {
  Object.defineProperty(entry, 'sections', {get: getter, enumerable: true, configurable: true})
}

/**
 * `shift` of an entry whose sections are moved when first read. Copying every entry on
 * every build was most of an editor's re-lint of a long log (all entries after an edit
 * move); the rules that span entries read headings, fields and separators, and entries
 * whose findings are cached are read no further. Sections are most of an entry.
 */
export function shiftEntry(entry: Entry, offset: number, lines: number): Entry {
  const view = {} as Entry
  for (const key of Object.keys(entry) as Array<keyof Entry>) {
    if (key === 'sections') {
      sectionsFrom.set(view, {entry, offset, lines})
      oweSections(view, sectionsOnFirstRead)
    } else {
      ;(view as unknown as Record<string, unknown>)[key] = unshifted.has(key)
        ? entry[key]
        : shift(entry[key], offset, lines)
    }
  }
  return view
}

/** The chunk each entry of a parsed chunk model came from, to parse it again. */
const chunkOrigins = new WeakMap<
  Entry,
  {text: string; last: boolean; schema: Schema; model: SessionLog}
>()

// Sections let go of are made again from the chunk's text when something reads them.
function sectionsParsedAgain(this: Entry): Section[] {
  const {text, last, schema, model} = chunkOrigins.get(this)!
  const again = buildChunkModel(text, schema, last)
  model.entries.forEach((entry, index) => {
    const sections = again.entries[index]?.sections ?? []
    if (Object.getOwnPropertyDescriptor(entry, 'sections')?.get) setSections(entry, sections)
  })
  return this.sections
}

/**
 * Lets a checked entry view's sections go, and those of the chunk's entry it shows:
 * they are most of a log's memory, and once an entry is checked only its headings,
 * fields and findings are read again. Read anyway (an API user, a re-check), they are
 * moved or parsed again.
 */
export function releaseSections(view: Entry): void {
  const from = sectionsFrom.get(view)
  if (!from) return
  oweSections(view, sectionsOnFirstRead)
  if (chunkOrigins.has(from.entry)) oweSections(from.entry, sectionsParsedAgain)
}

/**
 * Marks a chunk model kept without its entries' sections (`Linter.keep`): an entry that
 * must be checked again (it moved, and a message names a line) parses its chunk again.
 */
export function parseSectionsWhenRead(model: SessionLog, text: string, last: boolean): void {
  const origin = {text, last, schema: model.schema, model}
  for (const entry of model.entries) {
    chunkOrigins.set(entry, origin)
    oweSections(entry, sectionsParsedAgain)
  }
}

/** The entry's fields but its sections, without reading them. */
export function withoutSections(entry: Entry): Omit<Entry, 'sections'> {
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(entry) as Array<keyof Entry>) {
    if (key !== 'sections') copy[key] = entry[key]
  }
  return copy as Omit<Entry, 'sections'>
}
