// Writes the stress corpus: logs at the edges of size, depth and encoding. The files are
// made at test time, so the repository holds no multi-megabyte fixtures.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const fixtures = fileURLToPath(new URL('../../fixtures/valid/', import.meta.url))

/** A valid one-entry log of the default template, to grow the cases from. */
export const baseLog = readFileSync(join(fixtures, 'billing-single-entry.md'), 'utf8')

export interface StressCase {
  /** The file name inside the corpus folder. */
  name: string
  /** What a run must say: the CLI refuses the file, or checks it as a log. */
  outcome: 'refused' | 'checked'
  /** Text cases can also go through the plugin in-process. */
  text?: string
  bytes: Buffer
}

/** Inserts `block` into the first entry, right before its `### Output` section. */
function intoEntry(block: string): string {
  const at = baseLog.indexOf('### Output')
  if (at === -1) throw new Error('the base log has no "### Output" section')
  return `${baseLog.slice(0, at)}${block}\n\n${baseLog.slice(at)}`
}

/** Replaces the value of the `**Date:**` line. */
function withDate(value: string): string {
  return baseLog.replace(/^\*\*Date:\*\* .*$/m, () => `**Date:** ${value}`)
}

function timeline(rows: number): string {
  const lines = ['| Time | What happened |', '|---|---|']
  for (let i = 0; i < rows; i++) {
    const minutes = i % (100 * 60)
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    lines.push(`| ${time} | Step ${i}: edited the handler and ran the tests again |`)
  }
  return lines.join('\n')
}

function nestedList(depth: number): string {
  return Array.from({length: depth}, (_, i) => `${'  '.repeat(i)}- level ${i} [ ] item`).join('\n')
}

function nestedQuotes(depth: number): string {
  return `${'> '.repeat(depth)}**Date:** quoted ${'`'.repeat(3)} deep`
}

/** A small PNG: signature, IHDR, IDAT and IEND chunks (the CRCs are not checked). */
function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
    Buffer.from('0000000d4944415478da63f8cfc0f01f0005000201a5f7ad1f', 'hex'),
    Buffer.from('0000000049454e44ae426082', 'hex'),
  ])
}

function text(name: string, content: string, outcome: StressCase['outcome'] = 'checked') {
  return {name, outcome, text: content, bytes: Buffer.from(content, 'utf8')}
}

/** The cases, built in memory. */
export function stressCases(): StressCase[] {
  const words = 'the model kept rewriting the retry handler '
  return [
    text('paragraph-2mb.md', intoEntry(words.repeat(Math.ceil(2_000_000 / words.length)))),
    text('timeline-5000-rows.md', baseLog.replace(/\| Time \|[^]*?\n\n/, `${timeline(5000)}\n\n`)),
    text('lists-200-deep.md', intoEntry(nestedList(200))),
    text('quotes-200-deep.md', intoEntry(nestedQuotes(200))),
    text('lists-in-quotes-200-deep.md', intoEntry(`${'> - '.repeat(200)}[x] deep`)),
    text('backticks-10000.md', intoEntry('`'.repeat(10_000))),
    text('backtick-runs.md', intoEntry('`a'.repeat(10_000))),
    text('stars-field-100000.md', withDate('*'.repeat(100_000))),
    text('stars-line-100000.md', intoEntry('*'.repeat(100_000))),
    text('stars-metric-100000.md', baseLog.replace('| 85 |', `| x${'*'.repeat(100_000)}x |`)),
    text('spaces-heading-100000.md', intoEntry(`### Notes${' '.repeat(100_000)}x`)),
    text('brackets-100000.md', intoEntry(`- ${'[ '.repeat(50_000)}`)),
    text(
      'nul-bytes.md',
      baseLog.replace('**Engineer:** ', '**Engineer:** \u0000\u0000'),
      'refused',
    ),
    {
      name: 'invalid-utf8.md',
      outcome: 'refused',
      bytes: Buffer.concat([Buffer.from(baseLog.slice(0, 200)), Buffer.from([0xc3, 0x28, 0xff])]),
    },
    {name: 'SESSION_LOG.md', outcome: 'refused', bytes: png()},
    text('empty.md', '', 'refused'),
    text('only-rule.md', '---', 'refused'),
    text('Sitzung März – 2026 ✓.md', baseLog),
  ]
}

/** Writes every case into `dir` and returns them. */
export function writeCorpus(dir: string): StressCase[] {
  const cases = stressCases()
  for (const stress of cases) writeFileSync(join(dir, stress.name), stress.bytes)
  return cases
}
