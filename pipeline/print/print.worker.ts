/**
 * The print thread of a compiled build (`printer.ts` starts it): it drives the browser the build's
 * thread started for it over that browser's pipe (or starts one itself, where no named pipe can be
 * made), loads Puppeteer while the browser starts, and answers the build's requests: ready a page,
 * print a document on it, end the browser. Errors go back to the build, which reports them.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { BuildFailure } from '../source/messages.ts'
import type { PrintPage } from './print-pdf.ts'
import type { BrowserExited, PrintAnswer, PrintRequest, PrintThreadData } from './printer.ts'
import { adoptBrowser, endBrowser, spawnBrowser } from './spawn-browser.ts'

const { choice, profile, pid, ends } = (workerData as { data: PrintThreadData }).data
// The browser the build's thread started for us, or else one started here.
const adopted = ends ? adoptBrowser(choice, ends, Atomics.load(pid, 0)) : null
const started = adopted ?? spawnBrowser(choice, profile, (id) => Atomics.store(pid, 0, id))
const browser = import('./launch-browser.ts').then(({ connectBrowser }) => connectBrowser(started))
browser.catch(() => {})
const printing = import('./print-pdf.ts')

const pages = new Map<number, PrintPage>()
let lastPage = 0

async function handle(request: PrintRequest): Promise<unknown> {
  switch (request.type) {
    case 'open': {
      const page = (await printing).openPrintPage(await browser)
      const id = ++lastPage
      pages.set(id, await page)
      return id
    }
    case 'print': {
      const page = pages.get(request.page)
      pages.delete(request.page)
      if (!page) throw new Error(`no print page ${request.page}`)
      // A copy of its own, so the whole buffer can move to the build's thread.
      return new Uint8Array(await page.print(request.html, request.meta)).buffer
    }
    case 'discard': {
      await pages.get(request.page)?.close()
      pages.delete(request.page)
      return null
    }
    case 'close': {
      await endBrowser(started, browser)
      // Nothing is left to do: once this answer is sent, the thread ends (`exit` handlers run: the code
      // cache is saved). Not by waiting for its event loop to empty: Puppeteer keeps a closed page's
      // frames for 100 ms, in case they are swapped in.
      setImmediate(() => process.exit())
      return null
    }
  }
}

parentPort?.on('message', (request: (PrintRequest & { id: number }) | BrowserExited) => {
  if (request.type === 'exited') return adopted?.exited(request.output)
  handle(request).then(
    (result) => {
      const answer: PrintAnswer = { id: request.id, result }
      parentPort?.postMessage(answer, result instanceof ArrayBuffer ? [result] : [])
    },
    (error: unknown) => {
      const answer: PrintAnswer = {
        id: request.id,
        error: {
          message: error instanceof Error ? error.message : String(error),
          failure: error instanceof BuildFailure,
          stack: error instanceof Error ? error.stack : undefined,
        },
      }
      parentPort?.postMessage(answer)
    },
  )
})
