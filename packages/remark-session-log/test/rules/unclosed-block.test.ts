import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {lint} from '../../src/lint.js'
import {unclosedBlock} from '../../src/rules/unclosed-block.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday, lintFixture, readFixtures} from '../fixtures.js'

describeRule(unclosedBlock)

const options = {today: fixtureToday}

it('stands for what it swallowed: no finding of its entry or below it', () => {
  for (const fixture of readFixtures('invalid/unclosed-block')) {
    expect(
      lintFixture(fixture).map((f) => f.ruleId),
      fixture.name,
    ).toEqual(['unclosed-block'])
  }
})

it('keeps the findings of the entries above it', () => {
  const [fixture] = readFixtures('fix').filter((f) => f.name === 'unclosed-block-fence.md')
  const second = fixture!.text.indexOf('## Session: Webhook signature check')
  const log = fixture!.text
  // Move the open fence into the second entry and break the first one's date.
  const inSecond =
    log
      .slice(0, second)
      .replace('```ts\nawait queue.close()\n', '')
      .replace('2025-03-14', '2025-02-30') +
    log.slice(second).replace('### Kill Switch', '```\nstill code\n\n### Kill Switch')
  expect(lint(inSecond, options).map((f) => f.ruleId)).toEqual(['field-date', 'unclosed-block'])
})

it('leaves a block that swallowed none of the log to the author, writing nothing', () => {
  const [log] = readFixtures('valid').filter((f) => f.name === 'payments-team.md')
  const text = `${log!.text}\n<!--\nnotes for later\n`
  const found = lint(text, options)
  expect(found.map((f) => f.ruleId)).toEqual(['unclosed-block'])
  expect(found[0]?.message).toBe(
    'The HTML comment opened on line 196 is never closed; everything after it is read as HTML; close it with "-->" where it ends',
  )
  expect(fix(text, options).output).toBe(text)
})
