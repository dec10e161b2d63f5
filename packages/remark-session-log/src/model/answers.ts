// What authors' answers say, where more than one part of the code asks: the rules that
// check an answer and the figures that count it.

import type {CheckboxSpec, Schema} from '../template/schema.js'
import {normalizeName, readBoldLabel} from '../text/names.js'
import {findQuestion, sliceText} from './query.js'
import type {Checkbox, Entry, Section, Text} from './types.js'

/** A date written `YYYY-MM-DD`, whether or not the calendar has that day. */
export const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `YYYY-MM-DD` names a day that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  const match = isoDate.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** `B (Heartbeat 2 of 3)`, `B (2/3)`, `**B** — heartbeat 2 of 3`; undefined for anything else. */
export function readModeB(value: string): {k: number; n: number} | undefined {
  const match = /^[*_\s]*B\b\D*?(\d+)\s*(?:of|\/)\s*(\d+)/i.exec(value)
  return match ? {k: Number(match[1]), n: Number(match[2])} : undefined
}

// Words that say the context was renewed or the session given up. One of them that no
// negation leads into is enough: "did not refresh" and "should have restarted" are not.
const renewed =
  /\b(?:refresh\w*|re-?start\w*|start\w* (?:over|again|afresh|fresh)|fresh (?:chat|session|context|conversation|thread|start)|new (?:chat|session|conversation|thread|context|window)|reset\w*|clear(?:ed|ing)? (?:the )?(?:context|chat|history|session)|\/clear|compact\w*|re-?paste\w*|re-?fed|re-?feed\w*|re-?load\w*|abort\w*|abandon\w*|stop(?:ped)?|gave up|give up|switch\w* to manual|wrote (?:it )?manually)/i
const negation =
  /\b(?:not|no|never|without|didn['’]t|did not|should(?: have|['’]ve)|could(?: have|['’]ve)|would(?: have|['’]ve)|forgot to)\s+(?:\w+\s+)?$/i

/** Whether the action taken says the context was renewed or the session stopped. */
export function saysRenewed(action: string): boolean {
  let rest = action
  for (let match = renewed.exec(rest); match; match = renewed.exec(rest)) {
    if (!negation.test(rest.slice(0, match.index))) return true
    rest = rest.slice(match.index + match[0].length)
  }
  return false
}

export interface ContextRotAction {
  /** Where to point when the action is missing: the item's label. */
  anchor: Text
  /** The text after the label; undefined when nothing follows it. */
  text: Text | undefined
  /** Whether the placeholder rule looks at it: an unchecked, unedited item it leaves alone. */
  scanned: boolean
}

// The 0.2 template writes the action as a checkbox item, the 0.3 one as a bold bullet.
export function findContextRotAction(
  section: Section,
  entry: Entry,
  schema: Schema,
): ContextRotAction | undefined {
  const item = section.checkboxes.find((box) => isContextRotAction(box, schema))
  if (item) {
    const {label} = item
    const afterBold = readBoldLabel(label.text)?.end ?? 0
    const rest = label.text.slice(afterBold)
    const start = label.start.offset + afterBold + rest.length - rest.trimStart().length
    const text = sliceText(label, start, label.end.offset)
    const edited = normalizeName(label.text) !== normalizeName(item.spec?.label ?? '')
    return {anchor: label, text: text.text ? text : undefined, scanned: item.checked || edited}
  }
  const question = findQuestion(entry, schema.roles.actionTaken)
  return question && {anchor: question.label, text: question.inline, scanned: true}
}

/** Whether a context rot item is the action taken rather than a signal. */
export function isContextRotAction(box: Checkbox, schema: Schema): boolean {
  return box.spec !== undefined && isActionSpec(box.spec, schema)
}

/** The template's context rot signals, without the action taken, in its order. */
export function contextRotSignals(schema: Schema): CheckboxSpec[] {
  const section = schema.sections.find((spec) => spec.heading === schema.roles.contextRotSection)
  return (section?.checkboxes ?? []).filter((spec) => !isActionSpec(spec, schema))
}

function isActionSpec(spec: CheckboxSpec, schema: Schema): boolean {
  return spec.key === normalizeName(schema.roles.actionTaken ?? '')
}
