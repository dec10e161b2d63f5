import {diffLines} from 'diff'
import type {Edit, Finding, TextChange} from 'remark-session-log'
import {
  DiagnosticSeverity,
  type Diagnostic,
  type Position,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'

/** What the server puts in `source` and takes back from clients' diagnostics. */
export const diagnosticSource = 'session-log'

/**
 * Findings and their edits count offsets after a leading BOM; the editor's document may
 * keep it. Edits' positions are therefore taken from offsets shifted by the BOM, and
 * `positionAt` does the line and UTF-16 column arithmetic on the editor's own text, so
 * CRLF, lone CR and characters outside the BMP land exactly where the editor has them.
 * Diagnostics take the findings' own lines and columns, which count the same way (the
 * property tests hold every finding's line and column to its offset).
 */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0
}

export function toRange(document: TextDocument, bom: number, start: number, end: number): Range {
  return {start: document.positionAt(start + bom), end: document.positionAt(end + bom)}
}

/**
 * What a diagnostic carries back to the server (LSP's `data`): the finding's rule and
 * offsets, by which a quick fix finds it again whatever the client did to the range.
 */
export interface DiagnosticData {
  ruleId: string
  start: number
  end: number
}

export function readDiagnosticData(value: unknown): DiagnosticData | undefined {
  const data = value as Partial<DiagnosticData> | null | undefined
  if (typeof data !== 'object' || data === null) return undefined
  const {ruleId, start, end} = data
  if (typeof ruleId !== 'string' || typeof start !== 'number' || typeof end !== 'number') {
    return undefined
  }
  return {ruleId, start, end}
}

/**
 * An LSP position from a finding's own line and column: both count what LSP counts (line
 * breaks CRLF, LF and CR; UTF-16 code units), and a BOM stands on the first line. Asking
 * the document instead (`positionAt`) first maps the lines of the whole text, which for a
 * long log was a sixth of the time to its first diagnostics.
 */
function toPosition(point: Finding['start'], bom: number): Position {
  return {line: point.line - 1, character: point.column - 1 + (point.line === 1 ? bom : 0)}
}

export function toDiagnostic(bom: number, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    start: finding.start.offset,
    end: finding.end.offset,
  }
  return {
    range: {start: toPosition(finding.start, bom), end: toPosition(finding.end, bom)},
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: {href: finding.url},
    source: diagnosticSource,
    message: finding.message,
    data,
  }
}

/** A diagnostic at the top of the file, for a file the server could not check at all. */
export function problemDiagnostic(message: string): Diagnostic {
  const start = {line: 0, character: 0}
  return {
    range: {start, end: start},
    severity: DiagnosticSeverity.Error,
    source: diagnosticSource,
    message,
  }
}

export function toTextEdits(
  document: TextDocument,
  bom: number,
  edits: readonly Edit[],
): TextEdit[] {
  return edits.map((edit) => ({
    range: toRange(document, bom, edit.start, edit.end),
    newText: edit.text,
  }))
}

/**
 * The edits that turn `before` into `after`, line by line. Fix-all and scaffolding
 * return whole texts; sending the changed lines only keeps the editor's cursor,
 * folds and undo steps where they were, which replacing the document would not.
 */
export function diffEdits(before: string, after: string): Edit[] {
  if (before === after) return []
  // Entry by entry when both have as many `## ` headings: a line diff of a whole long log
  // whose every entry changed (a migration) takes its length times its changes.
  const olds = before.split(/(?=^## )/m)
  const news = after.split(/(?=^## )/m)
  if (olds.length > 1 && olds.length === news.length) {
    const edits: Edit[] = []
    let offset = 0
    olds.forEach((old, index) => {
      for (const edit of diffWhole(old, news[index]!)) {
        edits.push({...edit, start: edit.start + offset, end: edit.end + offset})
      }
      offset += old.length
    })
    return edits
  }
  return diffWhole(before, after)
}

function diffWhole(before: string, after: string): Edit[] {
  if (before === after) return []
  const edits: Edit[] = []
  let offset = 0
  let open: Edit | undefined
  for (const change of diffLines(before, after)) {
    if (!change.added && !change.removed) {
      if (open) edits.push(open)
      open = undefined
      offset += change.value.length
      continue
    }
    open ??= {start: offset, end: offset, text: ''}
    if (change.removed) {
      offset += change.value.length
      open.end = offset
    } else {
      open.text += change.value
    }
  }
  if (open) edits.push(open)
  return edits
}

/** An LSP change with a range as the linter takes it: lines and columns from 1. */
export function toTextChange(change: TextDocumentContentChangeEvent): TextChange {
  const {start, end} = (change as {range: Range}).range
  return {
    start: {line: start.line + 1, column: start.character + 1},
    end: {line: end.line + 1, column: end.character + 1},
    text: change.text,
  }
}
