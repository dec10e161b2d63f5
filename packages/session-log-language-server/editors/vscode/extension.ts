// A minimal VS Code extension that runs session-log-language-server on Markdown files.
// Start from `npx --package yo --package generator-code -- yo code` (New Extension,
// TypeScript), replace src/extension.ts with this file, `npm install vscode-languageclient`,
// and merge the "contributes" and "activationEvents" of the package.json beside it.
import {workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

export async function activate(context: ExtensionContext): Promise<void> {
  await start()
  // Trust granted: start again, so that the folder's JavaScript settings may load.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop()
      await start()
    }),
  )
}

function start(): Promise<void> {
  const server = {command: 'session-log-language-server', transport: TransportKind.stdio}
  const serverOptions: ServerOptions = {run: server, debug: server}
  client = new LanguageClient('sessionLog', 'Session log', serverOptions, {
    documentSelector: [{scheme: 'file', language: 'markdown'}],
    // The server asks for the `sessionLog` section through workspace/configuration.
    synchronize: {configurationSection: 'sessionLog'},
    // In restricted mode the server reads data settings only and runs no settings script.
    initializationOptions: {workspaceTrusted: workspace.isTrusted},
  })
  return client.start()
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop()
}
