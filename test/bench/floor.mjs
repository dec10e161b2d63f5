// The parse floor: remark-parse with remark-gfm, the parse every remark user pays for a
// whole file, made once so that repeated parses measure parsing alone.
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

export function parseFloor(text) {
  return processor.parse(text)
}
