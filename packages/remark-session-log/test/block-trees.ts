// What the line reader must give of a tree exactly as micromark does, for holding the
// two to each other: every block node's fields and position, a heading's text, and the
// children of roots, lists, list items, tables and rows. The inline content of
// paragraphs and cells, which the line reader leaves to micromark, is left out.
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'

export interface BlockNode {
  [field: string]: unknown
  type: string
  text?: string
  children?: BlockNode[]
}

const withBlockChildren = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'blockquote'])

export function blockTree(node: Nodes): BlockNode {
  // `children` is only read where it holds blocks: reading a paragraph's would parse it.
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(node)) {
    if (key !== 'children') fields[key] = (node as unknown as Record<string, unknown>)[key]
  }
  const shape: BlockNode = {...fields, type: node.type}
  if (node.type === 'heading') shape.text = toString(node)
  if (withBlockChildren.has(node.type) && 'children' in node) {
    shape.children = node.children.map((child) => blockTree(child))
  }
  return shape
}
