// Linting in steps (what an editor does on opening a long log): the top entries' findings
// come first, each step only adds to the last, and the lint that ends the steps is the
// lint of the whole log.
import {describe, expect, it} from 'vitest'
import {generateLog} from '../../../test/bench/generate.mjs'
import {Linter, type Linted, type LintStep} from '../src/lint.js'
import {splitChunks} from '../src/model/split.js'
import {rules} from '../src/rules/index.js'
import {loadTemplate} from '../src/template/load.js'
import type {Finding} from '../src/rule.js'
import {fixtureToday, readFixtures} from './fixtures.js'

const fixtures = [
  ...readFixtures('valid'),
  ...readFixtures('fix'),
  ...rules.flatMap((rule) => readFixtures(`invalid/${rule.id}`)),
]

/** Every step (copied, as a step's list grows) and the result, one step per chunk. */
function inSteps(linter: Linter, text: string) {
  const steps: Array<Omit<LintStep, 'findings'> & {findings: Finding[]}> = []
  const run = linter.lintInSteps(text, {stepMs: 0, first: 1})
  let step = run.next()
  while (!step.done) {
    steps.push({...step.value, findings: [...step.value.findings]})
    step = run.next()
  }
  return {steps, linted: step.value as Linted}
}

// Rules of the whole log report when the steps end; so do root causes, which hide what
// they explain.
const wholeLogRules = new Set(rules.filter((rule) => rule.checkDocument).map((rule) => rule.id))

const key = (finding: Finding) =>
  `${finding.start.offset}:${finding.end.offset}:${finding.ruleId}:${finding.message}`

describe('Linter.lintInSteps', () => {
  it('ends with the lint of the whole log, on every fixture', () => {
    for (const fixture of fixtures) {
      const {linted} = inSteps(new Linter(fixture.options), fixture.text)
      expect(linted.findings, fixture.name).toEqual(
        new Linter(fixture.options).lint(fixture.text).findings,
      )
    }
  })

  it('yields the top entries first, each step adding to the one before', () => {
    const text = generateLog(120, {seed: 11, defectRate: 0.3})
    const {steps, linted} = inSteps(new Linter({today: fixtureToday}), text)
    // One step per chunk but the last, which the ending lint covers.
    expect(steps.map((step) => step.checked)).toEqual(steps.map((_, index) => index + 1))
    expect(steps.at(-1)!.checked).toBe(splitChunks(text, loadTemplate()).length - 1)
    for (const [index, step] of steps.entries()) {
      const before = steps[index - 1]?.findings ?? []
      expect(step.findings.slice(0, before.length)).toEqual(before)
    }
    // What a step shows is what the whole lint says of those entries.
    const entryFindings = linted.findings.filter((finding) => !wholeLogRules.has(finding.ruleId))
    const last = steps.at(-1)!.findings
    expect(last.length).toBeGreaterThan(10)
    const whole = new Set(entryFindings.map(key))
    expect(last.filter((finding) => !whole.has(key(finding)))).toEqual([])
    const lastEntry = linted.log.entries.at(-1)!
    const shown = new Set(last.map(key))
    expect(
      entryFindings.filter(
        (finding) => finding.start.offset < lastEntry.start.offset && !shown.has(key(finding)),
      ),
    ).toEqual([])
  })

  it('does the work once: the lint that ends the steps checks no entry again', () => {
    const text = generateLog(60, {seed: 12, defectRate: 0.3})
    const linter = new Linter({today: fixtureToday})
    const checked: string[] = []
    const spy = linter as unknown as {
      checkEntry: (entry: {source: string}, ...rest: unknown[]) => unknown
    }
    const checkEntry = spy.checkEntry.bind(linter)
    spy.checkEntry = (entry, ...rest) => {
      checked.push(entry.source)
      return checkEntry(entry, ...rest)
    }
    const {linted} = inSteps(linter, text)
    expect(checked).toHaveLength(linted.log.entries.length)
    expect(new Set(checked).size).toBe(checked.length)
  })

  it('shares its work with a lint made between two steps', () => {
    const text = generateLog(40, {seed: 13, defectRate: 0.3})
    const linter = new Linter({today: fixtureToday})
    const run = linter.lintInSteps(text, {stepMs: 0, first: 1})
    run.next()
    run.next()
    const between = linter.lint(text).findings
    let step = run.next()
    while (!step.done) step = run.next()
    expect(step.value.findings).toEqual(between)
    expect(between).toEqual(new Linter({today: fixtureToday}).lint(text).findings)
  })
})
