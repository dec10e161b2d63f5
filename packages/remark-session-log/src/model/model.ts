import type {Root} from 'mdast'
import type {Schema} from '../template/schema.js'
import {readLog} from './build.js'
import {buildModelByChunks} from './chunks.js'
import type {SessionLog} from './types.js'

/**
 * Builds the model of a session log. `text` must not start with a BOM. Never throws.
 * Given the tree remark parsed (the plugin), it reads that; without one it parses the log
 * entry by entry, which gives the same model in less time.
 */
export function buildModel(text: string, schema: Schema, tree?: Root): SessionLog {
  if (!tree) return buildModelByChunks(text, schema)
  return readLog(text, schema, tree, true)
}
