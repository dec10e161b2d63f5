import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import type {Finding} from '../src/rule.js'
import {rules} from '../src/rules/index.js'
import {fixtureToday} from './fixtures.js'

const template = readFileSync(new URL('../templates/session-log.v0.2.md', import.meta.url), 'utf8')
const ruleIds = new Set(rules.map((rule) => rule.id))

function lintAt(text: string): Finding[] {
  return lint(text, {today: fixtureToday})
}

/** Line and column of an offset, counting `\r\n`, `\n` and `\r` as line endings. */
function pointAt(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    const char = text[i]
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      line++
      lineStart = i + 1
    }
  }
  return {line, column: offset - lineStart + 1}
}

/** Every finding names a known rule and a range that lies inside the text it came from. */
function expectSensible(text: string, findings: Finding[]): void {
  const source = text.replace(/^\uFEFF/, '')
  for (const finding of findings) {
    expect(ruleIds.has(finding.ruleId), finding.ruleId).toBe(true)
    expect(finding.message.length).toBeGreaterThan(0)
    expect(finding.start.offset).toBeGreaterThanOrEqual(0)
    expect(finding.start.offset).toBeLessThanOrEqual(finding.end.offset)
    expect(finding.end.offset).toBeLessThanOrEqual(source.length)
    for (const point of [finding.start, finding.end]) {
      expect({line: point.line, column: point.column}).toEqual(pointAt(source, point.offset))
    }
  }
  const offsets = findings.map((finding) => finding.start.offset)
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b))
}

/** Bytes from a fixed seed, so a failure can be replayed. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    bytes[i] = state >>> 24
  }
  return bytes
}

describe('hostile input', () => {
  it('reports the missing title of an empty file', () => {
    const findings = lintAt('')
    expect(findings.map((finding) => finding.ruleId)).toContain('document-title')
    expect(findings[0]?.start).toEqual({line: 1, column: 1, offset: 0})
    expectSensible('', findings)
  })

  it('reports the missing title of a file that is only a thematic break', () => {
    for (const text of ['---', '---\n', '---\r\n']) {
      const findings = lintAt(text)
      expect(findings.map((finding) => finding.ruleId)).toContain('document-title')
      expectSensible(text, findings)
    }
  })

  it('lints random binary bytes decoded as UTF-8', () => {
    for (const seed of [1, 7, 42, 2026]) {
      const text = new TextDecoder('utf-8').decode(randomBytes(4096, seed))
      expect(text).toContain('\uFFFD')
      const findings = lintAt(text)
      expectSensible(text, findings)
    }
  })

  it('lints a log full of NUL characters', () => {
    const nul = '\u0000'
    const text = [
      `# Session Log${nul}`,
      '',
      `## Session: ${nul}${nul}`,
      '',
      `**Date:** 2026-01-0${nul}`,
      `**Engineer:** ${nul}`,
      '',
      `### Inp${nul}uts`,
      '',
      `- [${nul}] project-context.md`,
      `| Time | ${nul} |`,
      '|---|---|',
      `| 00:00 | ${nul.repeat(50)} |`,
    ].join('\n')
    const findings = lintAt(text)
    const ids = findings.map((finding) => finding.ruleId)
    expect(ids).toContain('required-field')
    expect(ids).toContain('field-date')
    expectSensible(text, findings)
  })

  it('lints the raw template, reporting its placeholders', () => {
    const findings = lintAt(template)
    expectSensible(template, findings)
    // Fails until the placeholder rule lands: the template is all placeholders.
    expect(findings.filter((finding) => finding.ruleId === 'placeholder').length).toBeGreaterThan(0)
  })

  it('lints a very long single line and deep nesting without a stack overflow', () => {
    const long = `# Session Log\n\n## Session: ${'x'.repeat(200_000)}\n`
    expectSensible(long, lintAt(long))
    const deep = `# Session Log\n\n## Session: deep\n\n${'> '.repeat(500)}- [ ] x\n`
    expectSensible(deep, lintAt(deep))
  })
})

// Pieces of a real log: the template's lines, a few filled-in lines and some noise.
const fragments = [
  ...template.split('\n'),
  '**Date:** 2026-02-30',
  '**Date:** 2025-03-14',
  '**Mode:** B (Heartbeat 3 of 2)',
  '| 00:10 | AI proposed a structure |',
  '| Lines kept after review | ~120 |',
  '| Total session time | 1h 30m |',
  '- [x] Existing code files:',
  '-[ ] DB schema',
  '* [X] Other: notes',
  '- **Was the kill switch triggered?** Yes',
  '## Session: ',
  '### output',
  '#### Inputs',
  '<!-- session-log-disable -->',
  '```',
  '',
  '\t',
  '\u0000',
  '\uFEFF',
]

const markdownShaped = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({maxLength: 12})), {
      maxLength: 60,
    }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol))

describe('lint never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => {
        expectSensible(text, lintAt(text))
      }),
      {numRuns: 100},
    )
  })

  it('on Markdown built from fragments of the template', () => {
    fc.assert(
      fc.property(markdownShaped, (text) => {
        expectSensible(text, lintAt(text))
      }),
      {numRuns: 150},
    )
  })
})
