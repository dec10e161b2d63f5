import type {Table as MdastTable} from 'mdast'
import type {Schema, TableSpec} from '../template/schema.js'
import {normalizeName} from '../text/names.js'
import {offsetOf, type Source} from './source.js'
import type {Table, TableRow, Text} from './types.js'
import {metricKind, parseCount, parseDuration} from './values.js'

export function readTable(
  source: Source,
  schema: Schema,
  node: MdastTable,
  spec: Table['spec'],
): Table {
  const rows: TableRow[] = node.children.map((row, index) => {
    const cells = row.children.map((cell) =>
      cellText(source, offsetOf(cell, 'start'), offsetOf(cell, 'end')),
    )
    // The first row is the header, which names columns, not a row of the template.
    const rowSpec = index === 0 ? undefined : fixedRowOf(spec, cells[0])
    return {
      start: source.point(offsetOf(row, 'start')),
      end: source.point(offsetOf(row, 'end')),
      cells,
      spec: rowSpec,
      reading: rowSpec === undefined ? undefined : readValue(schema, rowSpec, cells[1]),
    }
  })
  const [header, ...body] = rows
  const {start, end} = source.nodeSpan(node)
  return {
    start,
    end,
    header: header ?? {start, end, cells: [], spec: undefined, reading: undefined},
    rows: body,
    spec,
  }
}

// A cell's position includes its pipes and padding; the text is what lies between.
function cellText(source: Source, start: number, end: number): Text {
  const text = source.text
  let from = start
  let to = end
  // A row's last cell also spans the spaces after its closing pipe.
  while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--
  if (text[from] === '|') from++
  if (to > from && text[to - 1] === '|' && text[to - 2] !== '\\') to--
  return source.textAt(from, to)
}

// A row stands for the template's row its first cell names.
function fixedRowOf(spec: TableSpec | undefined, name: Text | undefined): string | undefined {
  if (!spec || !name || spec.fixedRows.length === 0) return undefined
  const want = normalizeName(name.text)
  return spec.fixedRows.find((row) => normalizeName(row) === want)
}

// A row without a value cell reads as empty, as an empty cell does.
function readValue(schema: Schema, row: string, cell: Text | undefined) {
  const raw = cell?.text ?? ''
  return metricKind(schema, row) === 'duration' ? parseDuration(raw) : parseCount(raw)
}
