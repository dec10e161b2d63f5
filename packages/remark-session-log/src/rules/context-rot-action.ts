import {
  findQuestion,
  findSection,
  holdsTemplatePlaceholder,
  isBlank,
  isPlaceholder,
  sliceText,
} from '../model/query.js'
import type {Checkbox, Entry, Section, Text} from '../model/types.js'
import {defineRule, quote} from '../rule.js'
import type {Schema} from '../template/schema.js'
import {normalizeName, readBoldLabel} from '../text.js'

// Words that say the context was renewed or the session given up. One of them that no
// negation leads into is enough: "did not refresh" and "should have restarted" are not.
const renewed =
  /\b(?:refresh\w*|re-?start\w*|start\w* (?:over|again|afresh|fresh)|fresh (?:chat|session|context|conversation|thread|start)|new (?:chat|session|conversation|thread|context|window)|reset\w*|clear(?:ed|ing)? (?:the )?(?:context|chat|history|session)|\/clear|compact\w*|re-?paste\w*|re-?fed|re-?feed\w*|re-?load\w*|abort\w*|abandon\w*|stop(?:ped)?|gave up|give up|switch\w* to manual|wrote (?:it )?manually)/i
const negation =
  /\b(?:not|no|never|without|didn['’]t|did not|should(?: have|['’]ve)|could(?: have|['’]ve)|would(?: have|['’]ve)|forgot to)\s+(?:\w+\s+)?$/i

/** Whether the action taken says the context was renewed or the session stopped. */
function saysRenewed(action: string): boolean {
  let rest = action
  for (let match = renewed.exec(rest); match; match = renewed.exec(rest)) {
    if (!negation.test(rest.slice(0, match.index))) return true
    rest = rest.slice(match.index + match[0].length)
  }
  return false
}

interface Action {
  /** Where to point when the action is missing: the item's label. */
  anchor: Text
  /** The text after the label; undefined when nothing follows it. */
  text: Text | undefined
  /** Whether the placeholder rule looks at it: an unchecked, unedited item it leaves alone. */
  scanned: boolean
}

// The 0.2 template writes the action as a checkbox item, the 0.3 one as a bold bullet.
function findAction(section: Section, entry: Entry, schema: Schema): Action | undefined {
  const item = section.checkboxes.find((box) => isActionItem(box, schema))
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

function isActionItem(box: Checkbox, schema: Schema): boolean {
  return box.spec !== undefined && box.spec.key === normalizeName(schema.roles.actionTaken ?? '')
}

export const contextRotAction = defineRule({
  id: 'context-rot-action',
  description: 'Context rot signals lead to an action, and enough of them to a refresh',
  why: 'The playbook reads two or more context rot signals (the rotSignals option) as a session whose context has gone stale: the fix is a fresh context or stopping, not pushing on. When any signal is marked, the entry says what was done about it.',
  severity: 'warn',
  fixable: false,
  check(entry, report, {schema, thresholds}) {
    const section = findSection(entry, schema.roles.contextRotSection)
    const action = section && findAction(section, entry, schema)
    if (!section || !action) return
    const signals = section.checkboxes.filter(
      (box) => box.checked && !isActionItem(box, schema),
    ).length
    if (signals === 0) return
    const marked = signals === 1 ? '1 signal is' : `${signals} signals are`
    const text = action.text
    if (text && action.scanned && holdsTemplatePlaceholder(text.text, schema)) return
    if (!text || isBlank(text.text) || isPlaceholder(text.text, schema)) {
      report(
        text ?? action.anchor,
        `${marked} marked, but the action taken is ${text ? quote(text.text) : 'empty'}; say whether you refreshed the context, continued or aborted`,
      )
      return
    }
    if (signals < thresholds.rotSignals || saysRenewed(text.text)) return
    report(
      text,
      `${marked} marked, but the action taken is ${quote(text.text)}; at ${thresholds.rotSignals} or more signals refresh the context or abort the session`,
    )
  },
})
