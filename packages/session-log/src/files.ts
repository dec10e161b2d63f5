import {randomBytes} from 'node:crypto'
import {
  accessSync,
  chmodSync,
  constants,
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {defaultMaxSize, formatSize} from './size.js'

export {defaultMaxSize, formatSize, parseSize} from './size.js'

/**
 * Something wrong with a file the command reads or writes. Its message is one line:
 * which file, what is wrong, what to do. The command exits with 2.
 */
export class InputError extends Error {
  override name = 'InputError'

  constructor(
    /** The file as the user named it. */
    readonly file: string,
    readonly problem: string,
    readonly remedy: string,
    /** The system error behind it, shown with --debug. */
    cause?: unknown,
  ) {
    super(`${file}: ${problem}; ${remedy}`, {cause})
  }
}

/** The log a command reads when it is given no path. */
export const defaultLog = 'SESSION_LOG.md'

/**
 * Each way a path fails to be a log that can be read, worded once for every command:
 * what is wrong, and what to do about it as a rule.
 */
const fileProblems = {
  missing: {
    problem: 'does not exist',
    remedy: () => 'check the path, or start a log with `session-log init`',
  },
  folder: {
    problem: 'is a folder, not a file',
    remedy: (name: string) => `name the log inside it, such as ${join(name, defaultLog)}`,
  },
  notFile: {problem: 'is not a regular file', remedy: () => 'pass the Markdown file of the log'},
  denied: {
    problem: 'cannot be read: permission denied',
    remedy: () => 'make it readable (chmod u+r) or run as its owner',
  },
  loop: {problem: 'is a loop of symbolic links', remedy: () => 'point the link at the log'},
} satisfies Record<string, {problem: string; remedy: (name: string) => string}>

/**
 * The error for a path that is no log that can be read. `remedy` turns the usual remedy
 * into one for a caller that knows more (a path that could be a glob instead).
 */
export function fileError(
  kind: keyof typeof fileProblems,
  name: string,
  {remedy, cause}: {remedy?: (usual: string) => string; cause?: unknown} = {},
): InputError {
  const {problem, remedy: usual} = fileProblems[kind]
  return new InputError(name, problem, remedy ? remedy(usual(name)) : usual(name), cause)
}

/** A log as read from disk: the exact bytes (to detect changes) and their text. */
export interface LogFile {
  /** The path as shown to the user, relative to the working folder. */
  name: string
  path: string
  bytes: Buffer
  /** The decoded text, a leading BOM included. */
  text: string
}

/** Reads and decodes a log; every way it can fail is an `InputError`. */
export function readLog(path: string, name: string, maxSize = defaultMaxSize): LogFile {
  let bytes: Buffer
  try {
    const stats = statSync(path)
    if (stats.isDirectory()) throw fileError('folder', name)
    // A FIFO or device would block the read or never end.
    if (!stats.isFile()) throw fileError('notFile', name)
    if (stats.size > maxSize) throw tooLarge(name, stats.size, maxSize)
    bytes = readFileSync(path)
  } catch (error) {
    throw readError(error, name)
  }
  return {name, path, bytes, text: decode(bytes, name)}
}

/**
 * The error for a file over `--max-size`, or undefined when it is not (or cannot be
 * read at all, which the caller reports).
 */
export function sizeProblem(path: string, name: string, maxSize: number): InputError | undefined {
  let size
  try {
    size = statSync(path).size
  } catch {
    return undefined
  }
  return size > maxSize ? tooLarge(name, size, maxSize) : undefined
}

function tooLarge(name: string, bytes: number, maxSize: number): InputError {
  // Rounded alike, the two sizes are given exactly: not "50 MB, over the limit of 50 MB".
  const exact = formatSize(bytes) === formatSize(maxSize)
  const size = (n: number) => (exact ? `${n} bytes` : formatSize(n))
  return new InputError(
    name,
    `is ${size(bytes)}, over the limit of ${size(maxSize)}`,
    'split it into several logs, or raise the limit with --max-size',
  )
}

/** Whether anything (a file, a folder, a dangling link) has this name. */
export function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/** Decodes UTF-8, refusing what is not text or not UTF-8 rather than guessing. */
export function decode(bytes: Buffer, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(name, 'is UTF-16, not UTF-8', 'save it as UTF-8 and run again')
  }
  if (bytes.includes(0)) {
    throw new InputError(
      name,
      'is a binary file, not Markdown',
      'pass the Markdown file of the log',
    )
  }
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    const {line, byte} = firstInvalidByte(bytes)
    throw new InputError(
      name,
      `is not valid UTF-8 (line ${line}, byte ${byte})`,
      'save it as UTF-8 and run again',
    )
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, renamed over the
 * target. `original` is the content the change was made from; when the file on disk no
 * longer holds it, nothing is written. Without `original` the file must not exist yet.
 * The file's mode is kept; a symbolic link keeps pointing at the file it pointed at.
 */
export function writeAtomic(path: string, name: string, text: string, original?: Buffer): void {
  let temp: string | undefined
  try {
    const target = original ? realpathSync(path) : path
    // Renaming over a read-only file would succeed in a writable folder; a file the user
    // cannot write stays as it is, as an editor would leave it.
    if (original) accessSync(target, constants.W_OK)
    const mode = original ? statSync(target).mode & 0o7777 : undefined
    temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    const fd = openSync(temp, 'wx', mode ?? 0o666)
    try {
      writeSync(fd, Buffer.from(text, 'utf8'))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    if (original) {
      // openSync's mode passes through the umask; the file's own mode must not.
      chmodSync(temp, mode!)
      if (!readFileSync(target).equals(original)) {
        throw new InputError(
          name,
          'changed on disk while the command ran, so nothing was written',
          'run the command again',
        )
      }
      renameSync(temp, target)
    } else {
      createExclusive(temp, target, text)
    }
  } catch (error) {
    throw writeError(error, name, original !== undefined)
  } finally {
    if (temp) rmSync(temp, {force: true})
  }
}

// A hard link fails when the name exists, so a file created meanwhile is never replaced.
function createExclusive(temp: string, target: string, text: string): void {
  try {
    linkSync(temp, target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error
    // Some file systems have no hard links; an exclusive create still never overwrites.
    writeFileSync(target, text, {flag: 'wx'})
  }
}

/**
 * Writes a report the command made (`--output-file`), replacing an earlier one: through
 * `writeAtomic`, so a reader never sees half of it.
 */
export function writeReport(path: string, name: string, report: string): void {
  let earlier: Buffer | undefined
  try {
    earlier = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') throw reportError(error, name)
  }
  try {
    writeAtomic(path, name, report, earlier)
  } catch (error) {
    throw reportError(error, name)
  }
}

// A report is no log: its errors name the report, and what to do about its path.
function reportError(error: unknown, name: string): InputError {
  const code =
    error instanceof InputError
      ? ((error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.problem)
      : ((error as NodeJS.ErrnoException).code ?? 'unknown error')
  return new InputError(
    name,
    `cannot write the report (${code})`,
    'check the path and its folder',
    error,
  )
}

function readError(error: unknown, name: string): Error {
  if (error instanceof InputError) return error
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileError('missing', name, {cause: error})
    case 'EACCES':
    case 'EPERM':
      return fileError('denied', name, {cause: error})
    case 'EISDIR':
      // Only a folder put in the file's place after it was looked at gets here.
      return fileError('folder', name, {remedy: () => 'name the log file inside it', cause: error})
    case 'ELOOP':
      return fileError('loop', name, {cause: error})
    default:
      return describeUnknown(error, name, 'cannot be read')
  }
}

/** `replacing`: the file was read, and the error came while writing it back. */
function writeError(error: unknown, name: string, replacing: boolean): Error {
  if (error instanceof InputError) return error
  const problem = (what: string, remedy: string) => new InputError(name, what, remedy, error)
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EEXIST':
      return problem('already exists', 'nothing was written; choose another path')
    case 'ENOENT':
    case 'ENOTDIR':
      // The file or its folder was there when it was read: it was not recreated.
      if (replacing) {
        return problem(
          'was moved or deleted while the command ran, so nothing was written',
          'run the command again',
        )
      }
      return problem('cannot be written: its folder does not exist', 'create it first')
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return problem(
        'cannot be written: permission denied',
        'make the file and its folder writable',
      )
    case 'ENOSPC':
      return problem('cannot be written: the disk is full', 'free some space')
    default:
      return describeUnknown(error, name, 'cannot be written')
  }
}

function describeUnknown(error: unknown, name: string, what: string): Error {
  const code = (error as NodeJS.ErrnoException).code
  if (!code) return error instanceof Error ? error : new Error(String(error))
  return new InputError(name, `${what} (${code})`, 'check the file and its folder', error)
}

/** Where decoding fails first: its 1-based line and 0-based byte offset. */
function firstInvalidByte(bytes: Buffer): {line: number; byte: number} {
  // A lenient decode turns each bad sequence into U+FFFD; everything before the first
  // such U+FFFD that the file did not spell out itself decoded as written.
  const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
  let byte = bytes.length
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at), 'utf8')
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) {
      byte = offset
      break
    }
  }
  let line = 1
  for (let i = 0; i < byte; i++) if (bytes[i] === 0x0a) line++
  return {line, byte}
}
