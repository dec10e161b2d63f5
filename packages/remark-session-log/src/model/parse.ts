import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const parser = unified().use(remarkParse).use(remarkGfm).freeze()

/** Markdown → mdast with GFM (tables, task lists), as every part of the tool reads it. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text)
}
