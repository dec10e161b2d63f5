// `stats -f html`: one self-contained page. Styles inline, charts as inline SVG drawn
// when the report is made, no script and a policy that forbids loading anything, so it
// reads the same from file://, a CI artifact or a mail attachment.

import type {Group, Stats} from 'remark-session-log'
import {version} from '../version.js'
import {columns, groupTitles, headline, scope, unknownSummary} from './figures.js'

export interface HtmlOptions {
  logs: number
  window: {from?: string; to?: string}
  /** Where a takeaway's link points for a log and line: its file, or its page on GitHub. */
  link: (path: string | undefined, line: number) => string | undefined
}

/** Renders the page; loads the charting library only now. */
export async function statsHtml(stats: Stats, options: HtmlOptions): Promise<string> {
  const charts = await import('./charts.js')
  const months = stats.by.month?.filter((group) => group.key !== '(not given)') ?? []
  const tools = stats.by.tool ?? []
  const signals = Object.entries(stats.totals.contextRot)
  const toolsNote =
    tools.length > charts.chartedTools
      ? ` (the ${charts.chartedTools} with most entries; the table lists all ${tools.length})`
      : ''
  const figures = [
    months.length > 0 && figure('Time with and without AI, per month', charts.timeByMonth(months)),
    tools.length > 0 &&
      figure(`Keep ratio, per AI tool${toolsNote}`, charts.keepRatioByTool(tools)),
    tools.length > 0 &&
      figure(
        `Hallucinations per 100 kept lines, per AI tool${toolsNote}`,
        charts.hallucinationsByTool(tools),
      ),
    months.length > 0 &&
      figure('Kill switch and context rot, per month', charts.ratesByMonth(months)),
    signals.length > 0 && figure('Context rot signals marked', charts.rotSignals(signals)),
  ].filter((part): part is string => typeof part === 'string')

  const cards = headline(stats.totals)
    .map(({label, value, detail}) => {
      const more = detail === undefined ? '' : `<div class="detail">${escape(detail)}</div>`
      return `<div class="card"><div class="label">${escape(label)}</div><div class="value">${escape(value)}</div>${more}</div>`
    })
    .join('\n')
  const unknown = unknownSummary(stats.totals)
  const groups = Object.entries(stats.by)
    .filter(([, list]) => list.length > 0)
    .map(([grouping, list]) => groupTable(groupTitles[grouping as keyof typeof groupTitles], list))
    .join('\n')

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Session log stats</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>Session log stats</h1>
<p class="scope">${escape(scope(stats, options.logs, options.window))}</p>
</header>
<section class="cards">
${cards}
</section>
${unknown ? `<p class="unknown">${escape(unknown)}</p>` : ''}
<section class="charts">
${figures.join('\n')}
</section>
${groups}
${takeaways(stats, options)}
${notes(stats)}
<footer>Made with session-log ${escape(version)} from the logs' own figures.</footer>
</body>
</html>
`
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${escape(caption)}</figcaption>${svg}</figure>`
}

function groupTable(title: string, groups: Group[]): string {
  const head = [title, ...columns.map((column) => column.title)]
    .map((cell, index) => `<th${index > 0 ? ' class="n"' : ''}>${escape(cell)}</th>`)
    .join('')
  const rows = groups
    .map((group) => {
      const cells = columns.map((column) => `<td class="n">${escape(column.show(group))}</td>`)
      return `<tr><th scope="row">${escape(group.key)}</th>${cells.join('')}</tr>`
    })
    .join('\n')
  return `<section><h2>By ${escape(title.toLowerCase())}</h2>
<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></div></section>`
}

function takeaways(stats: Stats, options: HtmlOptions): string {
  if (stats.takeaways.length === 0) return ''
  const rows = stats.takeaways
    .map((takeaway) => {
      const href = options.link(takeaway.path, takeaway.line)
      const place = `${takeaway.path ?? ''}:${takeaway.line}`
      const where = href ? `<a href="${escape(href)}">${escape(place)}</a>` : escape(place)
      return `<tr><td>${escape(takeaway.date ?? '')}</td><td>${escape(takeaway.engineer ?? '')}</td><td>${escape(takeaway.entry)}</td><td>${escape(takeaway.text)}</td><td>${where}</td></tr>`
    })
    .join('\n')
  return `<section><h2>Takeaways</h2>
<div class="scroll"><table class="takeaways"><thead><tr><th>Date</th><th>Engineer</th><th>Entry</th><th>Takeaway</th><th>Line</th></tr></thead><tbody>
${rows}
</tbody></table></div></section>`
}

function notes(stats: Stats): string {
  if (stats.notes.length === 0) return ''
  const items = stats.notes
    .map(
      (note) =>
        `<li><code>${escape(`${note.path ?? '<stdin>'}:${note.line}`)}</code> ${escape(note.message)}</li>`,
    )
    .join('\n')
  return `<section><h2>Notes (${stats.notes.length})</h2><ul class="notes">
${items}
</ul></section>`
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text from a log as HTML that shows it literally. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!)
}

const style = `
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --accent: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1360px; padding: 32px 24px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
h1 { margin: 0; font-size: 28px; }
h2 { margin: 40px 0 12px; font-size: 20px; }
.scope, .unknown, footer { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; margin-top: 24px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .value { font-size: 24px; font-weight: 650; }
.card .label { color: var(--muted); font-size: 13px; }
.card .detail { color: var(--muted); font-size: 13px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; margin-top: 24px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure svg { max-width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 8px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: #f1f5f9; font-weight: 600; white-space: nowrap; }
tbody th { white-space: nowrap; }
.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:last-child > * { border-bottom: 0; }
.takeaways td:nth-child(4) { min-width: 320px; }
a { color: var(--accent); }
.notes { padding-left: 20px; }
footer { margin-top: 48px; font-size: 13px; }
`
