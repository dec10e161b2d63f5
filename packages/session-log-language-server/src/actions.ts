import {templateFor, type Finding} from 'remark-session-log'
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextDocuments,
} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Client} from './client.js'
import {bomLength, diagnosticSource, readDiagnosticData, toTextEdits} from './convert.js'
import type {Checked, OpenDocuments} from './documents.js'
import {commandKinds, fixAllKind, migrateKind, newEntryKind} from './kinds.js'
import {withEdit} from './log-edits.js'

interface ActionData {
  uri: string
  kind: string
}

/** Answers `textDocument/codeAction` and `codeAction/resolve`. */
export function serveCodeActions(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  client: Client,
  open: OpenDocuments,
): void {
  connection.onCodeAction(async (params: CodeActionParams) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    // A check under way answers with what it has found so far: a quick fix for the top of
    // a long log, or fix-all, which does the rest of the work itself, does not wait for it.
    const state = await open.soon(document.uri)
    if (!state?.matches) return []
    const only = params.context.only
    const wants = (kind: string) =>
      !only || only.some((want) => kind === want || kind.startsWith(`${want}.`))
    const actions: CodeAction[] = []
    if (wants(CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(client, document, state, params.context.diagnostics))
    }
    const offered: CodeAction[] = []
    // Before the check is complete, what is left to fix is not known yet: fix-all is
    // offered, and its edit, made from the whole log, may come out empty.
    const fixable = !state.complete || state.findings.some((finding) => finding.edits)
    if (wants(fixAllKind) && fixable) {
      offered.push({title: 'Fix all session-log problems', kind: fixAllKind})
    }
    if (wants(newEntryKind)) offered.push({title: 'Insert new session entry', kind: newEntryKind})
    if (wants(migrateKind) && readsAs02(document, params.range.start.line)) {
      offered.push({title: 'Migrate this log to the 0.3 Heartbeat Log', kind: migrateKind})
    }
    for (const action of offered) {
      // Fix-all and a new entry each cost a pass over the whole log. A lightbulb asks for
      // every kind on each cursor move, so there the edit waits until the action is
      // chosen: resolved, or made by a command where the client cannot resolve. Asked
      // for by kind (on save, a key binding), or by a client that can neither resolve
      // nor apply an edit the server sends (ALE), the edit comes at once.
      if (!only && client.canResolve()) actions.push(withData(action, document))
      else if (!only && client.canApplyEdits()) actions.push(withCommand(action, document))
      else {
        const withItsEdit = await withEdit(action, document, state, client, open)
        if (withItsEdit) actions.push(withItsEdit)
      }
    }
    return actions
  })

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as ActionData | undefined
    const document = data && documents.get(data.uri)
    if (!data || !document) return action
    const state = await open.soon(document.uri)
    if (!state?.matches) return action
    return (await withEdit({...action, kind: data.kind}, document, state, client, open)) ?? action
  })
}

/** Whether `line` is in the header of a log that reads as 0.2, where migrating is offered. */
function readsAs02(document: TextDocument, line: number): boolean {
  const text = document.getText()
  // The header ends at its `---` or the first entry heading.
  const header = /^(?: {0,3}(?:-[ \t]*){3,}|## )/m.exec(text)
  const headerLines = header ? text.slice(0, header.index).split(/\r\n|\n|\r/).length : Infinity
  return line < headerLines && templateFor(text.replace(/^\uFEFF/, '')).id === 'session-log.v0.2'
}

function quickFixes(
  client: Client,
  document: TextDocument,
  state: Checked,
  wanted: Diagnostic[],
): CodeAction[] {
  const bom = bomLength(document.getText())
  const actions: CodeAction[] = []
  for (const diagnostic of wanted) {
    const finding = findingOf(state, diagnostic)
    if (!finding?.edits) continue
    const expected = finding.expected?.length === 1 ? finding.expected[0] : undefined
    actions.push({
      title: expected === undefined ? `Fix: ${finding.message}` : `Replace with "${expected}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: client.workspaceEdit(document, toTextEdits(document, bom, finding.edits)),
    })
  }
  return actions
}

function withData(action: CodeAction, document: TextDocument): CodeAction {
  const data: ActionData = {uri: document.uri, kind: action.kind ?? ''}
  return {...action, data}
}

function withCommand(action: CodeAction, document: TextDocument): CodeAction {
  const command = [...commandKinds].find(([, kind]) => kind === action.kind)?.[0] ?? ''
  return {...action, command: {title: action.title, command, arguments: [document.uri]}}
}

/**
 * The finding a diagnostic the client sent back stands for. Clients change what they
 * echo: Neovim 0.7 sends byte columns, ALE drops `source` and `data`. The finding is
 * found by `data` (its rule and offsets), else by an exact match, else as the one
 * finding of the diagnostic's rule on the lines it covers.
 */
function findingOf(state: Checked, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== diagnosticSource) return undefined
  const data = readDiagnosticData(diagnostic.data)
  if (data) {
    return state.findings.find(
      (finding) =>
        finding.ruleId === data.ruleId &&
        finding.start.offset === data.start &&
        finding.end.offset === data.end,
    )
  }
  const exact = state.diagnostics.findIndex((own) => sameDiagnostic(own, diagnostic))
  if (exact !== -1) return state.findings[exact]
  const {start, end} = diagnostic.range
  const near = state.findings.filter((finding, index) => {
    const own = state.diagnostics[index]?.range
    return (
      finding.ruleId === diagnostic.code &&
      own !== undefined &&
      own.start.line <= end.line &&
      start.line <= own.end.line
    )
  })
  if (near.length <= 1) return near[0]
  return near.find((finding) => finding.message === diagnostic.message)
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  )
}
