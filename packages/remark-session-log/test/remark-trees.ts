// remark's tree of a text with the plugin's parser (entry by entry where it can) and with
// remark-parse's (the whole document at once), each with the plugin's extensions; and how
// often the plugin's parser fell back to the whole-document one.
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import remarkSessionLog from '../src/index.js'

let wholeParses = 0

const entryWise = unified()
  .use(remarkParse)
  .use(function countWholeParses(this: Processor) {
    const whole = this.parser!
    this.parser = (document, file) => {
      wholeParses++
      return whole(document, file)
    }
  })
  .use(remarkSessionLog)
  .freeze()

let remarkParser: Processor['parser']
const whole = unified()
  .use(remarkParse)
  .use(function keepRemarkParser(this: Processor) {
    remarkParser = this.parser
  })
  .use(remarkSessionLog)
  .use(function restoreRemarkParser(this: Processor) {
    this.parser = remarkParser
  })
  .freeze()

export function remarkTrees(text: string): {entryWise: Root; whole: Root; wholeParses: number} {
  const before = wholeParses
  const tree = entryWise.parse(text)
  return {entryWise: tree, whole: whole.parse(text), wholeParses: wholeParses - before}
}
