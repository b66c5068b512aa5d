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

/**
 * Lock `page` down, then load `html` as its one document within `timeout` ms; the URLs refused, as
 * they come. `policy` is there so a test can check that interception holds on its own (`''`: none).
 */
export async function loadLockedDown(
  page: Page,
  html: string,
  timeout: number,
  policy = DOCUMENT_POLICY,
): Promise<string[]> {
  const refused: string[] = []
  let served = false
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return
    const isDocument =
      !served && request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url() === DOCUMENT_URL
    if (isDocument) {
      served = true
      void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { ...(policy ? { 'content-security-policy': policy } : {}), 'x-content-type-options': 'nosniff' },
        body: html,
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
  await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout })
  return refused
}
