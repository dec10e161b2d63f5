import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {migrate, MigrateError} from '../src/migrate.js'
import {notRecordedAnswer} from '../src/rules/use-again-answer.js'
import {fixturesDir, fixtureToday, readFixtures} from './fixtures.js'
import {expectMigrateGuarantees} from './migrate-guarantees.js'
import {validLog} from './properties.js'

const valid = readFixtures('valid')
const is03 = (text: string) => text.includes('# Heartbeat Log')
const logs02 = valid.filter((fixture) => !is03(fixture.text))

describe('migrate to 0.3', () => {
  it('turns every valid 0.2 fixture into a 0.3 log that checks clean, keeping every word', () => {
    expect(logs02.length).toBeGreaterThanOrEqual(10)
    for (const fixture of logs02) expectMigrateGuarantees(fixture.text, fixture.name)
  })

  it('leaves a 0.3 log as it is', () => {
    for (const fixture of valid.filter((candidate) => is03(candidate.text))) {
      expect(migrate(fixture.text), fixture.name).toEqual({output: fixture.text, changed: false})
    }
  })

  it('writes the expected bytes', () => {
    // fixtures/migrate/<name>.migrated.md is valid/<name>.md migrated.
    const expected = readdirSync(join(fixturesDir, 'migrate'))
    expect(expected.length).toBeGreaterThanOrEqual(4)
    for (const file of expected) {
      const input = valid.find((fixture) => fixture.name === file.replace('.migrated', ''))
      const want = readFileSync(join(fixturesDir, 'migrate', file), 'utf8')
      expect(migrate(input!.text).output, file).toBe(want)
    }
  })

  it('keeps the problems a log had, for check to report as 0.3', () => {
    const sample = readFileSync(join(fixturesDir, 'sample', 'SESSION_LOG.md'), 'utf8')
    const ids = (text: string, template?: string) =>
      lint(text, {today: fixtureToday, ...(template ? {template} : {})}).map((f) => f.ruleId)
    const {output} = migrate(sample)
    expect(ids(output, 'heartbeat-log.v0.3')).toEqual(ids(sample))
  })

  it('answers the question 0.2 never asked with the answer the rules accept', () => {
    const {output} = migrate(logs02[0]!.text)
    expect(output).toContain(`**Would you use AI for this again?** ${notRecordedAnswer}`)
  })

  it('keeps a team’s own header lines and guidance as bold lines and the principle', () => {
    const text = logs02
      .find((fixture) => fixture.name === 'payments-team.md')!
      .text.replace('> Input: Each AI-assisted work session', '> Input: Payments squad sessions')
    const {output} = migrate(text)
    expect(output.split('\n---\n')[0]).toBe(
      [
        '# Heartbeat Log',
        '',
        '**Stage:** BUILD + REVIEW + LEARN • **Version:** 0.3',
        '',
        '**Input:** Payments squad sessions',
        '',
        '**Output:** Complete record of what happened, what was learned, what to update',
        '',
        '**Protocol:** One entry per Heartbeat • Fill during BUILD, complete after REVIEW and LEARN',
        '',
        '> **CORE PRINCIPLE**',
        '>',
        "> Log every AI session. One entry per Heartbeat. This is how the team learns what works and what doesn't.",
        '',
      ].join('\n'),
    )
  })

  it('refuses text that is no session log, and versions it cannot write', () => {
    expect(() => migrate('# My project\n\n## Install\n\nRun it.\n\n## Usage\n\nUse it.\n')).toThrow(
      MigrateError,
    )
    expect(() => migrate('just some words\n')).toThrow(/is not a session log/)
    expect(() => migrate(logs02[0]!.text, '0.4')).toThrow(/cannot migrate to "0.4"/)
  })

  it('keeps its promises on generated 0.2 logs', () => {
    fc.assert(
      fc.property(validLog, (text) => {
        expectMigrateGuarantees(text)
      }),
      {numRuns: 25},
    )
  })
})
