import {replaceSpan} from '../fix/edits.js'
import type {Section, Table} from '../model/types.js'
import {defineRule, quote, type Report} from '../rule.js'
import type {QuestionSpec, TableSpec} from '../template/schema.js'

export const tableColumns = defineRule({
  id: 'table-columns',
  description:
    "Tables have exactly the template's columns, in order, and every row that many cells",
  why: 'Tools read a table by column position: a renamed, missing or extra column, or a row with a cell too few, puts values under the wrong heading.',
  severity: 'error',
  fixable: true,
  check(entry, report) {
    for (const section of entry.sections) {
      const spec = section.spec
      if (!spec) continue
      if (spec.table) {
        if (section.tables.length === 0) {
          report(
            section.heading,
            `Section "${'#'.repeat(spec.depth)} ${spec.heading}" has no table; add one with the columns ${names(spec.table)}`,
          )
        }
        for (const table of section.tables) checkTable(table, spec.table, report)
      }
      for (const questionSpec of spec.questions) {
        if (questionSpec.table) checkQuestion(section, questionSpec, questionSpec.table, report)
      }
    }
  },
})

function checkQuestion(section: Section, spec: QuestionSpec, want: TableSpec, report: Report) {
  const questions = section.questions.filter((question) => question.spec === spec)
  for (const question of questions) {
    // A question answered on its own line keeps the table below it as a section table.
    const next = section.questions[section.questions.indexOf(question) + 1]
    const table =
      question.table ??
      section.tables.find(
        (candidate) =>
          !candidate.spec &&
          candidate.start.offset > question.end.offset &&
          (!next || candidate.start.offset < next.start.offset),
      )
    if (table) checkTable(table, want, report)
    else
      report(
        question.label,
        `"${spec.label}" has no table; add one with the columns ${names(want)}`,
      )
  }
}

function checkTable(table: Table, want: TableSpec, report: Report) {
  const cells = table.header.cells
  const columns = want.columns
  cells.forEach((cell, index) => {
    const column = columns[index]
    if (column === undefined) {
      report(
        cell,
        `Column ${quote(cell.text)} is not in the template; the table has ${names(want)}`,
      )
      return
    }
    if (cell.text === column) return
    if (squash(cell.text) === squash(column)) {
      report(cell, `Column ${quote(cell.text)} should read "${column}"`, {
        expected: [column],
        edits: [replaceSpan(cell, column)],
      })
    } else {
      report(cell, `Column ${quote(cell.text)} should be "${column}"; the table has ${names(want)}`)
    }
  })
  const missing = columns.slice(cells.length)
  if (missing.length > 0) {
    const list = missing.map((column) => `"${column}"`).join(', ')
    report(table.header, `Table is missing the column${missing.length > 1 ? 's' : ''} ${list}`)
  }
  if (cells.length !== columns.length) return
  for (const row of table.rows) {
    if (row.cells.length === columns.length) continue
    const count = `${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}`
    report(row, `Row has ${count}; the table has ${columns.length} columns, ${names(want)}`)
  }
}

function names(spec: TableSpec): string {
  return spec.columns.map((column) => `"${column}"`).join(', ')
}

// Case and spacing are all that may differ for a column name to be fixed in place.
function squash(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase()
}
