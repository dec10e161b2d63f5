import {describe, expect, it} from 'vitest'
import {lint} from '../../src/lint.js'
import {patternPair} from '../../src/rules/pattern-pair.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday, readFixtures} from '../fixtures.js'

describeRule(patternPair)

describe('pattern-pair, pattern by pattern', () => {
  const [log] = readFixtures('valid').filter((f) => f.name === 'notifications-heartbeat-v0.3.md')
  const written =
    '- **Name:** Tests first for time zones\n- **Rule:** When a task touches dates across time zones, write the edge-case tests by hand before asking for code'
  const findings = (pattern: string) =>
    lint(log!.text.replace(written, pattern), {today: fixtureToday}).filter(
      (finding) => finding.ruleId === 'pattern-pair',
    )

  it('takes both empty as "nothing new", and both filled', () => {
    expect(findings('- **Name:**\n- **Rule:**')).toEqual([])
    expect(findings('- **Name:** none\n- **Rule:** none')).toEqual([])
    expect(findings('- **Name:** A\n- **Rule:** B')).toEqual([])
  })

  it('points at the empty half when one is filled', () => {
    const [found] = findings('- **Name:**\n- **Rule:** Ask for tests first')
    expect(found?.message).toBe(
      '"Rule:" is "Ask for tests first", but "Name:" is empty; fill it in, or clear both when nothing new was found',
    )
    expect(found?.start).toMatchObject({line: 109, column: 5})
  })

  it('reads the bullets nested under a bulleted pattern question', () => {
    const start = log!.text.indexOf('**Pattern or anti-pattern discovered:**')
    const end = log!.text.indexOf('\n\n---', start)
    const nested = '- **Pattern or anti-pattern discovered:**\n  - **Name:** Nested\n  - **Rule:**'
    const text = log!.text.slice(0, start) + nested + log!.text.slice(end)
    const found = lint(text, {today: fixtureToday}).filter((f) => f.ruleId === 'pattern-pair')
    expect(found.map((f) => f.start.line)).toEqual([109])
  })
})
