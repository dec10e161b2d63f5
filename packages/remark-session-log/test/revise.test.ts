// `Linter.revise`: the last lint's findings after an editor's changes, the edited entry
// checked again and the rest moved. Held to a whole lint of the changed text: the
// entries' findings always equal, and all of them where the edit leaves the lines that
// rules across entries read (dates, headings, separators) alone.
import {describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {Linter, type TextChange} from '../src/lint.js'
import type {Finding} from '../src/rule.js'
import {rules} from '../src/rules/index.js'
import {fixtureToday} from './fixtures.js'

const options = {today: fixtureToday}
const wholeLinter = new Linter(options)
const documentRules = new Set(rules.filter((rule) => rule.checkDocument).map((rule) => rule.id))
const ofEntries = (findings: Finding[]) => findings.filter((f) => !documentRules.has(f.ruleId))

/** An edit by offsets in `text`: replace `[start, end)` with `insert`. */
type Edit = [start: number, end: number, insert: string]

/** The edit as an editor sends it: a range of lines and columns. */
function changeOf(text: string, [start, end, insert]: Edit): TextChange {
  const point = (offset: number) => {
    const lines = text.slice(0, offset).split(/\r\n|\n|\r/)
    return {line: lines.length, column: lines.at(-1)!.length + 1}
  }
  return {start: point(start), end: point(end), text: insert}
}

/**
 * `revise` after the edits, beside a lint of the text they make by another linter (which
 * checks again only what changed: the incremental tests hold that to a whole lint).
 */
function revisedAndWhole(text: string, edits: Edit[], linter = new Linter(options)) {
  linter.lint(text)
  let changed = text
  const changes: TextChange[] = []
  for (const edit of edits) {
    changes.push(changeOf(changed, edit))
    changed = changed.slice(0, edit[0]) + edit[2] + changed.slice(edit[1])
  }
  return {revised: linter.revise(text, changes), whole: wholeLinter.lint(changed).findings}
}

/** A small deterministic sequence, so the edits are the same on every run. */
function* offsets(seed: number, below: number): Generator<number> {
  let state = seed
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    yield state % below
  }
}

describe('revising a lint after an edit', () => {
  const log = generateLog(30, {seed: 7, defectRate: 0.3})
  const firstEntry = log.indexOf('\n## Session:') + 1

  it("equals a whole lint in every entry's findings, and in all of them away from the lines rules across entries read", () => {
    const edits: Array<(at: number) => Edit> = [
      (at) => [at, at, 'x'],
      (at) => [at, at + 1, ''],
      (at) => [at, at, '\n'],
      (at) => [at, at, '- [x] '],
      (at) => [at, at + 3, '**'],
    ]
    let revised = 0
    let exact = 0
    const at = offsets(11, log.length - firstEntry - 3)
    // One lint of the log, revised again and again: `revise` leaves what it starts from.
    const linter = new Linter(options)
    for (let run = 0; run < 150; run++) {
      let start = firstEntry + at.next().value
      if (log[start - 1] === '\r') start++
      const edit = edits[run % edits.length]!(start)
      const result = revisedAndWhole(log, [edit], linter)
      if (!result.revised) continue
      revised++
      expect(ofEntries(result.revised)).toEqual(ofEntries(result.whole))
      // The lines the edit touches, and the one after (a line break taken away joins it).
      const lines = log.slice(log.lastIndexOf('\n', start) + 1, log.indexOf('\n', edit[1] + 1))
      // Lines the rules across entries read: headings, dates, modes, separators.
      if (/^#|^\*\*(Date|Mode):|^---/m.test(lines)) continue
      expect(result.revised).toEqual(result.whole)
      exact++
    }
    // Most edits stay inside one entry; a few make or unmake a heading or a cut.
    expect(revised).toBeGreaterThan(120)
    expect(exact).toBeGreaterThan(80)
  })

  it('follows several changes in one entry, each counted in the text the one before left', () => {
    const learnings = log.indexOf('### Learnings', log.length / 2)
    const title = log.lastIndexOf('\n## Session:', learnings) + 1
    const {revised, whole} = revisedAndWhole(log, [
      [learnings, learnings, 'Typed a line.\n\n'],
      [title + 3, title + 3, 'Session: renamed\n\n## '],
      [learnings + 4, learnings + 8, ''],
    ])
    // The second change makes a heading: only a whole lint can tell what that does.
    expect(revised).toBeUndefined()
    const two = revisedAndWhole(log, [
      [learnings, learnings, 'Typed a line.\n\n'],
      [learnings + 40, learnings + 41, ''],
    ])
    expect(two.revised).toEqual(two.whole)
    expect(whole.length).toBeGreaterThan(0)
  })

  it('moves the findings of the entries after the edit by the lines it adds', () => {
    const learnings = log.indexOf('### Learnings')
    const {revised, whole} = revisedAndWhole(log, [[learnings, learnings, 'a\nb\nc\n\n']])
    expect(revised).toEqual(whole)
    expect(whole.at(-1)!.start.line).toBeGreaterThan(log.split('\n').length / 2)
  })

  it('keeps CRLF line endings apart from LF', () => {
    const crlf = log.replace(/\n/g, '\r\n')
    const learnings = crlf.indexOf('### Learnings', crlf.length / 3)
    const {revised, whole} = revisedAndWhole(crlf, [[learnings, learnings, 'One more.\r\n\r\n']])
    expect(revised).toEqual(whole)
    // An LF typed into a CRLF log is a finding of its own (mixed line endings) or not;
    // either way the entry's findings are the whole lint's.
    const mixed = revisedAndWhole(crlf, [[learnings, learnings, 'One more.\n\n']])
    if (mixed.revised) expect(ofEntries(mixed.revised)).toEqual(ofEntries(mixed.whole))
  })

  it('leaves to a whole lint what only it can tell', () => {
    const second = log.indexOf('\n## Session:', firstEntry) + 1
    const learnings = log.indexOf('### Learnings', second)
    const cases: Array<[string, string, Edit[]]> = [
      ['the header', log, [[2, 2, 'x']]],
      ['a new entry heading', log, [[learnings, learnings, '## Session: new\n\n']]],
      ['an entry heading unmade', log, [[second, second + 3, '']]],
      ['a code block left open', log, [[learnings, learnings, '```\n']]],
      ['a change across two entries', log, [[second - 10, second + 5, '']]],
      ['a disable comment', log, [[learnings, learnings, '<!-- session-log-disable -->\n']]],
      [
        'a log with a disable comment',
        log.replace('### Learnings', '<!-- session-log-disable-next-line -->\n### Learnings'),
        [[learnings + 50, learnings + 50, 'x']],
      ],
      ['a column past the end of its line', log, []],
    ]
    for (const [name, text, edits] of cases) {
      const linter = new Linter(options)
      linter.lint(text)
      let changes = edits.map((edit) => changeOf(text, edit))
      if (edits.length === 0) {
        const line = changeOf(text, [learnings, learnings, '']).start.line
        changes = [{start: {line, column: 40}, end: {line, column: 40}, text: 'x'}]
      }
      expect(linter.revise(text, changes), name).toBeUndefined()
    }
  })

  it('revises a log that only names the tools (session-log-language-server), not a comment', () => {
    const learnings = log.indexOf('### Learnings', log.length / 2)
    const named = log.replace('### Learnings', 'Ran session-log-language-server.\n\n### Learnings')
    const at = named.indexOf('### Learnings', learnings + 40)
    const {revised, whole} = revisedAndWhole(named, [[at, at, 'Typed.\n\n']])
    expect(revised).toEqual(whole)
  })

  it('leaves to a whole lint a message naming a line, once lines move', () => {
    const headings = [...log.matchAll(/^## Session:/gm)].map((match) => match.index)
    // The second entry logged again after the fourth: its copy names the line of the first.
    const copy = log.slice(headings[1], headings[2])
    const twice = log.slice(0, headings[4]) + copy + log.slice(headings[4])
    const learnings = twice.indexOf('### Learnings', headings[0])
    const named = revisedAndWhole(twice, [[learnings, learnings, 'x']])
    expect(named.whole.some((f) => f.ruleId === 'duplicate-entry')).toBe(true)
    expect(named.revised).toEqual(named.whole)
    // A line added above the entry it names moves that line.
    const moved = revisedAndWhole(twice, [[learnings, learnings, 'x\n\n']])
    expect(moved.revised).toBeUndefined()
  })

  it('revises only the text it linted last, and nothing before a first lint', () => {
    const change = changeOf(log, [firstEntry + 20, firstEntry + 20, 'x'])
    const linter = new Linter(options)
    expect(linter.revise(log, [change])).toBeUndefined()
    linter.lint(log)
    expect(linter.revise(log, [change])).toBeDefined()
    // A fix lints the texts it makes with the same linter; the log is no longer the last.
    const other = log.replace('### Learnings', '### learnings')
    linter.lint(other)
    expect(linter.revise(log, [change])).toBeUndefined()
    expect(linter.revise(other, [change])).toBeDefined()
  })
})
