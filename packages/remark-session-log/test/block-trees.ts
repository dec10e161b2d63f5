// What the model reads of a tree, for holding the line reader's trees to micromark's:
// every block node's type and position, a heading's depth and text, a list item's box,
// and the children of roots, lists, list items, tables and rows. Inline content (which
// the line reader does not parse, save a heading's) and list looseness are left out.
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'

export interface BlockNode {
  type: string
  start?: unknown
  end?: unknown
  depth?: number
  text?: string
  checked?: boolean
  children?: BlockNode[]
}

const withBlockChildren = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'blockquote'])

export function blockTree(node: Nodes): BlockNode {
  const shape: BlockNode = {type: node.type, start: node.position?.start, end: node.position?.end}
  if (node.type === 'heading') {
    shape.depth = node.depth
    shape.text = toString(node)
  }
  if (node.type === 'listItem' && typeof node.checked === 'boolean') shape.checked = node.checked
  if (withBlockChildren.has(node.type) && 'children' in node) {
    shape.children = node.children.map((child) => blockTree(child))
  }
  return shape
}
