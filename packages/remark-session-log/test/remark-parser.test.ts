// The parser the plugin gives remark: a log entry by entry, with exactly the tree of the
// whole-document parse, positions included; a document it cannot cut, whole. Markdown
// nobody here wrote (the CommonMark examples in a log, mutated logs, Markdown-shaped
// noise) is properties.ts's, which `pnpm fuzz` runs by the hundred thousand.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {allFixtureFiles} from './fixtures.js'
import {remarkTrees} from './remark-trees.js'

describe("the plugin's parser for remark", () => {
  it('gives the whole-document tree on every fixture', () => {
    const files = allFixtureFiles()
    expect(files.length).toBeGreaterThan(150)
    let cut = 0
    for (const file of files) {
      const {entryWise, whole, wholeParses} = remarkTrees(readFileSync(file, 'utf8'))
      expect(entryWise, file).toEqual(whole)
      if (wholeParses === 0) cut++
    }
    // Most fixtures are logs of several entries that it parses entry by entry.
    expect(cut).toBeGreaterThan(files.length / 2)
  })

  it('parses a long log entry by entry, positions moved to where each entry stands', () => {
    const text = generateLog(60, {seed: 3, defectRate: 0.2})
    const {entryWise, whole, wholeParses} = remarkTrees(text)
    expect(wholeParses).toBe(0)
    expect(entryWise).toEqual(whole)
    const last = entryWise.children.at(-1)!
    expect(last.position!.end.offset).toBeGreaterThan(text.length - 200)
  })

  it("parses GFM's inline parts in the entries that hold their marks, as the whole parse does", () => {
    const answers = [
      'See https://example.com/a and www.example.org.',
      'Mail ops@example.com or mailto:ops@example.com.',
      'It was ~~fixed~~ undone, and ~this~ too.',
      // Character references become `@` and `w` before GFM's transform reads the text.
      'Mail ops&#64;example.net.',
      'Or &#119;ww.example.net.',
      'A call[^1] with no definition, and WWW.EXAMPLE.COM.',
    ]
    // Every other entry gets one of them under its heading; the rest have no marks.
    let heading = 0
    const text = generateLog(12, {seed: 5}).replace(/^## Session:.*$/gm, (line) => {
      const answer = heading % 2 === 0 ? answers[heading / 2] : undefined
      heading++
      return answer ? `${line}\n\n${answer}` : line
    })
    expect(heading).toBe(answers.length * 2)
    const {entryWise, whole, wholeParses} = remarkTrees(text)
    expect(wholeParses).toBe(0)
    expect(entryWise).toEqual(whole)
    const tree = JSON.stringify(entryWise)
    expect(tree).toContain('"url":"mailto:ops@example.com"')
    expect(tree).toContain('"url":"http://www.example.org"')
    expect(tree).toContain('"url":"mailto:ops@example.net"')
    expect(tree).toContain('"url":"http://www.example.net"')
    expect(tree).toContain('"type":"delete"')
  })

  it("leaves an entry's inline content to micromark until something reads it", () => {
    const text = generateLog(5, {seed: 8})
    const {entryWise, whole} = remarkTrees(text)
    const paragraphs = entryWise.children.filter((node) => node.type === 'paragraph')
    const pending = (node: object) => Object.getOwnPropertyDescriptor(node, 'children')?.get
    // The entries' field paragraphs, but the last entry's and the footer's.
    expect(paragraphs.filter(pending).length).toBeGreaterThan(10)
    const middle = paragraphs.filter(pending)[4]!
    const index = entryWise.children.indexOf(middle)
    expect(middle.children).toEqual((whole.children[index] as typeof middle).children)
    expect(pending(middle)).toBeUndefined()
    expect(entryWise).toEqual(whole)
  })

  it('parses whole a document where a definition may serve another entry, or with a BOM', () => {
    const text = generateLog(3, {seed: 2})
    const referenced =
      text.replace('## Session:', '## Session: [tracker]') + '\n[tracker]: https://example.com\n'
    for (const document of [
      referenced,
      `\uFEFF${text}`,
      'A note[^1].\n\n## Session: x\n\n[^1]: here\n',
    ]) {
      const {entryWise, whole, wholeParses} = remarkTrees(document)
      expect(wholeParses).toBe(1)
      expect(entryWise).toEqual(whole)
    }
    // The reference found its definition, three entries away.
    expect(JSON.stringify(remarkTrees(referenced).entryWise)).toContain('"type":"linkReference"')
  })
})
