import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {Linter, lintDocument, type ChunkStore, type KeptChunk} from '../src/lint.js'
import {buildModelByChunks, ChunkCache} from '../src/model/chunks.js'
import {buildModel} from '../src/model/model.js'
import {frontMatterKinds, parseMarkdown} from '../src/model/parse.js'
import type {Finding} from '../src/rule.js'
import {splitChunks} from '../src/model/split.js'
import {loadTemplate, templateFor} from '../src/template/load.js'
import {allFixtureFiles, fixturesDir, fixtureToday} from './fixtures.js'

// Two tests compare every fixture with the whole-document path; it runs once for each.
const wholeFindings = new Map<string, Finding[]>()

/** The whole-document path: one parse of the whole text, no cache. */
function lintWhole(text: string): Finding[] {
  let findings = wholeFindings.get(text)
  if (!findings) {
    const source = text.replace(/^\uFEFF/, '')
    findings = lintDocument(text, {today: fixtureToday}, parseMarkdown(source)).findings
    wholeFindings.set(text, findings)
  }
  return findings
}

describe('the parser', () => {
  // As the plugin sets remark up: all of GFM, and front matter.
  const allOfGfm = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, [...frontMatterKinds])
  const withAllOfGfm = (text: string) =>
    lintDocument(text, {today: fixtureToday}, allOfGfm.parse(text.replace(/^\uFEFF/, ''))).findings

  it('finds in every fixture what a parse with all of GFM finds (the remark plugin)', () => {
    const files = allFixtureFiles()
    const extras = files.filter((file) => /~~|\[\^|https?:\/\//.test(readFileSync(file, 'utf8')))
    expect(extras.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(lintWhole(text), file).toEqual(withAllOfGfm(text))
    }
  })

  it('reads struck headings, footnotes and bare links the way all of GFM does', () => {
    const text = generateLog(3, {seed: 5, defectRate: 0.3})
      .replace('### Inputs', '### ~~Inputs~~')
      .replace('### Learnings', '### Learnings[^1]\n\n[^1]: Written a week later.\n')
      .replace('**Engineer:** ', '**Engineer:** www.example.com ~~and~~ ')
      .replace(
        '**AI Review pass:**',
        '[^2]: A footnote where an answer was.\n\n**AI Review pass:**',
      )
    expect(text).toContain('~~Inputs~~')
    expect(text).toContain('[^2]:')
    expect(lintWhole(text)).toEqual(withAllOfGfm(text))
  })
})

describe('entry-by-entry linting', () => {
  it('gives exactly the findings of the whole-document path on every fixture', () => {
    const files = allFixtureFiles()
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(new Linter({today: fixtureToday}).lint(text).findings, file).toEqual(lintWhole(text))
    }
  })

  it('builds exactly the model of the whole-document path on every fixture', () => {
    for (const file of allFixtureFiles()) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
      const schema = templateFor(text)
      // Plain copies: entries shifted on first read compare by what they hold.
      const plain = (value: unknown) =>
        JSON.parse(JSON.stringify({...(value as object), schema: 0}))
      expect(plain(buildModelByChunks(text, schema)), file).toEqual(
        plain(buildModel(text, schema, parseMarkdown(text))),
      )
    }
  })

  it('gives exactly the findings of the whole-document path on a generated log with defects', () => {
    const text = generateLog(60, {seed: 7, defectRate: 0.2})
    const findings = new Linter({today: fixtureToday}).lint(text).findings
    expect(findings.length).toBeGreaterThan(0)
    expect(findings).toEqual(lintWhole(text))
  })

  it('re-lints an edited log to the same findings as a fresh linter', () => {
    const linter = new Linter({today: fixtureToday})
    const text = generateLog(40, {seed: 3, defectRate: 0.1})
    linter.lint(text)
    // An edit that shifts every later entry by one line and several bytes.
    const edited = text.replace('### Kill Switch', '### Kill switch\n\nA note.\n')
    expect(linter.lint(edited).findings).toEqual(
      new Linter({today: fixtureToday}).lint(edited).findings,
    )
    expect(linter.lint(text).findings).toEqual(
      new Linter({today: fixtureToday}).lint(text).findings,
    )
  })

  it('makes again the findings of a moved entry whose message names a line', () => {
    // The fixture's own setting: the rule of the open fence would stand for the finding.
    const options = {today: fixtureToday, rules: {'unclosed-block': 'off' as const}}
    const linter = new Linter(options)
    const text = readFileSync(
      join(fixturesDir, 'invalid/required-section/unclosed-fence-swallows-sections.md'),
      'utf8',
    )
    const before = linter.lint(text).findings.find((f) => f.ruleId === 'required-section')
    expect(before?.message).toMatch(/opened on line \d+/)
    // Two lines more above the entry: the fence now opens two lines further down.
    const edited = text.replace('\n---\n', '\n\nA note.\n\n---\n')
    expect(edited).not.toBe(text)
    const after = linter.lint(edited).findings
    expect(after).toEqual(new Linter(options).lint(edited).findings)
    expect(after.find((f) => f.ruleId === 'required-section')?.message).not.toBe(before?.message)
  })

  it('lets go of the sections of checked entries, and makes them again when read', () => {
    const text = generateLog(30, {seed: 31, defectRate: 0.3})
    const linter = new Linter({today: fixtureToday})
    const {log, findings} = linter.lint(text)
    const released = (entry: object) =>
      Object.getOwnPropertyDescriptor(entry, 'sections')?.get !== undefined
    // Nothing read them once the entries were checked: not a rule of the whole log.
    expect(log.entries.length).toBe(30)
    expect(log.entries.every(released)).toBe(true)
    const cache = (linter as unknown as {chunks: ChunkCache}).chunks
    const inChunks = cache.latest().flatMap(({model}) => model.entries)
    expect(inChunks.length).toBe(30)
    expect(inChunks.every(released)).toBe(true)
    // Read anyway, they are what a fresh build holds, and a re-lint finds the same.
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown
    const fresh = buildModelByChunks(text, templateFor(text))
    expect(plain(log.entries.map((entry) => entry.sections))).toEqual(
      plain(fresh.entries.map((entry) => entry.sections)),
    )
    expect(log.entries.some(released)).toBe(false)
    expect(linter.lint(text).findings).toEqual(findings)
  })

  it('does not cut inside fenced code or HTML comments', () => {
    const schema = loadTemplate()
    const text = [
      '# Session Log',
      '',
      '```md',
      '## Session: inside a fence',
      '```',
      '',
      '<!--',
      '## Session: inside a comment',
      '-->',
      '',
      '<div>',
      '## Session: inside an HTML block',
      '',
      '<!-- a comment that closes',
      'on a line of plain text -->',
      '## Session: real',
      '',
      '<!--',
      'still open',
      '## Session: inside a comment too',
      '',
    ].join('\n')
    const cuts = splitChunks(text, schema).map((chunk) => text.slice(chunk.start).split('\n')[0])
    expect(cuts).toEqual(['# Session Log', '## Session: real'])
  })

  it('does not cut inside front matter, which YAML comments may make look like headings', () => {
    const schema = loadTemplate()
    const cutsOf = (text: string) =>
      splitChunks(text, schema).map((chunk) => text.slice(chunk.start).split(/\r?\n/)[0])
    const matter = (fence: string, eol: string) =>
      [fence, 'title: Log', '## Session: a comment', `${fence}  `, '', '## Session: real', ''].join(
        eol,
      )
    expect(cutsOf(matter('---', '\n'))).toEqual(['---', '## Session: real'])
    expect(cutsOf(matter('+++', '\r\n'))).toEqual(['+++', '## Session: real'])
    const lines = splitChunks(matter('---', '\r\n'), schema).map((chunk) => chunk.line)
    expect(lines).toEqual([1, 6])
    // Not closed, or not on the first line: no front matter, and a heading like any other.
    const unclosed = ['---', 'title: Log', '## Session: one', ''].join('\n')
    expect(cutsOf(unclosed)).toEqual(['---', '## Session: one'])
    expect(cutsOf(`\n${matter('---', '\n')}`)).toEqual([
      '',
      '## Session: a comment',
      '## Session: real',
    ])
  })
})

describe('chunks kept for a later run (the store behind --cache)', () => {
  /** A store of what `linter` kept, through JSON as on disk, that counts what it gives. */
  function storeOf(linter: Linter) {
    const kept = new Map(
      linter.keep().map(({text, last, chunk}) => [`${last}:${text}`, JSON.stringify(chunk)]),
    )
    const counts = {asked: 0, given: 0, kept: kept.size}
    const store: ChunkStore = (text, last) => {
      counts.asked++
      const found = kept.get(`${last}:${text}`)
      if (found) counts.given++
      return found === undefined ? undefined : (JSON.parse(found) as KeptChunk)
    }
    return {store, counts}
  }

  it('gives every fixture the findings of a fresh lint, every chunk from the store', () => {
    for (const file of allFixtureFiles()) {
      const text = readFileSync(file, 'utf8')
      const first = new Linter({today: fixtureToday})
      const findings = first.lint(text).findings
      const {store, counts} = storeOf(first)
      expect(new Linter({today: fixtureToday}, store).lint(text).findings, file).toEqual(findings)
      expect(counts.given, file).toBe(counts.kept)
    }
  })

  it('checks again an entry from the store that moved, when a message names a line', () => {
    const options = {today: fixtureToday, rules: {'unclosed-block': 'off' as const}}
    const text = readFileSync(
      join(fixturesDir, 'invalid/required-section/unclosed-fence-swallows-sections.md'),
      'utf8',
    )
    const first = new Linter(options)
    first.lint(text)
    const {store, counts} = storeOf(first)
    // A new entry above: the one with the open fence keeps its text, five lines lower.
    const edited = text.replace(
      '---\n\n## Session: CSV',
      '---\n\n## Session: Another\n\n**Date:** 2026-05-02\n\n---\n\n## Session: CSV',
    )
    expect(edited).not.toBe(text)
    const findings = new Linter(options, store).lint(edited).findings
    expect(counts.given).toBeGreaterThan(0)
    expect(findings).toEqual(new Linter(options).lint(edited).findings)
    expect(findings.some((f) => /opened on line \d+/.test(f.message))).toBe(true)
  })

  it('parses only the entry that changed, and finds what a fresh lint finds', () => {
    const text = generateLog(30, {seed: 11, defectRate: 0.3})
    const first = new Linter({today: fixtureToday})
    first.lint(text)
    const {store, counts} = storeOf(first)
    const edited = text.replace('### Kill Switch', '### Kill switch')
    expect(edited).not.toBe(text)
    const findings = new Linter({today: fixtureToday}, store).lint(edited).findings
    expect(findings).toEqual(new Linter({today: fixtureToday}).lint(edited).findings)
    expect(findings.some((finding) => finding.ruleId === 'section-heading')).toBe(true)
    expect(counts.asked - counts.given).toBe(1)
  })
})
