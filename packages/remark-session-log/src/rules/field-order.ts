import {fieldLines, type FieldLine} from '../fix/field-lines.js'
import {moveFieldLines} from '../fix/field-moves.js'
import {stayingInOrder} from '../fix/moves.js'
import {defineRule, quote} from '../rule.js'

export const fieldOrder = defineRule({
  id: 'field-order',
  description: 'Fields follow the order of the template',
  why: 'Entries are read side by side; the date, engineer and mode belong where every other entry has them. The fix moves the fewest lines it can, each with its own text.',
  severity: 'warn',
  fixable: true,
  check(entry, report, {schema, eol}) {
    const lines = fieldLines(entry, schema.fields)
    const known = lines.filter((line) => line.at !== undefined)
    const staying = stayingInOrder(known.map((line) => line.at!))
    const kept = known.filter((_, index) => staying[index])
    const moved = known.filter((_, index) => !staying[index])
    const first = moved[0]
    const lastKept = kept.at(-1)
    if (!first || !lastKept) return

    // A moved line goes before the first kept line the template puts after it.
    const anchorOf = (line: FieldLine) =>
      kept.find(
        (other) => other.at! > line.at! || (other.at === line.at && other.index > line.index),
      )
    const anchor = anchorOf(first)
    const where = anchor
      ? `before ${quote(anchor.field.name.text)}`
      : `after ${quote(lastKept.field.name.text)}`
    const more = moved.length > 1 ? ` (${moved.length - 1} more out of place)` : ''
    report(
      first.field,
      `Field ${quote(first.field.name.text)} is out of order; the template puts it ${where}${more}`,
      {edits: moveFieldLines(entry, lines, moved, anchorOf, lastKept, eol)},
    )
  },
})
