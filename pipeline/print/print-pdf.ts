/**
 * Stage 5: the PDF. Headless Chromium prints finished HTML and nothing else: JavaScript off, every
 * network request refused, A4 from the print CSS, tagged, with bookmarks from the headings.
 */
import puppeteer, { type Browser } from 'puppeteer-core'
import { type BrowserChoice, findBrowser, INSTALL_HINT } from './find-browser.ts'

/** Time limits, in milliseconds. */
export const LAUNCH_TIMEOUT = 30_000
export const RENDER_TIMEOUT = 60_000

/** Start the one browser of a build. Close it in `finally`. */
export async function launchBrowser(choice?: BrowserChoice | null): Promise<Browser> {
  const found = choice ?? (await findBrowser())
  if (!found) throw new Error(INSTALL_HINT)
  return puppeteer.launch({
    executablePath: found.executablePath,
    headless: found.shell ? 'shell' : true,
    timeout: LAUNCH_TIMEOUT,
    // Root cannot use Chromium's sandbox; the page runs no script and loads nothing, see `printPdf`.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  })
}

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
