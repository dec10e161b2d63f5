import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import type {Finding} from '../src/rule.js'
import {fixtureToday} from './fixtures.js'
import {expectSensible} from './properties.js'

const template = readFileSync(new URL('../templates/session-log.v0.2.md', import.meta.url), 'utf8')

function lintAt(text: string): Finding[] {
  return lint(text, {today: fixtureToday})
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

  it('reads a file that is only a thematic break as no session log', () => {
    for (const text of ['---', '---\n', '---\r\n']) {
      const findings = lintAt(text)
      expect(findings.map((finding) => finding.ruleId)).toEqual(['not-a-session-log'])
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

// Lint on arbitrary and Markdown-shaped strings: test/properties.ts, run by properties.test.ts.
