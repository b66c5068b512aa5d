/**
 * The one browser of a build: found by `findBrowser`, started by `spawn-browser.ts` with no network
 * of its own, in a profile folder of its own, and connected to over its pipe within a time limit.
 * Whoever launches it closes it in `finally`; `spawn-browser.ts` kills it on the paths `finally`
 * does not see.
 */
import type { Browser } from 'puppeteer-core'
// From Puppeteer's exported internals: its transport over a browser's DevTools pipe (the one its own
// `launch` uses), and what its `connect` does for a transport that speaks CDP. Not `connect` itself:
// it also brings its WebDriver BiDi side and its browser downloader (with a JavaScript engine for
// proxy scripts), which the print thread then loaded on every build: 2.89 MB of code for 0.49 MB.
import { _connectToCdpBrowser } from 'puppeteer-core/internal/cdp/BrowserConnector.js'
import { PipeTransport } from 'puppeteer-core/internal/node/PipeTransport.js'
import { BuildFailure } from '../source/messages.ts'
import { findBrowser, INSTALL_HINT } from './find-browser.ts'
import { type StartedBrowser, spawnBrowser } from './spawn-browser.ts'
import { launchTimeout } from './time-limits.ts'

// The signal handlers live apart (no Puppeteer there); re-exported for the build's convenience.
export { exitOnSignals } from './exit-on-signals.ts'

/**
 * Start the one browser of a build; `onePage` when it will print one page at a time (see
 * `ownArguments`). Close it in `finally`.
 */
export async function launchBrowser(options: { onePage?: boolean } = {}): Promise<Browser> {
  const found = await findBrowser()
  if (!found) throw new BuildFailure(INSTALL_HINT)
  return connectBrowser(spawnBrowser({ ...found, onePage: options.onePage ?? false }))
}

/** How long a browser whose connection failed is given to end and say why, in milliseconds. */
const GONE_WAIT = 2000

/**
 * Connect to a browser `spawnBrowser` started, within the launch time limit; a browser that does
 * not answer in time, or exits first, is killed and the build stops with one line saying why.
 */
export async function connectBrowser(started: StartedBrowser): Promise<Browser> {
  const timeout = launchTimeout()
  let tripped = false
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      tripped = true
      reject(new Error('timeout'))
    }, timeout)
  })
  const gone = new Promise<void>((resolve) => {
    if (started.gone()) resolve()
    started.process.once('exit', () => resolve())
    started.process.once('error', () => resolve())
  })
  const exited = gone.then(() => Promise.reject(new Error('exited')))
  exited.catch(() => {})
  try {
    const transport = new PipeTransport(started.pipe.write, started.pipe.read)
    // `puppeteer.connect({ transport, defaultViewport: null })`, less its checks of options we do not pass.
    const connecting = _connectToCdpBrowser(transport, '', { defaultViewport: null })
    connecting.catch(() => {})
    // The same class, as typed by Puppeteer's internal declarations and by its public ones.
    const browser = (await Promise.race([connecting, limit, exited])) as unknown as Browser
    // As with `puppeteer.launch`, `close` returns once the browser's process is gone, its profile with it:
    // a process that ended right after would otherwise kill it mid-shutdown, still writing that profile.
    const close = browser.close.bind(browser)
    browser.close = async () => {
      await close()
      await gone
    }
    return browser
  } catch (error) {
    // A browser that ends as it starts closes its pipe before its last words are read, and the
    // connection may fail first ("Target closed"): wait (briefly) for it to be gone, so that the
    // line says what the browser said. Not for one that did not answer in time: it is still there.
    if (!tripped) await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, GONE_WAIT).unref())])
    started.kill()
    const output = started.output()
    const reason = tripped
      ? `did not start within ${timeout} ms (set BRIEFING_LAUNCH_TIMEOUT_MS to allow more)`
      : `could not start: ${(output || (error as Error).message).split('\n')[0]}`
    throw new BuildFailure(`Chromium ${started.choice.executablePath} ${reason}`)
  } finally {
    clearTimeout(timer)
  }
}
