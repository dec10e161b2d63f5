import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {
  Linter,
  type CheckedChunk,
  type ChunkStore,
  type CutChunk,
  type KeptChunk,
  type Options,
} from 'remark-session-log'

// Both cores for a large log: its entries are shared out between this thread and worker
// threads, each of which parses and checks the entries it takes and sends back what a
// lint's store needs of them (`Linter.checkPart`); this thread then lints the log from
// that store, which leaves it the rules of the whole log. Findings are the same as one
// thread's: the same code checks each entry where it stands.
//
// Node's own `worker_threads` and a shared counter do it in a few lines: entries are
// taken in blocks as each thread gets to them, so a worker that starts late, or a block
// that is slow, evens out. A pool library would add a dependency for no more than that.
//
// By default only on more than two cores: on a two-core machine one thread already keeps
// the second core busy collecting its garbage, and two parsers at once share a memory
// bus that parsing saturates; there two threads took about the time of one, for 1.2x
// the processor time and 60 MB more (`pnpm bench` prints the figures where it runs).

/**
 * Logs this long or shorter (about 250 entries) are checked on one thread: a worker's
 * start, which loads the whole linter again, costs more than it could save.
 */
export const parallelFrom = 512 * 1024

/** What the threads checked of a log. */
export interface Shared {
  /** For `new Linter(options, store)`. */
  store: ChunkStore
  /** How many chunks the workers checked (the rest were checked on this thread). */
  elsewhere: number
  /** How many chunks were shared out. */
  chunks: number
}

/** Chunks (entries) a thread takes at a time: a few tens of milliseconds of work. */
const blockSize = 16

/** One log's share-out, as a worker gets it. */
export interface Job {
  text: string
  options: Options
  part: Array<Omit<CutChunk, 'text'>>
  /** The next block to take; every thread adds one as it takes a block. */
  next: Int32Array
  /** Chunks in a block. */
  blockSize: number
}

/** What a worker sends: a block's chunks, the end of its work, or why it failed. */
export type Report = {checked: CheckedChunk[]} | {done: true} | {failed: string}

/**
 * Worker threads for `check`, started when a log first needs them and kept for the
 * next; `close` ends them.
 */
export class CheckThreads {
  private workers: Worker[] | undefined
  private failure: string | undefined

  /**
   * `threads` counts this one: 1 checks every log here. Logs of `minChars` or fewer
   * characters are checked here too.
   */
  constructor(
    readonly threads = defaultThreads(),
    private readonly minChars = parallelFrom,
  ) {}

  /**
   * Checks the entries of `text` that `known` does not hold, on every thread, and returns
   * a store of them for `new Linter(options, store)`. Undefined when there is too little
   * to share, or when a worker cannot help (the caller then lints on its own).
   */
  async check(text: string, options: Options, known?: ChunkStore): Promise<Shared | undefined> {
    if (this.threads < 2 || this.failure || text.length <= this.minChars) return undefined
    const linter = new Linter(options)
    const todo = linter.cut(text).filter(({text: chunk, last}) => !known?.(chunk, last))
    if (todo.reduce((sum, {text: chunk}) => sum + chunk.length, 0) <= this.minChars) {
      return undefined
    }
    const part = todo.map(({chunk, last}) => ({chunk, last}))
    const next = new Int32Array(new SharedArrayBuffer(4))
    const job: Job = {text, options, part, next, blockSize}
    const workers = this.start()
    const reports = workers.map((worker) => collect(worker))
    try {
      for (const worker of workers) worker.postMessage(job)
    } catch (error) {
      // Settings a thread cannot receive (a JavaScript settings file's functions).
      return this.giveUp(`the settings cannot be sent to a thread: ${messageOf(error)}`)
    }
    const checked: CheckedChunk[] = []
    for (const block of blocksOf(job)) checked.push(...linter.checkPart(text, block))
    const here = checked.length
    const fromWorkers = await Promise.all(reports)
    const failed = fromWorkers.find((report) => typeof report === 'string')
    if (failed !== undefined) return this.giveUp(`a worker thread failed: ${failed}`)
    for (const more of fromWorkers as CheckedChunk[][]) checked.push(...more)
    return {store: storeOf(checked), elsewhere: checked.length - here, chunks: part.length}
  }

  /** Why the workers stopped helping, once one failed: every later log is checked here. */
  get problem(): string | undefined {
    return this.failure
  }

  /** Ends the workers; a later `check` starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers ?? []
    this.workers = undefined
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  private start(): Worker[] {
    this.workers ??= Array.from({length: this.threads - 1}, () => {
      const worker = new Worker(workerFile)
      // An idle worker does not keep the command running.
      worker.unref()
      return worker
    })
    return this.workers
  }

  // A worker that failed once is not asked again; the log is linted here.
  private async giveUp(problem: string): Promise<undefined> {
    this.failure = problem
    await this.close()
    return undefined
  }
}

/** The blocks of a job this thread takes, as it gets to each. */
export function* blocksOf({part, next, blockSize}: Job): Generator<Job['part']> {
  for (let block; (block = Atomics.add(next, 0, 1)) * blockSize < part.length;) {
    yield part.slice(block * blockSize, (block + 1) * blockSize)
  }
}

/** On more than two cores, one thread per core (the command's own included), up to four. */
function defaultThreads(): number {
  const cores = availableParallelism()
  return cores > 2 ? Math.min(cores, 4) : 1
}

// Beside this file: `check-worker.js` in dist/, `check-worker.mjs` in the one-file build,
// where this code lives in a chunk at the bundle's top.
const workerFile = new URL(
  `./check-worker${import.meta.url.endsWith('.mjs') ? '.mjs' : '.js'}`,
  import.meta.url,
)

/** The chunks a worker checks for one job, or why it failed or stopped. */
function collect(worker: Worker): Promise<CheckedChunk[] | string> {
  worker.ref()
  return new Promise((resolve) => {
    const checked: CheckedChunk[] = []
    const finish = (result: CheckedChunk[] | string) => {
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      worker.unref()
      resolve(result)
    }
    const onMessage = (report: Report) => {
      if ('checked' in report) checked.push(...report.checked)
      else finish('done' in report ? checked : report.failed)
    }
    const onError = (error: unknown) => finish(messageOf(error))
    const onExit = (code: number) => finish(`it stopped with exit code ${code}`)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
  })
}

/** A store that hands each checked chunk out once: the lint keeps what it takes. */
function storeOf(checked: CheckedChunk[]): ChunkStore {
  const stores = {inner: new Map<string, KeptChunk>(), last: new Map<string, KeptChunk>()}
  for (const {text, last, chunk} of checked) stores[last ? 'last' : 'inner'].set(text, chunk)
  return (text, last) => {
    const store = stores[last ? 'last' : 'inner']
    const chunk = store.get(text)
    store.delete(text)
    return chunk
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
