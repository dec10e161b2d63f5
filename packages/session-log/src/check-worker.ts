import {parentPort} from 'node:worker_threads'
import {Linter} from 'remark-session-log'
import {blocksOf, messageOf, type Job, type Report} from './threads.js'

// A worker thread of `check` (threads.ts): takes blocks of a log's chunks until none is
// left, checks them, and sends back what a lint's store needs of them.

parentPort!.on('message', (job: Job) => {
  const send = (report: Report) => parentPort!.postMessage(report)
  try {
    const linter = new Linter(job.options)
    for (const block of blocksOf(job)) send({checked: linter.checkPart(job.text, block)})
    send({done: true})
  } catch (error) {
    send({failed: messageOf(error)})
  }
})
