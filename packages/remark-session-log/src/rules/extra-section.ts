import {defineRule, quote} from '../rule.js'

export const extraSection = defineRule({
  id: 'extra-section',
  description: "A team's own sections stand where its template allows them",
  why: 'A template may name the place for sections of the team\'s own with a line `<!-- extra sections -->` between two of its sections (see "Templates of your own" in the project README); a section the template does not know anywhere else is then a typo or a section in the wrong part of the entry. The place holds when an optional section around it is left out. Without that line, sections of one\'s own may stand anywhere and this rule is silent.',
  severity: 'error',
  fixable: false,
  check(entry, report, {schema}) {
    const after = schema.extraSectionsAfter
    if (after === undefined) return
    // Template positions: extra sections go after `place` and before the section after it.
    const place = schema.sections.findIndex((spec) => spec.heading === after)
    const next = schema.sections[place + 1]
    const where = [
      place === -1 ? 'before the first section' : `after "${after}"`,
      ...(next && place !== -1 ? [`before "${next.heading}"`] : []),
    ].join(', ')
    const at = entry.sections.map((section) =>
      section.spec ? schema.sections.indexOf(section.spec) : undefined,
    )
    entry.sections.forEach((section, index) => {
      if (section.spec) return
      const before = at.slice(0, index).findLast((known) => known !== undefined) ?? -1
      const later = at.slice(index + 1).find((known) => known !== undefined) ?? Infinity
      if (before <= place && later > place) return
      report(
        section.heading,
        `Section ${quote(section.heading.content.text)} is not in the template; sections of your own go ${where}`,
      )
    })
  },
})
