import {location} from 'vfile-location'
import type {Schema} from '../template/schema.js'
import {buildChunkModel} from './build.js'
import {splitChunks} from './split.js'
import type {Point, SessionLog} from './types.js'

/**
 * Chunk models by chunk text, kept from one build to the next so that an edit re-parses
 * only the chunk it touched. Entries not seen in the latest build are dropped, which
 * keeps memory at one copy of the log.
 */
export class ChunkCache {
  private previous = new Map<string, SessionLog>()
  private current = new Map<string, SessionLog>()

  constructor(readonly schema: Schema) {}

  get(text: string, last: boolean): SessionLog {
    const key = `${last ? 'L' : '-'}${text}`
    let model = this.current.get(key) ?? this.previous.get(key)
    if (!model) model = buildChunkModel(text, this.schema, last)
    this.current.set(key, model)
    return model
  }

  /** Ends a build: what it did not use is forgotten. */
  sweep(): void {
    this.previous = this.current
    this.current = new Map()
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
): SessionLog {
  const chunks = splitChunks(text, schema)
  const parts = chunks.map((chunk, index) => {
    const model = cache.get(text.slice(chunk.start, chunk.end), index === chunks.length - 1)
    return chunk.start === 0 ? model : shift(model, chunk.start, chunk.line - 1)
  })
  cache.sweep()
  const first = parts[0]!
  const last = parts.at(-1)!
  const entries = parts.flatMap((part) => part.entries).map((entry, index) => ({...entry, index}))
  const end = location(text).toPoint(text.length) ?? {line: 1, column: 1, offset: 0}
  return {
    text,
    schema,
    start: {line: 1, column: 1, offset: 0},
    end: {line: end.line, column: end.column, offset: text.length},
    header: first.header,
    entries,
    footer: last.footer,
    stray: parts.flatMap((part) => part.stray),
  }
}

// Keys whose values hold no positions; shared objects (the schema's specs) stay shared.
const unshifted = new Set(['spec', 'schema', 'text'])

/** A copy of a chunk's model with every point moved to where the chunk starts. */
function shift<T>(value: T, offset: number, lines: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => shift(item, offset, lines)) as T
  if (value === null || typeof value !== 'object') return value
  if (isPoint(value)) {
    return {line: value.line + lines, column: value.column, offset: value.offset + offset} as T
  }
  const copy: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    copy[key] = unshifted.has(key) ? field : shift(field, offset, lines)
  }
  return copy as T
}

function isPoint(value: object): value is Point {
  return 'offset' in value && 'line' in value && 'column' in value
}
