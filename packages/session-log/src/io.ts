/** What a command may touch of its process: the streams, the folder and the colors. */
export interface Io {
  cwd: string
  /** Show stack traces (`--debug`). */
  debug: boolean
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadStream
  out(text: string): void
  err(text: string): void
  /** Whether standard output and standard error are terminals. */
  outIsTTY: boolean
  errIsTTY: boolean
  /** The terminal's width, where standard output is one. */
  columns?: number | undefined
  /** Whether a report written to a terminal (or not) gets colors. */
  color(terminal: boolean): boolean
}
