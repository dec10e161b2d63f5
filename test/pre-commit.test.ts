// The hooks of .pre-commit-hooks.yaml, run by the real pre-commit in a temporary project.
import {execFileSync, spawnSync} from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const installed = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'}).status === 0

// CI installs pre-commit (.ci/run), so there its absence is a failure; elsewhere the
// suite is skipped, saying why.
if (!installed && process.env.CI) {
  throw new Error('pre-commit is not installed, and CI is set: .ci/run should have installed it')
}
const describeHooks = installed ? describe : describe.skip
if (!installed) {
  console.warn(
    'test/pre-commit.test.ts skipped: pre-commit is not installed (apt-get install pre-commit)',
  )
}

const valid = readFileSync(join(root, 'fixtures/valid/payments-team.md'), 'utf8')
/** Two misspelt headings: errors that `session-log fix` repairs, changing 2 bytes. */
const broken = valid.replace(/### Kill Switch/g, '### Kill switch')

const made: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'session-log-pre-commit-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

let env: NodeJS.ProcessEnv
let hookRepo: string
let hookRev: string

beforeAll(() => {
  const home = tempDir()
  const gitConfig = join(home, 'gitconfig')
  writeFileSync(gitConfig, '[user]\n\tname = Test Engineer\n\temail = engineer@example.com\n')
  env = {
    ...process.env,
    // The machine's git settings (hooks paths, templates) stay out of the test.
    GIT_CONFIG_GLOBAL: gitConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    PRE_COMMIT_HOME: join(home, 'cache'),
    // The hook's `#!/usr/bin/env node` finds the Node.js running the tests.
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
  }
  // pre-commit reads a local repository's committed files (try-repo adds tracked changes,
  // not new files), so the hooks are tested from a repository holding what the working
  // tree has now: the manifest and the bundle it runs, modes included.
  hookRepo = tempDir()
  cpSync(join(root, '.pre-commit-hooks.yaml'), join(hookRepo, '.pre-commit-hooks.yaml'))
  cpSync(join(root, 'action.yml'), join(hookRepo, 'action.yml'))
  cpSync(join(root, 'dist-bundle'), join(hookRepo, 'dist-bundle'), {recursive: true})
  const entry = join(hookRepo, 'dist-bundle/session-log.mjs')
  chmodSync(entry, statSync(join(root, 'dist-bundle/session-log.mjs')).mode)
  git(hookRepo, 'init', '--quiet', '--initial-branch=main')
  git(hookRepo, 'add', '--all')
  git(hookRepo, 'commit', '--quiet', '-m', 'hooks')
  hookRev = git(hookRepo, 'rev-parse', 'HEAD')
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, env, encoding: 'utf8', stdio: 'pipe'}).trim()
}

/** A project repository with `SESSION_LOG.md` holding `text`, staged. */
function project(text: string, path = 'SESSION_LOG.md'): string {
  const dir = tempDir()
  git(dir, 'init', '--quiet', '--initial-branch=main')
  writeFileSync(join(dir, 'README.md'), 'A project\n')
  git(dir, 'add', 'README.md')
  git(dir, 'commit', '--quiet', '-m', 'start')
  mkdirSync(dirname(join(dir, path)), {recursive: true})
  writeFileSync(join(dir, path), text)
  git(dir, 'add', '--all')
  return dir
}

function run(cwd: string, command: string, args: string[]) {
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8'})
  return {code: result.status, output: `${result.stdout}${result.stderr}`}
}

const tryRepo = (cwd: string, hook: string) =>
  run(cwd, 'pre-commit', ['try-repo', hookRepo, hook, '--ref', hookRev])

describeHooks('pre-commit hooks', () => {
  it('session-log blocks a broken log and shows the findings', () => {
    const dir = project(broken, 'docs/SESSION_LOG.md')
    const result = tryRepo(dir, 'session-log')
    expect(result.code).toBe(1)
    expect(result.output).toMatch(/session-log check\.+Failed/)
    expect(result.output).toMatch(
      /docs\/SESSION_LOG\.md\n\s*51:1-51:16\s+error\s+Heading "### Kill switch" should read "### Kill Switch"\s+section-heading/,
    )
  })

  it('session-log passes a valid log and skips other files', () => {
    const ok = tryRepo(project(valid), 'session-log')
    expect(ok.output).toMatch(/session-log check\.+Passed/)
    expect(ok.code).toBe(0)
    // Only files named SESSION_LOG.md are checked.
    const other = tryRepo(project(broken, 'NOTES.md'), 'session-log')
    expect(other.output).toMatch(/session-log check\.+\(no files to check\)Skipped/)
    expect(other.code).toBe(0)
  })

  it('session-log-fix rewrites only the broken bytes, fails once, then passes', () => {
    const dir = project(broken)
    const first = tryRepo(dir, 'session-log-fix')
    expect(first.code).toBe(1)
    expect(first.output).toMatch(/session-log fix\.+Failed/)
    expect(first.output).toContain('files were modified by this hook')
    expect(readFileSync(join(dir, 'SESSION_LOG.md'), 'utf8')).toBe(valid)
    // The author reviews the fix and stages it; then the hook passes.
    git(dir, 'add', 'SESSION_LOG.md')
    const second = tryRepo(dir, 'session-log-fix')
    expect(second.output).toMatch(/session-log fix\.+Passed/)
    expect(second.code).toBe(0)
  })

  it('installed from a config, stops a commit of a broken log and lets a valid one through', () => {
    const dir = project(broken)
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${hookRev}\n    hooks:\n      - id: session-log\n`,
    )
    git(dir, 'add', '.pre-commit-config.yaml')
    expect(run(dir, 'pre-commit', ['install']).code).toBe(0)
    const blocked = run(dir, 'git', ['commit', '-m', 'log a session'])
    expect(blocked.code).toBe(1)
    expect(blocked.output).toContain('section-heading')
    expect(git(dir, 'log', '--format=%s')).toBe('start')

    writeFileSync(join(dir, 'SESSION_LOG.md'), valid)
    git(dir, 'add', 'SESSION_LOG.md')
    const committed = run(dir, 'git', ['commit', '-m', 'log a session'])
    expect(committed.output).toMatch(/session-log check\.+Passed/)
    expect(committed.code).toBe(0)
    expect(git(dir, 'log', '--format=%s')).toBe('log a session\nstart')
  })

  it('run from a release tag of a clone, as users pin them, and so does the Action', () => {
    // A release: an annotated tag in the repository, which users reach by cloning.
    git(hookRepo, 'tag', '--annotate', 'v0.9.0', '--message', 'release 0.9.0')
    const clone = tempDir()
    git(clone, 'clone', '--quiet', hookRepo, '.')
    const dir = project(broken)
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${clone}\n    rev: v0.9.0\n    hooks:\n      - id: session-log\n`,
    )
    git(dir, 'add', '.pre-commit-config.yaml')
    const result = run(dir, 'pre-commit', ['run', '--all-files'])
    expect(result.output).toMatch(/session-log check\.+Failed/)
    expect(result.output).toContain('section-heading')
    expect(result.code).toBe(1)

    // `uses: owner/repo@v0.9.0` runs action.yml's main from a checkout of the tag.
    const checkout = tempDir()
    git(checkout, 'clone', '--quiet', '--branch', 'v0.9.0', clone, '.')
    const main = /^ {2}main: (.+)$/m.exec(readFileSync(join(checkout, 'action.yml'), 'utf8'))![1]!
    const action = spawnSync(process.execPath, [join(checkout, main)], {
      cwd: dir,
      env: {...env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, INPUT_FILES: 'SESSION_LOG.md'},
      encoding: 'utf8',
    })
    expect(action.stdout).toMatch(/^::error file=SESSION_LOG\.md,line=51,/m)
    expect(action.status).toBe(1)
  })
})
