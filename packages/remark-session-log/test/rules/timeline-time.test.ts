import {expect, it} from 'vitest'
import {timelineTime} from '../../src/rules/timeline-time.js'
import {lint} from '../../src/lint.js'
import {describeRule} from '../describe-rule.js'
import {readFixtures} from '../fixtures.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(timelineTime)

const rows = (...times: string[]) =>
  edit(oneEntry, [
    '| 00:00 | Started session, pasted context + task |\n| 00:30 | Handler and signature check drafted |\n| 01:10 | Tests green, moved to review |',
    times.map((time, index) => `| ${time} | step ${index + 1} |`).join('\n'),
  ])

it.each([
  [['00:00', '0:45', '1:30']],
  [['00:00', '09:59', '10:00', '26:05']],
  [['00:10', '00:11']],
])('accepts elapsed times %j', (times) => {
  expect(findingsOf('timeline-time', rows(...times))).toEqual([])
})

it.each(['00:60', '0:5', '00:5', '100:00', '~00:30', '1h', '00.30', '00:30:00', ''])(
  'reports the time %j on its cell',
  (time) => {
    const text = rows('00:00', time, '02:00')
    const [finding, ...rest] = findingsOf('timeline-time', text)
    expect(rest).toEqual([])
    expect(covered(text, finding!)).toBe(time)
    expect(finding!.message).toContain('HH:MM')
  },
)

it('reports a time that does not increase, against the row before it', () => {
  const text = rows('00:00', '00:40', '00:25', '00:25', '00:50')
  const found = findingsOf('timeline-time', text)
  expect(found.map((finding) => text.split('\n')[finding.start.line - 1])).toEqual([
    '| 00:25 | step 3 |',
    '| 00:25 | step 4 |',
  ])
  expect(found[0]!.message).toBe(
    '"Time" "00:25" is not after the row before it ("00:40"); times strictly increase',
  )
})

it('reports clock times once, on the first time, and not as a session shorter than its timeline', () => {
  const [fixture] = readFixtures('invalid/timeline-time').filter((f) => f.name === 'clock-times.md')
  const found = lint(fixture!.text, fixture!.options).map((finding) => finding.ruleId)
  expect(found).toEqual(['timeline-time'])
})
