/**
 * The spelling check on a thread of its own, started by `spelling-thread.ts`: it loads the
 * dictionary as soon as it starts, then answers its one message, the texts, with their misspellings.
 */
import { parentPort } from 'node:worker_threads'
import { findMisspellings, prepareSpelling } from './spelling.ts'

prepareSpelling()
parentPort?.once('message', (texts: string[]) => {
  parentPort?.postMessage(findMisspellings(texts))
  // Its one answer sent, the thread ends.
  parentPort?.close()
})
