// The three packages as users get them: `pnpm pack` tarballs installed with plain npm
// into a project outside the workspace. Their dependencies come from a registry on
// loopback that serves the workspace's own store, so no network is needed.
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLocalRegistry, type LocalRegistry} from './local-registry.js'
import {checkOverStdio} from './lsp-stdio.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const packages = ['remark-session-log', 'session-log', 'session-log-language-server']
const remarkCli = JSON.parse(
  readFileSync(join(root, 'node_modules/remark-cli/package.json'), 'utf8'),
) as {version: string}

let work: string
let project: string
let registry: LocalRegistry
let installed: {status: number | null; stderr: string}

function spawnAsync(
  command: string,
  args: string[],
  options: {cwd: string; env: NodeJS.ProcessEnv},
): Promise<{status: number | null; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {...options, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, stderr}))
  })
}

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'session-log-packed-'))
  const packs = join(work, 'packs')
  mkdirSync(packs)
  for (const name of packages) {
    execFileSync('pnpm', ['pack', '--pack-destination', packs], {
      cwd: join(root, 'packages', name),
      stdio: 'pipe',
    })
  }
  registry = await startLocalRegistry(join(root, 'node_modules/.pnpm'))
  project = join(work, 'project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), '{"name": "a-team", "private": true}\n')
  // npm reads only this project's settings: the registry on loopback, a cache of its own.
  writeFileSync(join(work, 'npmrc'), `registry=${registry.url}/\n`)
  const tarballs = readdirSync(packs).map((file) => join(packs, file))
  // Not spawnSync: the registry answers from this process, whose loop must keep running.
  const result = await spawnAsync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--save-dev',
      ...tarballs,
      `remark-cli@${remarkCli.version}`,
    ],
    {
      cwd: project,
      env: {
        // pnpm hands its scripts npm settings (the registry among them) as npm_config_*
        // variables, which would win over the file: none of them reaches this npm.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)),
        ),
        npm_config_registry: `${registry.url}/`,
        npm_config_userconfig: join(work, 'npmrc'),
        npm_config_cache: join(work, 'npm-cache'),
        npm_config_update_notifier: 'false',
      },
    },
  )
  installed = result
  cpSync(join(root, 'fixtures/sample/SESSION_LOG.md'), join(project, 'SESSION_LOG.md'))
}, 300_000)

afterAll(async () => {
  await registry?.close()
  rmSync(work, {recursive: true, force: true})
})

describe('the packed packages installed with npm', () => {
  it('install from their tarballs, with no workspace: left in what was packed', () => {
    // Dependencies came through the registry on loopback.
    expect(registry.asked.has('unified')).toBe(true)
    expect(installed.stderr).not.toMatch(/ERR!/)
    expect(installed.status).toBe(0)
    for (const name of packages) {
      const manifest = readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')
      expect(manifest).not.toContain('workspace:')
      const parsed = JSON.parse(manifest) as Record<string, unknown>
      expect(parsed.engines).toEqual({node: '>=20.19'})
      expect(parsed.license).toBe('MIT')
      expect(parsed.repository).toMatchObject({type: 'git', directory: `packages/${name}`})
      // What a package holds: its build, its README, LICENSE and CHANGELOG; no sources or tests.
      const files = readdirSync(join(project, 'node_modules', name))
      expect(files).toEqual(
        expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'dist']),
      )
      expect(files).not.toContain('src')
      expect(files).not.toContain('test')
    }
  })

  it('run the session-log command as the workspace does', () => {
    const installedRun = run(join(project, 'node_modules/.bin/session-log'), [
      'check',
      'SESSION_LOG.md',
    ])
    const workspaceRun = run(process.execPath, [
      join(root, 'packages/session-log/bin/session-log.js'),
      'check',
      'SESSION_LOG.md',
    ])
    expect(installedRun.code).toBe(1)
    expect(installedRun).toEqual(workspaceRun)
    const html = run(join(project, 'node_modules/.bin/session-log'), [
      'stats',
      '-f',
      'html',
      '-o',
      'report.html',
    ])
    expect(html).toMatchObject({code: 0, stderr: ''})
    expect(readFileSync(join(project, 'report.html'), 'utf8')).toContain('<svg')
  })

  it('run the plugin under remark-cli', () => {
    const result = run(join(project, 'node_modules/.bin/remark'), [
      '--use',
      'session-log',
      '--no-stdout',
      'SESSION_LOG.md',
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('section-heading')
    expect(result.stderr).toContain('session-log')
  })

  it('start the language server, which checks a log over stdio', async () => {
    const {serverName, diagnostics} = await checkOverStdio(
      join(project, 'node_modules/.bin/session-log-language-server'),
      [],
      project,
      pathToFileURL(join(project, 'SESSION_LOG.md')).href,
      readFileSync(join(project, 'SESSION_LOG.md'), 'utf8'),
    )
    expect(serverName).toBe('session-log-language-server')
    expect(diagnostics.map((d) => d.code)).toEqual([
      'required-field',
      'section-heading',
      'field-date',
      'section-heading',
    ])
  })
})
