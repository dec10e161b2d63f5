import fc from 'fast-check'
import {expect, it} from 'vitest'
import {stayingInOrder} from '../src/fix/moves.js'

const kept = (keys: number[]) => keys.filter((_, index) => stayingInOrder(keys)[index])

it('keeps the longest run already in order, equal keys included', () => {
  expect(kept([3, 1, 2, 2, 5, 4])).toEqual([1, 2, 2, 5])
  expect(kept([])).toEqual([])
  expect(kept([7, 7, 7])).toEqual([7, 7, 7])
})

it('moves an item added at the wrong end rather than the rest', () => {
  expect(stayingInOrder([1, 2, 3, 0])).toEqual([true, true, true, false])
  expect(stayingInOrder([9, 1, 2, 3])).toEqual([false, true, true, true])
  // Reversed: the first item stays and every other one moves before it.
  expect(stayingInOrder([4, 3, 2, 1])).toEqual([true, false, false, false])
})

it('keeps a run in order as long as any, for any keys', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({min: 0, max: 6}), {maxLength: 40}), (keys) => {
      const run = kept(keys)
      expect(run).toEqual([...run].sort((a, b) => a - b))
      // The longest non-decreasing subsequence, by the quadratic textbook method.
      const longest = keys.map(() => 1)
      keys.forEach((key, i) => {
        for (let j = 0; j < i; j++)
          if (keys[j]! <= key) longest[i] = Math.max(longest[i]!, longest[j]! + 1)
      })
      expect(run.length).toBe(Math.max(0, ...longest))
    }),
  )
})

it('handles long logs quickly', () => {
  const keys = Array.from({length: 200_000}, (_, index) => (index * 7919) % 100_003)
  const started = performance.now()
  stayingInOrder(keys)
  expect(performance.now() - started).toBeLessThan(2000)
})
