import {expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {entryHeading} from '../../src/rules/entry-heading.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {covered, edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(entryHeading)

const heading = '## Session: Refund webhook handler'

it('fixes the level and the spelling of the prefix, and nothing else', () => {
  for (const wrong of [
    '### Session: Refund webhook handler',
    '# session: Refund webhook handler',
    '## SESSION : Refund webhook handler',
    '## Sesion: Refund webhook handler',
    '## Session - Refund webhook handler',
  ]) {
    const text = edit(oneEntry, [heading, wrong])
    expect(findingsOf('entry-heading', text).length, wrong).toBeGreaterThan(0)
    expect(fix(text, {today: fixtureToday}).output, wrong).toBe(oneEntry)
  }
})

it('reports the level on the heading markers and the prefix on the prefix', () => {
  const text = edit(oneEntry, [heading, '### session: Refund webhook handler'])
  const found = findingsOf('entry-heading', text)
  expect(found.map((finding) => covered(text, finding))).toEqual(['###', 'session:'])
  expect(found.map((finding) => finding.expected)).toEqual([['##'], ['Session:']])
})

it('reports a heading without prefix or without name, with no fix to guess', () => {
  const bare = edit(oneEntry, [heading, '## Refund webhook handler'])
  const [noPrefix] = findingsOf('entry-heading', bare)
  expect(noPrefix!.message).toBe(
    'Entry heading "Refund webhook handler" does not start with "Session:"; write "## Session: <task name>"',
  )
  expect(noPrefix!.edits).toBeUndefined()
  const nameless = edit(oneEntry, [heading, '## Session:'])
  const [noName] = findingsOf('entry-heading', nameless)
  expect(noName!.message).toContain('no task name')
})

it('leaves a name that is still the placeholder to the placeholder rule', () => {
  expect(findingsOf('entry-heading', edit(oneEntry, [heading, '## Session: [Task Name]']))).toEqual(
    [],
  )
})
