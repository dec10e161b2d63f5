import {CodeActionKind} from 'vscode-languageserver'

/** `editor.codeActionsOnSave: {"source.fixAll.session-log": "explicit"}` runs it on save. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.session-log`
export const newEntryKind = `${CodeActionKind.Source}.newEntry.session-log`
/** Offered on the header of a 0.2 log: the same rewrite as `session-log migrate --to 0.3`. */
export const migrateKind = `${CodeActionKind.RefactorRewrite}.migrate.session-log`

/** Commands that make the edit of an action, for clients that cannot resolve actions. */
export const commandKinds = new Map([
  ['session-log.fixAll', fixAllKind],
  ['session-log.insertEntry', newEntryKind],
  ['session-log.migrate', migrateKind],
])

/** Answers with the figures of a log as Markdown: `{command, arguments: [uri]}`. */
export const statsCommand = 'session-log.stats'
