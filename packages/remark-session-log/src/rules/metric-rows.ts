import {replaceSpan} from '../fix/edits.js'
import {stayingInOrder} from '../fix/moves.js'
import {insertRows} from '../fix/table-rows.js'
import {nearName} from '../model/query.js'
import type {Entry, Table, TableRow, Text} from '../model/types.js'
import {defineRule, quote, type Context, type Report} from '../rule.js'

interface Found {
  row: TableRow
  name: Text
  /** Position of the row in the template's fixed rows. */
  at: number
}

export const metricRows = defineRule({
  id: 'metric-rows',
  description: 'The output table has every metric row of the template, once, in template order',
  why: 'Numbers are compared across entries and checked against each other by name: a missing, misspelled or repeated metric row makes those checks guess. Extra rows are allowed (teams track more numbers) unless they look like a misspelled metric. The fix inserts missing rows, empty, where the template puts them.',
  severity: 'error',
  fixable: true,
  check(entry, report, {schema, eol}) {
    const role = schema.roles.outputSection
    if (!role) return
    for (const section of entry.sections) {
      if (section.spec?.heading !== role) continue
      const table = section.tables.find((candidate) => candidate.spec?.fixedRows.length)
      const fixed = table?.spec?.fixedRows ?? []
      if (!table || fixed.length === 0) continue

      const found: Found[] = []
      const unknown: Text[] = []
      for (const row of table.rows) {
        const name = row.cells[0]
        if (!name) continue
        // The model found the template row each row stands for.
        const at = row.spec === undefined ? -1 : fixed.indexOf(row.spec)
        if (at === -1) unknown.push(name)
        else found.push({row, name, at})
      }
      const seen = new Set(found.map(({at}) => at))
      // An unknown row close to a missing metric is that metric, misspelled.
      for (const name of unknown) {
        const at = fixed.findIndex((want, index) => !seen.has(index) && nearName(want, name.text))
        if (at === -1) continue
        seen.add(at)
        report(name, `Metric ${quote(name.text)} should read "${fixed[at]}"`, {
          expected: [fixed[at]!],
          edits: [replaceSpan(name, fixed[at]!)],
        })
      }

      const first = new Map<number, Found>()
      for (const item of found) {
        if (!first.has(item.at)) {
          first.set(item.at, item)
          continue
        }
        report(item.name, `Metric ${quote(item.name.text)} appears twice; keep one row`)
      }
      const firsts = [...first.values()]
      const staying = stayingInOrder(firsts.map(({at}) => at))
      const inPlace = new Set(firsts.filter((_, index) => staying[index]))
      for (const item of first.values()) {
        if (inPlace.has(item)) continue
        const after = [...inPlace].findLast((other) => other.at < item.at)
        const where = after ? `after "${fixed[after.at]}"` : 'first'
        report(item.name, `Metric ${quote(item.name.text)} is out of order; it belongs ${where}`)
      }

      reportMissing(entry, role, table, fixed, seen, first, report, eol)
    }
  },
})

// Each run of missing rows is one finding with one insertion, so fixes never race.
function reportMissing(
  entry: Entry,
  section: string,
  table: Table,
  fixed: string[],
  seen: Set<number>,
  first: Map<number, Found>,
  report: Report,
  eol: Context['eol'],
) {
  let index = 0
  while (index < fixed.length) {
    if (seen.has(index)) {
      index++
      continue
    }
    const run: string[] = []
    while (index < fixed.length && !seen.has(index)) run.push(fixed[index++]!)
    const previous = [...first.values()]
      .filter(({at}) => at < index - run.length)
      .reduce<Found | undefined>(
        (best, item) => (!best || item.at > best.at ? item : best),
        undefined,
      )
    const next = [...first.values()]
      .filter(({at}) => at >= index)
      .reduce<Found | undefined>(
        (best, item) => (!best || item.at < best.at ? item : best),
        undefined,
      )
    const edit = insertRows(entry, table, run, {after: previous?.row, before: next?.row}, eol)
    const names = run.map((name) => `"${name}"`).join(', ')
    const rowsWord = run.length > 1 ? 'rows' : 'row'
    report(table.header, `The "${section}" table is missing the metric ${rowsWord} ${names}`, {
      edits: [edit],
    })
  }
}
