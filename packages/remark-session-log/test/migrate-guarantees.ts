import {expect} from 'vitest'
import {detectStyle} from '../src/fix/template-text.js'
import {lint} from '../src/lint.js'
import {migrate} from '../src/migrate.js'
import {fixtureToday} from './fixtures.js'

/**
 * The 0.2 template's own words that 0.3 renames or drops; everything else in a log is the
 * author's and must be in the migrated log, as often as it was.
 */
const replacedWording = [
  '# Session Log',
  '> Version: 0.2',
  '> Input: Each AI-assisted work session',
  '> Output: Reviewable record of what happened, decisions made, and outcomes',
  '## Session:',
  '**Heartbeat:**',
  '### Inputs',
  'What did you feed to the AI session?',
  'Did any of these happen? Mark if yes.',
  'AI proposed APIs that "almost" exist but not quite',
  'Tests passed but behavior felt "off"',
  'Explained the same thing twice in one session',
  "Wasn't sure if code still matched the brief",
  '[list which files]',
  '**Was the kill switch triggered?**',
  '**If yes, why?**',
  '**What did you do instead?**',
  '### Review Findings',
  '**AI Review pass:**',
  '**Human Review pass:**',
  '**Hallucinations caught:**',
  '### Output',
  '**What worked well in this session?**',
  "**What didn't work?**",
  '**What did you update in project-context.md?**',
  '*(Copy the section above for each new session. Reverse chronological order.)*',
]

// Task boxes are no words: 0.3 writes the action taken without its box.
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of text.replace(/\[[ xX]\]/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

/**
 * What `migrate` promises for a 0.2 log that checks clean: the result checks clean as
 * 0.3, keeps every word of the author's, its BOM, line endings and bullets, and
 * migrating it again changes nothing.
 */
export function expectMigrateGuarantees(input: string, label = ''): string {
  const {output, changed} = migrate(input)
  expect(changed, label).toBe(true)
  const found = lint(output, {today: fixtureToday, template: 'heartbeat-log.v0.3'})
  expect(
    found.map((finding) => `${finding.start.line}: ${finding.message}`),
    label,
  ).toEqual([])
  expect(migrate(output), label).toEqual({output, changed: false})

  let authors = input.replace(/\r\n?/g, '\n')
  for (const wording of replacedWording) authors = authors.split(wording).join(' ')
  const kept = words(output)
  for (const [word, count] of words(authors)) {
    expect(kept.get(word) ?? 0, `${label}: "${word}"`).toBeGreaterThanOrEqual(count)
  }

  expect(output.startsWith('\uFEFF'), label).toBe(input.startsWith('\uFEFF'))
  const crlf = input.includes('\r\n')
  expect(crlf ? /(?<!\r)\n/.test(output) : output.includes('\r'), label).toBe(false)
  expect(detectStyle(output).bullet, label).toBe(detectStyle(input).bullet)
  return output
}
