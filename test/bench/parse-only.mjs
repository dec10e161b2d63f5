// The parse floor as a whole process: read a file, parse it with remark-parse and
// remark-gfm as one document, nothing else.
import {readFileSync} from 'node:fs'
import {parseFloor} from './floor.mjs'

parseFloor(readFileSync(process.argv[2], 'utf8'))
