import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {expectGolden, run, tempDir, write} from './cli.js'

const sharedFixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const twelve = readFileSync(join(sharedFixtures, 'valid/checkout-team-twelve-entries.md'), 'utf8')
const payments = readFileSync(join(sharedFixtures, 'valid/payments-team.md'), 'utf8')
const heartbeat = readFileSync(
  join(sharedFixtures, 'valid/notifications-heartbeat-v0.3.md'),
  'utf8',
)

function folder(files: Record<string, string>): string {
  const dir = tempDir()
  write(dir, files)
  return dir
}

describe.concurrent('session-log stats', () => {
  it('prints tables with bars in the terminal width', async () => {
    const cwd = folder({'SESSION_LOG.md': twelve})
    const result = await run(['stats'], {cwd, env: {COLUMNS: '100'}})
    expect(result).toMatchObject({code: 0, stderr: ''})
    expectGolden('stats.txt', result.stdout)
    expect(result.stdout).not.toContain('\u001b[')
    // Every line fits the width it was given.
    const widest = Math.max(...result.stdout.split('\n').map((line) => [...line].length))
    expect(widest).toBeLessThanOrEqual(100)
    const narrow = await run(['stats'], {cwd, env: {COLUMNS: '60'}})
    expect(
      Math.max(...narrow.stdout.split('\n').map((line) => [...line].length)),
    ).toBeLessThanOrEqual(60)
    expect(narrow.stdout).toMatch(/Chen Wei +4 +5h 55m +10h +█+░+\n/)
  })

  it('colors only when asked or on a terminal, and never under NO_COLOR', async () => {
    const cwd = folder({'SESSION_LOG.md': twelve})
    const forced = await run(['stats', '--color'], {cwd})
    expect(forced.stdout).toContain('\u001b[36m█')
    const env = await run(['stats'], {cwd, env: {FORCE_COLOR: '1'}})
    expect(env.stdout).toContain('\u001b[1m')
    const off = await run(['stats', '--color'], {cwd, env: {NO_COLOR: '1'}})
    // The flag wins over NO_COLOR, as in check; NO_COLOR alone turns colors off.
    expect(off.stdout).toContain('\u001b[')
    const plain = await run(['stats'], {cwd, env: {NO_COLOR: '1'}})
    expect(plain.stdout).not.toContain('\u001b[')
  })

  it('writes Markdown tables for a pull request', async () => {
    const cwd = folder({'SESSION_LOG.md': twelve})
    const result = await run(['stats', '-f', 'markdown', '--by', 'engineer,month'], {cwd})
    expect(result.code).toBe(0)
    expectGolden('stats.md', result.stdout)
  })

  it('writes JSON whose totals are the hand-computed ones, grouped as documented', async () => {
    const cwd = folder({'a.md': twelve, 'b.md': payments, 'c.md': heartbeat})
    const result = await run(['stats', '*.md', '-f', 'json'], {cwd})
    expect(result).toMatchObject({code: 0, stderr: ''})
    const report = JSON.parse(result.stdout) as {
      logs: number
      totals: Record<string, unknown>
      by: Record<string, Array<Record<string, unknown>>>
      notes: unknown[]
    }
    expect(report.logs).toBe(3)
    // 1100 + 155 + 255 minutes, and so on: the three fixtures' own figures added up.
    expect(report.totals).toMatchObject({
      entries: 12 + 2 + 2,
      minutes: 1100 + 155 + 255,
      minutesWithoutAI: 2010 + 300 + 360,
      linesGenerated: 1700 + 270 + 450,
      linesKept: 1200 + 220 + 315,
      linesManual: 515 + 65 + 115,
      hallucinations: 8 + 1 + 3,
      killSwitchTriggered: 1 + 0 + 1,
    })
    expect(Object.keys(report.by)).toEqual(['engineer', 'tool', 'feature', 'month'])
    for (const groups of Object.values(report.by)) {
      for (const group of groups) {
        expect(typeof group.key).toBe('string')
        for (const field of ['entries', 'minutes', 'minutesWithoutAI', 'linesGenerated']) {
          expect(typeof group[field]).toBe('number')
        }
      }
    }
    expect(report.notes).toEqual([])
  })

  it('restricts to --from and --to, and names what it could not read', async () => {
    const broken = twelve.replace(
      '| Total session time | 1h 20m |',
      '| Total session time | soon |',
    )
    const cwd = folder({'SESSION_LOG.md': broken})
    const result = await run(
      ['stats', '--from', '2026-05-01', '--to', '2026-05-31', '-f', 'json'],
      {cwd},
    )
    const report = JSON.parse(result.stdout) as {
      totals: {entries: number; unknown: Record<string, number>}
      notes: Array<{path: string; line: number; message: string}>
    }
    expect(report.totals.entries).toBe(7)
    expect(report.totals.unknown).toEqual({minutes: 1})
    expect(report.notes).toHaveLength(1)
    expect(report.notes[0]).toMatchObject({path: 'SESSION_LOG.md'})
    expect(report.notes[0]?.message).toContain('"Total session time" is "soon"')
    const text = await run(['stats', '--from', '2026-05-01'], {cwd})
    expect(text.stdout).toContain('Not stated or not readable: session time in 1 entry.')
    expect(text.stdout).toMatch(/Notes \(1\)\n {2}SESSION_LOG\.md:\d+ {2}Entry "/)
  })

  it('writes one self-contained HTML file with charts and escaped text', async () => {
    const hostile = payments
      .replaceAll('Priya Raman', '<img src=x onerror=alert(1)>')
      .replaceAll('Cursor + Claude Sonnet 4', '<script>alert(1)</script>')
    const cwd = folder({'SESSION_LOG.md': hostile, 'out/.keep': ''})
    const result = await run(['stats', '-f', 'html', '-o', 'out/report.html'], {cwd})
    expect(result).toMatchObject({code: 0, stdout: '', stderr: ''})
    const html = readFileSync(join(cwd, 'out/report.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain("default-src 'none'")
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4)
    // Nothing to fetch, nothing to run.
    expect(html).not.toMatch(/<script|<img|src=["']?http|href=["']?http/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // Takeaways link to their line, relative to the report.
    expect(html).toContain('<a href="../SESSION_LOG.md#L99">SESSION_LOG.md:99</a>')
    const linked = await run(
      ['stats', '-f', 'html', '-o', 'r.html', '--link-base', 'https://example.org/blob/main/'],
      {cwd},
    )
    expect(linked.code).toBe(0)
    expect(readFileSync(join(cwd, 'r.html'), 'utf8')).toContain(
      'href="https://example.org/blob/main/SESSION_LOG.md#L99"',
    )
    // A second run replaces the report.
    const again = await run(['stats', '-f', 'html', '-o', 'out/report.html'], {cwd})
    expect(again.code).toBe(0)
  })

  it('escapes control characters from a log in the terminal', async () => {
    const cwd = folder({
      'SESSION_LOG.md': payments.replaceAll('Priya Raman', 'Priya\u001b[2JRaman'),
    })
    const result = await run(['stats', '--by', 'engineer'], {cwd, env: {COLUMNS: '120'}})
    expect(result.stdout).toContain('Priya\\x1b[2JRaman')
    expect(result.stdout).not.toContain('\u001b')
  })

  it('aligns names a terminal draws two columns wide', async () => {
    const cwd = folder({'SESSION_LOG.md': payments.replaceAll('Priya Raman', '田中 美咲')})
    const result = await run(['stats', '--by', 'engineer'], {cwd})
    // Nine columns for the name (four wide characters and a space), as many as its header
    // needs at least: no padding, then "Entries" right-aligned in seven.
    expect(result.stdout).toContain('\n  Engineer   Entries ')
    expect(result.stdout).toContain('\n  田中 美咲        2  2h 35m ')
  })

  it('refuses options it cannot use, saying what it wants', async () => {
    const cwd = folder({'SESSION_LOG.md': twelve})
    const cases: Array<[string[], string]> = [
      [['-f', 'pdf'], '--format pdf: stats writes text, markdown, json, html'],
      [
        ['--by', 'enginer'],
        '--by enginer: group by engineer, tool, feature, month; did you mean engineer?',
      ],
      [['--from', '2026-02-30'], '--from 2026-02-30: write a day of the calendar as YYYY-MM-DD'],
      [
        ['--from', '2026-06-01', '--to', '2026-05-01'],
        '--from 2026-06-01 is after --to 2026-05-01; swap them',
      ],
    ]
    for (const [args, message] of cases) {
      const result = await run(['stats', ...args], {cwd})
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toBe(`session-log: ${message}\n`)
    }
  })

  it('reports the logs it can read and exits 2 for the ones it cannot', async () => {
    const cwd = folder({'SESSION_LOG.md': twelve})
    const result = await run(['stats', 'SESSION_LOG.md', 'missing.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('Session logs: 12 entries in 1 log')
    expect(result.stderr).toBe(
      'session-log: missing.md: does not exist; check the path, or start a log with `session-log init`\n',
    )
  })

  it('reads the template from the settings of the log', async () => {
    const cwd = folder({
      'SESSION_LOG.md': payments,
      '.session-logrc.json': JSON.stringify({template: 'heartbeat-log.v0.3'}),
    })
    const result = await run(['stats', '-f', 'json'], {cwd})
    const report = JSON.parse(result.stdout) as {notes: Array<{message: string}>}
    expect(report.notes[0]?.message).toMatch(/does not follow the template Heartbeat Log 0.3/)
  })
})
