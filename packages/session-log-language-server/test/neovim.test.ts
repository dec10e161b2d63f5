// The shipped Neovim snippet in the real editors: Debian's Neovim (0.7, where the
// snippet starts the server itself) and the current release from Debian unstable (where
// it configures `vim.lsp.config`; `.ci/current-editors` fetches it), headless, with the
// built server on their PATH. It opens a log with letters beyond ASCII, reads the
// diagnostics Neovim shows, applies a quick fix the way Neovim asks for one (its line's
// diagnostics converted back, byte columns and all), and saves with fix-on-save.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {fix, lint} from 'remark-session-log'
import {afterAll, describe, expect, it} from 'vitest'
import {editorSetup, runEditor} from './client.js'
import {defects} from './documents.js'

const snippet = fileURLToPath(new URL('../editors/neovim/session_log.lua', import.meta.url))
// The current release, when .ci/current-editors has fetched it.
const currentNeovim = fileURLToPath(new URL('../../../.ci/editors/bin/nvim', import.meta.url))

function versionOf(command: string): string | undefined {
  const run = spawnSync(command, ['--version'], {encoding: 'utf8'})
  return /NVIM v(\S+)/.exec(run.stdout ?? '')?.[1]
}

const neovims = [
  {command: 'nvim', version: versionOf('nvim'), wanted: 'Debian 12 (apt-get install neovim)'},
  {
    command: currentNeovim,
    version: versionOf(currentNeovim),
    wanted: 'the current release (bash .ci/current-editors)',
  },
]

// CI installs both (.ci/run), so there an absence is a failure; elsewhere the suite is
// skipped, saying why.
for (const {version, wanted} of neovims) {
  if (version) continue
  if (process.env.CI)
    throw new Error(
      `Neovim of ${wanted} is missing, and CI is set: .ci/run should have installed it`,
    )
  console.warn(`neovim.test.ts: Neovim of ${wanted} is missing; its tests are skipped`)
}

/** The test's side in the editor: wait, record, quick-fix, save, quit. */
const driver = `
local out = {}
local function record(key, value) out[key] = value end
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
record('attached', ok)
-- Which branch of the snippet ran: vim.lsp.config (0.11 and later) or its own start.
record('lspConfig', vim.lsp.config ~= nil and vim.lsp.enable ~= nil)
local shown = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(shown, { lnum = d.lnum, col = d.col, code = code })
end
record('diagnostics', shown)
-- A quick fix asked for as Neovim asks: the diagnostics of the line, converted back.
local params = vim.lsp.util.make_range_params()
params.range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 1 } }
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, 0), only = { 'quickfix' } }
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 5000)
local titles = {}
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
  end
end
record('quickFixes', titles)
vim.cmd('write')
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.RESULT_FILE)
vim.cmd('qall!')
`

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

function editorRun(nvim: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'session-log-nvim-'))
  made.push(dir)
  const {bin, project} = editorSetup(dir, text)
  writeFileSync(join(dir, 'init.lua'), `dofile(${JSON.stringify(snippet)})\n`)
  writeFileSync(join(dir, 'driver.lua'), driver)
  const {status, seen} = runEditor<{
    attached: boolean
    lspConfig: boolean
    diagnostics: Array<{lnum: number; col: number; code: string}>
    quickFixes: string[]
  }>(
    nvim,
    [
      '--headless',
      '-u',
      join(dir, 'init.lua'),
      '-c',
      `luafile ${join(dir, 'driver.lua')}`,
      'SESSION_LOG.md',
    ],
    {dir, bin, project},
    // Nothing of the machine's own Neovim setup.
    {
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_STATE_HOME: join(dir, 'state'),
    },
  )
  return {...seen, status, saved: readFileSync(join(project, 'SESSION_LOG.md'), 'utf8')}
}

for (const {command, version, wanted} of neovims) {
  ;(version ? describe : describe.skip)(
    `Neovim ${version ?? wanted} with the shipped snippet`,
    () => {
      // A near-miss title with a letter beyond ASCII (its fix ends after it), CJK names in
      // the log, and no newline at the end of the file.
      const log = defects.replace(/^# Séssion Lög 🙂/, '# Séssion Log').replace(/\n+$/, '')

      it.each([
        ['without a final newline', log],
        ['with CRLF line endings and a final one', `${log.replace(/\n/g, '\r\n')}\r\n`],
      ])(
        'shows the diagnostics at their lines, applies a quick fix and fixes on save: %s',
        (_name, log) => {
          const run = editorRun(command, log)
          expect(run.attached).toBe(true)
          const [major, minor] = version!.split('.').map(Number)
          expect(run.lspConfig).toBe(major! > 0 || minor! >= 11)
          const lines = (findings: Array<{line: number; ruleId: string}>) =>
            findings.map(({line, ruleId}) => `${line}:${ruleId}`).sort()
          expect(lines(run.diagnostics.map((d) => ({line: d.lnum + 1, ruleId: d.code})))).toEqual(
            lines(lint(log).map((f) => ({line: f.start.line, ruleId: f.ruleId}))),
          )
          expect(run.quickFixes).toEqual(['Replace with "Session Log"'])
          // The quick fix, then fix-all on save: byte for byte what `session-log fix` writes.
          expect(run.saved).toBe(fix(log).output)
        },
        120_000,
      )
    },
  )
}
