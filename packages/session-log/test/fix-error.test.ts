// A fix that cannot finish is a bug in a rule; the command must then write nothing and say
// so. No built-in rule is known to do it (an unclosed code fence did, until required-section
// and footer learned to leave such a log alone), so this test makes `fix` fail on purpose.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {main} from '../dist/cli.js'
import {logDir} from './cli.js'

vi.mock('remark-session-log', async (importOriginal) => {
  const real = await importOriginal<typeof import('remark-session-log')>()
  return {
    ...real,
    fix: () => {
      throw new real.FixError('Fixes did not settle after 10 passes: footer at 3:1', ['footer'])
    },
  }
})

describe('a fix that does not settle', () => {
  it('leaves the file as it was and names the rule', async () => {
    const cwd = logDir('team.md')
    const before = readFileSync(join(cwd, 'SESSION_LOG.md'))
    let out = ''
    let err = ''
    const code = await main(['fix'], {
      cwd,
      debug: false,
      env: {},
      stdin: process.stdin,
      out: (text) => (out += text),
      err: (text) => (err += text),
      outIsTTY: false,
      errIsTTY: false,
      color: () => false,
    })
    expect(code).toBe(2)
    expect(err).toBe(
      'session-log: SESSION_LOG.md: cannot be fixed: Fixes did not settle after 10 passes: footer at 3:1; nothing was written; please report it\n',
    )
    expect(out).not.toContain('Fixed')
    expect(readFileSync(join(cwd, 'SESSION_LOG.md'))).toEqual(before)
  })
})
