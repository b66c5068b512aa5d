/**
 * The one browser of a build: found by `findBrowser`, started with no network of its own,
 * within a time limit. Whoever launches it closes it in `finally`.
 */
import puppeteer, { type Browser } from 'puppeteer-core'
import { type BrowserChoice, findBrowser, INSTALL_HINT } from './find-browser.ts'

/** Time limits, in milliseconds. */
export const LAUNCH_TIMEOUT = 30_000

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
