// A minimal VS Code extension that runs session-log-language-server on Markdown files.
// Start from `npx --package yo --package generator-code -- yo code` (New Extension,
// TypeScript), replace src/extension.ts with this file, `npm install vscode-languageclient`,
// and merge the "contributes" and "activationEvents" of the package.json beside it.
import {LanguageClient, TransportKind, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

export function activate(): Promise<void> {
  const server = {command: 'session-log-language-server', transport: TransportKind.stdio}
  const serverOptions: ServerOptions = {run: server, debug: server}
  client = new LanguageClient('sessionLog', 'Session log', serverOptions, {
    documentSelector: [{scheme: 'file', language: 'markdown'}],
    // The server asks for the `sessionLog` section through workspace/configuration.
    synchronize: {configurationSection: 'sessionLog'},
  })
  return client.start()
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop()
}
