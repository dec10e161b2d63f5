// Fixing Markdown nobody here wrote never loses a word of it, whether it is a whole file
// (a README caught by a glob) or pasted into an answer of a valid log.
import {describe, expect, it} from 'vitest'
import {fix, FixError} from '../src/fix/fix.js'
import {Linter} from '../src/lint.js'
import {commonmarkExamples, pastedIntoAnswer} from './commonmark.js'
import {lostWords} from './fix-guarantees.js'
import {fixtureToday, readFixtures} from './fixtures.js'

const options = {today: fixtureToday}
const [log] = readFixtures('valid').filter((fixture) => fixture.name === 'payments-team.md')

// One linter for every example: the entries of the log that an example leaves as they
// were are not parsed again (a fresh linter gives the same findings, only slower).
const linter = new Linter(options)

/** The fixed text, or the input where fix gives up (it then writes nothing). */
function fixed(text: string): string {
  try {
    return fix(text, options, linter).output
  } catch (error) {
    if (error instanceof FixError) return text
    throw error
  }
}

describe('the CommonMark examples', () => {
  it('are all there', () => {
    expect(commonmarkExamples).toHaveLength(652)
  })

  it('lose no word to fix, each alone, and a second fix changes nothing', () => {
    const losses: string[] = []
    for (const [index, example] of commonmarkExamples.entries()) {
      const output = fixed(example)
      const lost = lostWords(example, output)
      if (lost.length > 0) losses.push(`example ${index + 1}: ${lost.join(' ')}`)
      expect(fixed(output), `example ${index + 1}`).toBe(output)
    }
    expect(losses).toEqual([])
  })

  it('lose no word to fix when pasted into an answer of a valid log', () => {
    const losses: string[] = []
    for (const [index, example] of commonmarkExamples.entries()) {
      const text = pastedIntoAnswer(log!.text, example)
      const lost = lostWords(text, fixed(text))
      if (lost.length > 0) losses.push(`example ${index + 1}: ${lost.join(' ')}`)
    }
    expect(losses).toEqual([])
  })
})
