import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {parseByLines} from '../src/model/line-parse.js'
import {parseMarkdown} from '../src/model/parse.js'
import {splitChunks} from '../src/model/split.js'
import {loadTemplate} from '../src/template/load.js'
import {blockTree} from './block-trees.js'
import {commonmarkExamples, pastedIntoAnswer} from './commonmark.js'
import {allFixtureFiles} from './fixtures.js'

const schema = loadTemplate()

/** The text and each of its chunks, as the model parses them. */
function partsOf(text: string): string[] {
  return [text, ...splitChunks(text, schema).map((chunk) => text.slice(chunk.start, chunk.end))]
}

/** How many of the parts the line reader answered for; each answer must be micromark's. */
function expectMicromarkTrees(texts: string[]): number {
  let answered = 0
  for (const text of texts) {
    for (const part of partsOf(text)) {
      const tree = parseByLines(part)
      if (!tree) continue
      answered++
      expect(blockTree(tree), JSON.stringify(part)).toEqual(blockTree(parseMarkdown(part)))
    }
  }
  return answered
}

describe('the line reader', () => {
  it('builds micromark’s tree for every fixture it answers for', () => {
    const texts = allFixtureFiles().map((path) => readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
    // Most fixtures' entries are plain enough to be read line by line.
    expect(expectMicromarkTrees(texts)).toBeGreaterThan(texts.length)
  })

  it('builds micromark’s tree for the CommonMark examples, alone and in a log', () => {
    const log = generateLog(2, {seed: 7})
    const texts = commonmarkExamples.flatMap((example) => [example, pastedIntoAnswer(log, example)])
    expect(expectMicromarkTrees(texts)).toBeGreaterThan(200)
  })

  it('answers for every entry of a generated log, in any line ending and bullet', () => {
    for (const text of [
      generateLog(40),
      generateLog(40, {seed: 9}).replace(/\n/g, '\r\n'),
      generateLog(40, {seed: 11}).replace(/^- /gm, '* '),
    ]) {
      const chunks = splitChunks(text, schema)
      // The first chunk is the header; the last, with the footer, is always micromark's.
      const entries = chunks.slice(1, -1).map((chunk) => text.slice(chunk.start, chunk.end))
      expect(entries).toHaveLength(39)
      for (const entry of entries) expect(parseByLines(entry), entry).toBeDefined()
      expectMicromarkTrees([text])
    }
  })

  it('gives every node points of its own, which can be moved in place', () => {
    const tree = parseByLines(generateLog(3, {seed: 5}).split('\n---\n')[1]!)!
    const points: unknown[] = []
    const collect = (node: {position?: {start: unknown; end: unknown}; children?: unknown}) => {
      points.push(node.position?.start, node.position?.end)
      if (Array.isArray(node.children)) for (const child of node.children) collect(child)
    }
    collect(tree)
    expect(points.length).toBeGreaterThan(100)
    expect(new Set(points).size).toBe(points.length)
  })

  it.each([
    ['a heading with inline syntax', '## Session: Fix `parse()` for *all* [links](x) &amp; more\n'],
    ['a task item going on with bold', '- [ ] **Action taken:** continued\n- [x] plain\n'],
    ['a task item going on with code after two spaces', '- [x]  `a` b\n* [ ] _e_ f\n'],
    ['items with blank lines between', '- a\n\n- b\n\n\n- c\n* d\n## Next\n- e\n'],
    ['a paragraph ended by a heading and a list', 'one  \ntwo\n## h\nthree\n- item\n'],
    [
      'a table with empty, short and long rows',
      '| a | b |\n|:--|--:|\n||y|\n| x |\n| 1 | 2 | 3 |  \n',
    ],
    ['a table of its header alone', '| a | b |\n|---|---|\n\ntext\n'],
    ['CRLF line endings', '## Session: x\r\n\r\n**Date:** 1\r\n**Mode:** A\r\n\r\n---\r\n'],
    ['text with no final line ending', '### Output\n\nsome text'],
    ['an empty text', ''],
  ])('answers with micromark’s tree for %s', (_name, text) => {
    const tree = parseByLines(text)
    expect(tree).toBeDefined()
    expect(blockTree(tree!)).toEqual(blockTree(parseMarkdown(text)))
  })

  it.each([
    ['an indented line', 'para\n    more\n'],
    ['a tab', '- a\tb\n'],
    ['a setext underline', 'Title\n---\n'],
    ['an ordered list', '1. one\n'],
    ['a list item’s lazy continuation', '- item\nmore text\n'],
    ['a list item right before a break', '- item\n---\n'],
    ['a link reference definition', '[tracker]: https://example.com\n'],
    ['a task box with nothing after it', '- [ ]\n'],
    ['a fenced code block', '```\ncode\n```\n'],
    ['an HTML comment', '<!-- session-log-disable -->\n'],
    ['a block quote', '> Version: 0.2\n'],
    ['a thematic break of stars', '***\n'],
    ['front matter', '---\ntitle: x\n---\n'],
    ['a lone CR', 'a\rb\n'],
    ['an escaped pipe in a table', '| a |\n|---|\n| b \\| c |\n'],
    ['a table row without its closing pipe', '| a |\n|---|\n| b\n'],
    ['a table without a blank line after it', '| a |\n|---|\n| b |\n## h\n'],
    ['a heading’s closing sequence', '## Inputs ##\n'],
    ['a pipe in a paragraph', 'a | b\n--|--\n'],
  ])('leaves %s to micromark', (_name, text) => {
    expect(parseByLines(text)).toBeUndefined()
  })
})
