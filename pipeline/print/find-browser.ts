/**
 * Which Chromium prints the PDF. In order: `PUPPETEER_EXECUTABLE_PATH`, a browser Puppeteer manages
 * in its cache, Debian's `chromium-headless-shell`, then `chromium` / `google-chrome`.
 */
import { accessSync, constants, existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { BuildFailure } from '../source/messages.ts'

/** A browser binary and whether it is a headless shell (which prints faster). */
export interface BrowserChoice {
  executablePath: string
  /** Where it was found, for messages. */
  origin: 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer cache' | 'system'
  shell: boolean
  /** It will print one page at a time (a build of one source), so one renderer serves: see `ownArguments`. */
  onePage?: boolean
}

/** What to install when no browser is found, for the error message. */
export const INSTALL_HINT =
  'No Chromium found. Install one: `apt-get install -y chromium-headless-shell` (Debian), ' +
  'or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary.'

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chrome-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Find a browser, or `null` when there is none on this machine. */
export async function findBrowser(env = process.env): Promise<BrowserChoice | null> {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) {
    if (!isExecutable(fromEnv))
      throw new BuildFailure(`PUPPETEER_EXECUTABLE_PATH="${fromEnv}" is not an executable file`)
    return { executablePath: fromEnv, origin: 'PUPPETEER_EXECUTABLE_PATH', shell: /headless[-_]shell/.test(fromEnv) }
  }
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer')
  // `@puppeteer/browsers` takes ~100 ms to load: only when there is a cache to look in.
  const { Browser, getInstalledBrowsers } = existsSync(cacheDir)
    ? await import('@puppeteer/browsers')
    : { Browser: null, getInstalledBrowsers: null }
  const cached = Browser ? await getInstalledBrowsers({ cacheDir }).catch(() => []) : []
  // Prefer the headless shell, then Chrome; the newest build first.
  const ranked = cached
    .filter((browser) => browser.browser === Browser?.CHROMEHEADLESSSHELL || browser.browser === Browser?.CHROME)
    .sort((a, b) => a.browser.localeCompare(b.browser) || b.buildId.localeCompare(a.buildId, 'en', { numeric: true }))
  for (const browser of ranked) {
    if (isExecutable(browser.executablePath))
      return {
        executablePath: browser.executablePath,
        origin: 'puppeteer cache',
        shell: browser.browser === Browser?.CHROMEHEADLESSSHELL,
      }
  }
  for (const path of SYSTEM_BROWSERS) {
    if (isExecutable(path)) return { executablePath: path, origin: 'system', shell: /headless-shell/.test(path) }
  }
  return null
}
