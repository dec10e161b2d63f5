import type {Finding} from 'remark-session-log'
import type {InputError} from '../files.js'

/** The findings of one log, as the report shows them. */
export interface FileResult {
  /** The path relative to the working folder. */
  name: string
  findings: Finding[]
}

/** What every reporter is given. */
export interface ReportInput {
  files: FileResult[]
  /** Logs that could not be checked at all. */
  problems: InputError[]
  color: boolean
  /** Leave out logs without findings. */
  quiet: boolean
}
