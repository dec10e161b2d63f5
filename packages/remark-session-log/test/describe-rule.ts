import {describe, expect, it} from 'vitest'
import type {Rule} from '../src/rule.js'
import {lintFixture, readExpected, readFixtures} from './fixtures.js'

/**
 * Runs a rule's fixtures: every file in `fixtures/invalid/<id>/` yields exactly the
 * findings of that rule its `.json` lists. That no valid fixture yields a finding of
 * any rule is `valid.test.ts`'s, once for all rules.
 */
export function describeRule(rule: Rule): void {
  describe(rule.id, () => {
    const invalid = readFixtures(`invalid/${rule.id}`)

    it('has at least two invalid fixtures', () => {
      expect(invalid.length).toBeGreaterThanOrEqual(2)
    })

    for (const fixture of invalid) {
      it(`reports ${fixture.name} at the listed places`, () => {
        const found = lintFixture(fixture)
          .filter((finding) => finding.ruleId === rule.id)
          .map(({ruleId, start}) => ({ruleId, line: start.line, column: start.column}))
        expect(found).toEqual(readExpected(fixture))
        expect(found.length).toBeGreaterThan(0)
      })
    }

    it('has a documented id, description and url', () => {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(rule.description.length).toBeGreaterThan(10)
      expect(rule.url.endsWith(`#${rule.id}`)).toBe(true)
    })
  })
}
