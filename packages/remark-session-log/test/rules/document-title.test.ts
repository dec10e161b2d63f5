import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {lint} from '../../src/lint.js'
import {documentTitle} from '../../src/rules/document-title.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday, readFixtures} from '../fixtures.js'

describeRule(documentTitle)

const options = {today: fixtureToday}
const [log] = readFixtures('valid').filter((fixture) => fixture.name === 'payments-team.md')

it('fixes a slip of the title, and keeps a title of other words', () => {
  const slip = log!.text.replace('# Session Log', '# Sesion log')
  expect(fix(slip, options).output).toBe(log!.text)
  const own = log!.text.replace('# Session Log', '# Payments squad: AI sessions')
  const [finding] = lint(own, options).filter((f) => f.ruleId === 'document-title')
  expect(finding?.message).toBe(
    'Title "Payments squad: AI sessions" should read "Session Log"; rename it (a title of your own is left to you)',
  )
  expect(finding?.edits).toBeUndefined()
  expect(fix(own, options).output).toContain('# Payments squad: AI sessions\n')
})
