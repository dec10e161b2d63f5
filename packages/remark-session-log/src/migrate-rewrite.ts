import type {TextStyle} from './fix/template-text.js'
import type {Edit} from './rule.js'
import type {Roles, Schema} from './template/schema.js'
import {normalizeName} from './text/names.js'

/** One migration under way: the log's text, the two templates, and the edits so far. */
export class Rewrite {
  readonly edits: Edit[] = []
  readonly eol: string
  readonly bullet: string

  constructor(
    readonly source: string,
    readonly from: Schema,
    readonly target: Schema,
    style: TextStyle,
  ) {
    this.eol = style.eol
    this.bullet = style.bullet
  }

  /** The pair of names a role has in the two templates, when they differ. */
  renamed(role: keyof Roles): [string, string] | undefined {
    const a = this.from.roles[role]
    const b = this.target.roles[role]
    return a !== undefined && b !== undefined && a !== b ? [a, b] : undefined
  }

  is(name: string, role: string | undefined): boolean {
    return role !== undefined && this.same(name, role)
  }

  same(a: string, b: string): boolean {
    return normalizeName(a) === normalizeName(b)
  }
}
