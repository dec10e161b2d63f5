import {findContextRotAction, isContextRotAction, saysRenewed} from '../model/answers.js'
import {findSection, holdsTemplatePlaceholder, isBlank, isPlaceholder} from '../model/query.js'
import {defineRule, quote} from '../rule.js'

export const contextRotAction = defineRule({
  id: 'context-rot-action',
  description: 'Context rot signals lead to an action, and enough of them to a refresh',
  why: 'The playbook reads two or more context rot signals (the rotSignals option) as a session whose context has gone stale: the fix is a fresh context or stopping, not pushing on. When any signal is marked, the entry says what was done about it.',
  severity: 'warn',
  fixable: false,
  check(entry, report, {schema, thresholds}) {
    const section = findSection(entry, schema.roles.contextRotSection)
    const action = section && findContextRotAction(section, entry, schema)
    if (!section || !action) return
    const signals = section.checkboxes.filter(
      (box) => box.checked && !isContextRotAction(box, schema),
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
