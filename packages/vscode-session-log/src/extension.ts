// The VS Code extension: runs the bundled session-log language server on session logs and
// adds three commands. Everything the server knows (rules, fixes, settings files) stays
// in the server; the extension only starts it and asks it for things.
import {commands, window, workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

export async function activate(context: ExtensionContext): Promise<void> {
  const server = {module: context.asAbsolutePath('dist/server.mjs'), transport: TransportKind.stdio}
  const serverOptions: ServerOptions = {run: server, debug: server}
  const start = () => {
    client = new LanguageClient('sessionLog', 'Session Log', serverOptions, {
      documentSelector: [{scheme: 'file', language: 'markdown'}],
      // The server asks for the `sessionLog` section through workspace/configuration.
      synchronize: {configurationSection: 'sessionLog'},
      // In restricted mode the server reads data settings only and runs no settings script.
      initializationOptions: {workspaceTrusted: workspace.isTrusted},
    })
    return client.start()
  }
  await start()
  context.subscriptions.push(
    // Trust granted: start again, so that the folder's JavaScript settings may load.
    workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop()
      await start()
    }),
    commands.registerCommand('sessionLog.fixAll', () =>
      commands.executeCommand('editor.action.codeAction', {
        kind: 'source.fixAll.session-log',
        apply: 'first',
      }),
    ),
    commands.registerCommand('sessionLog.newEntry', () =>
      commands.executeCommand('editor.action.codeAction', {
        kind: 'source.newEntry.session-log',
        apply: 'first',
      }),
    ),
    commands.registerCommand('sessionLog.showStats', showStats),
  )
}

/** The figures of the log in the editor, as `session-log stats -f markdown` writes them. */
async function showStats(): Promise<void> {
  const document = window.activeTextEditor?.document
  if (!document || !client) {
    await window.showInformationMessage('Open a session log to see its stats.')
    return
  }
  const markdown = await client.sendRequest<string | null>('workspace/executeCommand', {
    command: 'session-log.stats',
    arguments: [document.uri.toString()],
  })
  if (!markdown) {
    await window.showInformationMessage('This file is not a session log.')
    return
  }
  const report = await workspace.openTextDocument({language: 'markdown', content: markdown})
  await commands.executeCommand('markdown.showPreview', report.uri)
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop()
}
