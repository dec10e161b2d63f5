import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Schema, SectionSpec} from '../template/schema.js'
import {isNearMiss, normalizeName} from '../text/names.js'
import {entryPrefixSource} from '../text/patterns.js'
import {offsetOf, type Source} from './source.js'
import type {EntryHeading, Heading, Text} from './types.js'

/** A heading's range, depth and content as written, ATX or setext. */
export function readHeading(source: Source, node: RootContent): Heading {
  const start = offsetOf(node, 'start')
  const end = offsetOf(node, 'end')
  const raw = source.text.slice(start, end)
  const atx = /^ {0,3}(#{1,6})[ \t]*/.exec(raw)
  const closing = /(?<![ \t])[ \t]+#+[ \t]*$|(?<![ \t])[ \t]*$/.exec(raw)
  const contentStart = start + (atx?.[0].length ?? 0)
  // A setext heading's content is its first line.
  const contentEnd = atx
    ? Math.max(contentStart, end - (closing?.[0].length ?? 0))
    : start + raw.split(/\r?\n|\r/)[0]!.length
  return {
    start: source.point(start),
    end: source.point(end),
    depth: node.type === 'heading' ? node.depth : 0,
    content: source.textAt(contentStart, contentEnd),
  }
}

/** Tells entry headings from section headings, as the template names them. */
export class HeadingReader {
  private readonly sectionDepth: number
  /** The entry prefix, any case, spaces allowed before its colon: `session :`. */
  private readonly entryPrefix: RegExp

  constructor(
    private readonly source: Source,
    readonly schema: Schema,
  ) {
    this.sectionDepth = schema.sections[0]?.depth ?? schema.entryDepth + 1
    this.entryPrefix = new RegExp(`^\\s*${entryPrefixSource(schema.entryPrefix)}`, 'i')
  }

  isEntryHeading(node: RootContent): boolean {
    if (node.type !== 'heading') return false
    if (this.hasEntryPrefix(toString(node))) return true
    return node.depth === this.schema.entryDepth && !this.matchSection(toString(node))
  }

  isSectionHeading(node: RootContent): boolean {
    if (node.type !== 'heading') return false
    return node.depth <= this.sectionDepth || this.matchSection(toString(node)) !== undefined
  }

  /** The template's section a heading names, exactly or as a near miss. */
  matchSection(content: string): SectionSpec | undefined {
    const name = normalizeName(content)
    const specs = this.schema.sections
    return (
      specs.find((spec) => normalizeName(spec.heading) === name) ??
      specs.find((spec) => isNearMiss(normalizeName(spec.heading), name))
    )
  }

  readEntryHeading(node: RootContent): EntryHeading {
    const heading = readHeading(this.source, node)
    const content = heading.content
    const hasPrefix = this.hasEntryPrefix(content.text)
    let name: Text | undefined
    if (hasPrefix) {
      const prefix = this.entryPrefix.exec(content.text)?.[0] ?? ''
      name = this.source.textAt(content.start.offset + prefix.length, content.end.offset)
    }
    const {start, end, depth} = heading
    return {start, end, depth, content: heading.content, name, hasPrefix}
  }

  private hasEntryPrefix(content: string): boolean {
    return this.entryPrefix.test(content)
  }
}
