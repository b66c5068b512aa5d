/**
 * A page that prints one document and does nothing else. JavaScript is off; the document is served
 * from memory, as the answer to the page's only allowed request, with a Content-Security-Policy that
 * allows inline styles and the template's own `data:` fonts and images and nothing else; every other
 * request (http, https, ws, file, another navigation) is aborted before it leaves the browser.
 *
 * Note: Chromium decodes some `data:` resources itself, without a request (the template's fonts):
 * the policy is what limits those, to fonts and images. Those that do reach interception (a `data:`
 * frame, say) are refused like any other. `file:` resources are refused by Chromium itself for an
 * https document. Source text can produce none of them: raw HTML is dropped from the tree
 * (`sanitize-tree.ts`) and text reaches the templates escaped.
 */
import type { HTTPRequest, Page } from 'puppeteer-core'

/** The address the document is served at: `.invalid` never resolves (RFC 6761), so nothing can answer but us. */
export const DOCUMENT_URL = 'https://briefing.invalid/'

/**
 * What the document may load: inline CSS, and fonts and images embedded as `data:`. `sandbox` (with
 * nothing allowed) also stops what needs no request to start: `<meta http-equiv="refresh">`, forms,
 * plugins, popups and navigating the page away.
 */
export const DOCUMENT_POLICY = [
  'sandbox',
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Loads the one document of a locked-down page; the URLs refused, as they come. */
export type LoadDocument = (html: string, timeout: number) => Promise<string[]>

/**
 * Lock `page` down: JavaScript off, every request but the document's refused. Done before the
 * document exists, so a build can ready the page while it still renders the HTML; the document
 * comes with the returned `load`. `policy` is there so a test can check that interception holds on
 * its own (`''`: none).
 */
export async function lockDown(page: Page, policy = DOCUMENT_POLICY): Promise<LoadDocument> {
  const refused: string[] = []
  let document: string | null = null
  let served = false
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return
    const isDocument =
      document !== null &&
      !served &&
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      request.url() === DOCUMENT_URL
    if (isDocument) {
      served = true
      void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { ...(policy ? { 'content-security-policy': policy } : {}), 'x-content-type-options': 'nosniff' },
        body: document ?? '',
      })
    } else if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      // A navigation of the page itself is answered "204 No Content", which keeps the document in place
      // (aborting it would print Chromium's error page instead).
      refused.push(request.url())
      void request.respond({ status: 204, body: '' })
    } else {
      refused.push(request.url())
      void request.abort('blockedbyclient')
    }
  })
  return async (html, timeout) => {
    if (document !== null) throw new Error('a locked-down page loads one document')
    document = html
    await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout })
    return refused
  }
}

/** Lock `page` down and load `html` as its one document within `timeout` ms; the URLs refused. */
export async function loadLockedDown(
  page: Page,
  html: string,
  timeout: number,
  policy = DOCUMENT_POLICY,
): Promise<string[]> {
  return (await lockDown(page, policy))(html, timeout)
}
