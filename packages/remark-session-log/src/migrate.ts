// Rewrites a 0.2 session log into the 0.3 Heartbeat Log with edits on the original text:
// the names that the two templates' roles give differently and the parts 0.3 adds (the
// header and footer in `migrate-header.ts`, each entry in `migrate-entry.ts`), then the
// context rot section moved to its 0.3 place by the section-order fix.

import {applyEdits} from './fix/apply.js'
import {detectStyle} from './fix/template-text.js'
import {lint} from './lint.js'
import {rewriteEntry} from './migrate-entry.js'
import {rewriteFooter, rewriteHeader} from './migrate-header.js'
import {Rewrite} from './migrate-rewrite.js'
import {buildModel} from './model/model.js'
import {fitOf, followsAt} from './model/fit.js'
import type {SessionLog} from './model/types.js'
import {rules} from './rules/index.js'
import {sectionOrder} from './rules/section-order.js'
import {loadTemplate} from './template/load.js'
import type {Schema} from './template/schema.js'
import {normalizeName} from './text/names.js'

/** The versions `migrate` writes, by the version a log states. */
export const migrationTargets = ['0.3'] as const

/** A log `migrate` cannot read as a 0.2 session log. */
export class MigrateError extends Error {
  override name = 'MigrateError'
}

export interface Migrated {
  /** The log in the new layout; byte-identical to the input outside the rewritten parts. */
  output: string
  /** False when the log already follows the new layout. */
  changed: boolean
}

const fromId = 'session-log.v0.2'
const toId = 'heartbeat-log.v0.3'

/**
 * Migrates a 0.2 session log to the 0.3 Heartbeat Log. A log (or an entry) already in
 * 0.3 is left as it is, so migrating twice equals migrating once. Throws `MigrateError`
 * for text that reads as neither layout.
 */
export function migrate(text: string, to: string = migrationTargets[0]): Migrated {
  if (!(migrationTargets as readonly string[]).includes(to)) {
    throw new MigrateError(
      `cannot migrate to ${JSON.stringify(to)}; versions: ${migrationTargets.join(', ')}`,
    )
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const source = text.slice(bom.length)
  const from = loadTemplate(fromId)
  const target = loadTemplate(toId)
  const log = buildModel(source, from)
  refuseOtherLogs(log, from, target)

  const rewrite = new Rewrite(source, from, target, detectStyle(source))
  rewriteHeader(rewrite, log)
  for (const entry of log.entries) rewriteEntry(rewrite, entry)
  rewriteFooter(rewrite, log)
  const renamed = applyEdits(source, rewrite.edits)
  if (renamed.deferred.length > 0) throw new Error('migrate made overlapping edits')

  // The context rot section moves after Numbers: the section-order fix moves the fewest.
  // Its moves stay inside their entries, so one pass places every section.
  const onlyOrder = Object.fromEntries(
    rules.map((rule) => [rule.id, rule === sectionOrder ? 'error' : 'off'] as const),
  )
  const moves = lint(renamed.output, {template: toId, rules: onlyOrder}).flatMap((finding) =>
    finding.edits ? [finding.edits] : [],
  )
  const ordered = applyEdits(renamed.output, moves)
  if (ordered.deferred.length > 0) throw new Error('migrate moved sections that overlap')
  return {output: bom + ordered.output, changed: ordered.output !== source}
}

function refuseOtherLogs(log: SessionLog, from: Schema, target: Schema): void {
  if (log.entries.length > 0) {
    const fits = [fitOf(log, from), fitOf(log, target)]
    if (fits.some((fit) => fit.score >= followsAt)) return
    throw new MigrateError(
      `does not read as a ${from.title} ${from.version}: ${fits[0]!.prefixed} of ${fits[0]!.entries} entry headings start with "${from.entryPrefix}"`,
    )
  }
  const title = log.header.title && normalizeName(log.header.title.content.text)
  const known = [from.title, target.title].map(normalizeName)
  if ((title && known.includes(title)) || log.header.version) return
  throw new MigrateError(`is not a session log: it has no "# ${from.title}" title and no entry`)
}
