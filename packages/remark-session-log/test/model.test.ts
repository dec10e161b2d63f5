import {describe, expect, it} from 'vitest'
import {buildModel} from '../src/model/model.js'
import type {SessionLog, Text} from '../src/model/types.js'
import {loadTemplate} from '../src/template/load.js'
import {readFixtures} from './fixtures.js'

const schema = loadTemplate()
const valid = readFixtures('valid')

function model(name: string): {log: SessionLog; text: string} {
  const fixture = valid.find((candidate) => candidate.name === name)
  if (!fixture) throw new Error(`no valid fixture ${name}`)
  const text = fixture.text.replace(/^\uFEFF/, '')
  return {log: buildModel(text, schema), text}
}

const at = (node: Text) =>
  `${node.start.line}:${node.start.column}-${node.end.line}:${node.end.column} ${node.text}`

/** Every piece of source text the model holds, with where it was found. */
function texts(log: SessionLog): Array<{path: string; node: Text}> {
  const found: Array<{path: string; node: Text}> = []
  const visit = (value: unknown, path: string) => {
    if (!value || typeof value !== 'object') return
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`))
      return
    }
    const record = value as Record<string, unknown>
    if (typeof record.text === 'string' && record.start && record.end && value !== log) {
      found.push({path, node: value as Text})
    }
    for (const [key, child] of Object.entries(record)) {
      // Specs are template data, not positions in this text.
      if (key !== 'spec' && key !== 'schema') visit(child, `${path}.${key}`)
    }
  }
  visit(log, 'log')
  return found
}

describe('buildModel on payments-team.md', () => {
  const {log} = model('payments-team.md')
  const [first, second] = log.entries

  it('reads the header, both entries and the footer', () => {
    expect(log.header.title && at(log.header.title.content)).toBe('1:3-1:14 Session Log')
    expect(log.header.version && at(log.header.version)).toBe('3:12-3:15 0.2')
    expect(log.entries).toHaveLength(2)
    expect(log.footer?.text).toBe(
      '*(Copy the section above for each new session. Reverse chronological order.)*',
    )
    expect(log.stray).toEqual([])
  })

  it('reads the entry heading and its task name', () => {
    expect(first?.heading.hasPrefix).toBe(true)
    expect(first?.heading.name && at(first.heading.name)).toBe('11:13-11:32 Webhook retry queue')
    expect(first?.separator?.start.line).toBe(101)
    expect(second?.heading.name?.text).toBe('Webhook signature check')
  })

  it('reads every field with its name, value and exact place', () => {
    expect(first?.fields.map((field) => [at(field.name), at(field.value)])).toEqual([
      ['13:3-13:7 Date', '13:11-13:21 2025-03-14'],
      ['14:3-14:11 Engineer', '14:15-14:26 Priya Raman'],
      ['15:3-15:10 Feature', '15:14-15:30 Payment webhooks'],
      ['16:3-16:12 Heartbeat', '16:16-16:32 T4 — Retry queue'],
      ['17:3-17:10 AI Tool', '17:14-17:38 Cursor + Claude Sonnet 4'],
      ['18:3-18:7 Mode', '18:11-18:31 B (Heartbeat 2 of 3)'],
    ])
    expect(first?.fields.map((field) => field.spec)).toEqual(schema.fields)
  })

  it('matches every section to its spec, in template order', () => {
    for (const entry of log.entries) {
      expect(entry.sections.map((section) => section.heading.content.text)).toEqual(
        schema.sections.map((spec) => spec.heading),
      )
      entry.sections.forEach((section, index) => {
        expect(section.spec).toBe(schema.sections[index])
      })
    }
  })

  it('reads checkboxes with their checked state, label and spec', () => {
    const inputs = first?.sections[0]
    expect(inputs?.checkboxes.map((box) => [box.checked, box.box.text, box.label.text])).toEqual([
      [true, '[x]', 'project-context.md'],
      [true, '[x]', 'decisions.md'],
      [true, '[x]', 'Task description from task-breakdown.md'],
      [true, '[x]', 'Existing code files: src/webhooks/publisher.ts, src/queue/index.ts'],
      [false, '[ ]', 'DB schema'],
      [false, '[ ]', 'Other: [specify]'],
    ])
    expect(inputs?.checkboxes.map((box) => box.spec)).toEqual(schema.sections[0]?.checkboxes)
    expect(inputs?.checkboxes.every((box) => box.bullet === '-' && !box.malformed)).toBe(true)
    expect(inputs?.checkboxes[3] && at(inputs.checkboxes[3].box)).toBe('27:3-27:6 [x]')

    const rot = first?.sections[2]
    expect(rot?.checkboxes.map((box) => box.checked)).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
    ])
    expect(rot?.checkboxes[5]?.spec?.key).toBe('action taken')
  })

  it('reads questions with inline answers and answers below them', () => {
    const kill = first?.sections[3]
    expect(kill?.questions.map((q) => [q.label.text, q.inline?.text])).toEqual([
      ['Was the kill switch triggered?', 'No'],
      ['If yes, why?', 'N/A'],
      ['What did you do instead?', 'N/A'],
    ])
    expect(kill?.questions[0]?.inline && at(kill.questions[0].inline)).toBe('53:38-53:40 No')

    const review = first?.sections[4]
    expect(review?.questions.map((q) => q.spec?.label)).toEqual([
      'AI Review pass:',
      'Human Review pass:',
      'Hallucinations caught:',
    ])
    expect(review?.questions[0]?.answers.map(at)).toEqual([
      '61:1-61:49 Flagged a missing await on the queue close call.',
    ])

    const learnings = first?.sections[6]
    expect(learnings?.questions.map((q) => q.answers.length)).toEqual([1, 1, 1, 0])
    expect(learnings?.questions[1]?.answers[0]?.text).toBe('It guessed BullMQ method names twice.')
    expect(learnings?.questions[3]?.inline?.text).toBe(
      'Paste the queue conventions before asking for workers.',
    )
  })

  it('reads tables with their cells, under a question or in the section', () => {
    const hallucinations = first?.sections[4]?.questions[2]?.table
    expect(hallucinations?.header.cells.map((cell) => cell.text)).toEqual([
      'What AI generated',
      'What actually exists',
      'Impact',
    ])
    expect(hallucinations?.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['`queue.retryLater()`', '`job.moveToDelayed()`', 'would have thrown at runtime'],
    ])
    expect(hallucinations?.spec?.columns).toEqual(hallucinations?.header.cells.map((c) => c.text))

    const emptyRow = second?.sections[4]?.questions[2]?.table?.rows[0]
    expect(emptyRow?.cells.map((cell) => cell.text)).toEqual(['None', '', ''])

    const output = first?.sections[5]?.tables[0]
    expect(output?.spec?.fixedRows).toEqual(output?.rows.map((row) => row.cells[0]?.text))
    expect(output?.rows.map((row) => row.cells[1]?.text)).toEqual([
      '180',
      '150',
      '40',
      '2',
      '1',
      '1h 20m',
      '3h',
    ])
    expect(output?.rows[5]?.cells[1] && at(output.rows[5].cells[1])).toBe('82:24-82:30 1h 20m')

    const timeline = first?.sections[1]?.tables[0]
    expect(timeline?.rows.map((row) => row.cells[0]?.text)).toEqual([
      '00:00',
      '00:10',
      '00:35',
      '01:05',
    ])
  })
})

describe('positions in every valid fixture', () => {
  for (const fixture of valid) {
    it(`${fixture.name}: every text node is exactly the source between its start and end`, () => {
      const {log, text} = model(fixture.name)
      const found = texts(log)
      expect(found.length).toBeGreaterThan(100)
      const wrong = found
        .filter(({node}) => text.slice(node.start.offset, node.end.offset) !== node.text)
        .map(({path, node}) => `${path} ${at(node)}`)
      expect(wrong).toEqual([])
    })
  }

  it('gives a CRLF file the same lines and columns as the same file with LF', () => {
    const {log, text} = model('mobile-team-crlf.md')
    expect(text).toContain('\r\n')
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    const lf = buildModel(text.replace(/\r\n/g, '\n'), schema)
    const place = ({path, node}: {path: string; node: Text}) =>
      `${path} ${node.start.line}:${node.start.column}-${node.end.line}:${node.end.column} ${node.text}`
    expect(texts(log).map(place)).toEqual(texts(lf).map(place))
    const date = log.entries[0]?.fields[0]?.value
    expect(date && at(date)).toBe('13:11-13:21 2026-05-28')
    expect(date?.start.offset).toBe(text.indexOf('2026-05-28'))
  })

  it('measures a BOM file from after its BOM', () => {
    const fixture = valid.find((candidate) => candidate.name === 'search-platform-bom.md')
    expect(fixture?.text.startsWith('\uFEFF')).toBe(true)
    const {log, text} = model('search-platform-bom.md')
    expect(log.header.title && at(log.header.title.content)).toBe('1:3-1:14 Session Log')
    const engineer = log.entries[0]?.fields[1]?.value
    expect(engineer?.text).toBe('田中 健太')
    expect(engineer?.start.offset).toBe(text.indexOf('田中'))
    expect(engineer && at(engineer)).toBe('14:15-14:20 田中 健太')
  })

  it('reads hard breaks, star bullets, capital X and aligned tables like the plain style', () => {
    const breaks = model('platform-infra-hard-breaks.md').log
    for (const entry of breaks.entries) {
      expect(entry.fields.map((field) => field.spec?.name)).toEqual(
        schema.fields.map((f) => f.name),
      )
      expect(entry.fields.every((field) => !/[\\\s]$/.test(field.value.text))).toBe(true)
    }
    expect(breaks.entries[1]?.fields[1]?.value.text).toBe('Łukasz Wiśniewski')

    const stars = model('data-pipeline-star-bullets.md').log
    const inputs = stars.entries[0]?.sections[0]?.checkboxes ?? []
    expect(inputs.map((box) => [box.bullet, box.box.text, box.checked])[0]).toEqual([
      '*',
      '[X]',
      true,
    ])
    expect(inputs.map((box) => box.spec)).toEqual(schema.sections[0]?.checkboxes)

    const aligned = model('growth-team-aligned-tables.md').log
    const output = aligned.entries[0]?.sections[5]?.tables[0]
    expect(output?.rows.map((row) => row.cells[0]?.text)).toEqual(
      schema.sections[5]?.table?.fixedRows,
    )
    expect(output?.rows[0]?.cells[1]?.text).toBe('260')
  })
})
