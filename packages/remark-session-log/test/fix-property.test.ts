import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {expectFixGuarantees} from './fix-guarantees.js'
import {readFixtures} from './fixtures.js'
import {mutate, mutateAll, mutation, type Mutation} from './properties.js'

// Small valid logs keep a run fast; the long ones are covered by the fixture pairs.
const logs = readFixtures('valid').filter((fixture) => fixture.text.length < 12_000)

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
          expectFixGuarantees(
            mutateAll(fixture.text, changes),
            fixture.options,
            `${fixture.name} ${JSON.stringify(changes)}`,
          )
        },
      ),
      {numRuns: 40},
    )
  }, 120_000)
})
