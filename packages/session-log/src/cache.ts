import {createHash, randomBytes} from 'node:crypto'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {
  builtinTemplates,
  detectEol,
  type ChunkStore,
  type Finding,
  type KeptChunk,
  type Linter,
} from 'remark-session-log'
import type {Settings} from './config.js'
import {version} from './version.js'

/** A log as a run left it: its findings, and the keys of its chunks in `chunks`. */
interface KeptLog {
  findings: Finding[]
  chunks: string[]
}

/**
 * The file is two lines of JSON: the logs, then the chunks. The chunks are most of it
 * (megabytes for a long log) and are read only when a log has changed.
 */
interface CacheFile {
  version: string
  logs: Record<string, KeptLog>
}

type KeptChunks = Record<string, KeptChunk>

/** The cache file as read: the logs at once, the chunks when first asked for. */
interface ReadCache {
  logs: Record<string, KeptLog>
  chunks: () => KeptChunks
}

/**
 * `--cache`: what a check found, kept on disk by a hash of everything it depends on (the
 * text, the settings, the template, today's date, the file's line ending and this
 * version). A log that has not changed is not read past its hash; in one that has, only
 * the entries that changed are parsed and checked, the rest come from the cache with
 * their findings, and the rules that span entries run over all of them.
 */
export class FindingsCache {
  private readonly previous: ReadCache
  private readonly current: {logs: Record<string, KeptLog>; chunks: KeptChunks} = {
    logs: {},
    chunks: {},
  }
  /** Whether a log was checked anew: only then is the file written again. */
  private changed = false

  constructor(private readonly path: string) {
    this.previous = readCache(path)
  }

  /** Everything but the text that a log's findings depend on, as one hash. */
  context(text: string, settings: Settings, today: string): string {
    return hash([version, today, JSON.stringify(settings), templateText(settings), detectEol(text)])
  }

  /** The findings of a log whose text is unchanged since a run kept them. */
  get(context: string, text: string): Finding[] | undefined {
    const key = hash([context, text])
    const found = this.current.logs[key] ?? this.previous.logs[key]
    if (found) this.current.logs[key] = found
    return found?.findings
  }

  /** Chunks of logs linted in `context` that earlier runs kept, for `new Linter(…, store)`. */
  store(context: string): ChunkStore {
    return (text, last) => this.previous.chunks()[chunkKey(context, text, last)]
  }

  /** Keeps a log's findings and its linter's chunks. */
  set(context: string, text: string, findings: Finding[], linter: Linter): void {
    const chunks = linter.keep().map(({text: chunkText, last, chunk}) => {
      const key = chunkKey(context, chunkText, last)
      this.current.chunks[key] = chunk
      return key
    })
    this.current.logs[hash([context, text])] = {findings, chunks}
    this.changed = true
  }

  /**
   * Writes what this run used (logs and chunks it did not see are dropped), when it
   * checked any log anew; a run that found every log unchanged leaves the file as it is.
   */
  save(): void {
    if (!this.changed) return
    const chunks = this.current.chunks
    for (const log of Object.values(this.current.logs)) {
      for (const key of log.chunks) {
        const kept = chunks[key] ?? this.previous.chunks()[key]
        if (kept) chunks[key] = kept
      }
    }
    const file: CacheFile = {version, logs: this.current.logs}
    // Written beside and renamed over, so a run that stops half way leaves the old cache.
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`
    try {
      writeFileSync(temp, `${JSON.stringify(file)}\n${JSON.stringify(chunks)}\n`)
      renameSync(temp, this.path)
    } catch {
      // A cache that cannot be written costs time on the next run, nothing else.
      rmSync(temp, {force: true})
    }
  }
}

function hash(parts: string[]): string {
  const digest = createHash('sha256')
  for (const part of parts) digest.update(part).update('\0')
  return digest.digest('hex')
}

function chunkKey(context: string, text: string, last: boolean): string {
  return hash([context, last ? 'last' : 'inner', text])
}

// A cache that cannot be read is a cache miss, never an error: it only saves time.
function readCache(path: string): ReadCache {
  const empty = {logs: {}, chunks: () => ({})}
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return empty
  }
  const [head = '', rest = ''] = splitOnce(text, '\n')
  const file = parseJson(head) as Partial<CacheFile> | undefined
  if (file?.version !== version || !isRecord(file.logs)) return empty
  let chunks: KeptChunks | undefined
  return {
    logs: file.logs,
    chunks: () => {
      if (!chunks) {
        const parsed = parseJson(rest)
        chunks = isRecord(parsed) ? parsed : {}
      }
      return chunks
    },
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator)
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)]
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A custom template is part of the key by its text, so editing it invalidates the cache.
function templateText(settings: Settings): string {
  const template = settings.template
  if (!template || (builtinTemplates as readonly string[]).includes(template)) return template ?? ''
  try {
    return readFileSync(template, 'utf8')
  } catch {
    return template
  }
}
