// The shipped Vim snippet in the real editor: Debian's Vim with Debian's ALE, against the
// built server. ALE drops `source` and `data` and cannot apply edits the server sends;
// what it shows must still be every finding at its place.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {lint} from 'remark-session-log'
import {afterAll, describe, expect, it} from 'vitest'
import {editorSetup, runEditor} from './client.js'

const snippet = fileURLToPath(new URL('../editors/vim/session_log.vim', import.meta.url))
const sample = fileURLToPath(new URL('../../../fixtures/sample/SESSION_LOG.md', import.meta.url))
const vim = spawnSync('vim', ['--version'], {encoding: 'utf8'})
const hasAle = spawnSync('sh', ['-c', 'ls /usr/share/vim/vimfiles/pack/*/opt/ale'], {
  encoding: 'utf8',
})
const ready = vim.status === 0 && hasAle.status === 0

// CI installs Vim and ALE (.ci/run), so there their absence is a failure; elsewhere the
// suite is skipped, saying why.
if (!ready && process.env.CI) {
  throw new Error(
    'vim or vim-ale is not installed, and CI is set: .ci/run should have installed them',
  )
}
if (!ready)
  console.warn(
    'vim-ale.test.ts skipped: vim or vim-ale is not installed (apt-get install vim vim-ale)',
  )
const describeVim = ready ? describe : describe.skip

// The test's side in the editor: lint, wait for ALE's list, record it, quit.
const driver = `
ALELint
for i in range(300)
  if !empty(ale#engine#GetLoclist(bufnr('')))
    break
  endif
  sleep 100m
endfor
call writefile([json_encode(map(copy(ale#engine#GetLoclist(bufnr(''))), {_, d -> {'lnum': d.lnum, 'code': get(d, 'code', '')}}))], $RESULT_FILE)
qall!
`

const dir = mkdtempSync(join(tmpdir(), 'session-log-vim-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describeVim('Vim with ALE and the shipped snippet', () => {
  it('shows every finding of the sample log at its line', () => {
    const {bin, project} = editorSetup(dir, readFileSync(sample, 'utf8'))
    writeFileSync(join(dir, 'driver.vim'), driver)
    const {status, seen: shown} = runEditor<Array<{lnum: number; code: string}>>(
      'vim',
      [
        '-N',
        '-u',
        snippet,
        '-i',
        'NONE',
        '--not-a-term',
        '-c',
        `source ${join(dir, 'driver.vim')}`,
        'SESSION_LOG.md',
      ],
      {dir, bin, project},
    )
    expect(status).toBe(0)
    const text = readFileSync(sample, 'utf8')
    expect(shown.map(({lnum, code}) => `${lnum}:${code}`)).toEqual(
      lint(text).map((finding) => `${finding.start.line}:${finding.ruleId}`),
    )
  }, 120_000)
})
