import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {applyEdits, type Change} from '../src/fix/apply.js'
import {fix, FixError, fixpoint} from '../src/fix/fix.js'
import remarkSessionLog from '../src/index.js'
import {lint} from '../src/lint.js'
import type {Options} from '../src/options.js'
import type {Edit, Finding} from '../src/rule.js'
import {rules} from '../src/rules/index.js'

const edit = (start: number, end: number, text: string): Edit => ({start, end, text})

describe('applyEdits', () => {
  it('applies replacements, inserts and deletions given in any order', () => {
    const result = applyEdits('abcdefghij', [edit(8, 10, ''), edit(0, 1, 'A'), edit(4, 4, '-')])
    expect(result.output).toBe('Abcd-efgh')
    expect(result.deferred).toEqual([])
    expect(result.applied).toHaveLength(3)
  })

  it('defers an edit that overlaps one taken earlier in the text', () => {
    const first = edit(0, 5, 'X')
    const second = edit(3, 8, 'Y')
    const result = applyEdits('abcdefghij', [second, first])
    expect(result.output).toBe('Xfghij')
    expect(result.applied).toEqual([first])
    expect(result.deferred).toEqual([second])
  })

  it('keeps two inserts at one offset, in the order given', () => {
    expect(applyEdits('ab', [edit(1, 1, '1'), edit(1, 1, '2')]).output).toBe('a12b')
    expect(applyEdits('ab', [edit(1, 1, '2'), edit(1, 1, '1')]).output).toBe('a21b')
  })

  it('defers an insert at either edge of another change', () => {
    const before = edit(2, 2, '<')
    const after = edit(4, 4, '>')
    const result = applyEdits('abcdef', [edit(2, 4, 'XY'), before, after])
    expect(result.output).toBe('abXYef')
    expect(result.deferred).toEqual([before, after])
  })

  it('lets one change insert at the edge of its own range', () => {
    const move: Change = [edit(0, 0, 'cd'), edit(2, 4, ''), edit(4, 4, '|')]
    expect(applyEdits('abcdef', [move]).output).toBe('cdab|ef')
  })

  it('defers an insert inside a replaced range', () => {
    const inside = edit(3, 3, '!')
    const result = applyEdits('abcdef', [edit(2, 5, 'Z'), inside])
    expect(result.output).toBe('abZf')
    expect(result.deferred).toEqual([inside])
  })

  it('lets ranges that only touch both apply', () => {
    expect(applyEdits('abcdef', [edit(0, 3, 'X'), edit(3, 6, 'Y')]).output).toBe('XY')
  })

  it('applies the edits of one change all or none', () => {
    // Moving "gh" to the front: deleted in one place, inserted in another.
    const move: Change = [edit(0, 0, 'gh'), edit(6, 8, '')]
    expect(applyEdits('abcdefgh', [move]).output).toBe('ghabcdef')
    // Its insert is free, but its delete overlaps a change taken before it.
    const blocker: Change = [edit(0, 0, '>'), edit(5, 7, 'Q')]
    const blocked = applyEdits('abcdefgh', [blocker, move])
    expect(blocked.output).toBe('>abcdeQh')
    expect(blocked.applied).toEqual([blocker])
    expect(blocked.deferred).toEqual([move])
  })

  it('applies the same edit proposed twice once', () => {
    const result = applyEdits('ab', [edit(1, 1, '-'), edit(1, 1, '-')])
    expect(result.output).toBe('a-b')
    expect(result.applied).toHaveLength(2)
    expect(result.deferred).toEqual([])
  })

  it('rejects edits outside the text, inverted, or overlapping within one change', () => {
    expect(() => applyEdits('abc', [edit(2, 4, '')])).toThrow(RangeError)
    expect(() => applyEdits('abc', [edit(2, 1, '')])).toThrow(RangeError)
    expect(() => applyEdits('abc', [edit(-1, 1, '')])).toThrow(RangeError)
    expect(() => applyEdits('abc', [[edit(0, 2, ''), edit(1, 3, '')]])).toThrow(RangeError)
  })

  it('returns the text unchanged for no changes', () => {
    expect(applyEdits('abc', [])).toEqual({output: 'abc', applied: [], deferred: []})
  })
})

/** A finding of a made-up rule, for driving the fix loop with edits that misbehave. */
function finding(ruleId: string, edits: Edit[]): Finding {
  const point = {line: 1, column: 1, offset: 0}
  return {ruleId, severity: 'error', message: ruleId, start: point, end: point, url: '', edits}
}

describe('fixpoint', () => {
  it('applies overlapping fixes in later passes', () => {
    // Two rules want the same word; each pass one wins, then the other sees the result.
    const lintText = (text: string) => [
      ...(text.includes('teh')
        ? [finding('typo', [edit(text.indexOf('teh'), text.indexOf('teh') + 3, 'the')])]
        : []),
      ...(/^[a-z]/.test(text) ? [finding('capital', [edit(0, 1, text[0]!.toUpperCase())])] : []),
    ]
    const result = fixpoint('teh end', lintText)
    expect(result.output).toBe('The end')
    expect(result.applied.map((item) => item.ruleId)).toEqual(['typo', 'capital'])
    expect(result.remaining).toEqual([])
  })

  it('names the rules when the fixes do not settle', () => {
    const flip = (text: string) => [finding('flip', [edit(0, 1, text[0] === 'a' ? 'b' : 'a')])]
    expect(() => fixpoint('a', flip, 4)).toThrow(FixError)
    try {
      fixpoint('a', flip, 4)
    } catch (error) {
      expect((error as FixError).ruleIds).toEqual(['flip'])
      expect((error as FixError).message).toMatch(/did not settle after 4 passes: flip at 1:1/)
    }
  })

  it('names the rule whose edit changes nothing', () => {
    const stuck = () => [finding('stuck', [edit(0, 1, 'a')])]
    expect(() => fixpoint('abc', stuck)).toThrowError(/change nothing.*stuck/)
  })

  it('names the rule whose edit lies outside the text', () => {
    const broken = (text: string) =>
      text === 'abc'
        ? [finding('fine', [edit(0, 0, '>')]), finding('broken', [edit(2, 9, '')])]
        : []
    let caught: unknown
    try {
      fixpoint('abc', broken)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(FixError)
    expect((caught as FixError).ruleIds).toEqual(['broken'])
  })

  it('keeps a leading BOM out of the offsets and in the output', () => {
    const seen: string[] = []
    const upper = (text: string) => {
      seen.push(text)
      return text.startsWith('x') ? [finding('upper', [edit(0, 1, 'X')])] : []
    }
    expect(fixpoint('\uFEFFxy', upper).output).toBe('\uFEFFXy')
    expect(seen).toEqual(['xy', 'Xy'])
  })
})

const broken = [
  '# Session Log',
  '',
  '---',
  '',
  '## Session: A',
  '',
  '**Date:** 2026-01-02  ',
  '',
  '### kill switch',
  '',
  '* **Was the kill switch triggered?** No',
  '',
  '## Session Timeline',
  '',
  '| Time  | What happened |',
  '|:------|---------------|',
  '| 00:00 | Start         |',
  '',
].join('\n')

// Only the heading rule, so other rules' fixes do not change what these tests expect.
const headingsOnly: Options = {
  today: '2026-06-01',
  rules: Object.fromEntries(
    rules.map((rule) => [rule.id, rule.id === 'section-heading' ? 'error' : 'off']),
  ),
}

describe('fix', () => {
  it('fixes headings and touches nothing else', () => {
    const result = fix(broken, headingsOnly)
    expect(result.output).toBe(
      broken
        .replace('### kill switch', '### Kill Switch')
        .replace('## Session Timeline', '### Session Timeline'),
    )
    expect(result.applied.map((item) => item.ruleId)).toContain('section-heading')
    expect(result.remaining.filter((item) => item.edits)).toEqual([])
    expect(result.remaining).toEqual(lint(result.output, headingsOnly))
  })

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = `\uFEFF${broken.replace(/\n/g, '\r\n')}`
    const result = fix(crlf, headingsOnly)
    expect(result.output.startsWith('\uFEFF# Session Log\r\n')).toBe(true)
    expect(result.output).toContain('\r\n### Kill Switch\r\n')
    expect(result.output.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })

  it('finds nothing to fix in its own output', () => {
    const once = fix(broken, headingsOnly)
    const twice = fix(once.output, headingsOnly)
    expect(twice.applied).toEqual([])
    expect(twice.output).toBe(once.output)
  })

  it('leaves a rule turned off alone', () => {
    const result = fix(broken, {
      ...headingsOnly,
      rules: {...headingsOnly.rules, 'section-heading': 'off'},
    })
    expect(result.output).toContain('### kill switch')
  })
})

describe('the plugin with fix: true', () => {
  it('compiles to the fixed text and reports only what is left', async () => {
    const options = {...headingsOnly, fix: true}
    const file = await unified().use(remarkParse).use(remarkSessionLog, options).process(broken)
    expect(String(file)).toBe(fix(broken, headingsOnly).output)
    expect(file.messages).toEqual([])
  })

  it('compiles nothing new for a file it cannot fix, and says why', async () => {
    const options = {...headingsOnly, fix: true}
    const file = await unified()
      .use(remarkParse)
      .use(remarkSessionLog, options)
      .process(`${broken}\uFFFD`)
    expect(String(file)).toBe(`${broken}\uFFFD`)
    expect(file.messages.map((message) => message.fatal)).toEqual([true])
    expect(file.messages[0]?.reason).toMatch(/not UTF-8/)
  })
})
