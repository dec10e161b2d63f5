import type {Root, RootContent} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Node} from 'unist'

// Of GFM, a session log's structure needs tables and task list items only. Autolink
// literals, strikethrough and footnotes change inline content (which the model reads
// from the source text, not the tree) and cost a fifth of the parse: without them, the
// CLI's whole run on a short log and a long log's parse are that much shorter.
// remark with the plugin still parses all of GFM; a test checks both trees give the
// same findings on every fixture.
// YAML or TOML front matter (docs sites, Obsidian) is read as such, not as a `---` and a
// heading; the plugin turns it on in remark too.
export const frontMatterKinds = ['yaml', 'toml'] as const

/** GFM's tables and task list items: the parts of GFM a log's structure needs. */
export const blockGfm = {
  micromark: [gfmTable(), gfmTaskListItem()],
  mdast: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
}

const options = {
  extensions: [frontmatter([...frontMatterKinds]), ...blockGfm.micromark],
  mdastExtensions: [frontmatterFromMarkdown([...frontMatterKinds]), ...blockGfm.mdast],
}

/** Markdown → mdast with front matter, GFM tables and task lists, as the tool reads a log. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, options)
}

/**
 * Nodes the model skips wherever they stand: HTML (comments, mostly) and link reference
 * definitions, which render as nothing and which many authors keep at the end of an
 * entry or of the file, after the footer.
 */
export function rendersNothing(node: RootContent): boolean {
  return node.type === 'html' || node.type === 'definition'
}

/**
 * Moves every position in a tree parsed on its own by where its text starts in a larger
 * one (`offset` characters, `lines` lines), in place. Columns stay: the text starts a line.
 */
export function movedBy<T extends Node>(node: T, offset: number, lines: number): T {
  const position = node.position
  if (position) {
    for (const point of [position.start, position.end]) {
      point.line += lines
      if (point.offset !== undefined) point.offset += offset
    }
  }
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) movedBy(child, offset, lines)
  }
  return node
}
