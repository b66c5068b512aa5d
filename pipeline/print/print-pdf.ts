/**
 * Stage 5: the PDF. Headless Chromium prints finished HTML and nothing else: JavaScript off, every
 * network request refused, A4 from the print CSS, tagged, with bookmarks from the headings. The
 * contents get their page numbers from a layout measured before printing (`paginate.ts`); the
 * bookmarks of the printed PDF confirm them, and only when they disagree is the page printed again.
 */
import type { Browser, Page } from 'puppeteer-core'
import { finishPdf, type PdfMeta, readOutline } from './finish-pdf.ts'
import { type LoadDocument, lockDown } from './lock-down-page.ts'
import { fillContents, measureAndFill } from './paginate.ts'
import { limitRender, renderTimeout } from './time-limits.ts'

export type { PdfMeta } from './finish-pdf.ts'

/** How long one page may take to load and print, in milliseconds (`BRIEFING_RENDER_TIMEOUT_MS`). */
export const RENDER_TIMEOUT = renderTimeout()

/** What printing found out, for tests and the build's log. */
export interface PrintReport {
  /** Page of each contents entry, by section id, as printed. */
  pages: Record<string, number>
  /** Page of each contents entry as measured before printing. */
  measured: Record<string, number>
  /** Whether the measured pages were wrong and the document was printed a second time. */
  reprinted: boolean
}

async function print(page: Page): Promise<Uint8Array> {
  return page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    timeout: RENDER_TIMEOUT,
  })
}

/**
 * The pages the headings of the contents' targets fell on, from the PDF's bookmarks: for each
 * entry in order, the next bookmark with the same title as the target's heading.
 */
export function outlinePages(
  outline: { title: string; page: number }[],
  headings: { id: string; title: string }[],
): Record<string, number> {
  const pages: Record<string, number> = {}
  let from = 0
  for (const { id, title } of headings) {
    const index = outline.findIndex((entry, position) => position >= from && entry.title.trim() === title)
    if (index === -1) continue
    pages[id] = outline[index]?.page ?? 0
    from = index + 1
  }
  return pages
}

export function samePages(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(b)
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key])
}

/** The heading text of each contents entry's target, in the page (as text: see `paginate.ts`). */
const HEADINGS = `[...document.querySelectorAll('[data-toc-for]')].map(function (entry) {
  var id = entry.dataset.tocFor || ''
  var target = document.getElementById(id)
  var heading = target ? target.querySelector('h1, h2, h3') : null
  return { id: id, title: heading ? heading.textContent.trim() : '' }
})`

/** A page of the browser made ready to print before its document exists (`openPrintPage`). */
export interface PrintPage {
  /** Load `html`, number its contents and print it; the page is closed after. Call once. */
  print: (html: string, meta: PdfMeta, report?: (result: PrintReport) => void) => Promise<Uint8Array>
  /** Close the page unprinted (the build failed before it had a document). */
  close: () => Promise<void>
}

/**
 * Open a page in `browser` and make it ready to print: locked down (`lock-down-page.ts`). A build
 * opens it while it still renders the HTML, so none of this waits for the HTML or holds it up.
 * Print media is set after the document loads, not before: set before, Chromium now and then
 * (3 builds in 16, measured) wrote the PDF's tag name tree in another order, and the same source
 * must give the same bytes.
 */
export async function openPrintPage(browser: Browser): Promise<PrintPage> {
  const page = await browser.newPage()
  const close = () => page.close().catch(() => {})
  // A limit on readying the page, and one on printing it: when one trips, the page is closed and the
  // build says so in one line. The time between, while the build renders the HTML, is not the page's.
  const readying = limitRender(page, RENDER_TIMEOUT)
  let load: LoadDocument
  try {
    page.setDefaultTimeout(RENDER_TIMEOUT)
    // JavaScript off, the document served from memory, every other request refused (issue 5).
    load = await lockDown(page)
  } catch (error) {
    await close()
    throw readying.failure(error)
  } finally {
    readying.clear()
  }
  return {
    close,
    print: async (html, meta, report) => {
      const limit = limitRender(page, RENDER_TIMEOUT)
      try {
        await load(html, RENDER_TIMEOUT)
        await page.emulateMediaType('print')
        // Fonts are data URLs, but still load after `load`: measure and number the contents once they are in.
        const measured = await measureAndFill(page)
        let pdf = await print(page)
        const headings = (await page.evaluate(HEADINGS)) as { id: string; title: string }[]
        const printed = outlinePages(readOutline(pdf), headings)
        let reprinted = false
        if (!samePages(measured, printed) && Object.keys(printed).length === headings.length) {
          // The measurement was wrong; the bookmarks are right. Numbers keep their width, so one more print settles it.
          await fillContents(page, printed)
          pdf = await print(page)
          reprinted = true
        }
        report?.({ pages: printed, measured, reprinted })
        return finishPdf(pdf, meta)
      } catch (error) {
        throw limit.failure(error)
      } finally {
        limit.clear()
        await close()
      }
    },
  }
}

/** Print `html` to PDF bytes in a fresh page of `browser`. */
export async function printPdf(
  browser: Browser,
  html: string,
  meta: PdfMeta,
  report?: (result: PrintReport) => void,
): Promise<Uint8Array> {
  return (await openPrintPage(browser)).print(html, meta, report)
}
