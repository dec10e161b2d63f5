// Every reporter, given findings whose messages and file names quote hostile text: terminal
// escapes, workflow commands, bidi controls, half a surrogate pair. Nothing of it may
// reach a terminal raw, start a workflow command, or make JSON and SARIF invalid.
import type {Finding} from 'remark-session-log'
import {describe, expect, it} from 'vitest'
import {InputError} from '../dist/files.js'
import {visible} from '../dist/reporters/escape.js'
import {reporters, type FileResult} from '../dist/reporters/index.js'
import {summary} from '../dist/reporters/summary.js'
import {sarifValidator} from './sarif-schema.js'

const hostile = [
  '\u001b[31mred\u001b[0m and \u001b[2J cleared',
  '\u001b]8;;https://example.invalid\u0007a link\u001b]8;;\u0007',
  '\u009b31m C1 escape, \u0007 bell, \b backspace, \u0000 NUL, \u007f DEL',
  'over\rwritten',
  'two\nlines\n::error file=x.md::injected',
  '%0A::warning::encoded, 100%',
  '::add-mask::secret and ::stop-commands::token',
  'bidi \u202egnp.exe\u202c \u2066isolate\u2069 \u061c mark \u200f',
  'line\u2028separator\u2029paragraph',
  'half a pair \ud800 here, a whole one 😀',
  '"quotes", \\backslash\\, `code`',
  'a | pipe, <b>bold</b>, [a link](https://example.invalid), @someone and ~~struck~~',
]

/** Controls a terminal acts on, bidi controls, and the separators JSON leaves raw. */
const unsafe = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u
const unsafeButNewline = /[^\P{Cc}\n]|[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

function finding(message: string, index: number): Finding {
  const line = index + 1
  return {
    ruleId: 'field-date',
    severity: index % 2 === 0 ? 'error' : 'warn',
    message,
    start: {line, column: 3, offset: index * 10 + 2},
    end: {line, column: 8, offset: index * 10 + 7},
    url: 'https://example.invalid/rules#field-date',
  }
}

const files: FileResult[] = [
  {name: 'SESSION_LOG.md', findings: hostile.map(finding)},
  {name: 'a\u001b[2Jb\n::error::x, 100%:.md', findings: [finding(hostile[0]!, 0)]},
  {name: 'half\ud800.md', findings: [finding('plain', 0)]},
]
const problems = [new InputError('gone\u001b[2J\n.md', 'does not exist', 'check the path')]
const input = {files, problems, color: false, quiet: false}
const count = files.reduce((sum, file) => sum + file.findings.length, 0)

describe('hostile text in every format', () => {
  it('has hostile strings that the check would catch raw', () => {
    for (const text of hostile.slice(0, 5)) expect(text).toMatch(unsafe)
    expect(visible(hostile[0]!)).not.toMatch(unsafe)
  })

  it('stylish shows every control character as an escape', () => {
    const plain = reporters.stylish(input)
    expect(plain).not.toMatch(unsafeButNewline)
    expect(plain).toContain('\\x1b[31mred\\x1b[0m')
    expect(plain).toContain('gnp.exe')
    expect(plain).toContain('\\u202e')
    expect(plain).toContain('a\\x1b[2Jb\\x0a::error::x, 100%:.md')
    // With colors, the only escapes are the reporter's own colour codes.
    const colored = reporters.stylish({...input, color: true})
    // eslint-disable-next-line no-control-regex -- the escape of a colour code, to remove it
    expect(colored.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(unsafeButNewline)
  })

  it('json is valid, holds the exact text, and prints no control character', () => {
    const output = reporters.json(input)
    expect(output).not.toMatch(unsafeButNewline)
    // A log that could not be checked turns the array into {errors, findings}.
    const {errors, findings: records} = JSON.parse(output) as {
      errors: Array<{file: string; message: string}>
      findings: Array<{file: string; message: string}>
    }
    expect(errors.map((error) => error.file)).toEqual([problems[0]!.file])
    expect(records).toHaveLength(count)
    expect(records.slice(0, hostile.length).map((record) => record.message)).toEqual(hostile)
    expect(records.map((record) => record.file)).toContain(files[1]!.name)
  })

  it('github writes one command per finding, none started by the text it quotes', () => {
    const output = reporters.github(input)
    expect(output).not.toMatch(unsafeButNewline)
    const lines = output.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(count)
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=[^:,]*,line=\d+,endLine=\d+,col=\d+,/)
    }
    // Data decodes to the visible message: "%", CR and LF are escaped, nothing else.
    const data = lines.slice(0, hostile.length).map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%'),
    )
    expect(data).toEqual(
      hostile.map((text) => `${visible(text)}\nSee https://example.invalid/rules#field-date`),
    )
    expect(lines[hostile.length]).toContain(
      'file=a\\x1b[2Jb\\x0a%3A%3Aerror%3A%3Ax%2C 100%25%3A.md,',
    )
  })

  it('sarif is valid SARIF with the exact text and well-formed URIs', () => {
    const output = reporters.sarif(input)
    expect(output).not.toMatch(unsafeButNewline)
    const log = JSON.parse(output) as {
      runs: Array<{
        results: Array<{
          message: {text: string}
          locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>
        }>
        invocations: Array<{toolExecutionNotifications: Array<{message: {text: string}}>}>
      }>
    }
    expect(sarifValidator(log), JSON.stringify(sarifValidator.errors)).toBe(true)
    const [run] = log.runs
    expect(run!.results.slice(0, hostile.length).map((result) => result.message.text)).toEqual(
      hostile,
    )
    const uris = run!.results.map(
      (result) => result.locations[0]!.physicalLocation.artifactLocation.uri,
    )
    for (const uri of uris) expect(uri).toMatch(/^(?:[A-Za-z0-9\-_.!~*'()/]|%[0-9A-F]{2})+$/)
    expect(uris).toContain('half%EF%BF%BD.md')
    expect(run!.invocations[0]!.toolExecutionNotifications[0]!.message.text).toBe(
      problems[0]!.message,
    )
  })

  it('summary is Markdown that shows every text literally, one table row per finding', () => {
    const output = summary({
      files,
      problems,
      fixed: [{name: files[1]!.name, applied: [finding(hostile[0]!, 0)]}],
      since: 'main\u001b[2J | <i>',
      fileUrl: (name) =>
        `https://example.invalid/blob/${encodeURIComponent(name.replace(/\p{Cs}/gu, '?'))}`,
    })
    expect(output).not.toMatch(unsafeButNewline)
    // No markup of the texts survives: every `<`, `|`, `[` and `~` they hold is escaped.
    expect(output).not.toMatch(/(?<!\\)<(?:b|i)>|(?<!\\)\[a link|(?<!\\)~~/)
    const rows = output.split('\n').filter((line) => /^\| \[\d+\]/.test(line))
    expect(rows).toHaveLength(count)
    // A cell's text cannot end the cell: each row has its five own pipes and no more.
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(6)
  })
})
