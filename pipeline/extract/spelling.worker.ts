/**
 * The spelling check on a thread of its own, started by `spelling-thread.ts`: it loads the
 * dictionary as soon as it starts, then answers its one message, the texts, with their misspellings.
 */
import { parentPort } from 'node:worker_threads'
import { prepareSpelling } from './spelling.ts'
import { checkSpelling } from './spelling-memo.ts'

prepareSpelling()
parentPort?.once('message', (texts: string[]) => {
  parentPort?.postMessage(checkSpelling(texts))
  // Its one answer sent, the thread ends.
  parentPort?.close()
})
