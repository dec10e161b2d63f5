import {github} from './github.js'
import type {ReportInput} from './input.js'
import {json} from './json.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'

export type {FileResult} from './input.js'

/** Renders a whole run; the result ends with a line feed unless it is empty. */
export type Reporter = (input: ReportInput) => string

export const reporters = {stylish, json, github, sarif} satisfies Record<string, Reporter>

export type Format = keyof typeof reporters

export const formats = Object.keys(reporters) as Format[]
