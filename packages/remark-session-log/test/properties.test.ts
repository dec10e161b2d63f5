// The properties of test/properties.ts with a modest number of cases, so that the suite
// stays fast; `pnpm fuzz` runs the same ones with 100,000 cases or more.
import fc from 'fast-check'
import {describe, it} from 'vitest'
import {properties} from './properties.js'

// Cases per unit of a property's weight: the weights add up to 100.
const perWeight = 2

describe('properties', () => {
  for (const {name, weight, property} of properties) {
    it(name, () => {
      fc.assert(property, {numRuns: weight * perWeight})
    })
  }
})
