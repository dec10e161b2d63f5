import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {stats} from '../src/stats/stats.js'
import {fixturesDir, readFixtures} from './fixtures.js'

const read = (name: string) => readFileSync(join(fixturesDir, name), 'utf8')
const one = (name: string, options = {}) => stats([{text: read(name), path: name}], options)

// Every expected figure below was added up by hand from the fixture's own lines.
describe('stats on the valid fixtures', () => {
  it('adds up a 0.2 log: payments-team.md', () => {
    const {totals, notes, takeaways} = one('valid/payments-team.md')
    expect(totals).toMatchObject({
      entries: 2,
      minutes: 80 + 75, // 1h 20m, 1h 15m
      minutesWithoutAI: 180 + 120, // 3h, 2h
      minutesSaved: 300 - 155,
      linesGenerated: 180 + 90,
      linesKept: 150 + 70,
      linesManual: 40 + 25,
      keepRatio: 0.8148, // 220 / 270
      staticAnalysisIssues: 2,
      hallucinations: 1,
      hallucinationsPer100Kept: 0.4545, // 100 × 1 / 220
      killSwitchTriggered: 0,
      killSwitchAnswered: 2,
      killSwitchRate: 0,
      rotEntries: 0,
      rotRenewed: 0,
      sequences: {finished: 0, open: 1}, // Payment webhooks: heartbeats 1 and 2 of 3
      unknown: {},
    })
    expect(totals.contextRot['Had to correct naming conventions mid-session']).toBe(1)
    expect(Object.values(totals.contextRot).reduce((a, b) => a + b)).toBe(1)
    expect(notes).toEqual([])
    expect(takeaways.map(({line, text}) => [line, text])).toEqual([
      [99, 'Paste the queue conventions before asking for workers.'],
      [190, 'Ask for constant-time comparisons explicitly.'],
    ])
  })

  it('adds up a 0.3 Heartbeat Log through its own names: notifications-heartbeat-v0.3.md', () => {
    const {totals, notes} = one('valid/notifications-heartbeat-v0.3.md')
    expect(totals).toMatchObject({
      entries: 2,
      minutes: 115 + 140, // 1h 55m, 2h 20m
      minutesWithoutAI: 180 + 180,
      linesGenerated: 210 + 240,
      linesKept: 165 + 150,
      linesManual: 70 + 45,
      staticAnalysisIssues: 2,
      hallucinations: 1 + 2,
      killSwitchTriggered: 1, // "**Triggered?** Yes" in the older entry
      killSwitchAnswered: 2,
      killSwitchRate: 0.5,
      rotEntries: 1, // three signals
      rotRenewed: 1, // "refreshed context in a new chat at 01:25"
      sequences: {finished: 1, open: 0}, // Notification digests: 1 and 2 of 2
    })
    expect(totals.contextRot).toEqual({
      "AI proposed APIs that don't quite exist": 1,
      'Had to correct naming conventions mid-session': 1,
      'Tests passed but behavior felt off': 0,
      'Explained the same thing twice': 1,
      'Code drifted from the brief': 0,
    })
    expect(notes).toEqual([])
  })

  it('groups twelve entries by engineer, tool, feature and month: checkout-team-twelve-entries.md', () => {
    const {totals, by} = one('valid/checkout-team-twelve-entries.md')
    expect(totals).toMatchObject({
      entries: 12,
      minutes: 1100,
      minutesWithoutAI: 2010,
      linesGenerated: 1700,
      linesKept: 1200,
      hallucinations: 8,
      killSwitchTriggered: 1,
      rotEntries: 3,
      rotRenewed: 3,
      sequences: {finished: 2, open: 0},
    })
    expect(Object.values(totals.contextRot)).toEqual([2, 2, 2, 2, 2])
    const pick = (groups = by.engineer) =>
      groups?.map(({key, entries, minutes, minutesWithoutAI, linesGenerated, linesKept}) => [
        key,
        entries,
        minutes,
        minutesWithoutAI,
        linesGenerated,
        linesKept,
      ])
    // Largest group first, then by name.
    expect(pick(by.engineer)).toEqual([
      ['Chen Wei', 4, 355, 600, 620, 310],
      ['Daniel Kim', 3, 205, 360, 270, 240],
      ['Fatima Zahra', 3, 340, 720, 590, 490],
      ['Ana Costa', 1, 120, 240, 180, 130],
      ['Priya Raman', 1, 80, 90, 40, 30],
    ])
    expect(pick(by.month)).toEqual([
      ['2026-04', 5, 400, 690, 480, 395],
      ['2026-05', 7, 700, 1320, 1220, 805],
    ])
    // A sequence counts where its last heartbeat was logged.
    const sequences = Object.fromEntries(by.engineer!.map((g) => [g.key, g.sequences]))
    expect(sequences['Chen Wei']).toEqual({finished: 1, open: 0})
    expect(sequences['Fatima Zahra']).toEqual({finished: 1, open: 0})
    expect(sequences['Daniel Kim']).toEqual({finished: 0, open: 0})
    expect(by.tool?.map((group) => group.key)).toEqual([
      'Cursor + Claude Sonnet 4',
      'Claude Code (Claude Sonnet 4)',
      'ChatGPT-4o',
      'GitHub Copilot Chat (GPT-4o)',
      'Windsurf (Cascade) + GPT-4.1',
    ])
    expect(by.feature?.find((g) => g.key === 'Guest checkout')?.killSwitchTriggered).toBe(1)
  })

  it('gives the same totals as the sum of every grouping', () => {
    for (const {text, name} of readFixtures('valid')) {
      const {totals, by} = stats([{text, path: name}])
      for (const groups of Object.values(by)) {
        const sum = (key: 'entries' | 'minutes' | 'linesKept' | 'hallucinations') =>
          groups.reduce((total, group) => total + group[key], 0)
        expect(sum('entries'), name).toBe(totals.entries)
        expect(sum('minutes'), name).toBe(totals.minutes)
        expect(sum('linesKept'), name).toBe(totals.linesKept)
        expect(sum('hallucinations'), name).toBe(totals.hallucinations)
      }
    }
  })

  it('reads BOM and CRLF logs as their plain twins', () => {
    const plain = one('valid/design-system-durations.md').totals
    const crlf = one('valid/design-system-toml-front-matter-crlf.md').totals
    expect(crlf).toEqual(plain)
    expect(one('valid/search-platform-bom.md').totals.entries).toBe(2)
  })
})

describe('stats on figures that are missing or malformed', () => {
  const broken = read('valid/payments-team.md')
    .replace('| Lines generated by AI | 180 |', '| Lines generated by AI | lots |')
    .replace('| Total session time | 1h 20m |', '| Total session time | |')
    .replace('| Estimated time without AI | 2h |', '| Estimated time without AI | 2 |')
    .replace('| Hallucinations caught | 0 |', '| Hallucinations caught | None |')
    .replace('**Date:** 2025-03-12', '**Date:** last Tuesday')
    .replace(
      '- **Was the kill switch triggered?** No\n',
      '- **Was the kill switch triggered?** Maybe\n',
    )
    .replace('| Lines written manually | 25 |\n', '')

  it('counts every entry, and each unknown figure apart, with a note at its entry', () => {
    const {totals, notes} = stats([{text: broken, path: 'log.md'}])
    expect(totals.entries).toBe(2)
    expect(totals.unknown).toEqual({
      linesGenerated: 1,
      minutes: 1,
      minutesWithoutAI: 1,
      linesManual: 1,
      date: 1,
      killSwitch: 1,
    })
    // What is known still adds up: 90 generated in the second entry, 75 minutes.
    expect(totals.linesGenerated).toBe(90)
    expect(totals.minutes).toBe(75)
    expect(totals.minutesWithoutAI).toBe(180)
    // "None" hallucinations is zero, not unknown.
    expect(totals.hallucinations).toBe(1)
    // Only entries that state both figures of a ratio count toward it.
    expect(totals.keepRatio).toBe(Math.round((70 / 90) * 10_000) / 10_000)
    expect(totals.minutesSaved).toBe(0)
    expect(totals.killSwitchAnswered).toBe(1)
    expect(notes).toEqual([
      {
        path: 'log.md',
        line: 11,
        message:
          'Entry "Webhook retry queue" is counted without figures it does not state: "Was the kill switch triggered?" is "Maybe", which is not Yes or No; "Lines generated by AI" is "lots", which does not read as a number; "Total session time" is empty',
      },
      {
        path: 'log.md',
        line: 103,
        message:
          'Entry "Webhook signature check" is counted without figures it does not state: "Lines written manually" is missing; "Date" is "last Tuesday", which is not a calendar date (YYYY-MM-DD); "Estimated time without AI" is "2", which has no unit (h or m)',
      },
    ])
  })

  it('keeps an undated entry out of a date window, and says so', () => {
    const {totals, notes, by} = stats([{text: broken, path: 'log.md'}], {from: '2025-03-01'})
    expect(totals.entries).toBe(1)
    expect(notes.at(-1)).toEqual({
      path: 'log.md',
      line: 1,
      message: '1 entry has no readable date and is left out of the dates asked for',
    })
    expect(by.month?.map((group) => group.key)).toEqual(['2025-03'])
  })

  it('puts an entry without a date in the "(not given)" month, last', () => {
    const {by} = stats([{text: broken, path: 'log.md'}])
    expect(by.month?.map((group) => group.key)).toEqual(['2025-03', '(not given)'])
  })
})

describe('stats options and odd input', () => {
  const twelve = read('valid/checkout-team-twelve-entries.md')

  it('restricts to the dates between --from and --to, both included', () => {
    const {totals} = stats([{text: twelve}], {from: '2026-04-28', to: '2026-05-14'})
    // 2026-04-28, 2026-04-30, 2026-05-05, 2026-05-12, 2026-05-14
    expect(totals.entries).toBe(5)
    expect(totals.minutes).toBe(80 + 65 + 100 + 135 + 70)
  })

  it('reports only the groupings asked for, in that order', () => {
    const {by} = stats([{text: twelve}], {by: ['month', 'tool']})
    expect(Object.keys(by)).toEqual(['month', 'tool'])
  })

  it('adds several logs together', () => {
    const a = one('valid/payments-team.md').totals
    const b = one('valid/notifications-heartbeat-v0.3.md').totals
    const both = stats([
      {text: read('valid/payments-team.md')},
      {text: read('valid/notifications-heartbeat-v0.3.md')},
    ]).totals
    expect(both.entries).toBe(a.entries + b.entries)
    expect(both.minutes).toBe(a.minutes + b.minutes)
    // Each template's signals are named as that template words them; one is worded alike.
    expect(Object.keys(both.contextRot)).toHaveLength(9)
    expect(both.contextRot['Had to correct naming conventions mid-session']).toBe(2)
  })

  it('notes a file that is no log, or not the template it is read as', () => {
    const readme = stats([{text: '# Readme\n\nJust prose.\n', path: 'README.md'}])
    expect(readme.totals.entries).toBe(0)
    expect(readme.notes).toEqual([
      {
        path: 'README.md',
        line: 1,
        message: 'The log has no entries (no heading starting "Session:")',
      },
    ])
    const other = stats([{text: read('valid/payments-team.md')}], {template: 'heartbeat-log.v0.3'})
    expect(other.notes[0]?.message).toMatch(/does not follow the template Heartbeat Log 0.3/)
    expect(other.totals.entries).toBe(2)
  })

  it('reads a team template through its roles: a template without them counts entries only', () => {
    const template = join(fixturesDir, 'templates/pairing-log.template.md')
    const {totals, notes} = stats([{text: read('templates/pairing-log-valid.md')}], {template})
    expect(totals.entries).toBe(2)
    expect(totals.minutes).toBe(0)
    expect(totals.unknown).toEqual({})
    expect(notes).toEqual([])
  })
})
