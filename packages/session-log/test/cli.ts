// Runs the built CLI as a process, the way people and CI run it.
import {spawn} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect, inject} from 'vitest'

// The package's bin, as npm links it: it runs the command built into one file, which
// starts in less than half the time of dist/bin.js and its modules (tests spawn it
// hundreds of times).
export const bin = fileURLToPath(new URL('../bin/session-log.js', import.meta.url))
const bundle = fileURLToPath(new URL('../dist/bundle/session-log.mjs', import.meta.url))
export const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))
const golden = fileURLToPath(new URL('golden/', import.meta.url))

if (!existsSync(bundle)) {
  throw new Error('packages/session-log/dist/bundle/ is missing: build with `pnpm build` first')
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  env?: Record<string, string | undefined>
  input?: string
  /** Run as this user (tests of permissions, when the tests run as root). */
  uid?: number
}

/** A fresh folder, removed when the test run ends (test/temp-root.ts). */
export function tempDir(): string {
  return mkdtempSync(join(inject('tempRoot'), 'session-log-test-'))
}

// Git settings of the machine must not leak into `new`'s engineer.
const gitConfig = join(tempDir(), 'gitconfig')
writeFileSync(gitConfig, '[user]\n\tname = Test Engineer\n')

export function run(args: string[], options: RunOptions): Promise<Run> {
  const env: Record<string, string | undefined> = {...process.env}
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS']) delete env[name]
  Object.assign(env, {GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1'}, options.env)
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid}),
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin.end(options.input ?? '')
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

/** Writes files (path -> text or bytes) into a folder, creating subfolders. */
export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), content)
  }
}

export function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8')
}

/** A folder holding the fixture `name` as `SESSION_LOG.md`. */
export function logDir(name: string): string {
  const dir = tempDir()
  write(dir, {'SESSION_LOG.md': fixture(name)})
  return dir
}

/**
 * Compares output with `test/golden/<name>`; `UPDATE_GOLDEN=1` rewrites the file
 * instead (then review the diff: the golden is the specification).
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(golden, name)
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path))
    throw new Error(`no golden ${name}: run with UPDATE_GOLDEN=1 and review it`)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

/** The user other than root that permission tests run as. */
export const nobody = 65534

/** Whether files can be hidden from this process by their mode (never for root). */
export function isRoot(): boolean {
  return process.getuid?.() === 0
}

export function openUp(path: string): void {
  chmodSync(path, 0o755)
}
