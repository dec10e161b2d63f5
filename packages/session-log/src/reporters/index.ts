import type {Finding} from 'remark-session-log'
import type {InputError} from '../files.js'
import {github} from './github.js'
import {json} from './json.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'

/** The findings of one log, as the report shows them. */
export interface FileResult {
  /** The path relative to the working folder. */
  name: string
  findings: Finding[]
}

export interface ReportInput {
  files: FileResult[]
  /** Logs that could not be checked at all. */
  problems: InputError[]
  color: boolean
  /** Leave out logs without findings. */
  quiet: boolean
}

/** Renders a whole run; the result ends with a line feed unless it is empty. */
export type Reporter = (input: ReportInput) => string

export const reporters = {stylish, json, github, sarif} satisfies Record<string, Reporter>

export type Format = keyof typeof reporters

export const formats = Object.keys(reporters) as Format[]
