import type {Schema} from '../template/schema.js'
import {isNearMiss, normalizeName} from '../text/names.js'
import {entryPrefixSource} from '../text/patterns.js'
import type {SessionLog} from './types.js'

/** How well a log's entries follow a template: the share of prefixed headings and known sections. */
export interface Fit {
  prefixed: number
  entries: number
  known: number
  sections: number
  /** The mean of the two shares, 0 to 1. */
  score: number
}

/**
 * Below this a log does not follow the template. A log that follows it with broken
 * entries keeps half: an entry that lost its prefix still has the template's sections,
 * and one whose sections were renamed still has its prefix. A log of another layout has
 * neither (a 0.3 log read as 0.2 scores 0.29, a README 0 or near it).
 */
export const followsAt = 0.5
/** Another template this close to a perfect fit is what the log was written from. */
export const readsAsAt = 0.75

/**
 * The fit of the log to a template, whichever template the model was built with:
 * headings are read as the model reads them, the prefix in any case, a section name or
 * a near miss of one.
 */
export function fitOf(log: SessionLog, schema: Schema): Fit {
  const {prefix, isKnown} = readerOf(schema)
  let prefixed = 0
  let known = 0
  let sections = 0
  for (const entry of log.entries) {
    if (prefix.test(entry.heading.content.text)) prefixed++
    for (const name of entry.sectionNames) {
      // Where a template makes room for a team's own sections, those do not count.
      if (!isKnown(name) && schema.extraSectionsAfter !== undefined) continue
      sections++
      if (isKnown(name)) known++
    }
  }
  const entries = log.entries.length
  const shares = [prefixed / entries, ...(sections > 0 ? [known / sections] : [])]
  const score = shares.reduce((sum, share) => sum + share, 0) / shares.length
  return {prefixed, entries, known, sections, score}
}

interface Reader {
  prefix: RegExp
  isKnown: (heading: string) => boolean
}

// Every lint of every log asks; headings repeat from entry to entry.
const readers = new WeakMap<Schema, Reader>()

function readerOf(schema: Schema): Reader {
  let reader = readers.get(schema)
  if (reader) return reader
  const names = schema.sections.map((spec) => normalizeName(spec.heading))
  const known = new Map<string, boolean>()
  reader = {
    prefix: new RegExp(`^\\s*${entryPrefixSource(schema.entryPrefix)}`, 'i'),
    isKnown(heading) {
      let found = known.get(heading)
      if (found === undefined) {
        const name = normalizeName(heading)
        found = names.some((option) => option === name || isNearMiss(option, name))
        // A log full of made-up headings must not grow this forever.
        if (known.size >= 10_000) known.clear()
        known.set(heading, found)
      }
      return found
    },
  }
  readers.set(schema, reader)
  return reader
}
