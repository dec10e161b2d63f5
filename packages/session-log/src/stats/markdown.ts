// `stats -f markdown`: the figures as tables fit for a pull request or a job summary.
// Every text that comes from a log is escaped: a summary renders Markdown and HTML.

import type {Stats} from 'remark-session-log'
import {markdownText} from '../reporters/summary.js'
import {
  columns,
  count,
  groupTitles,
  headline,
  headlineText,
  scope,
  unknownSummary,
} from './figures.js'

export interface MarkdownOptions {
  logs: number
  window: {from?: string; to?: string}
  /** Heading level of the section's title: 2 alone, 3 inside the Action's summary. */
  depth?: number
  /** At most this many notes are listed; the JSON lists every one. */
  notes?: number
}

export function statsMarkdown(stats: Stats, options: MarkdownOptions): string {
  const depth = options.depth ?? 2
  const heading = (level: number, text: string) => `${'#'.repeat(depth + level)} ${text}`
  const parts = [heading(0, 'Session log stats'), `${scope(stats, options.logs, options.window)}.`]
  parts.push(
    table(
      ['Figure', 'Value'],
      headline(stats.totals).map((line) => [line.label, headlineText(line)]),
      ['left', 'right'],
    ),
  )
  const unknown = unknownSummary(stats.totals)
  if (unknown) parts.push(unknown)

  const signals = Object.entries(stats.totals.contextRot)
  if (signals.length > 0) {
    parts.push(heading(1, 'Context rot signals'))
    parts.push(
      table(
        ['Signal', 'Entries'],
        signals.map(([name, n]) => [markdownText(name), count(n)]),
        ['left', 'right'],
      ),
    )
  }
  for (const [grouping, groups] of Object.entries(stats.by)) {
    if (groups.length === 0) continue
    const title = groupTitles[grouping as keyof typeof groupTitles]
    parts.push(heading(1, `By ${title.toLowerCase()}`))
    parts.push(
      table(
        [title, ...columns.map((column) => column.title)],
        groups.map((group) => [markdownText(group.key), ...columns.map((c) => c.show(group))]),
        ['left', ...columns.map(() => 'right' as const)],
      ),
    )
  }
  const limit = options.notes ?? 20
  if (stats.notes.length > 0) {
    parts.push(heading(1, `Notes (${stats.notes.length})`))
    const listed = stats.notes.slice(0, limit).map((note) => {
      const where = markdownText(`${note.path ?? '<stdin>'}:${note.line}`)
      return `- ${where}: ${markdownText(note.message)}`
    })
    const more = stats.notes.length - limit
    if (more > 0)
      listed.push(`- … and ${more} more; \`session-log stats -f json\` lists every note`)
    parts.push(listed.join('\n'))
  }
  return `${parts.join('\n\n')}\n`
}

function table(header: string[], rows: string[][], align: Array<'left' | 'right'>): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = align.map((side) => (side === 'right' ? '---:' : '---'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}
