import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildModel} from '../src/model/build.js'
import type {SessionLog} from '../src/model/types.js'
import {loadTemplate} from '../src/template/load.js'
import {expectFixGuarantees} from './fix-guarantees.js'
import {readFixtures} from './fixtures.js'

// Small valid logs keep a run fast; the long ones are covered by the fixture pairs.
const logs = readFixtures('valid').filter((fixture) => fixture.text.length < 12_000)
const schema = loadTemplate()

/** One way an author breaks a log; `pick` chooses which part, `order` how to reorder. */
type Mutation =
  | {kind: 'shuffle-entries'; order: number[]}
  | {kind: 'shuffle-sections'; pick: number; order: number[]}
  | {kind: 'lowercase-heading'; pick: number}
  | {kind: 'break-box'; pick: number}
  | {kind: 'drop-separator'; pick: number}

const order = fc.array(fc.nat(), {minLength: 2, maxLength: 12})
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

function mutate(text: string, change: Mutation): string {
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

describe('fixing a mutated valid log', () => {
  it('has valid logs to mutate', () => {
    expect(logs.length).toBeGreaterThanOrEqual(3)
  })

  it('changes a log with each kind of mutation', () => {
    const fixture = logs.find((log) => log.name === 'payments-team.md')!
    const kinds: Mutation[] = [
      {kind: 'shuffle-entries', order: [1, 0]},
      {kind: 'shuffle-sections', pick: 0, order: [1, 0]},
      {kind: 'lowercase-heading', pick: 0},
      {kind: 'break-box', pick: 0},
      {kind: 'drop-separator', pick: 0},
    ]
    for (const change of kinds) {
      const text = mutate(fixture.text, change)
      expect(text, change.kind).not.toBe(fixture.text)
      expect(text.length, change.kind).toBeGreaterThan(fixture.text.length - 6)
    }
  })

  it('keeps every guarantee', () => {
    fc.assert(
      fc.property(
        fc.nat({max: logs.length - 1}),
        fc.array(mutation, {minLength: 1, maxLength: 4}),
        (index, changes) => {
          const fixture = logs[index]!
          const bom = fixture.text.startsWith('\uFEFF') ? '\uFEFF' : ''
          let text = fixture.text.slice(bom.length)
          for (const change of changes) text = mutate(text, change)
          expectFixGuarantees(
            bom + text,
            fixture.options,
            `${fixture.name} ${JSON.stringify(changes)}`,
          )
        },
      ),
      {numRuns: 40},
    )
  }, 120_000)
})
