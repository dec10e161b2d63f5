import {describe, expect, it} from 'vitest'
import {lint} from '../../src/lint.js'
import {notRecordedAnswer, useAgainAnswer} from '../../src/rules/use-again-answer.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday, readFixtures} from '../fixtures.js'

describeRule(useAgainAnswer)

describe('use-again-answer, answer by answer', () => {
  const [log] = readFixtures('valid').filter((f) => f.name === 'notifications-heartbeat-v0.3.md')
  const line =
    '**Would you use AI for this again?** Yes — the scheduler was mostly glue around our own queue'
  const messages = (answer: string) =>
    lint(log!.text.replace(line, `**Would you use AI for this again?** ${answer}`), {
      today: fixtureToday,
    })
      .filter((finding) => finding.ruleId === 'use-again-answer')
      .map((finding) => finding.message)

  it('takes Yes alone, and No or Partially with a reason after a dash, colon or comma', () => {
    for (const answer of [
      'Yes',
      'yes.',
      '**Yes**',
      'No — too much SQL',
      'Partially: the tests',
      'no, the brief was vague',
      'Partially – the glue only',
    ]) {
      expect(messages(answer), answer).toEqual([])
    }
  })

  it('takes the answer migrate writes for entries logged before 0.3', () => {
    expect(messages(notRecordedAnswer)).toEqual([])
    expect(messages(`_${notRecordedAnswer.toLowerCase()}_`)).toEqual([])
  })

  it('asks for the reason of a No or a Partially', () => {
    expect(messages('No')).toEqual([
      '"Would you use AI for this again?" is answered No without a reason; say why after "No — "',
    ])
    expect(messages('Partially — N/A')).toHaveLength(1)
  })

  it('leaves the untouched template answer to the placeholder rule', () => {
    expect(messages('Yes / No / Partially — [why]')).toEqual([])
    const ids = lint(
      log!.text.replace(line, '**Would you use AI for this again?** Yes / No / Partially — [why]'),
      {today: fixtureToday},
    ).map((f) => f.ruleId)
    expect(ids).toEqual(['placeholder'])
  })

  it('does not read Yesterday or Nope as an answer', () => {
    expect(messages('Yesterday it worked')).toHaveLength(1)
    expect(messages('Nope')).toHaveLength(1)
  })
})
