import {
  MessageType,
  ShowMessageNotification,
  type ClientCapabilities,
  type Connection,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'

/**
 * The editor at the other end: what it can do, and what the server tells it. The client
 * may go away at any moment (an editor quits during a long check); what the server still
 * has to say then goes nowhere, and must not end it with an error.
 */
export class Client {
  /** What the client said it can do, in `initialize`. */
  capabilities: ClientCapabilities = {}

  constructor(readonly connection: Connection) {}

  log(message: string): void {
    try {
      this.connection.console.log(message)
    } catch {
      // The connection is closed.
    }
  }

  /** A notification, not window/showMessageRequest: nothing to answer, nothing to wait for. */
  tell(message: string): void {
    this.connection
      .sendNotification(ShowMessageNotification.type, {type: MessageType.Warning, message})
      .catch(() => undefined)
  }

  publish(params: Parameters<Connection['sendDiagnostics']>[0]): void {
    this.connection.sendDiagnostics(params).catch(() => undefined)
  }

  /** Whether the client takes `workspace/applyEdit` (ALE, for one, does not). */
  canApplyEdits(): boolean {
    return this.capabilities.workspace?.applyEdit === true
  }

  canResolve(): boolean {
    return (
      this.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ??
      false
    )
  }

  workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (this.capabilities.workspace?.workspaceEdit?.documentChanges) {
      return {
        documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}],
      }
    }
    return {changes: {[document.uri]: edits}}
  }
}

export const timedOut = Symbol('timed out')

/** The promise's value, or `timedOut` after `ms`: a client that never answers must not stall. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
