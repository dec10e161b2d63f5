import {describe, expect, it} from 'vitest'
import {lint} from '../../src/lint.js'
import {templateMismatch} from '../../src/rules/template-mismatch.js'
import {readBuiltinTemplate} from '../../src/template/builtin.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday, lintFixture, readFixtures} from '../fixtures.js'

describeRule(templateMismatch)

const valid = (name: string) => {
  const found = readFixtures('valid').find((fixture) => fixture.name === name)
  if (!found) throw new Error(`no valid fixture ${name}`)
  return found.text
}
const ids = (text: string, template?: string) =>
  lint(text, {today: fixtureToday, ...(template ? {template} : {})}).map((f) => f.ruleId)

describe('template-mismatch stands for the cascade', () => {
  it('is the only finding on each of its fixtures', () => {
    for (const fixture of readFixtures('invalid/template-mismatch')) {
      expect(
        lintFixture(fixture).map((f) => f.ruleId),
        fixture.name,
      ).toEqual(['template-mismatch'])
    }
  })

  it('gives the cascade back when it is turned off', () => {
    const text = valid('notifications-heartbeat-v0.3.md')
    const options = {today: fixtureToday, template: 'session-log.v0.2'}
    const found = lint(text, {...options, rules: {'template-mismatch': 'off'}})
    expect(found.length).toBeGreaterThan(10)
  })

  it('names the template the log reads as, and migrate for a 0.2 log checked as 0.3', () => {
    const [as02] = lint(valid('notifications-heartbeat-v0.3.md'), {
      today: fixtureToday,
      template: 'session-log.v0.2',
    })
    expect(as02?.message).toBe(
      'This log reads as a Heartbeat Log 0.3, not a Session Log 0.2 (0 of 2 entry headings start with "Session:" and 8 of 14 section headings are the template\'s); check it with --template heartbeat-log.v0.3 or set "template" in .session-logrc',
    )
    const [as03] = lint(valid('payments-team.md'), {
      today: fixtureToday,
      template: 'heartbeat-log.v0.3',
    })
    expect(as03?.message).toMatch(
      /^This log reads as a Session Log 0\.2, not a Heartbeat Log 0\.3 /,
    )
    expect(as03?.message).toMatch(/, or run "session-log migrate --to 0\.3"$/)
  })
})

describe('the threshold: half the headings', () => {
  const log = valid('checkout-team-twelve-entries.md')
  const entries = log.split(/(?=^## Session: )/m)
  // An entry rewritten to another layout: no prefix, none of the template's sections.
  const foreign = (entry: string) =>
    entry
      .replace(/^## Session: /m, '## Decision: ')
      .replace(/^### (.*)$/gm, '### Notes on $1 (team)')

  it('keeps precise findings while most entries follow the template', () => {
    const broken = entries.map((entry, index) =>
      index >= 1 && index <= 5 ? foreign(entry) : entry,
    )
    const found = ids(broken.join(''))
    expect(found).not.toContain('template-mismatch')
    expect(found).toContain('entry-heading')
  })

  it('reports the mismatch once most entries follow another layout', () => {
    const broken = entries.map((entry, index) =>
      index >= 1 && index <= 7 ? foreign(entry) : entry,
    )
    expect(ids(broken.join(''))).toEqual(['template-mismatch'])
  })

  it('keeps precise findings for an entry that lost only its prefix, or only its sections', () => {
    const one = valid('billing-single-entry.md')
    expect(ids(one.replace('## Session: ', '## '))).toEqual(['entry-heading'])
    expect(ids(one.replace(/^### (.*)$/gm, '### $1 notes'))).not.toContain('template-mismatch')
  })
})

describe('a log without entries', () => {
  const empty03 = readBuiltinTemplate('heartbeat-log.v0.3').replace(
    /^## Heartbeat[\s\S]*?^---$/m,
    '',
  )

  it('reports a header of another built-in template', () => {
    expect(ids(empty03, 'session-log.v0.2')).toEqual(['template-mismatch'])
  })

  it('is silent on a header of its own template', () => {
    expect(ids(empty03)).not.toContain('template-mismatch')
  })
})
