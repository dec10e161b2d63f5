// The plugin's properties, shared by the test suite (a few hundred cases per run) and
// `pnpm fuzz` (100,000 cases and more, with the seed of any failure).
import fc from 'fast-check'
import {expect} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {fix, FixError} from '../src/fix/fix.js'
import {lint} from '../src/lint.js'
import {buildModel} from '../src/model/model.js'
import type {SessionLog} from '../src/model/types.js'
import type {Finding} from '../src/rule.js'
import {rules} from '../src/rules/index.js'
import {insertEntry} from '../src/scaffold.js'
import {buildModelByChunks} from '../src/model/chunks.js'
import {stats} from '../src/stats/stats.js'
import {loadTemplate, templateFor} from '../src/template/load.js'
import {commonmarkExamples, pastedIntoAnswer} from './commonmark.js'
import {remarkTrees} from './remark-trees.js'
import {blockTree} from './block-trees.js'
import {parseByLines} from '../src/model/line-parse.js'
import {parseMarkdown} from '../src/model/parse.js'
import {splitChunks} from '../src/model/split.js'
import {expectFixGuarantees, lostWords} from './fix-guarantees.js'
import {fixtureToday} from './fixtures.js'

const options = {today: fixtureToday}
const schema = loadTemplate()
const ruleIds = new Set(rules.map((rule) => rule.id))
const template = [schema.source.header, schema.source.entry, schema.source.footer].join('\n')

/**
 * A bound on one lint of a small input that no healthy run comes near (they take
 * milliseconds), so that a case that backtracks or loops fails instead of stalling.
 */
const lintBoundMs = 2_000

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
export function expectSensible(text: string, findings: Finding[]): void {
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

/** Lints within the time bound; the findings must make sense for the text. */
export function lintInTime(text: string): Finding[] {
  const start = performance.now()
  const findings = lint(text, options)
  const ms = performance.now() - start
  expect(ms, `lint took ${Math.round(ms)} ms on ${text.length} characters`).toBeLessThan(
    lintBoundMs,
  )
  expectSensible(text, findings)
  return findings
}

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
  '> ',
  '    indented code',
  '',
  '\t',
  '\u0000',
  '\uFEFF',
]

/** Lines of the template, filled-in lines and noise, joined by one line ending. */
export const markdownShaped = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({maxLength: 12})), {
      maxLength: 60,
    }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol))

/** Front matter other tools put at the top of a Markdown file; none is the usual. */
const frontMatters = [
  '',
  '---\ntitle: Session log\n# Newest first\n## Session: not a heading here\n---\n\n',
  '+++\ntitle = "Session log"\n+++\n\n',
]

/**
 * A valid log: entries from the benchmark's generator (its seed picks names, numbers and
 * timelines), in one of the line endings, with or without a BOM, with `-` or `*` bullets,
 * and sometimes front matter and link reference definitions after the footer.
 */
export const validLog = fc
  .record({
    entries: fc.integer({min: 1, max: 5}),
    seed: fc.integer({min: 1, max: 2 ** 31 - 1}),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    stars: fc.boolean(),
    frontMatter: fc.constantFrom(...frontMatters),
    definitions: fc.boolean(),
  })
  .map(({entries, seed, eol, bom, stars, frontMatter, definitions}) => {
    let text = frontMatter + generateLog(entries, {seed})
    if (stars) text = text.replace(/^- /gm, '* ')
    if (definitions) text += '\n[tracker]: https://tracker.example.com "Tracker"\n'
    return (bom ? '\uFEFF' : '') + text.replace(/\n/g, eol)
  })

/** One way an author breaks a log; `pick` chooses which part, `order` how to reorder. */
export type Mutation =
  | {kind: 'shuffle-entries'; order: number[]}
  | {kind: 'shuffle-sections'; pick: number; order: number[]}
  | {kind: 'lowercase-heading'; pick: number}
  | {kind: 'break-box'; pick: number}
  | {kind: 'drop-separator'; pick: number}

const order = fc.array(fc.nat(), {minLength: 2, maxLength: 12})
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constant('shuffle-entries' as const), order}),
  fc.record({kind: fc.constant('shuffle-sections' as const), pick: fc.nat(), order}),
  fc.record({kind: fc.constant('lowercase-heading' as const), pick: fc.nat()}),
  fc.record({kind: fc.constant('break-box' as const), pick: fc.nat()}),
  fc.record({kind: fc.constant('drop-separator' as const), pick: fc.nat()}),
)

/** Reorders `items` by sorting them on random keys (a stable, total shuffle). */
function shuffle<T>(items: T[], keys: number[]): T[] {
  return items
    .map((item, index) => ({item, key: keys[index % keys.length]! + index / items.length}))
    .sort((a, b) => a.key - b.key)
    .map(({item}) => item)
}

/** Replaces consecutive stretches of `text` by the same stretches in another order. */
function reorder(text: string, bounds: number[], keys: number[]): string {
  const chunks = bounds.slice(0, -1).map((start, index) => text.slice(start, bounds[index + 1]))
  const first = bounds[0]!
  const last = bounds.at(-1)!
  return text.slice(0, first) + shuffle(chunks, keys).join('') + text.slice(last)
}

/** Applies one mutation to a log without a BOM. */
export function mutate(text: string, change: Mutation): string {
  const log: SessionLog = buildModel(text, schema)
  const {entries} = log
  switch (change.kind) {
    case 'shuffle-entries': {
      if (entries.length < 2) return text
      const end = log.footer?.start.offset ?? text.length
      return reorder(text, [...entries.map((entry) => entry.start.offset), end], change.order)
    }
    case 'shuffle-sections': {
      const entry = entries[change.pick % Math.max(1, entries.length)]
      // Without its separator the last section has no line ending to carry along.
      if (!entry?.separator || entry.sections.length < 2) return text
      const starts = entry.sections.map((section) => section.start.offset)
      return reorder(text, [...starts, entry.separator.start.offset], change.order)
    }
    case 'lowercase-heading': {
      const headings = entries.flatMap((entry) => entry.sections.map((section) => section.heading))
      const heading = headings[change.pick % Math.max(1, headings.length)]
      if (!heading) return text
      const {start, end} = heading.content
      return (
        text.slice(0, start.offset) + heading.content.text.toLowerCase() + text.slice(end.offset)
      )
    }
    case 'break-box': {
      const boxes = entries.flatMap((entry) =>
        entry.sections.flatMap((section) => section.checkboxes),
      )
      const box = boxes[change.pick % Math.max(1, boxes.length)]
      if (!box || box.malformed) return text
      // `- [ ]` becomes `-[ ]`: the space between bullet and box goes.
      const at = box.box.start.offset
      if (text[at - 1] !== ' ') return text
      return text.slice(0, at - 1) + text.slice(at)
    }
    case 'drop-separator': {
      const separators = entries.flatMap((entry) => (entry.separator ? [entry.separator] : []))
      const separator = separators[change.pick % Math.max(1, separators.length)]
      if (!separator) return text
      const eol = /^\r?\n/.exec(text.slice(separator.end.offset))?.[0] ?? ''
      return text.slice(0, separator.start.offset) + text.slice(separator.end.offset + eol.length)
    }
  }
}

/** Mutations applied in turn to a log that may start with a BOM. */
export function mutateAll(log: string, changes: Mutation[]): string {
  const bom = log.startsWith('\uFEFF') ? '\uFEFF' : ''
  let text = log.slice(bom.length)
  for (const change of changes) text = mutate(text, change)
  return bom + text
}

/** Rules about the shape of a log, which an entry fresh from the template must satisfy. */
// Lines the line reader reads itself, some of which change how the line before or after
// them is read; and lines it leaves to micromark, now and then, to end its answers.
const readLines = [
  ...['', '  ', 'text', 'text  ', '**Date:** 2026-05-31', '*e* f', '_x_ y', '-foo', '+++', '#tag'],
  ...['1.5 hours', '---', '## Session: a', '## h  ', '### *e* `c`', '####### seven', '- a'],
  ...['- a  ', '* b', '+ c', '- [ ] x', '- [x]  **b** c', '- [X] Y', '- [ ] `c`', '- [x] \\* e'],
  ...[
    '- [ ] **A:** b',
    '- [ ] **a:**b',
    '- [x] **a **',
    '- [ ] ** a**',
    '- [ ] **a*b**',
    '- [ ] ****',
  ],
  ...['| `a|b` | c |', '\fpara', 'x\u00a0', '## a\u000b', '- \u00a0a', '| a\u00a0|', '\u2028x'],
  ...['- [ ] **\u00a0a**', '- [x] **a** `b`', '- [ ] **a** *b*', '- [ ] **[a]**', '- [X] **a**'],
  ...['- a | b', '- [l](u)', '| a | b |', '|---|---|', '|:-|-:|', '| x |  ', '||y|', '|'],
]
const otherLines = [
  ...['1. one', '2) two', '--', '==', '***', '- - -', '[x]', '[a]: /u', '# a #', '##', '-'],
  ...['##\tx', '-  two', '- [ ]', '- # h', '- > q', '- 1. n', '| a \\| b |', 'a | b', '```'],
  ...['  indented', '    code', '> quote', '~~~', '<!-- c -->', '<div>', '\t- tab'],
]

/** Lines at the edge of the line reader's Markdown, in any order and line ending. */
const edgeText = fc
  .tuple(
    fc.array(
      fc.oneof(
        {weight: 12, arbitrary: fc.constantFrom(...readLines)},
        {weight: 1, arbitrary: fc.constantFrom(...otherLines)},
      ),
      {maxLength: 30},
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol))

/** Texts that two ways of parsing are held to each other on: logs and Markdown in them. */
const parserInputs = [
  markdownShaped,
  validLog,
  fc
    .tuple(validLog, fc.array(mutation, {minLength: 1, maxLength: 3}))
    .map(([log, changes]) => mutateAll(log, changes)),
  fc
    .tuple(validLog, fc.constantFrom(...commonmarkExamples))
    .map(([log, example]) => pastedIntoAnswer(log.replace(/\r\n?/g, '\n'), example)),
]

const structural = new Set([
  'document-title',
  'template-version',
  'entry-heading',
  'entry-separator',
  'required-section',
  'section-heading',
  'section-order',
  'required-field',
  'field-order',
  'footer',
  'table-columns',
  'metric-rows',
  'checkbox-items',
  'checkbox-format',
  'chronological-order',
  'duplicate-entry',
])

// Values a person might type for `new`, including ones that are hard to place in a line.
// A value needs a letter or digit: entry-heading rightly says "*" or "---" names no task.
const entryText = fc.oneof(
  fc.string({minLength: 1, maxLength: 40}).filter((text) => /[\p{L}\p{N}]/u.test(text)),
  fc.constantFrom('Webhook retry queue', 'a | b', 'Issue #', '**bold**', '[x] box', 'C:\\'),
)

/** A property and its share of the cases of a fuzz run. */
export interface NamedProperty {
  name: string
  weight: number
  property: fc.IRawProperty<unknown[]>
}

export const properties: NamedProperty[] = [
  {
    name: 'lint never throws on arbitrary strings, in bounded time',
    weight: 35,
    property: fc.property(fc.string({unit: 'binary', maxLength: 300}), (text) => {
      lintInTime(text)
    }),
  },
  {
    name: 'lint never throws on Markdown-shaped input, in bounded time',
    weight: 35,
    property: fc.property(markdownShaped, (text) => {
      lintInTime(text)
    }),
  },
  {
    name: 'fixing Markdown that is no log, alone or in an answer, loses no word',
    weight: 5,
    property: fc.property(
      fc.constantFrom(...commonmarkExamples),
      fc.option(fc.constantFrom(...commonmarkExamples), {nil: undefined}),
      validLog,
      fc.boolean(),
      (example, second, log, alone) => {
        const markdown = second === undefined ? example : `${example}\n${second}`
        const text = alone ? markdown : pastedIntoAnswer(log.replace(/\r\n?/g, '\n'), markdown)
        let output = text
        try {
          output = fix(text, options).output
        } catch (error) {
          // Giving up is allowed: nothing is written then.
          if (!(error instanceof FixError)) throw error
        }
        expect(lostWords(text, output)).toEqual([])
      },
    ),
  },
  {
    name: 'stats counts every entry of any input, and reads every figure of a valid log',
    weight: 5,
    property: fc.property(
      fc.oneof(
        markdownShaped,
        validLog.map((log) => ({log})),
        fc.tuple(validLog, fc.array(mutation, {minLength: 1, maxLength: 3})),
      ),
      (input) => {
        const text =
          typeof input === 'string'
            ? input
            : 'log' in input
              ? input.log
              : mutateAll(input[0], input[1])
        const source = text.replace(/^\uFEFF/, '')
        const {totals, by, notes} = stats([{text}])
        expect(totals.entries).toBe(buildModelByChunks(source, templateFor(source)).entries.length)
        for (const groups of Object.values(by)) {
          expect(groups.reduce((sum, group) => sum + group.entries, 0)).toBe(totals.entries)
          expect(groups.reduce((sum, group) => sum + group.minutes, 0)).toBeCloseTo(totals.minutes)
        }
        if (typeof input !== 'string' && 'log' in input) {
          expect(notes).toEqual([])
          expect(totals.unknown).toEqual({})
        }
      },
    ),
  },
  {
    name: 'lint of a valid log is empty',
    weight: 7,
    property: fc.property(validLog, (text) => {
      expect(lintInTime(text).map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([])
    }),
  },
  {
    name: 'fixing a mutated valid log keeps every guarantee',
    weight: 6,
    property: fc.property(
      validLog,
      fc.array(mutation, {minLength: 1, maxLength: 4}),
      (log, changes) => {
        expectFixGuarantees(mutateAll(log, changes), options, JSON.stringify(changes))
      },
    ),
  },
  {
    name: 'lint after new has no structural finding',
    weight: 7,
    property: fc.property(
      fc.oneof(validLog, fc.constant('')),
      fc.record({title: entryText, engineer: entryText, feature: entryText, tool: entryText}),
      (log, values) => {
        const {output, edit} = insertEntry(log, {...values, date: fixtureToday}, {}, undefined)
        // Only the inserted bytes differ: the BOM, line endings and text around stay.
        if (log.trim() !== '') {
          const bom = log.startsWith('\uFEFF') ? '\uFEFF' : ''
          const source = log.slice(bom.length)
          expect(edit.start).toBe(edit.end)
          expect(output).toBe(
            bom + source.slice(0, edit.start) + edit.text + source.slice(edit.end),
          )
          // The entry is written in the log's own line ending.
          const crlf = source.includes('\r\n')
          expect(crlf ? /(?<!\r)\n/.test(edit.text) : edit.text.includes('\r')).toBe(false)
        }
        const found = lintInTime(output)
          .filter((finding) => structural.has(finding.ruleId))
          .map((finding) => `${finding.ruleId}: ${finding.message}`)
        expect(found).toEqual([])
        // The fixes left for the author settle too.
        fix(output, options)
      },
    ),
  },
  {
    name: "remark's tree is the same parsed entry by entry as parsed whole",
    weight: 5,
    property: fc.property(fc.oneof(...parserInputs), (text) => {
      const {entryWise, whole} = remarkTrees(text)
      expect(entryWise).toEqual(whole)
    }),
  },
  {
    name: "the line reader's tree is micromark's wherever it answers",
    weight: 5,
    property: fc.property(fc.oneof(edgeText, edgeText, ...parserInputs), (log) => {
      const text = log.replace(/^\uFEFF/, '')
      const chunks = splitChunks(text, schema).map(({start, end}) => text.slice(start, end))
      for (const part of [text, ...chunks]) {
        const tree = parseByLines(part)
        if (tree) expect(blockTree(tree)).toEqual(blockTree(parseMarkdown(part)))
      }
    }),
  },
]
