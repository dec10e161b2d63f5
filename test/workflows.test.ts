// The GitHub workflows cannot run here (GitHub itself is the one part mocked by reading
// them): what they run is checked against the README, and the release script for real.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')

interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: Record<
    string,
    {strategy?: {matrix: {node: number[]}}; steps: Array<{run?: string; uses?: string}>}
  >
}
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow

/** The README's test command: the block after "Run every check". */
const testCommand = /Run every check[^\n]*\n\n```sh\n([^\n]+)\n```/.exec(read('README.md'))![1]!

function releaseCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/release-check.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('the GitHub workflows', () => {
  it('CI runs the README test command on pull requests, on Node 20 and 22', () => {
    const ci = workflow('ci.yml')
    expect(Object.keys(ci.on)).toEqual(['pull_request', 'push'])
    const [job] = Object.values(ci.jobs)
    expect(job!.strategy?.matrix.node).toEqual([20, 22])
    expect(job!.steps.map((step) => step.run)).toContain(testCommand)
    // .ci/run, what this project's own CI runs, ends with the same command.
    expect(read('.ci/run').trim().split('\n').at(-1)).toBe(testCommand)
  })

  it('a release tag runs the tests, publishes with provenance and makes the release', () => {
    const release = workflow('release.yml')
    expect(release.on).toEqual({push: {tags: ['v*.*.*']}})
    expect(release.permissions).toEqual({contents: 'write', 'id-token': 'write'})
    const runs = Object.values(release.jobs)[0]!.steps.flatMap((step) => step.run ?? [])
    const order = [
      runs.findIndex((run) => run.includes('release-check.mjs')),
      runs.indexOf(testCommand),
      runs.findIndex((run) => /pnpm@10 -r publish .*--provenance/.test(run)),
      runs.indexOf('npx --yes pnpm@10 package:vscode'),
      runs.findIndex((run) => /gh release create[^]*vscode-session-log\.vsix/.test(run)),
    ]
    expect(order.every((index) => index !== -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })
})

describe('scripts/release-check.mjs', () => {
  const version = (JSON.parse(read('packages/session-log/package.json')) as {version: string})
    .version

  it('passes the tag of the packages\u2019 version and prints each changelog\u2019s section', () => {
    const ok = releaseCheck(`v${version}`, '--notes')
    expect(ok).toMatchObject({code: 0, stderr: ''})
    for (const name of ['remark-session-log', 'session-log', 'session-log-language-server']) {
      expect(ok.stdout).toContain(`## ${name} ${version}\n\n- `)
    }
  })

  it('refuses another version, and what is not a release tag', () => {
    expect(releaseCheck('v99.0.0')).toMatchObject({
      code: 1,
      stderr: `release-check: remark-session-log is version ${version}, not 99.0.0; set every package to 99.0.0 before tagging\n`,
    })
    expect(releaseCheck('main')).toMatchObject({
      code: 1,
      stderr: 'release-check: "main" is not a release tag; tag releases vX.Y.Z\n',
    })
  })
})
