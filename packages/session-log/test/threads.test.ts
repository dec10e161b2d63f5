// A log checked on several threads gives what one thread gives: the same findings, the
// same fixes. The share-out runs with the built worker file, as the command runs it.
import {fix, Linter, rules, type Options} from 'remark-session-log'
import {afterAll, describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {fixtureToday, readFixtures} from '../../remark-session-log/test/fixtures.js'
import {CheckThreads, parallelFrom} from '../dist/threads.js'
import {run, tempDir, write} from './cli.js'

const fixtures = [
  ...readFixtures('valid'),
  ...readFixtures('fix'),
  ...rules.flatMap((rule) => readFixtures(`invalid/${rule.id}`)),
]

// Shares out every log, however short.
const threads = new CheckThreads(2, 0)
afterAll(() => threads.close())

async function onThreads(text: string, options: Options) {
  const shared = await threads.check(text, options)
  if (!shared) throw new Error('the threads did not check the log')
  const linter = new Linter(options, shared.store)
  return {shared, findings: linter.lint(text).findings, fixed: fix(text, options, linter).output}
}

describe('checking on several threads', () => {
  it('finds and fixes what one thread does, on every fixture', async () => {
    for (const {name, text, options} of fixtures) {
      const {findings, fixed} = await onThreads(text, options)
      expect(findings, name).toEqual(new Linter(options).lint(text).findings)
      expect(fixed, name).toBe(fix(text, options).output)
    }
  })

  it('shares a long log between the threads, with the same findings', async () => {
    const text = generateLog(150, {seed: 7, defectRate: 0.1})
    const options = {today: fixtureToday}
    const {shared, findings, fixed} = await onThreads(text, options)
    // The worker took part: otherwise this would test one thread against itself.
    expect(shared.elsewhere).toBeGreaterThan(0)
    const alone = new Linter(options).lint(text).findings
    expect(alone.length).toBeGreaterThan(0)
    expect(findings).toEqual(alone)
    expect(fixed).toBe(fix(text, options).output)
  })

  it('leaves a short log, and settings a thread cannot take, to this thread', async () => {
    const text = generateLog(200, {seed: 1})
    expect(text.length).toBeLessThan(parallelFrom)
    expect(await new CheckThreads(2).check(text, {})).toBeUndefined()
    expect(await new CheckThreads(1, 0).check(generateLog(50, {seed: 1}), {})).toBeUndefined()
    // A JavaScript settings file may hold what cannot be sent to a thread.
    const odd = new CheckThreads(2, 0)
    const options = {today: fixtureToday, note: () => 'a function'} as Options
    expect(await odd.check(generateLog(50, {seed: 1}), options)).toBeUndefined()
    // Said under --debug; the workers are not asked again.
    expect(odd.problem).toMatch(/^the settings cannot be sent to a thread: .*could not be cloned/)
    expect(await odd.check(generateLog(50, {seed: 1}), {today: fixtureToday})).toBeUndefined()
    await odd.close()
  })
})

describe('session-log check --threads', () => {
  // Fixing from the threads' store is the in-process tests' (fix takes the same linter).
  it('reports a long log as one thread does', async () => {
    const cwd = tempDir()
    // Over the size from which the command shares a log out.
    const text = generateLog(300, {seed: 5, defectRate: 0.1})
    expect(text.length).toBeGreaterThan(parallelFrom)
    write(cwd, {'SESSION_LOG.md': text})
    const report = (threads: string, ...more: string[]) =>
      run(['check', 'SESSION_LOG.md', '-f', 'json', '--threads', threads, ...more], {cwd})
    const [one, two] = await Promise.all([report('1'), report('2', '--debug')])
    // The built command's worker took part: its file ships beside the command's.
    const shared = /: (\d+) of (\d+) chunks checked on worker threads\n/.exec(two.stderr)
    expect(shared, two.stderr).not.toBeNull()
    expect(Number(shared![1])).toBeGreaterThan(0)
    expect(two.code).toBe(one.code)
    const findings = JSON.parse(one.stdout) as unknown[]
    expect(findings.length).toBeGreaterThan(0)
    expect(JSON.parse(two.stdout)).toEqual(findings)
  })

  it('refuses a thread count that is no whole number from 1', async () => {
    const result = await run(['check', '--threads', '0'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--threads 0: write a whole number, such as 1')
  })
})
