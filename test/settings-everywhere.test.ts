// One settings system: a rule turned off in .session-logrc.yml is off for remark with the
// plugin, the command line, the language server and the Action alike.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {Client} from '../packages/session-log-language-server/test/client.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const valid = readFileSync(join(root, 'fixtures/valid/payments-team.md'), 'utf8')
// Two errors: a section heading (turned off by the settings) and a date (left on).
const log = valid.replace('### Kill Switch', '### Kill switch').replace('2025-03-14', '2025-02-30')

const dir = mkdtempSync(join(tmpdir(), 'session-log-settings-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
writeFileSync(join(dir, 'SESSION_LOG.md'), log)
writeFileSync(join(dir, '.session-logrc.yml'), 'rules:\n  section-heading: off\n')

const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, {cwd: dir, encoding: 'utf8', env: {...process.env, ...env}})

describe.concurrent('a rule turned off in .session-logrc.yml', () => {
  it('is off for remark with the plugin', () => {
    const remark = join(root, 'node_modules/remark-cli/cli.js')
    const plugin = join(root, 'packages/remark-session-log/dist/index.js')
    const ran = node([remark, 'SESSION_LOG.md', '--no-color', '--no-stdout', '--use', plugin])
    expect(ran.stderr).toContain('field-date')
    expect(ran.stderr).not.toContain('section-heading')
    expect(ran.status).toBe(1)
  })

  it('is off for the command line', () => {
    const cli = join(root, 'packages/session-log/bin/session-log.js')
    const ran = node([cli, 'check', '-f', 'json'])
    const ids = (JSON.parse(ran.stdout) as Array<{ruleId: string}>).map((f) => f.ruleId)
    expect(ids).toEqual(['field-date'])
  })

  it('is off for the Action', () => {
    const action = join(root, 'dist-bundle/action.mjs')
    const ran = node([action], {
      GITHUB_WORKSPACE: dir,
      INPUT_FILES: 'SESSION_LOG.md',
      INPUT_SINCE: 'all',
    })
    const titles = [...ran.stdout.matchAll(/title=([\w-]+)::/g)].map((match) => match[1])
    expect(titles).toEqual(['field-date'])
  })

  it('is off for the language server', async () => {
    const client = new Client({capabilities: {}})
    await client.initialize()
    const uri = pathToFileURL(join(dir, 'SESSION_LOG.md')).href
    await client.open(uri, log)
    const {diagnostics} = await client.diagnosticsOf(uri, 1)
    expect(diagnostics.map((d) => d.code)).toEqual(['field-date'])
    expect(await client.shutdown()).toBe(0)
  })
})
