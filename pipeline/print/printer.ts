/**
 * What a build prints with: one browser, and pages on it readied ahead of their documents
 * (`openPrintPage`). In the compiled build the browser is driven from a thread of its own
 * (`print.worker.ts`): loading Puppeteer and the many round trips of starting the browser and
 * readying a page then go on while this thread parses and renders, instead of waiting for it to
 * be free. From TypeScript (tests) there is no compiled worker, and the browser is driven from here.
 */
import type { Worker } from 'node:worker_threads'
import { runsCompiled, startCompiledWorker } from '../cache/compiled-code.ts'
import { BuildFailure } from '../source/messages.ts'
import type { BrowserChoice } from './find-browser.ts'
import type { PdfMeta, PrintPage } from './print-pdf.ts'
import {
  endBrowser,
  newProfile,
  type PipeEnds,
  spawnBrowser,
  spawnBrowserForThread,
  trackBrowser,
} from './spawn-browser.ts'

/** The browser of a build. */
export interface Printer {
  /** A page readied to print one document; ask for it before the document is there. */
  openPage: () => Promise<Pick<PrintPage, 'close'> & { print: (html: string, meta: PdfMeta) => Promise<Uint8Array> }>
  /** Close the browser (once every page is done); the browser's process is gone when this returns. */
  close: () => Promise<void>
}

/** Start `choice` now, for a build that will print. */
export function startPrinter(choice: BrowserChoice): Printer {
  return runsCompiled() ? threadPrinter(choice) : localPrinter(choice)
}

/**
 * Modules only the browser driven from this thread needs, named so the compiled build leaves them
 * out of its bundle: the part of Puppeteer it uses is 0.47 MB, which every compiled run (even one
 * that builds nothing) would load for nothing, since it prints from `print.worker.ts`.
 */
const LOCAL_ONLY = { launch: './launch-browser.ts', print: './print-pdf.ts' }

/** The browser driven from this thread. */
function localPrinter(choice: BrowserChoice): Printer {
  const started = spawnBrowser(choice)
  const browser = (import(LOCAL_ONLY.launch) as Promise<typeof import('./launch-browser.ts')>).then(
    ({ connectBrowser }) => connectBrowser(started),
  )
  // A launch failure is reported where a page is first asked for; not left unhandled meanwhile.
  browser.catch(() => {})
  const printing = import(LOCAL_ONLY.print) as Promise<typeof import('./print-pdf.ts')>
  return {
    openPage: async () => (await printing).openPrintPage(await browser),
    close: () => endBrowser(started, browser),
  }
}

/** What the print thread is asked (see `print.worker.ts`). */
export type PrintRequest =
  | { type: 'open' }
  | { type: 'print'; page: number; html: string; meta: PdfMeta }
  | { type: 'discard'; page: number }
  | { type: 'close' }

/** What it answers: the result, or the error in a form that crosses threads. */
export type PrintAnswer =
  | { id: number; result: unknown }
  | { id: number; error: { message: string; failure: boolean; stack: string | undefined } }

/** The start-up of the print thread. */
export interface PrintThreadData {
  choice: BrowserChoice
  profile: string
  /** The browser's process id, written by whichever thread starts it (read by a signal handler here). */
  pid: Int32Array
  /** The pipe of a browser this thread started (`spawnBrowserForThread`); `null`: the print thread starts it. */
  ends: PipeEnds | null
}

/** A note from this thread to the print thread: the browser this thread started is gone. */
export interface BrowserExited {
  type: 'exited'
  output: string
}

/** The browser driven from a thread of its own. */
function threadPrinter(choice: BrowserChoice): Printer {
  // This thread kills the browser on a signal or at exit: it must know the browser's process and profile.
  const profile = newProfile()
  const pid = new Int32Array(new SharedArrayBuffer(4))
  // Started here, at once, where it can be (the print thread takes 50-80 ms to boot); else by that thread.
  const here = spawnBrowserForThread(choice, profile)
  if (here) Atomics.store(pid, 0, here.browser.pid)
  const data: PrintThreadData = { choice, profile, pid, ends: here?.ends ?? null }
  const worker = startCompiledWorker('print.worker', data) as Worker
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  const untrack = here ? () => {} : trackBrowser(() => Atomics.load(pid, 0), profile)
  if (here) {
    // Told once what it printed is in: its last lines may come after its exit (at most 200 ms after, then without them).
    let told = false
    const tell = () => {
      if (told) return
      told = true
      const note: BrowserExited = { type: 'exited', output: here.browser.output() }
      worker.postMessage(note)
    }
    here.browser.process.once('close', tell)
    here.browser.process.once('exit', () => setTimeout(tell, 200).unref())
  }
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>()
  let lastId = 0
  let ended: Error | null = null
  const end = (error: Error) => {
    ended ??= error
    for (const { reject } of pending.values()) reject(ended)
    pending.clear()
  }
  worker.on('message', (answer: PrintAnswer) => {
    const asked = pending.get(answer.id)
    pending.delete(answer.id)
    if ('error' in answer) {
      const { message, failure, stack } = answer.error
      asked?.reject(failure ? new BuildFailure(message) : Object.assign(new Error(message), { stack }))
    } else asked?.resolve(answer.result)
  })
  worker.on('error', end)
  worker.on('exit', (code) => end(new Error(`the print thread ended (exit code ${code})`)))
  const ask = (request: PrintRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (ended) return reject(ended)
      const id = ++lastId
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, ...request })
    })
  return {
    openPage: async () => {
      const page = (await ask({ type: 'open' })) as number
      return {
        print: async (html, meta) => new Uint8Array((await ask({ type: 'print', page, html, meta })) as ArrayBuffer),
        close: async () => {
          await ask({ type: 'discard', page }).catch(() => {})
        },
      }
    },
    close: async () => {
      try {
        await ask({ type: 'close' })
        untrack()
        // The thread ends by itself once the browser is closed (saving its code cache as it ends).
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
      } finally {
        // Whatever the thread did not finish, the tracked browser is killed at exit; one started here, now.
        await worker.terminate()
        here?.browser.kill()
      }
    },
  }
}
