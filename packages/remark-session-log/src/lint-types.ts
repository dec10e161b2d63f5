// The shapes a lint hands out and takes back (lint.ts): its result, its steps, and the
// chunks of a log kept for, or checked by, another run.
import type {EntryFindings} from './entry-findings.js'
import type {Chunk} from './model/split.js'
import type {SessionLog} from './model/types.js'
import type {Finding} from './rule.js'

/** What `Linter.keep` keeps of a chunk of a log for a later run. */
export interface KeptChunk {
  /** The chunk's model, positions relative to the chunk, without sections, schema, text. */
  model: Omit<SessionLog, 'schema' | 'text'>
  /** The findings of each entry of `model`, in order. */
  findings: EntryFindings[]
}

/** A later run's access to kept chunks, by the chunk's text and whether it ends the log. */
export type ChunkStore = (text: string, last: boolean) => KeptChunk | undefined

/** A chunk of a log another thread checked (`Linter.checkPart`), for a lint's store. */
export interface CheckedChunk {
  text: string
  last: boolean
  chunk: KeptChunk
}

/** A chunk of a log as `Linter.cut` cuts it: where it is, its text, whether it ends the log. */
export interface CutChunk {
  chunk: Chunk
  last: boolean
  text: string
}

/** One step of `Linter.lintInSteps`. */
export interface LintStep {
  /** The findings of the entries checked so far, valid until the next step. */
  findings: readonly Finding[]
  /** The chunks of the log checked so far (one per entry, the first holds the header too). */
  checked: number
}

export interface Linted {
  log: SessionLog
  findings: Finding[]
}
