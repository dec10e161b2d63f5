import {readFileSync} from 'node:fs'
import {
  TextDocumentEdit,
  type CodeAction,
  type Command,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'

/**
 * A two-entry log with one defect per kind the tests need: a title ending in a
 * character outside the BMP, a heading in the wrong case, an impossible date, a
 * non-ASCII answer, a broken checkbox and two sections swapped (a fix of two ranges).
 */
export const defects = readFileSync(new URL('fixtures/defects.md', import.meta.url), 'utf8')

/**
 * The text of each defect, as the diagnostic's range must cover it, by rule; a third
 * element names text the defect comes after, when the token occurs earlier too.
 */
export const defectTokens: Array<[ruleId: string, token: string, after?: string]> = [
  ['document-title', 'Séssion Lög 🙂'],
  ['field-date', '2026-02-30'],
  ['section-heading', '### Kill switch'],
  ['kill-switch', 'Ja 🙂 — Nein'],
  ['checkbox-format', '-[ ]'],
  ['section-order', '### Context Rot Signals', '## Session: Refactor'],
]

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}

/**
 * The LSP position of a UTF-16 offset, counted here line by line (CRLF, LF and CR all
 * end a line) independently of the server's `positionAt`.
 */
export function positionOf(text: string, offset: number) {
  let line = 0
  let lineStart = 0
  const breaks = /\r\n|\r|\n/g
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    const next = match.index + match[0].length
    if (next > offset) break
    line++
    lineStart = next
  }
  return {line, character: offset - lineStart}
}

/** The range of the first occurrence of `token` in `text` (after `after`, if given). */
export function rangeOf(text: string, token: string, after?: string): Range {
  const start = text.indexOf(token, after === undefined ? 0 : text.indexOf(after))
  if (start === -1) throw new Error(`"${token}" is not in the text`)
  return {start: positionOf(text, start), end: positionOf(text, start + token.length)}
}

/** Applies a workspace edit to one document's text, as an editor would. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = []
  for (const change of edit.documentChanges ?? []) {
    if (!TextDocumentEdit.is(change)) throw new Error('Expected only text document edits')
    if (change.textDocument.uri !== uri) throw new Error(`Edit for ${change.textDocument.uri}`)
    for (const one of change.edits) edits.push(one as TextEdit)
  }
  for (const [target, changes] of Object.entries(edit.changes ?? {})) {
    if (target !== uri) throw new Error(`Edit for ${target}`)
    edits.push(...changes)
  }
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits)
}

export function isCodeAction(item: CodeAction | Command): item is CodeAction {
  return typeof (item as Command).command !== 'string'
}
