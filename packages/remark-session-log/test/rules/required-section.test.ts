import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fix} from '../../src/fix/fix.js'
import {detectStyle, sectionText} from '../../src/fix/template-text.js'
import {buildModel} from '../../src/model/model.js'
import {requiredSection} from '../../src/rules/required-section.js'
import {loadTemplate} from '../../src/template/load.js'
import {describeRule} from '../describe-rule.js'
import {fixtureToday} from '../fixtures.js'
import {edit, findingsOf, oneEntry} from '../session-text.js'

describeRule(requiredSection)

const schema = loadTemplate()
const spec = (heading: string) => schema.sections.find((section) => section.heading === heading)!

/** `text` without the section that starts with `heading`, up to the next section. */
function without(text: string, heading: string): string {
  const start = text.indexOf(`### ${heading}`)
  const next = text.indexOf('\n### ', start + 1)
  const end = next === -1 ? text.indexOf('\n---', start) : next
  return text.slice(0, start) + text.slice(end + 1)
}

const sectionLines = (text: string) => text.split(/\r?\n/).filter((line) => line.startsWith('### '))

describe('template text', () => {
  it('detects the bullet most items use and the first line ending', () => {
    expect(detectStyle('* a\r\n* b\r\n- c\r\n')).toEqual({eol: '\r\n', bullet: '*'})
    expect(detectStyle('**Date:** x\n\n---\n\n- a\n')).toEqual({eol: '\n', bullet: '-'})
    expect(detectStyle('* * *\n+ a\n')).toEqual({eol: '\n', bullet: '+'})
    expect(detectStyle('no lists')).toEqual({eol: '\n', bullet: '-'})
  })

  it("writes a section as the template does, with the file's bullet and line ending", () => {
    const text = sectionText(schema, spec('Kill Switch'), {eol: '\r\n', bullet: '*'})
    expect(text).toBe(
      [
        '### Kill Switch',
        '',
        '* **Was the kill switch triggered?** Yes / No',
        '* **If yes, why?** [what went wrong]',
        '* **What did you do instead?** [smaller task / wrote manually / different approach]',
      ].join('\r\n'),
    )
  })

  it('keeps the template checklist unchecked and the output values empty', () => {
    const inputs = sectionText(schema, spec('Inputs'), {eol: '\n', bullet: '+'})
    expect(inputs).toContain('+ [ ] Existing code files: [list which files]')
    expect(inputs).not.toMatch(/\[x\]/i)
    const output = sectionText(schema, spec('Output'), {eol: '\n', bullet: '-'})
    expect(output.split('\n').slice(4)).toContain('| Lines kept after review | |')
    expect(output.endsWith('| Estimated time without AI | |')).toBe(true)
  })
})

it('reports a missing section on the entry heading and says where it goes', () => {
  const [finding, ...rest] = findingsOf('required-section', without(oneEntry, 'Kill Switch'))
  expect(rest).toEqual([])
  expect(finding!.start.line).toBe(11)
  expect(finding!.message).toBe(
    'Entry is missing the section "### Kill Switch"; add it after "### Context Rot Signals"',
  )
})

it('inserts the section at its template place, using the entry bullet', () => {
  const starred = without(oneEntry, 'Kill Switch').replaceAll('\n- ', '\n* ')
  const {output} = fix(starred, {today: fixtureToday})
  expect(sectionLines(output)).toEqual(schema.sections.map(({heading}) => `### ${heading}`))
  expect(output).toContain('### Kill Switch\n\n* **Was the kill switch triggered?** Yes / No\n')
  expect(findingsOf('required-section', output)).toEqual([])
})

it('inserts before the first section when the first is missing, in a CRLF file', () => {
  const crlf = without(oneEntry, 'Inputs').replaceAll('\n', '\r\n')
  const {output} = fix(crlf, {today: fixtureToday})
  expect(output.replaceAll('\r\n', '')).not.toContain('\n')
  expect(sectionLines(output)[0]).toBe('### Inputs')
  expect(output).toContain('**Mode:** B (Heartbeat 2 of 3)\r\n\r\n### Inputs\r\n')
})

it('restores every template section, in order, whichever are missing', () => {
  const headings = schema.sections.map(({heading}) => heading)
  fc.assert(
    fc.property(fc.subarray(headings, {minLength: 1}), (dropped) => {
      const text = dropped.reduce(without, oneEntry)
      const {output} = fix(text, {today: fixtureToday})
      expect(sectionLines(output)).toEqual(headings.map((heading) => `### ${heading}`))
      expect(output).not.toMatch(/\n\n\n/)
      const entry = buildModel(output, schema).entries[0]!
      expect(entry.sections.every((section) => section.spec)).toBe(true)
    }),
    {numRuns: 20},
  )
})

it('is silent when a section heading is only misspelt', () => {
  expect(findingsOf('required-section', edit(oneEntry, ['### Inputs', '### Inptus']))).toEqual([])
})

describe('a code fence left open', () => {
  const open = edit(oneEntry, ['### Output', '```python\nrows = export()\n\n### Output'])

  // unclosed-block names the cause and stands for this rule's finding; without it, this
  // rule still names the fence and offers no edit that would land inside the code.
  const withoutCause = {rules: {'unclosed-block': 'off' as const}}

  it('reports the sections it takes in, names the fence, and offers no edit', () => {
    expect(findingsOf('required-section', open)).toEqual([])
    const findings = findingsOf('required-section', open, withoutCause)
    expect(findings).toHaveLength(1)
    const line = open.slice(0, open.indexOf('```python')).split('\n').length
    expect(findings[0]!.message).toContain(`the code block opened on line ${line} is never closed`)
    expect(findings[0]!.edits).toBeUndefined()
  })

  it('leaves fixing to the rest of the rules, which settle', () => {
    const fixed = fix(open, {today: fixtureToday, ...withoutCause})
    expect(fixed.applied.map((finding) => finding.ruleId)).not.toContain('required-section')
    expect(fixed.remaining.map((finding) => finding.ruleId)).toContain('required-section')
  })

  it('is closed by unclosed-block before the section it took in, and nothing is missing', () => {
    const fixed = fix(open, {today: fixtureToday})
    expect(fixed.applied.map((finding) => finding.ruleId)).toEqual(['unclosed-block'])
    expect(fixed.remaining.map((finding) => finding.ruleId)).not.toContain('required-section')
  })

  it('is no reason to hold back an edit once the fence is closed', () => {
    const closed = edit(oneEntry, ['### Output', '```python\nrows = export()\n```\n\n### Output'])
    const cut = without(closed, 'Learnings')
    const [finding] = findingsOf('required-section', cut)
    expect(finding!.edits).toHaveLength(1)
  })
})
