import {setImmediate as nextTurn} from 'node:timers/promises'
import {Linter, type Finding, type Options, type TextChange} from 'remark-session-log'
import type {Diagnostic, TextDocumentContentChangeEvent, TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {errorMessage, type Client} from './client.js'
import {bomLength, problemDiagnostic, toDiagnostic, toTextChange} from './convert.js'
import type {Resolved, Workspace} from './workspace.js'

/** Quiet time after an edit before the document is checked again. */
export const changeDelay = 150

/**
 * Logs of at least this many characters (about a hundred entries) show the diagnostics
 * of their top entries before the rest is checked; a shorter one is checked in well under
 * a second, and one list of diagnostics is less flicker than two.
 */
export const progressiveFrom = 200_000

/** The state of one open document after its latest check. */
export interface Checked {
  version: number
  /** Settings generation it was checked with; a settings change makes it stale. */
  generation: number
  matches: boolean
  options: Options
  findings: Finding[]
  diagnostics: Diagnostic[]
  /** False while the check is under way: the findings of the entries checked so far. */
  complete: boolean
  /** The length of the document's BOM (0 or 1), which diagnostics on its first line count. */
  bom: number
  /** Whether the document is long enough to be shown before it is checked (`progressiveFrom`). */
  long: boolean
  /** The text checked (the linter holds it too), from which later edits are revised. */
  text: string
}

/** What the server keeps of one open document. */
interface OpenDocument {
  /** The latest check. */
  checked?: Checked
  /**
   * A check under way: what it has found so far, made into diagnostics when a request
   * answered meanwhile (a quick fix, fix-all) uses it rather than wait for the rest.
   */
  partial?: () => Checked
  /** Whether a check is under way (from its start to its end or its giving way). */
  checking: boolean
  /** Requests waiting for the first findings of the check under way. */
  waiting: Array<() => void>
  /** The check waiting for a pause in typing. */
  timer?: ReturnType<typeof setTimeout>
  /** Counts the checks started: one that finds a newer one started drops its result. */
  ticket: number
  /** Whether its diagnostics are shown, so that closing or leaving the globs clears them. */
  published: boolean
  settings?: Promise<Resolved>
  /** Keeps each entry's findings, so a check after an edit costs about that entry. */
  linter?: {key: string; linter: Linter}
  /** Edits since the latest check; undefined after a whole-text change, or too many. */
  edits?: Edited[]
}

/** One `didChange`: the version it found, the version it made, its changes. */
interface Edited {
  from: number
  to: number
  changes: TextChange[]
}

/** Past this many edits without a check, they are dropped rather than kept. */
const editsKept = 1000

/**
 * The open documents, each checked when it opens, after a pause in typing and after a
 * settings change, with its diagnostics published.
 */
export class OpenDocuments {
  /** What the server keeps of each open document, by URI; dropped when it closes. */
  private readonly open = new Map<string, OpenDocument>()
  private generation = 0

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly client: Client,
    private readonly workspace: Workspace,
  ) {}

  changed(uri: string): void {
    // The first version of a document is checked at once; edits wait for a pause.
    const state = this.stateOf(uri)
    const known = state.checked !== undefined || state.timer !== undefined
    this.schedule(uri, known ? changeDelay : 0)
  }

  /** Keeps an edit of the document, by which its latest check can be revised at once. */
  edited(uri: string, from: number, to: number, changes: TextDocumentContentChangeEvent[]): void {
    const state = this.open.get(uri)
    if (!state?.edits) return
    const ranged = changes.every((change) => 'range' in change)
    if (!ranged || state.edits.length >= editsKept) {
      state.edits = undefined
      return
    }
    state.edits.push({from, to, changes: changes.map(toTextChange)})
  }

  closed(uri: string): void {
    const state = this.open.get(uri)
    clearTimeout(state?.timer)
    this.open.delete(uri)
    if (state) wake(state)
    if (state?.published) this.client.publish({uri, diagnostics: []})
  }

  settingsChanged(): void {
    this.generation++
    for (const state of this.open.values()) state.settings = undefined
    for (const document of this.documents.all()) this.schedule(document.uri, 0)
  }

  /** The latest check of the document, made now if the last one is stale. */
  async upToDate(document: TextDocument): Promise<Checked | undefined> {
    const state = this.stateOf(document.uri)
    const last = state.checked
    if (last && last.version === document.version && last.generation === this.generation) {
      return last
    }
    clearTimeout(state.timer)
    state.timer = undefined
    return this.validate(document.uri)
  }

  /**
   * What is known of the document as it is now without waiting: its latest check if that
   * is current, else what a check under way has found so far; undefined when neither.
   */
  private known(document: TextDocument): Checked | undefined {
    const state = this.open.get(document.uri)
    const current = (checked: Checked | undefined) =>
      checked?.version === document.version && checked.generation === this.generation
    if (current(state?.checked)) return state!.checked
    const partial = state?.partial?.()
    return current(partial) ? partial : undefined
  }

  /**
   * What is known of the document as it is now, waiting at most for the first step of a
   * check (started here if none is under way): requests that need findings, but not all
   * of a long log's, answer without waiting for the rest.
   */
  async soon(uri: string): Promise<Checked | undefined> {
    for (;;) {
      // The latest version: a request may name one that an edit has since replaced.
      const document = this.documents.get(uri)
      const state = this.open.get(uri)
      if (!document || !state) return undefined
      const known = this.known(document)
      if (known) return known
      if (!state.checking) {
        clearTimeout(state.timer)
        state.timer = undefined
        void this.validate(uri)
      }
      await new Promise<void>((wake) => state.waiting.push(wake))
    }
  }

  /** The document's settings, read once while it is open (and again after a change). */
  settingsFor(uri: string): Promise<Resolved> {
    const state = this.open.get(uri)
    if (!state) return this.workspace.resolve(uri)
    state.settings ??= this.workspace.resolve(uri)
    return state.settings
  }

  /**
   * One linter per document: it keeps each entry's findings, so checking after an edit
   * costs about the edited entry. A new day or new options start a new one.
   */
  linterFor(uri: string, options: Options): Linter {
    const key = JSON.stringify([options, new Date().toDateString()])
    const state = this.stateOf(uri)
    if (state.linter?.key !== key) state.linter = {key, linter: new Linter(options)}
    return state.linter.linter
  }

  private stateOf(uri: string): OpenDocument {
    let state = this.open.get(uri)
    if (!state) {
      state = {ticket: 0, published: false, checking: false, waiting: []}
      this.open.set(uri, state)
    }
    return state
  }

  private schedule(uri: string, delay: number): void {
    const state = this.stateOf(uri)
    clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void this.validate(uri)
    }, delay)
  }

  /** Checks the document as it is now and publishes the result. */
  private async validate(uri: string): Promise<Checked | undefined> {
    const state = this.stateOf(uri)
    const ticket = ++state.ticket
    const settingsGeneration = this.generation
    const settings = await this.settingsFor(uri)
    const document = this.documents.get(uri)
    const superseded = () => this.open.get(uri) !== state || state.ticket !== ticket
    // Closed meanwhile, or a newer check started while this one waited for settings.
    if (!document || superseded()) return this.open.get(uri)?.checked
    state.checking = true
    // The revised list goes out before the check takes the event loop for its first step.
    if (this.revise(document, settings, state)) {
      await nextTurn()
      if (superseded()) return this.open.get(uri)?.checked
    }
    const result = await this.check(document, settings, settingsGeneration, state, superseded)
    // A newer check took over; what this one did is kept in the document's linter.
    if (!result) return this.open.get(uri)?.checked
    state.checking = false
    state.partial = undefined
    state.checked = result
    // Edits the check has seen are of no more use; one made meanwhile is kept.
    state.edits = (state.edits ?? []).filter((edit) => edit.to > result.version)
    wake(state)
    // A session log always gets a (maybe empty) list; other files only lose an old one.
    if (result.matches || state.published) {
      state.published = result.matches
      this.client.publish({uri, version: document.version, diagnostics: result.diagnostics})
    }
    return result
  }

  /**
   * Shows at once, for a long log, its latest check revised by the edits made since: the
   * edited entry checked again, every other finding moved with the text (the linter's
   * `revise`). The check that follows publishes the exact list. Nothing is shown where
   * only that check can tell, or where the latest check is stale for other reasons.
   * Returns whether it showed a list.
   */
  private revise(document: TextDocument, settings: Resolved, state: OpenDocument): boolean {
    const last = state.checked
    const edits = state.edits
    if (!last?.complete || !last.long || !edits || last.generation !== this.generation) return false
    if (!settings.matches || settings.problem || state.linter === undefined) return false
    // Edits from the checked version to this one, none missing.
    const since = edits.filter((edit) => edit.to > last.version)
    const unbroken = since.every(
      (edit, index) => edit.from === (since[index - 1]?.to ?? last.version),
    )
    if (since.length === 0 || !unbroken || since.at(-1)!.to !== document.version) return false
    const linter = this.linterFor(document.uri, settings.options)
    if (linter !== state.linter.linter) return false
    const findings = linter.revise(
      last.text,
      since.flatMap((edit) => edit.changes),
    )
    if (!findings) return false
    state.published = true
    this.client.publish({
      uri: document.uri,
      version: document.version,
      diagnostics: findings.map((finding) => toDiagnostic(last.bom, finding)),
    })
    return true
  }

  /**
   * Checks the document, the top of the log first: when the check takes more than a
   * step, the diagnostics of the entries checked in the first step are published at once,
   * and requests are answered between steps. Undefined when `superseded` says a newer
   * check started meanwhile.
   */
  private async check(
    document: TextDocument,
    settings: Resolved,
    settingsGeneration: number,
    state: OpenDocument,
    superseded: () => boolean,
  ): Promise<Checked | undefined> {
    const base = {
      complete: true,
      version: document.version,
      generation: settingsGeneration,
      matches: settings.matches,
      options: settings.options,
      bom: 0,
      long: false,
      text: '',
    }
    if (!settings.matches) return {...base, findings: [], diagnostics: []}
    if (settings.problem) {
      return {...base, findings: [], diagnostics: [problemDiagnostic(settings.problem)]}
    }
    const text = document.getText()
    const bom = bomLength(text)
    const long = text.length >= progressiveFrom
    // A long log checked before keeps its diagnostics (revised at once, see `revise`)
    // until the check ends; shown in part, the entries below the top would go blank.
    const showTop = long && state.checked === undefined
    const diagnose = (findings: Finding[], complete = true) => ({
      ...base,
      bom,
      long,
      text,
      complete,
      findings,
      diagnostics: findings.map((finding) => toDiagnostic(bom, finding)),
    })
    try {
      const steps = this.linterFor(document.uri, settings.options).lintInSteps(text)
      let step = steps.next()
      for (let first = true; !step.done; first = false) {
        // Only the first step's findings are shown; later ones grow the same list.
        const {findings} = step.value
        state.partial = () => diagnose([...findings], false)
        wake(state)
        if (first && showTop) {
          state.published = true
          this.client.publish({
            uri: document.uri,
            version: document.version,
            diagnostics: state.partial().diagnostics,
          })
        }
        await nextTurn()
        // The steps left are dropped; the linter keeps what they did.
        if (superseded()) return undefined
        step = steps.next()
      }
      return diagnose(step.value.findings)
    } catch (error) {
      // A template that cannot be read or parsed ends here; the file itself never should.
      const message = `session-log could not check this file: ${errorMessage(error)}`
      this.client.log(`${document.uri}: ${message}`)
      return {...base, findings: [], diagnostics: [problemDiagnostic(message)]}
    }
  }
}

/** Lets the requests waiting on the document look again. */
function wake(state: OpenDocument): void {
  for (const waiting of state.waiting.splice(0)) waiting()
}
