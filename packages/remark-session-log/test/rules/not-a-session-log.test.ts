import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {lint} from '../../src/lint.js'
import {notASessionLog} from '../../src/rules/not-a-session-log.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday, readFixtures} from '../fixtures.js'

describeRule(notASessionLog)

const options = {today: fixtureToday}

it('is the only finding, and fix writes nothing', () => {
  for (const fixture of readFixtures('invalid/not-a-session-log')) {
    expect(
      lint(fixture.text, options).map((f) => f.ruleId),
      fixture.name,
    ).toEqual(['not-a-session-log'])
    expect(fix(fixture.text, options).output, fixture.name).toBe(fixture.text)
  }
})

it('leaves an empty file, a header alone, and a slip of the title to the other rules', () => {
  expect(lint('', options).map((f) => f.ruleId)).toContain('document-title')
  expect(lint('# Session Log\n', options).map((f) => f.ruleId)).not.toContain('not-a-session-log')
  expect(lint('# Sesion log\n', options).map((f) => f.ruleId)).toContain('document-title')
  expect(lint('# Notes\n\n> Version: 0.2\n', options).map((f) => f.ruleId)).not.toContain(
    'not-a-session-log',
  )
})
