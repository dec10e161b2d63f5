// The parts of a log around its entries, migrated: the title, the version quote (which
// becomes the 0.3 header's bold lines and principle) and the footer.

import {insertAt, replaceSpan} from './fix/edits.js'
import type {Rewrite} from './migrate-rewrite.js'
import type {SessionLog} from './model/types.js'
import type {Schema} from './template/schema.js'
import {normalizeName} from './text/names.js'

/** The bold label lines of a header as `Key: value` pairs, from a template or a log. */
const labelLine = /^(?:\*\*|__)?([\p{L}][\p{L}\p{N} ]*?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]*(.*)$/u

interface Line {
  start: number
  end: number
  text: string
}

export function rewriteHeader(rewrite: Rewrite, log: SessionLog): void {
  const {source, from, target, eol, edits} = rewrite
  const {title, version} = log.header
  if (title && rewrite.same(title.content.text, from.title)) {
    edits.push(replaceSpan(title.content, target.title))
  }
  if (version?.text === target.version) return
  const stage = templateLine(rewrite, target, target.versionLabel) ?? ''
  if (!version) {
    const at = title ? title.end.offset : log.header.start.offset
    edits.push(insertAt(at, title ? `${eol}${eol}${stage}` : `${stage}${eol}${eol}`))
    return
  }
  const lines = linesOf(source)
  const quote = quoteAround(lines, version.start.offset)
  if (!quote) {
    // A version stated outside a blockquote keeps its line; only the number changes.
    edits.push(replaceSpan(version, target.version))
    return
  }
  edits.push({start: quote.start, end: quote.end, text: headerLines(rewrite, quote.lines)})
  // The guidance quote below becomes the 0.3 header's principle, with the author's words.
  const headerEnd = log.header.separator?.start.offset ?? log.header.end.offset
  const guidance = nextQuote(lines, quote.end, headerEnd)
  const principle = templateQuoteLead(target, eol)
  if (guidance && principle && !source.slice(guidance).startsWith(principle.split(/\r?\n/)[0]!)) {
    edits.push(insertAt(guidance, principle))
  }
}

export function rewriteFooter(rewrite: Rewrite, log: SessionLog): void {
  const footer = log.footer
  const squash = (value: string) => normalizeName(value.replace(/[()*_]/g, ''))
  if (footer && squash(footer.text) === squash(rewrite.from.footer)) {
    rewrite.edits.push(replaceSpan(footer, rewrite.target.footer))
  }
}

/** The header's version quote rewritten as the 0.3 header's bold lines. */
function headerLines(rewrite: Rewrite, lines: string[]): string {
  const {from, target} = rewrite
  const defaults = new Map<string, {from: string | undefined; to: string | undefined}>()
  for (const key of ['Input', 'Output', 'Protocol']) {
    defaults.set(key, {
      from: templateLine(rewrite, from, key),
      to: templateLine(rewrite, target, key),
    })
  }
  const out: string[] = []
  const seen = new Set<string>()
  for (const line of lines) {
    const content = line.replace(/^ {0,3}>[ \t]?/, '')
    const match = labelLine.exec(content)
    const key = match?.[1]
    if (!match || !key) {
      if (content.trim() !== '') out.push(content)
      continue
    }
    seen.add(normalizeName(key))
    if (rewrite.same(key, from.versionLabel)) {
      out.push(templateLine(rewrite, target, target.versionLabel) ?? content)
      continue
    }
    const known = defaults.get(key)
    const isDefault =
      known?.from !== undefined &&
      rewrite.same(
        labelLine.exec(known.from.replace(/^ {0,3}>[ \t]?/, ''))?.[2] ?? '',
        match[2] ?? '',
      )
    out.push(isDefault && known?.to ? known.to : `**${key}:** ${match[2] ?? ''}`.trimEnd())
  }
  for (const [key, {to}] of defaults) {
    if (!seen.has(normalizeName(key)) && to) out.push(to)
  }
  return out.join(rewrite.eol + rewrite.eol)
}

/** The line of a template's header that states `key`, as the template writes it. */
function templateLine(rewrite: Rewrite, schema: Schema, key: string): string | undefined {
  return schema.source.header.split(/\r?\n/).find((line) => {
    const match = labelLine.exec(line.replace(/^ {0,3}>[ \t]?/, ''))
    if (!match?.[1]) return false
    // The 0.3 Stage line states the version after its stage: look for the label anywhere.
    return rewrite.same(match[1], key) || line.includes(`**${key}:**`)
  })
}

/** The lines of the target template's principle quote before its guidance line. */
function templateQuoteLead(target: Schema, eol: string): string | undefined {
  const lines = target.source.header.split(/\r?\n/)
  const start = lines.findIndex((line) => line.startsWith('>'))
  if (start === -1) return undefined
  let end = start
  while (lines[end + 1]?.startsWith('>')) end++
  // Everything but the last line, the guidance the author's own quote replaces.
  const lead = lines.slice(start, end)
  return lead.length > 0 ? lead.join(eol) + eol : undefined
}

/** The blockquote whose lines hold `offset`: its range and its lines. */
function quoteAround(
  lines: Line[],
  offset: number,
): {start: number; end: number; lines: string[]} | undefined {
  const index = lines.findIndex((line) => line.start <= offset && offset <= line.end)
  const isQuote = (line: {text: string} | undefined) =>
    line !== undefined && /^ {0,3}>/.test(line.text)
  if (index === -1 || !isQuote(lines[index])) return undefined
  let first = index
  let last = index
  while (isQuote(lines[first - 1])) first--
  while (isQuote(lines[last + 1])) last++
  const group = lines.slice(first, last + 1)
  return {start: group[0]!.start, end: group.at(-1)!.end, lines: group.map((line) => line.text)}
}

/** The start of the next blockquote line after `offset`, before `end`. */
function nextQuote(lines: Line[], offset: number, end: number): number | undefined {
  return lines.find((line) => line.start > offset && line.start < end && /^ {0,3}>/.test(line.text))
    ?.start
}

function linesOf(source: string): Line[] {
  const lines: Line[] = []
  for (let at = 0; at <= source.length;) {
    const match = /\r\n|\n|\r/g
    match.lastIndex = at
    const found = match.exec(source)
    const end = found ? found.index : source.length
    lines.push({start: at, end, text: source.slice(at, end)})
    if (!found) break
    at = end + found[0].length
  }
  return lines
}
