import {basename} from 'node:path'
import {stats} from 'remark-session-log'
import type {Connection, TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {statsMarkdown} from 'session-log/stats'
import {errorMessage, timedOut, within, type Client} from './client.js'
import type {OpenDocuments} from './documents.js'
import {commandKinds, statsCommand} from './kinds.js'
import {withEdit} from './log-edits.js'
import {filePath, uriPath} from './workspace.js'

/**
 * Answers `workspace/executeCommand`: the figures of a log, or the edit of an action for
 * a client that cannot resolve actions, sent with `workspace/applyEdit`.
 */
export function serveCommands(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  client: Client,
  open: OpenDocuments,
): void {
  connection.onExecuteCommand(async ({command, arguments: args}) => {
    const uri = args?.[0]
    if (command === statsCommand)
      return typeof uri === 'string' ? statsOf(uri, documents, open) : null
    const kind = commandKinds.get(command)
    const document = typeof uri === 'string' ? documents.get(uri) : undefined
    if (!kind || !document) return null
    const state = await open.upToDate(document)
    if (!state?.matches) return null
    if (!client.canApplyEdits()) {
      client.tell(
        'session-log: this editor cannot apply edits the server sends; use the code action instead',
      )
      return null
    }
    const action = await withEdit({title: command, kind}, document, state, client, open)
    if (action?.edit) {
      // Not awaited without end: a client that never answers must not hold the server.
      void within(connection.workspace.applyEdit({label: action.title, edit: action.edit}), 10_000)
        .then((result) => {
          if (result === timedOut || !result.applied) client.log(`${uri}: the edit was not applied`)
        })
        .catch((error: unknown) =>
          client.log(`${uri}: workspace/applyEdit failed: ${errorMessage(error)}`),
        )
    }
    return null
  })
}

/** The figures of an open log as Markdown (`session-log stats -f markdown`); null for no log. */
async function statsOf(
  uri: string,
  documents: TextDocuments<TextDocument>,
  open: OpenDocuments,
): Promise<string | null> {
  const document = documents.get(uri)
  if (!document) return null
  const settings = await open.settingsFor(uri)
  if (!settings.matches) return null
  const path = filePath(uri) ?? uriPath(uri)
  const figures = stats([{text: document.getText(), path: basename(path)}], settings.options)
  return statsMarkdown(figures, {logs: 1, window: {}})
}
