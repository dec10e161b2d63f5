import {defineRule, quote} from '../rule.js'
import {sameName} from '../model/query.js'

export const checkboxItems = defineRule({
  id: 'checkbox-items',
  description:
    'Checkbox sections keep every item of the template, and a checked item says what it stands for',
  why: 'An unchecked box is an answer ("not this time"); a deleted one is no answer, and counts across entries go wrong. Extra items are fine: teams add their own inputs. A checked "Other:" that still says "[specify]" tells the reader nothing.',
  severity: 'error',
  fixable: false,
  check(entry, report) {
    for (const section of entry.sections) {
      const sectionSpec = section.spec
      const specs = sectionSpec?.checkboxes ?? []
      if (!sectionSpec || specs.length === 0) continue
      const present = new Set(section.checkboxes.map((checkbox) => checkbox.spec))
      for (const spec of specs) {
        if (present.has(spec) || spec.optional) continue
        report(
          section.heading,
          `Section "${'#'.repeat(sectionSpec.depth)} ${sectionSpec.heading}" is missing the item "- [ ] ${spec.label}"`,
        )
      }
      for (const checkbox of section.checkboxes) {
        const spec = checkbox.spec
        if (!checkbox.checked || !spec?.placeholder) continue
        const label = checkbox.label.text
        const rest = label.slice(keyEnd(label, spec.key)).replace(/^[\s*_:]+/, '')
        if (rest !== '' && !rest.includes(spec.placeholder)) continue
        const what =
          rest === '' ? 'names nothing' : `still has the placeholder ${quote(spec.placeholder)}`
        report(checkbox.label, `Checked item ${quote(label)} ${what}; write what it stands for`)
      }
    }
  },
})

// Where the item's key ends in its label as written: the shortest prefix naming the key.
function keyEnd(label: string, key: string): number {
  for (let end = 1; end <= label.length; end++) {
    if (sameName(label.slice(0, end), key)) {
      // Take the colon and emphasis that close the key along.
      let at = end
      while (at < label.length && /[*_:]/.test(label[at]!)) at++
      return at
    }
  }
  return 0
}
