// Preloaded into a measured process (`node --import`): on exit, appends the process's
// peak resident memory in kilobytes to the file named by BENCH_RSS_FILE.
import {appendFileSync} from 'node:fs'
import process from 'node:process'

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE
  if (file) appendFileSync(file, `${process.resourceUsage().maxRSS}\n`)
})
