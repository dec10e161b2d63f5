import {describe, expect, it} from 'vitest'
import {lintFixture, readFixtures} from './fixtures.js'

const valid = readFixtures('valid')

describe('valid fixtures', () => {
  it('cover many logs and the harmless style variations', () => {
    expect(valid.length).toBeGreaterThanOrEqual(8)
    const texts = valid.map((fixture) => fixture.text)
    expect(texts.some((text) => text.includes('\r\n'))).toBe(true)
    expect(texts.some((text) => text.startsWith('\uFEFF'))).toBe(true)
    expect(texts.some((text) => /^\* \[X\] /m.test(text))).toBe(true)
    expect(texts.some((text) => /^\|:-+\|/m.test(text))).toBe(true)
    expect(texts.some((text) => /^\*\*Date:\*\* \S+ {2}$/m.test(text))).toBe(true)
    expect(texts.some((text) => /^\*\*Date:\*\* \S+\\$/m.test(text))).toBe(true)
  })

  for (const fixture of valid) {
    it(`${fixture.name} lints without findings`, () => {
      const findings = lintFixture(fixture).map(
        ({ruleId, start, message}) => `${start.line}:${start.column} ${ruleId} ${message}`,
      )
      expect(findings).toEqual([])
    })
  }
})
