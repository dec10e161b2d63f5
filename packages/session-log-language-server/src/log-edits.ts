import {dirname} from 'node:path'
import {fix, insertEntry, migrate, MigrateError, type Inserted} from 'remark-session-log'
import type {CodeAction} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {errorMessage, type Client} from './client.js'
import {bomLength, diffEdits, toTextEdits} from './convert.js'
import type {Checked, OpenDocuments} from './documents.js'
import {engineerName} from './engineer.js'
import {fixAllKind, migrateKind, newEntryKind} from './kinds.js'
import {filePath} from './workspace.js'

// The edits of the actions on the whole log (fix all, a new entry, migrate): each costs a
// pass over the log, so it is made once the action is chosen or asked for by kind.

/** The action with its edit, or undefined when there is nothing to do. */
export async function withEdit(
  action: CodeAction,
  document: TextDocument,
  state: Checked,
  client: Client,
  open: OpenDocuments,
) {
  if (action.kind === fixAllKind) return fixAll(action, document, state, client, open)
  if (action.kind === newEntryKind) return newEntry(action, document, state, client)
  if (action.kind === migrateKind) return migrateLog(action, document, client)
  return undefined
}

function fixAll(
  action: CodeAction,
  document: TextDocument,
  state: Checked,
  client: Client,
  open: OpenDocuments,
) {
  const text = document.getText()
  let output: string
  try {
    // The document's own linter has checked this text already.
    output = fix(text, state.options, open.linterFor(document.uri, state.options)).output
  } catch (error) {
    // Editors do not show the log: a save that leaves the file unfixed says why.
    const message = `session-log could not fix this log: ${errorMessage(error)}`
    client.log(`${document.uri}: ${message}`)
    client.tell(message)
    return undefined
  }
  // `fix` keeps the BOM, so both texts are compared as the editor has them.
  const edits = diffEdits(text, output)
  if (edits.length === 0) return undefined
  return {...action, edit: client.workspaceEdit(document, toTextEdits(document, 0, edits))}
}

/** The same entry `session-log new` writes: today, the git user, the newest entry's tool. */
async function newEntry(
  action: CodeAction,
  document: TextDocument,
  state: Checked,
  client: Client,
) {
  const path = filePath(document.uri)
  const engineer = path ? await engineerName(dirname(path)) : undefined
  const text = document.getText()
  let inserted: Inserted
  try {
    inserted = insertEntry(text, engineer ? {engineer} : {}, state.options)
  } catch (error) {
    client.log(`${document.uri}: cannot insert an entry: ${errorMessage(error)}`)
    return undefined
  }
  const edits = toTextEdits(document, bomLength(text), [inserted.edit])
  return {...action, edit: client.workspaceEdit(document, edits)}
}

function migrateLog(action: CodeAction, document: TextDocument, client: Client) {
  const text = document.getText()
  let output: string
  try {
    output = migrate(text, '0.3').output
  } catch (error) {
    if (!(error instanceof MigrateError)) throw error
    client.log(`${document.uri}: cannot migrate: ${error.message}`)
    return undefined
  }
  const edits = diffEdits(text, output)
  if (edits.length === 0) return undefined
  return {...action, edit: client.workspaceEdit(document, toTextEdits(document, 0, edits))}
}
