import {describe, expect, it} from 'vitest'
import {warmUp} from '../src/warm-up.js'

describe('the warm-up after initialized', () => {
  it('checks its sample a chunk at a time, round after round, and stops once a document is open', async () => {
    let steps = 0
    await warmUp(() => {
      steps++
      return true
    }, 1)
    // One question before each step: the sample's chunks (its two entries, the first with
    // the header) and the lint that ends the steps.
    expect(steps).toBe(3)
    steps = 0
    await warmUp(() => {
      steps++
      return true
    })
    expect(steps).toBe(3 * 20)

    let asked = 0
    await warmUp(() => ++asked < 2)
    expect(asked).toBe(2)
  })
})
