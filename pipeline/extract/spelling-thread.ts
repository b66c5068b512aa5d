/**
 * The spelling check beside the build instead of in its way: a worker thread (`spelling.worker.ts`)
 * that loads the dictionary while the text is parsed, and checks while the page renders and prints.
 * It adds only messages, so nothing waits for it but the end of the build. Checked on the calling
 * thread when the code runs from TypeScript (tests), where there is no compiled worker to start.
 */
import { Worker } from 'node:worker_threads'
import { compiledFile } from '../cache/compiled-code.ts'
import type { Misspelling } from './spelling.ts'

/** A spelling check under way. */
export interface SpellingThread {
  /** The misspellings of each of `texts`; call once. */
  check: (texts: string[]) => Promise<Misspelling[][]>
  /** Give up the check (the build failed): the thread ends. */
  stop: () => void
}

/** Start the thread now, so the dictionary is loaded by the time the texts are known. */
export function startSpelling(): SpellingThread {
  const file = compiledFile('spelling.worker.mjs')
  if (!file) {
    return { check: async (texts) => (await import('./spelling.ts')).findMisspellings(texts), stop: () => {} }
  }
  const worker = new Worker(file)
  // Until it is asked, the thread does not keep the process alive: a build that fails before then just ends.
  worker.unref()
  const answer = new Promise<Misspelling[][]>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the spelling thread ended (exit code ${code}) without an answer`)))
  })
  answer.catch(() => {})
  const stop = () => void worker.terminate()
  return {
    check: (texts) => {
      worker.ref()
      worker.postMessage(texts)
      return answer.finally(stop)
    },
    stop,
  }
}
