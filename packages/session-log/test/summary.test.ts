import type {Finding} from 'remark-session-log'
import {describe, expect, it} from 'vitest'
import {InputError} from '../src/files.js'
import {summary} from '../src/reporters/summary.js'

function finding(line: number, message: string): Finding {
  return {
    ruleId: 'placeholder',
    severity: 'error',
    message,
    start: {line, column: 1, offset: 0},
    end: {line, column: 2, offset: 1},
    url: 'https://example.com/rules#placeholder',
  }
}

describe('the job summary', () => {
  it('shows text from a log literally: no HTML, links, table cells or mentions of its own', () => {
    const message = '<img src=x onerror=alert(1)> | [click](https://evil.example) @team #12 $x$ *b*'
    const text = summary({
      files: [{name: 'a|b.md', findings: [finding(3, message)]}],
      problems: [],
      fixed: [],
      since: undefined,
      fileUrl: undefined,
    })
    const row = text.split('\n').find((line) => line.startsWith('| 3 |'))
    expect(row).toBe(
      '| 3 | error | [placeholder](https://example.com/rules#placeholder) | \\<img src=x onerror=alert(1)\\> \\| \\[click\\](https://evil.example) \\@team \\#12 \\$x\\$ \\*b\\* |',
    )
    expect(text).toContain('### a\\|b.md\n')
  })

  it('stays under the 1 MiB GitHub takes, and says how many findings it leaves out', () => {
    const findings = Array.from({length: 20_000}, (_, index) =>
      finding(index + 1, `Value "${'x'.repeat(60)}" is a placeholder; write the real value`),
    )
    const text = summary({
      files: [
        {name: 'SESSION_LOG.md', findings: findings.slice(0, 10_000)},
        {name: 'team/SESSION_LOG.md', findings: findings.slice(10_000)},
      ],
      problems: [new InputError('broken.md', 'is a binary file, not Markdown', 'pass the log')],
      fixed: [],
      since: undefined,
      fileUrl: (name) => `https://github.com/octo/shop/blob/${'0'.repeat(40)}/${name}`,
    })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024)
    expect(Buffer.byteLength(text)).toBeGreaterThan(900 * 1000)
    const rows = text.split('\n').filter((line) => /^\| \[\d+\]/.test(line)).length
    const left = Number(/^(\d+) more findings would make this summary larger/m.exec(text)?.[1])
    expect(rows).toBeGreaterThan(1000)
    expect(rows + left).toBe(20_000)
    expect(text).toMatch(
      /### Not checked\n\n- broken\.md: is a binary file, not Markdown; pass the log\n$/,
    )
  })
})
