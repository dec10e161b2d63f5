import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import remarkSessionLog from '../src/index.js'
import {Linter, lint} from '../src/lint.js'
import {buildModel} from '../src/model/model.js'
import type {Text} from '../src/model/types.js'
import {loadTemplate, templateFor} from '../src/template/load.js'
import {fixturesDir, fixtureToday, lintFixture, readFixtures} from './fixtures.js'

const v03 = loadTemplate('heartbeat-log.v0.3')
const v02 = loadTemplate('session-log.v0.2')
const valid = readFixtures('valid')
const logs03 = valid.filter((fixture) => fixture.text.includes('# Heartbeat Log'))
const notifications = logs03.find((fixture) => fixture.name === 'notifications-heartbeat-v0.3.md')
if (!notifications) throw new Error('the 0.3 fixture notifications-heartbeat-v0.3.md is missing')
const invalid = readFileSync(join(fixturesDir, 'templates', 'heartbeat-log-invalid.md'), 'utf8')

const at = (node: Text | undefined) =>
  node && `${node.start.line}:${node.start.column}-${node.end.line}:${node.end.column} ${node.text}`

describe('choosing the template from the log', () => {
  const header = (lines: string) => `${lines}\n\n---\n\n## Heartbeat: x\n`

  it('picks 0.3 from the bold version line of a filled-in log', () => {
    expect(logs03.length).toBeGreaterThanOrEqual(3)
    for (const fixture of logs03) {
      expect(templateFor(fixture.text).id, fixture.name).toBe('heartbeat-log.v0.3')
    }
  })

  it('reads the version however it is written, and lets it outrank the title', () => {
    expect(templateFor(header('# Session Log\n\n> Version: 0.3')).id).toBe('heartbeat-log.v0.3')
    expect(templateFor(header('# Log\n\n**Version**: 0.3.0')).id).toBe('heartbeat-log.v0.3')
    expect(templateFor(header('# Heartbeat Log\n\n> Version: 0.2')).id).toBe('session-log.v0.2')
  })

  it('falls back to the title, then to the default', () => {
    expect(templateFor(header('# Heartbeat Log')).id).toBe('heartbeat-log.v0.3')
    expect(templateFor(`\uFEFF${header('#  heartbeat log  ')}`).id).toBe('heartbeat-log.v0.3')
    expect(templateFor(header('# Session Log')).id).toBe('session-log.v0.2')
    expect(templateFor('').id).toBe('session-log.v0.2')
    expect(templateFor(header('# Heartbeat Log\n\n**Version:** 7.1')).id).toBe('heartbeat-log.v0.3')
  })

  it('keeps every 0.2 log on 0.2', () => {
    for (const fixture of valid.filter((candidate) => !logs03.includes(candidate))) {
      expect(templateFor(fixture.text).id, fixture.name).toBe('session-log.v0.2')
    }
  })

  it('ignores a version that an entry mentions below the header', () => {
    const text = '# Session Log\n\n---\n\n## Session: x\n\nUpgraded to Version: 0.3 of the SDK\n'
    expect(templateFor(text).id).toBe('session-log.v0.2')
  })

  it('uses the template option when one is given', () => {
    expect(templateFor(notifications.text, 'session-log.v0.2').id).toBe('session-log.v0.2')
    const ids = new Set(
      lint(notifications.text, {today: fixtureToday, template: 'session-log.v0.2'}).map(
        (finding) => finding.ruleId,
      ),
    )
    expect([...ids]).toEqual(['template-mismatch'])
  })

  it('follows an edit of the version line in a linter that is reused', () => {
    const linter = new Linter({today: fixtureToday})
    const as02 = notifications.text.replace('**Version:** 0.3', '**Version:** 0.2')
    expect(linter.lint(notifications.text).findings).toEqual([])
    const findings = linter.lint(as02).findings
    expect(findings.map((finding) => finding.ruleId)).toEqual(['template-mismatch'])
    expect(findings).toEqual(lint(as02, {today: fixtureToday}))
    expect(linter.lint(notifications.text).findings).toEqual([])
  })

  it('is what the remark plugin checks against', async () => {
    const run = async (text: string) => {
      const file = new VFile(text)
      const processor = unified().use(remarkParse).use(remarkSessionLog, {today: fixtureToday})
      await processor.run(processor.parse(file), file)
      return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
    }
    expect(await run(notifications.text)).toEqual([])
    expect(await run(invalid)).toContain('17:1 required-field')
  })
})

describe('the shipped 0.3 template', () => {
  it('describes the Heartbeat Log document', () => {
    expect(v03.id).toBe('heartbeat-log.v0.3')
    expect(v03.title).toBe('Heartbeat Log')
    expect(v03.version).toBe('0.3')
    expect(v03.versionLabel).toBe('Version')
    expect(v03.entryDepth).toBe(2)
    expect(v03.entryPrefix).toBe('Heartbeat:')
    expect(v03.entryPlaceholder).toBe('[Task Name]')
    expect(v03.footer).toBe(
      '*(Copy the section above for each new Heartbeat. Reverse chronological order.)*',
    )
  })

  it('has six fields, Task in place of Heartbeat', () => {
    expect(v03.fields.map(({name, kind}) => [name, kind])).toEqual([
      ['Date', 'date'],
      ['Engineer', 'text'],
      ['Feature', 'text'],
      ['Task', 'text'],
      ['AI Tool', 'text'],
      ['Mode', 'mode'],
    ])
  })

  it('has seven sections in the 0.3 order, each at level 3', () => {
    expect(v03.sections.map((section) => section.heading)).toEqual([
      'Inputs Fed to AI',
      'Session Timeline',
      'Kill Switch',
      'Review',
      'Numbers',
      'Context Rot Signals',
      'Learnings',
    ])
    expect(v03.sections.every((section) => section.depth === 3)).toBe(true)
  })

  it('reads the kill switch lines of one paragraph as three questions', () => {
    const killSwitch = v03.sections.find((section) => section.heading === 'Kill Switch')
    expect(
      killSwitch?.questions.map(({label, answer, listItem, placeholder}) => [
        label,
        answer,
        listItem,
        placeholder,
      ]),
    ).toEqual([
      ['Triggered?', 'inline', false, 'Yes / No'],
      ['If yes — why?', 'inline', false, '[what went wrong]'],
      ['What instead?', 'inline', false, '[smaller task / wrote manually / different approach]'],
    ])
  })

  it('knows the review questions and the hallucinations table', () => {
    const review = v03.sections.find((section) => section.heading === 'Review')
    expect(review?.questions.map(({label, answer}) => [label, answer])).toEqual([
      ['AI review — what it flagged:', 'block'],
      ['Human review — what you caught that AI missed:', 'block'],
      ['Hallucinations:', 'block'],
    ])
    expect(review?.questions[2]?.table?.columns).toEqual([
      'What AI generated',
      'What actually exists',
      'Impact',
    ])
  })

  it('keeps the seven metric rows of 0.2 under Numbers', () => {
    const numbers = v03.sections.find((section) => section.heading === 'Numbers')
    const output = v02.sections.find((section) => section.heading === 'Output')
    expect(numbers?.table?.columns).toEqual(['Metric', 'Value'])
    expect(numbers?.table?.fixedRows).toHaveLength(7)
    expect(numbers?.table?.fixedRows).toEqual(output?.table?.fixedRows)
  })

  it('has five context rot signals and the action taken as a plain bullet', () => {
    const rot = v03.sections.find((section) => section.heading === 'Context Rot Signals')
    expect(rot?.checkboxes).toHaveLength(5)
    expect(rot?.checkboxes.some((box) => box.key.includes('action'))).toBe(false)
    expect(rot?.questions.map(({label, answer, listItem}) => [label, answer, listItem])).toEqual([
      ['Action taken:', 'inline', true],
    ])
  })

  it('knows the learnings, with Name and Rule as the parts of the pattern', () => {
    const learnings = v03.sections.find((section) => section.heading === 'Learnings')
    expect(learnings?.questions.map(({label, answer}) => [label, answer])).toEqual([
      ['What worked:', 'block'],
      ["What didn't:", 'block'],
      ['Would you use AI for this again?', 'inline'],
      ['project-context.md updated with:', 'block'],
      ['Pattern or anti-pattern discovered:', 'block'],
    ])
    expect(learnings?.questions[2]?.placeholder).toBe('Yes / No / Partially — [why]')
    expect(learnings?.questions[4]?.items.map(({label, listItem}) => [label, listItem])).toEqual([
      ['Name:', true],
      ['Rule:', true],
    ])
  })

  it('gives the semantic roles their 0.3 names', () => {
    expect(v03.roles).toMatchObject({
      dateField: 'Date',
      modeField: 'Mode',
      featureField: 'Feature',
      taskField: 'Task',
      inputsSection: 'Inputs Fed to AI',
      outputSection: 'Numbers',
      reviewSection: 'Review',
      killSwitchSection: 'Kill Switch',
      killSwitchQuestion: 'Triggered?',
      killSwitchWhy: 'If yes — why?',
      killSwitchInstead: 'What instead?',
      aiReviewQuestion: 'AI review — what it flagged:',
      humanReviewQuestion: 'Human review — what you caught that AI missed:',
      hallucinationsQuestion: 'Hallucinations:',
      contextRotSection: 'Context Rot Signals',
      actionTaken: 'Action taken:',
      learningsSection: 'Learnings',
      workedQuestion: 'What worked:',
      notWorkedQuestion: "What didn't:",
      useAgainQuestion: 'Would you use AI for this again?',
      contextUpdateQuestion: 'project-context.md updated with:',
      patternQuestion: 'Pattern or anti-pattern discovered:',
      patternName: 'Name:',
      patternRule: 'Rule:',
      linesKept: 'Lines kept after review',
      totalTime: 'Total session time',
    })
    // 0.3 has no one-line takeaway, so the takeaway rule stays silent on it.
    expect(v03.roles.takeaway).toBeUndefined()
    expect(v02.roles).toMatchObject({
      taskField: 'Heartbeat',
      reviewSection: 'Review Findings',
      workedQuestion: 'What worked well in this session?',
    })
    expect(v02.roles.patternQuestion).toBeUndefined()
  })
})

describe('the model of a 0.3 log', () => {
  const text = notifications.text
  const log = buildModel(text, v03)
  const section = (entry: number, heading: string) =>
    log.entries[entry]?.sections.find((found) => found.spec?.heading === heading)

  it('reads the version from the bold header line', () => {
    expect(at(log.header.version)).toBe('3:50-3:53 0.3')
    expect(log.entries.map((entry) => entry.heading.name?.text)).toEqual([
      'Digest email scheduler',
      'Digest content builder',
    ])
  })

  it('cuts the kill switch paragraph into one question per line', () => {
    const questions = section(1, 'Kill Switch')?.questions ?? []
    expect(questions.map((question) => [at(question.label), at(question.inline)])).toEqual([
      ['145:3-145:13 Triggered?', '145:16-145:19 Yes'],
      [
        '146:3-146:16 If yes — why?',
        '146:19-146:94 After 80 minutes the AI was renaming models and had lost the grouping rules',
      ],
      [
        '147:3-147:16 What instead?',
        '147:19-147:91 Fresh chat with a shorter brief; finished the builder in the new session',
      ],
    ])
    expect(questions.every((question) => question.spec !== undefined)).toBe(true)
  })

  it('drops the hard-break markers between the kill switch lines', () => {
    const broken = 'One\\\n**If yes — why?**  \n**What instead?** N/A'
    const edited = text.replace('No\n**If yes — why?** —\n**What instead?** —', broken)
    const questions = buildModel(edited, v03).entries[0]?.sections[2]?.questions ?? []
    expect(questions.map((question) => question.inline?.text)).toEqual(['One', undefined, 'N/A'])
  })

  it('keeps a bold line that is no question of the section inside the answer above it', () => {
    const edited = text.replace('**If yes — why?** —', '**Note:** none')
    const questions = buildModel(edited, v03).entries[0]?.sections[2]?.questions ?? []
    expect(questions.map((question) => question.inline?.text)).toEqual(['No\n**Note:** none', '—'])
  })

  it('reads the Name and Rule bullets as the answer to the pattern question', () => {
    const pattern = section(0, 'Learnings')?.questions.at(-1)
    expect(pattern?.label.text).toBe('Pattern or anti-pattern discovered:')
    expect(pattern?.answers.map((answer) => answer.text)).toEqual([
      '**Name:** Tests first for time zones',
      '**Rule:** When a task touches dates across time zones, write the edge-case tests by hand before asking for code',
    ])
  })

  it('reads bullets nested under a bulleted question as its answers', () => {
    const nested =
      '- **Pattern or anti-pattern discovered:**\n  - **Name:** Nested\n  - **Rule:** Indented'
    const start = text.indexOf('**Pattern or anti-pattern discovered:**')
    const end = text.indexOf('\n\n---', start)
    const edited = text.slice(0, start) + nested + text.slice(end)
    const pattern = buildModel(edited, v03).entries[0]?.sections[6]?.questions.at(-1)
    expect(pattern?.spec?.label).toBe('Pattern or anti-pattern discovered:')
    expect(pattern?.answers.map((answer) => answer.text)).toEqual([
      '**Name:** Nested',
      '**Rule:** Indented',
    ])
  })
})

describe('linting 0.3 logs', () => {
  it('finds nothing in the valid 0.3 fixtures', () => {
    for (const fixture of logs03) expect(lintFixture(fixture), fixture.name).toEqual([])
  })

  it('reports what is wrong in an invalid 0.3 log, by the 0.3 names', () => {
    const found = lint(invalid, {today: fixtureToday}).map(({ruleId, start, message}) => ({
      ruleId,
      line: start.line,
      column: start.column,
      message,
    }))
    expect(found).toEqual([
      {
        ruleId: 'required-field',
        line: 17,
        column: 1,
        message: 'Entry is missing the field "**Task:**"',
      },
      {
        ruleId: 'section-heading',
        line: 43,
        column: 1,
        message: 'Heading "### Kill switch" should read "### Kill Switch"',
      },
      {
        ruleId: 'kill-switch',
        line: 46,
        column: 3,
        message:
          'The kill switch was triggered, but "If yes — why?" has no answer; say what went wrong',
      },
      {
        ruleId: 'metric-consistency',
        line: 71,
        column: 29,
        message:
          '"Lines kept after review" is "140", above "Lines generated by AI" (120); kept lines are part of the generated ones',
      },
      {
        ruleId: 'metric-consistency',
        line: 74,
        column: 27,
        message:
          '"Hallucinations caught" is "1", but 2 are listed under "Hallucinations:"; write 2',
      },
      {
        ruleId: 'context-rot-action',
        line: 85,
        column: 21,
        message:
          '2 signals are marked, but the action taken is "continued"; at 2 or more signals refresh the context or abort the session',
      },
      {
        ruleId: 'learnings-answered',
        line: 93,
        column: 3,
        message: '"What didn\'t:" has no answer; write at least one bullet',
      },
    ])
  })

  it('reports the placeholders of the raw 0.3 template, not 0.2 structure', () => {
    const raw = readFileSync(new URL('../templates/heartbeat-log.v0.3.md', import.meta.url), 'utf8')
    const ids = new Set(lint(raw, {today: fixtureToday}).map((finding) => finding.ruleId))
    expect(ids).toContain('placeholder')
    for (const structural of [
      'document-title',
      'required-field',
      'required-section',
      'section-order',
    ])
      expect(ids).not.toContain(structural)
  })
})
