/**
 * Stage 5: the PDF. Headless Chromium prints finished HTML and nothing else: JavaScript off, every
 * network request refused, A4 from the print CSS, tagged, with bookmarks from the headings.
 */
import type { Browser } from 'puppeteer-core'

/** How long one page may take to load and print, in milliseconds. */
export const RENDER_TIMEOUT = 60_000

/** Print `html` to PDF bytes in a fresh page of `browser`. */
export async function printPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage()
  try {
    page.setDefaultTimeout(RENDER_TIMEOUT)
    await page.setJavaScriptEnabled(false)
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      // The document is set directly; anything else it asks for is refused.
      if (request.isInterceptResolutionHandled()) return
      void request.abort('blockedbyclient')
    })
    await page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT })
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout: RENDER_TIMEOUT,
    })
  } finally {
    await page.close().catch(() => {})
  }
}
