// The server's document in pieces answers every question as the LSP library's document
// does, after any run of edits: CRLF pairs made and split, lone CRs, characters outside
// the BMP, positions before, past and inside line breaks, whole-text replacements.
import fc from 'fast-check'
import type {Position, TextDocumentContentChangeEvent} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {describe, expect, it} from 'vitest'
import {PiecedDocument} from '../src/text-document.js'

const text = fc
  .array(fc.constantFrom('a', 'é', '😀', ' ', '#', '\n', '\r', '\r\n'), {maxLength: 30})
  .map((parts) => parts.join(''))
// Lines are brought inside the document when the change is made (an editor sends no
// other, and the library's document mishandles them); columns may run past a line's end.
const position = fc.record({
  line: fc.integer({min: 0, max: 10}),
  character: fc.integer({min: 0, max: 12}),
})
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  {weight: 12, arbitrary: fc.record({range: fc.record({start: position, end: position}), text})},
  {weight: 1, arbitrary: fc.record({text})},
)

/** The changes with each line brought inside the text as the changes before left it. */
function inside(text: string, changes: TextDocumentContentChangeEvent[]) {
  const scratch = TextDocument.create('file:///scratch.md', 'markdown', 1, text)
  return changes.map((change, index) => {
    const last = scratch.lineCount - 1
    const clamped =
      'range' in change
        ? {
            range: {
              start: {...change.range.start, line: Math.min(change.range.start.line, last)},
              end: {...change.range.end, line: Math.min(change.range.end.line, last)},
            },
            text: change.text,
          }
        : change
    TextDocument.update(scratch, [clamped], index + 2)
    return clamped
  })
}

/** Everything a document answers, asked in an order that reads the pieces before joining them. */
function answers(document: TextDocument, length: number) {
  const lines = document.lineCount
  const positions: Position[] = []
  for (let offset = -1; offset <= length + 1; offset++) positions.push(document.positionAt(offset))
  const offsets: number[] = []
  for (let line = -1; line <= lines; line++) {
    for (let character = -1; character <= 8; character++) {
      offsets.push(document.offsetAt({line, character}))
    }
  }
  const lineRanges = [-1, 0, lines - 1, lines].map((line) => document.getLineRange(line))
  const eols = [-1, 0, lines - 2, lines - 1, lines].map((line) => document.getEOLCharacters(line))
  const range = {start: {line: 0, character: 2}, end: {line: lines - 1, character: 3}}
  return {
    version: document.version,
    lines,
    positions,
    offsets,
    lineRanges,
    eols,
    part: document.getText(range),
    text: document.getText(),
  }
}

describe("the server's document in pieces", () => {
  it("answers as the LSP library's document after every edit", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.array(change, {minLength: 1, maxLength: 3}), {maxLength: 8}),
        (initial, updates) => {
          const ours = new PiecedDocument('file:///log.md', 'markdown', 1, initial)
          const theirs = TextDocument.create('file:///log.md', 'markdown', 1, initial)
          let version = 1
          for (const given of updates) {
            version++
            const changes = inside(theirs.getText(), given)
            ours.update(changes, version)
            TextDocument.update(theirs, changes, version)
            const length = theirs.getText().length
            expect(answers(ours, length)).toEqual(answers(theirs, length))
          }
        },
      ),
      {numRuns: 2000},
    )
  })

  it('follows a run of edits through a long text', () => {
    const line = 'x'.repeat(99) + '\n'
    const document = new PiecedDocument('file:///log.md', 'markdown', 1, line.repeat(1000))
    for (let version = 2; version < 12; version++) {
      const at = {line: version * 50, character: 3}
      document.update([{range: {start: at, end: at}, text: 'typed\r\n'}], version)
    }
    expect(document.lineCount).toBe(1011)
    expect(document.offsetAt({line: 101, character: 0})).toBe(100 * 100 + 3 + 7)
    expect(document.getText()).toBe(
      TextDocument.applyEdits(
        TextDocument.create('file:///log.md', 'markdown', 1, line.repeat(1000)),
        Array.from({length: 10}, (_, index) => {
          const at = {line: (index + 2) * 50 - index, character: 3}
          return {range: {start: at, end: at}, newText: 'typed\r\n'}
        }),
      ),
    )
  })
})
