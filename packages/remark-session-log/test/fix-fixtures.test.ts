import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {fix} from '../src/fix/fix.js'
import {lint} from '../src/lint.js'
import {rules} from '../src/rules/index.js'
import {changesOutsideEdits, expectFixGuarantees, lostWords} from './fix-guarantees.js'
import {lintFixture, readFixtures} from './fixtures.js'

const pairs = readFixtures('fix')
const fixable = rules.filter((rule) => rule.fixable)

describe('fix fixtures', () => {
  it('has a pair for every fixable rule', () => {
    const missing = fixable
      .map((rule) => rule.id)
      .filter((id) => !pairs.some(({name}) => name === `${id}.md` || name.startsWith(`${id}-`)))
    expect(missing, 'fixtures/fix/<rule-id>*.md missing').toEqual([])
  })

  for (const pair of pairs) {
    describe(pair.name, () => {
      const fixedPath = pair.path.replace(/\.md$/, '.fixed.md')

      it('fixes to its .fixed.md byte for byte', () => {
        expect(existsSync(fixedPath), `${fixedPath} exists`).toBe(true)
        const output = fix(pair.text, pair.options).output
        expect(output).toBe(readFileSync(fixedPath, 'utf8'))
      })

      const rule = fixable.find(
        ({id}) => pair.name === `${id}.md` || pair.name.startsWith(`${id}-`),
      )
      if (rule) {
        it(`leaves no finding of ${rule.id}`, () => {
          const left = fix(pair.text, pair.options).remaining.filter(
            (finding) => finding.ruleId === rule.id,
          )
          expect(
            left.map(({start, message}) => `${start.line}:${start.column} ${message}`),
          ).toEqual([])
        })
      }

      it('needs fixing, and keeps the guarantees', () => {
        expect(lint(pair.text, pair.options).some((finding) => finding.edits)).toBe(true)
        expectFixGuarantees(pair.text, pair.options, pair.name)
      })
    })
  }

  it('leaves every valid fixture as it is', () => {
    for (const fixture of readFixtures('valid')) {
      const result = fix(fixture.text, fixture.options)
      expect(result.output === fixture.text, fixture.name).toBe(true)
      expect(result.applied, fixture.name).toEqual([])
    }
  })
})

describe('what a fix keeps', () => {
  it('keeps mixed line endings, a BOM, trailing spaces, table padding and bullets', () => {
    const valid = readFixtures('valid').find(({name}) => name === 'growth-team-aligned-tables.md')!
    const firstEntry = valid.text.indexOf('### Session Timeline')
    const styled = (
      valid.text.slice(0, firstEntry).replace(/^- \[/gm, '* [') + valid.text.slice(firstEntry)
    )
      .split('\n')
      .map((line, index) => (index % 3 === 0 && line !== '' ? `${line}  ` : line))
      .map((line, index) => (index % 4 === 1 ? `${line}\r` : line))
      .join('\n')
    const author = `\uFEFF${styled}`
    expect(author).toMatch(/\r\n[^\r]*[^\r]\n/)
    expect(author).toMatch(/^\| 00:25 \| Ledger model and double-entry service drafted {14}\|/m)
    const broken = author
      .replace('### Kill Switch', '### kill switch')
      .replace('* [x] decisions.md', '*[x] decisions.md')
    expect(broken).not.toBe(author)
    expect(fix(broken, valid.options).output).toBe(author)
  })
})

describe('the guarantee checks', () => {
  it('count a word lost when the output drops it', () => {
    expect(lostWords('Kept the queue naming', 'kept the naming')).toEqual(['queue'])
    expect(lostWords('a a b', 'a b')).toEqual(['a'])
    expect(lostWords('### Inptus', '### Inputs')).toEqual([])
    expect(lostWords('no', 'to')).toEqual(['no'])
  })

  it('find bytes changed outside the edits', () => {
    const point = {line: 1, column: 1, offset: 0}
    const finding = {
      ruleId: 'made-up',
      severity: 'error' as const,
      message: '',
      start: point,
      end: point,
      url: '',
      edits: [{start: 2, end: 3, text: 'X'}],
    }
    const passes = [{text: 'abcdef', applied: [finding]}]
    const traced = (output: string) => ({output, applied: [], remaining: [], passes})
    expect(changesOutsideEdits(traced('abXdef'))).toEqual([])
    expect(changesOutsideEdits(traced('abXdeF'))).not.toEqual([])
    expect(changesOutsideEdits(traced('aXbdef'))).not.toEqual([])
    // A later pass's edit inside text an earlier pass inserted maps back to that edit.
    const second = {...finding, edits: [{start: 3, end: 3, text: '+'}]}
    const twoPasses = [
      {text: 'abcdef', applied: [{...finding, edits: [{start: 2, end: 3, text: 'XYZ'}]}]},
      {text: 'abXYZdef', applied: [second]},
    ]
    const two = (output: string) => ({output, applied: [], remaining: [], passes: twoPasses})
    expect(changesOutsideEdits(two('abX+YZdef'))).toEqual([])
    expect(changesOutsideEdits(two('abX+YZdfe'))).not.toEqual([])
  })
})

describe('rules declared not fixable', () => {
  // Every fixture, valid, invalid and to fix, linted once: a rule that says it cannot fix
  // must not hand the fixer edits anyway.
  const fixtures = [
    ...readFixtures('valid'),
    ...readFixtures('fix'),
    ...rules.flatMap((rule) => readFixtures(`invalid/${rule.id}`)),
  ]
  const notFixable = new Set(rules.filter((rule) => !rule.fixable).map((rule) => rule.id))

  it('never emit edits', () => {
    expect(notFixable.size).toBeGreaterThan(10)
    const withEdits = fixtures.flatMap((fixture) =>
      lintFixture(fixture)
        .filter((finding) => notFixable.has(finding.ruleId) && finding.edits)
        .map((finding) => `${fixture.name}: ${finding.ruleId}`),
    )
    expect(withEdits).toEqual([])
  })
})
