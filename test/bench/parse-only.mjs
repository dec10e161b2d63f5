// The parse floor as a whole process: read a file, parse it with remark-parse and
// remark-gfm as one document, nothing else.
import {readFileSync} from 'node:fs'
import {parseMarkdown} from 'remark-session-log'

parseMarkdown(readFileSync(process.argv[2], 'utf8'))
