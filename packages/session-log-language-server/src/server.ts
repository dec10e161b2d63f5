import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver'
import {projectFileNames} from 'session-log/project'
import {serveCodeActions} from './actions.js'
import {Client} from './client.js'
import {serveCommands} from './commands.js'
import {PiecedDocument} from './text-document.js'
import {OpenDocuments} from './documents.js'
import {commandKinds, fixAllKind, migrateKind, newEntryKind, statsCommand} from './kinds.js'
import {warmUp} from './warm-up.js'
import {Workspace} from './workspace.js'

export {changeDelay} from './documents.js'
export {fixAllKind, newEntryKind} from './kinds.js'

/** Serves session-log diagnostics and fixes on `connection` until the client exits. */
export function startServer(connection: Connection): void {
  // Documents kept in pieces (text-document.ts); each edit also goes to the open
  // documents, which revise their last check with it.
  const documents: TextDocuments<PiecedDocument> = new TextDocuments({
    create: (uri, languageId, version, text) => new PiecedDocument(uri, languageId, version, text),
    update(document, changes, version) {
      open.edited(document.uri, document.version, version, changes)
      document.update(changes, version)
      return document
    },
  })
  const client = new Client(connection)
  const workspace = new Workspace(client)
  const open = new OpenDocuments(documents, client, workspace)

  connection.onInitialize((params) => {
    client.capabilities = params.capabilities
    workspace.initialize(params)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, fixAllKind, newEntryKind, migrateKind],
          resolveProvider: true,
        },
        executeCommandProvider: {commands: [...commandKinds.keys(), statsCommand]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
      },
      serverInfo: {name: 'session-log-language-server'},
    }
  })

  connection.onInitialized(() => {
    // Only ever a head start: if it fails, the first document's check compiles the code.
    warmUp(() => documents.keys().length === 0).catch(() => undefined)
    const capabilities = client.capabilities
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: 'sessionLog',
      })
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: projectFileNames.map((name) => ({
          globPattern: `**/${name}`,
        })),
      })
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspace.changeFolders(event)
        open.settingsChanged()
      })
    }
  })

  connection.onDidChangeConfiguration((params) => {
    workspace.changeConfiguration(params.settings as {sessionLog?: unknown} | null | undefined)
    open.settingsChanged()
  })

  connection.onDidChangeWatchedFiles(() => {
    workspace.forgetProjects()
    open.settingsChanged()
  })

  documents.onDidChangeContent(({document}) => open.changed(document.uri))
  documents.onDidClose(({document}) => open.closed(document.uri))

  serveCodeActions(connection, documents, client, open)
  serveCommands(connection, documents, client, open)

  documents.listen(connection)
  connection.listen()
}
