import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {lint} from '../src/lint.js'
import type {Options} from '../src/options.js'
import type {Finding} from '../src/rule.js'

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/', import.meta.url))

/** The day fixtures are linted on, so "future" dates do not move with the clock. */
export const fixtureToday = '2026-06-01'

export interface Fixture {
  name: string
  path: string
  text: string
  options: Options
}

/** Every Markdown file under the fixtures folder (inputs and expected outputs), by path. */
export function allFixtureFiles(dir = fixturesDir): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((item) =>
    item.isDirectory()
      ? allFixtureFiles(join(dir, item.name))
      : item.name.endsWith('.md')
        ? [join(dir, item.name)]
        : [],
  )
}

/** Markdown files of a fixture folder, each with its `<name>.options.json` when present. */
export function readFixtures(folder: string): Fixture[] {
  const dir = join(fixturesDir, folder)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && !file.endsWith('.fixed.md'))
    .sort()
    .map((file) => {
      const path = join(dir, file)
      const optionsPath = path.replace(/\.md$/, '.options.json')
      const options = existsSync(optionsPath)
        ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Options)
        : {}
      // A template file is named relative to the fixtures folder.
      if (options.template?.endsWith('.md')) options.template = join(fixturesDir, options.template)
      return {
        name: file,
        path,
        text: readFileSync(path, 'utf8'),
        options: {today: fixtureToday, ...options},
      }
    })
}

export interface Expected {
  ruleId: string
  line: number
  column: number
}

export function readExpected(fixture: Fixture): Expected[] {
  return JSON.parse(readFileSync(fixture.path.replace(/\.md$/, '.json'), 'utf8')) as Expected[]
}

// A fixture's findings, linted once however many tests of a file ask for them.
const linted = new Map<string, Finding[]>()

/** The findings of every rule on a fixture, with its options. Callers must not change them. */
export function lintFixture(fixture: Fixture): Finding[] {
  const key = `${fixture.path}\u0000${JSON.stringify(fixture.options)}`
  let findings = linted.get(key)
  if (!findings) {
    findings = lint(fixture.text, fixture.options)
    linted.set(key, findings)
  }
  return findings
}
