// The shipped Helix configuration in the real editor: the current Helix from Debian
// unstable (`.ci/current-editors` fetches it) in a terminal of its own (`script`), typed
// at as a person types. The server runs behind a recorder of both directions of its
// stdio, which shows what Helix asked and what it was told; the saved file shows what
// Helix applied.
import {spawn, spawnSync} from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {fileURLToPath} from 'node:url'
import {fix, lint} from 'remark-session-log'
import {afterAll, describe, expect, it} from 'vitest'
import {serverBin} from './client.js'

const snippet = fileURLToPath(new URL('../editors/helix/languages.toml', import.meta.url))
const fetched = fileURLToPath(new URL('../../../.ci/editors/bin/hx', import.meta.url))
const hx = existsSync(fetched) ? fetched : 'hx'
const version = /helix (\S+)/.exec(
  spawnSync(hx, ['--version'], {encoding: 'utf8'}).stdout ?? '',
)?.[1]
const hasScript = spawnSync('script', ['--version']).status === 0

if ((!version || !hasScript) && process.env.CI) {
  throw new Error('hx or script is missing, and CI is set: .ci/run should have fetched Helix')
}
if (!version) console.warn('helix.test.ts skipped: no Helix (bash .ci/current-editors fetches it)')

// A valid log that lost its version line: one finding, fixed by its quick fix; a name
// beyond ASCII on the way.
const valid = readFileSync(
  fileURLToPath(new URL('../../../fixtures/valid/billing-single-entry.md', import.meta.url)),
  'utf8',
)
const log = valid
  .replace('> Version: 0.2\n', '')
  .replace(/Engineer:\*\* [^\n]*/, 'Engineer:** Zoë Martin')

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

/** The JSON-RPC messages of a recorded stream, in order. */
interface Message {
  method?: string
  params?: {diagnostics?: Array<{range: {start: {line: number}}; code: string}>}
  result?: unknown
}

function messages(path: string): Message[] {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
  return text
    .split(/Content-Length: \d+\r\n\r\n/)
    .filter((part) => part.trim() !== '')
    .map((part) => JSON.parse(part) as Message)
}

async function until(what: string, ready: () => boolean, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !ready(); await sleep(50)) {
    if (Date.now() > end) throw new Error(`Helix: timed out waiting for ${what}`)
  }
}

;(version && hasScript ? describe : describe.skip)(
  `Helix ${version ?? ''} with the shipped languages.toml`,
  () => {
    it('shows the diagnostics, applies a quick fix from its menu and saves', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'session-log-helix-'))
      made.push(dir)
      const bin = join(dir, 'bin')
      const project = join(dir, 'project')
      mkdirSync(bin)
      mkdirSync(join(dir, 'config/helix'), {recursive: true})
      mkdirSync(project)
      writeFileSync(join(dir, 'config/helix/languages.toml'), readFileSync(snippet))
      const [sent, told] = [join(dir, 'sent.jsonrpc'), join(dir, 'told.jsonrpc')]
      const recorder = join(bin, 'session-log-language-server')
      writeFileSync(
        recorder,
        `#!/bin/sh\ntee -a '${sent}' | '${process.execPath}' '${serverBin}' "$@" | tee -a '${told}'\n`,
      )
      chmodSync(recorder, 0o755)
      writeFileSync(join(project, '.session-logrc.json'), '{}\n')
      const file = join(project, 'SESSION_LOG.md')
      writeFileSync(file, log)

      const editor = spawn(
        'script',
        ['-qfec', `stty rows 40 cols 120; exec '${hx}' SESSION_LOG.md`, '/dev/null'],
        {
          cwd: project,
          env: {
            ...process.env,
            PATH: `${bin}:${process.env.PATH ?? ''}`,
            HOME: dir,
            XDG_CONFIG_HOME: join(dir, 'config'),
            TERM: 'xterm-256color',
          },
          stdio: ['pipe', 'ignore', 'ignore'],
        },
      )
      const exited = new Promise((resolve) => editor.on('close', resolve))
      const type = (keys: string) => editor.stdin.write(keys)
      try {
        const published = () =>
          messages(told).find((m) => m.method === 'textDocument/publishDiagnostics')
        await until('diagnostics', () => published() !== undefined)
        // The code action menu (space, a) at the cursor, on the first line; Enter takes the
        // first action, the quick fix of the finding there.
        type(' a')
        await until('code actions', () =>
          messages(told).some(
            (m) => Array.isArray(m.result) && m.result.some((action) => 'title' in Object(action)),
          ),
        )
        // The menu is drawn after the answer; Enter, and the edit reaches the server.
        await sleep(1000)
        type('\r')
        await until('the quick fix', () =>
          messages(sent).some((m) => m.method === 'textDocument/didChange'),
        )
        type(':w\r')
        // Helix may move the old file aside before it writes the new one.
        const saved = () => {
          try {
            return readFileSync(file, 'utf8')
          } catch {
            return log
          }
        }
        await until('the save', () => saved() !== log, 10_000)
        type(':q!\r')
        await Promise.race([exited, sleep(10_000)])

        const diagnostics = published()!.params?.diagnostics ?? []
        const lines = (found: Array<[number, string]>) =>
          found.map(([line, id]) => `${line}:${id}`).sort()
        expect(lines(diagnostics.map((d) => [d.range.start.line + 1, d.code]))).toEqual(
          lines(lint(log).map((f) => [f.start.line, f.ruleId])),
        )
        expect(diagnostics.length).toBe(1)
        expect(readFileSync(file, 'utf8')).toBe(fix(log).output)
        // Helix ended the session as a client should.
        const methods = messages(sent).map((m) => m.method)
        expect(methods).toContain('shutdown')
      } finally {
        editor.kill()
      }
    }, 90_000)
  },
)
