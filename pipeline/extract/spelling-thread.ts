/**
 * The spelling check beside the build instead of in its way. It adds only messages, so nothing
 * waits for it but the end of the build: a build without a PDF checks on a worker thread
 * (`spelling.worker.ts`) that loads the dictionary while the text is parsed and checks while the
 * HTML renders; a build that prints checks while the browser prints (see `startSpelling`). Checked
 * on the calling thread too when the code runs from TypeScript (tests): there is no compiled worker.
 */
import { startCompiledWorker } from '../cache/compiled-code.ts'
import type { Misspelling } from './spelling.ts'

/** A spelling check under way. */
export interface SpellingThread {
  /** The misspellings of each of `texts`; call once. */
  check: (texts: string[]) => Promise<Misspelling[][]>
  /** Give up the check (the build failed): the thread ends. */
  stop: () => void
  /** Whether it checks on a thread of its own, or on the calling thread (blocking it meanwhile). */
  onThread: boolean
}

/**
 * Start the check now, so the dictionary is loaded by the time the texts are known; on a thread
 * of its own when `thread` is set and the code runs compiled. A build that prints checks on its
 * own thread instead, while the browser prints: the thread would only take a core from the
 * browser, and the build's own thread has nothing else to do then.
 */
export function startSpelling(thread: boolean): SpellingThread {
  const worker = thread ? startCompiledWorker('spelling.worker') : null
  if (!worker) {
    return {
      check: async (texts) => (await import('./spelling-memo.ts')).checkSpelling(texts),
      stop: () => {},
      onThread: false,
    }
  }
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
      // Answered, the thread ends by itself; it need not hold this process up until it has.
      return answer.finally(() => worker.unref())
    },
    stop,
    onThread: true,
  }
}
