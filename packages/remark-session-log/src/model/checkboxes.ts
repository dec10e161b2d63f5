import type {CheckboxSpec} from '../template/schema.js'
import {normalizeName} from '../text/names.js'
import type {Source} from './source.js'
import type {Checkbox, Section} from './types.js'

/** A box GFM would not read as a task: `[]`, `[ x]`, `-[ ]`, a box without a bullet. */
export const looseBox = /^([ \t]*)(?:([-*+])[ \t]*)?(\[[ \t]*(?:[xX][ \t]*)?\])(?![(:[])[ \t]*/

/** The template's checkbox whose key the label starts with; the longest key wins. */
export function checkboxSpec(section: Section, label: string): CheckboxSpec | undefined {
  const name = normalizeName(label)
  let best: CheckboxSpec | undefined
  for (const spec of section.spec?.checkboxes ?? []) {
    if (name.startsWith(spec.key) && spec.key.length > (best?.key.length ?? -1)) best = spec
  }
  return best
}

/**
 * Adds the section's malformed boxes (lines `looseBox` matches outside code) to its
 * checkboxes, which hold its tasks so far, and sorts them all by position.
 */
export function readMalformedBoxes(
  source: Source,
  section: Section,
  code: Array<[number, number]>,
): void {
  // A line GFM read as a task item holds no malformed box.
  const taskLines = new Set(section.checkboxes.map((task) => task.start.line))
  const start = section.heading.end.offset
  for (const [lineStart, lineEnd] of source.lines(start, section.end.offset)) {
    if (code.some(([from, to]) => lineStart >= from && lineStart < to)) continue
    const raw = source.text.slice(lineStart, lineEnd)
    const match = looseBox.exec(raw)
    if (!match || taskLines.has(source.point(lineStart).line)) continue
    const indent = match[1]?.length ?? 0
    const boxStart = lineStart + indent
    const labelStart = lineStart + match[0].length
    const start = source.point(boxStart)
    const checkbox: Checkbox = {
      start,
      end: source.point(lineEnd),
      checked: /[xX]/.test(match[3] ?? ''),
      box: source.textAt(boxStart, lineStart + match[0].trimEnd().length, false),
      malformed: true,
      bullet: match[2],
      // `lines` skipped the blanks the line starts with; a column counts characters.
      lineStart: source.point(boxStart - (start.column - 1)),
      label: source.textAt(labelStart, lineEnd),
      spec: undefined,
    }
    checkbox.spec = checkboxSpec(section, checkbox.label.text)
    endLabelBefore(source, section, lineStart)
    section.checkboxes.push(checkbox)
  }
  section.checkboxes.sort((a, b) => a.start.offset - b.start.offset)
}

// A malformed box right under a task is a lazy continuation of that task's paragraph;
// it is an item of its own, so the task's label stops before it.
function endLabelBefore(source: Source, section: Section, lineStart: number) {
  const index = section.checkboxes.findIndex(
    (box) => box.label.start.offset < lineStart && lineStart < box.label.end.offset,
  )
  const task = section.checkboxes[index]
  if (!task) return
  const label = source.textAt(task.label.start.offset, lineStart)
  task.end = source.point(label.end.offset)
  task.label = label
}
