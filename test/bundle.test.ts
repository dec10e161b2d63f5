// dist-bundle/ is what pre-commit and the GitHub Action run from a clone of this
// repository, with nothing installed: it must be the build of the current sources, and
// run on its own.
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundleDir = join(root, 'dist-bundle')
const built = join(root, 'packages/session-log/dist/bin.js')

let copy: string
beforeAll(() => {
  execFileSync('pnpm', ['build'], {cwd: root, stdio: 'pipe'})
  // A copy far from the repository: the bundle may not read any file of it.
  copy = mkdtempSync(join(tmpdir(), 'session-log-bundle-'))
  cpSync(bundleDir, join(copy, 'dist-bundle'), {recursive: true})
}, 120_000)
afterAll(() => rmSync(copy, {recursive: true, force: true}))

function run(command: string[], cwd: string) {
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('dist-bundle', () => {
  it('is the build of the current sources (run `pnpm bundle` when this fails)', () => {
    const result = spawnSync(process.execPath, ['scripts/bundle.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('holds no path of the machine that built it', () => {
    for (const name of readdirSync(bundleDir)) {
      const text = readFileSync(join(bundleDir, name), 'utf8')
      for (const path of [root, root.replace(/\/$/, ''), `${homedir()}/`]) {
        expect(text.includes(path), `${name} contains ${path}`).toBe(false)
      }
    }
  })

  it('starts the command with a shebang and is executable, in git too', () => {
    const path = join(bundleDir, 'session-log.mjs')
    expect(readFileSync(path, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(statSync(path).mode & 0o111).toBe(0o111)
    // Once added to git, the executable bit must be recorded: pre-commit runs the file.
    const staged = execFileSync('git', ['ls-files', '--stage', 'dist-bundle/session-log.mjs'], {
      cwd: root,
      encoding: 'utf8',
    })
    if (staged) expect(staged).toMatch(/^100755 /)
  })

  it('checks a log as the built command does, from a folder of its own', () => {
    const log = join(root, 'fixtures/sample/SESSION_LOG.md')
    const bundled = run([join(copy, 'dist-bundle/session-log.mjs'), 'check', log], copy)
    const expected = run([process.execPath, built, 'check', log], copy)
    expect(bundled.code).toBe(1)
    expect(bundled).toEqual(expected)
  })

  it('is what the session-log package’s bin runs, built by `pnpm build`', () => {
    const packaged = join(root, 'packages/session-log/dist/bundle')
    const names = readdirSync(bundleDir).filter((name) => name !== 'action.mjs')
    expect(readdirSync(packaged).sort()).toEqual(names.sort())
    for (const name of names) {
      expect(
        readFileSync(join(packaged, name), 'utf8') === readFileSync(join(bundleDir, name), 'utf8'),
        name,
      ).toBe(true)
    }
    const bin = join(root, 'packages/session-log/bin/session-log.js')
    const log = join(root, 'fixtures/sample/SESSION_LOG.md')
    const linked = run([process.execPath, bin, 'check', log], copy)
    expect(linked.code).toBe(1)
    expect(linked).toEqual(run([process.execPath, built, 'check', log], copy))
  })

  it('loads the charting library for stats -f html only, never on the check path', () => {
    // Every file session-log.mjs loads when it starts: its static imports, followed.
    const loaded = new Set<string>()
    const follow = (name: string) => {
      if (loaded.has(name)) return
      loaded.add(name)
      const text = readFileSync(join(bundleDir, name), 'utf8')
      for (const match of text.matchAll(/^(?:import|export)\s[^;]*?["']\.\/([\w.-]+\.mjs)["']/gm)) {
        follow(match[1]!)
      }
    }
    follow('session-log.mjs')
    expect(loaded.size).toBeGreaterThan(1)
    for (const name of loaded) {
      expect(readFileSync(join(bundleDir, name), 'utf8'), name).not.toMatch(/from ["']echarts/)
    }
    const charts = readdirSync(bundleDir).filter((name) =>
      /from ["']echarts\/core["']/.test(readFileSync(join(bundleDir, name), 'utf8')),
    )
    expect(charts).toHaveLength(1)
    expect(loaded.has(charts[0]!)).toBe(false)

    // The committed copy runs with no install: it reports stats, and says what HTML needs.
    const log = join(root, 'fixtures/valid/payments-team.md')
    const bundle = join(copy, 'dist-bundle/session-log.mjs')
    const text = run([process.execPath, bundle, 'stats', log], copy)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Session logs: 2 entries in 1 log')
    const html = run([process.execPath, bundle, 'stats', log, '-f', 'html', '-o', 'r.html'], copy)
    expect(html.code).toBe(2)
    expect(html.stderr).toMatch(/^session-log: the HTML report needs the echarts package/)
  })

  it('carries every built-in template and the version', () => {
    const v03 = join(root, 'fixtures/valid/notifications-heartbeat-v0.3.md')
    const bundle = join(copy, 'dist-bundle/session-log.mjs')
    const result = run([bundle, 'check', '--template', 'heartbeat-log.v0.3', v03], copy)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const {version} = JSON.parse(
      readFileSync(join(root, 'packages/session-log/package.json'), 'utf8'),
    ) as {version: string}
    expect(run([bundle, '--version'], copy).stdout).toBe(`${version}\n`)
    const init = run([bundle, 'init', '--template', 'heartbeat-log.v0.3', 'LOG.md'], copy)
    expect(init.code).toBe(0)
    expect(readFileSync(join(copy, 'LOG.md'), 'utf8')).toMatch(/^# Heartbeat Log\n/)
  })
})
