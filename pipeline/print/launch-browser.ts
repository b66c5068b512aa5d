/**
 * The one browser of a build: found by `findBrowser`, started with no network of its own, within a
 * time limit, in a profile folder of its own. Whoever launches it closes it in `finally`; for the
 * paths `finally` does not see, a signal (`exit-on-signals.ts`) and the process's `exit` kill every
 * browser this process started, with all of its child processes, and remove its profile.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser, TimeoutError } from 'puppeteer-core'
import { BuildFailure } from '../source/messages.ts'
import { onStop } from './exit-on-signals.ts'
import { type BrowserChoice, findBrowser, INSTALL_HINT } from './find-browser.ts'
import { launchTimeout } from './time-limits.ts'

// The signal handlers live apart (no Puppeteer there); re-exported for the build's convenience.
export { exitOnSignals } from './exit-on-signals.ts'

/** A browser this process started and has not seen exit. */
interface Running {
  /** Stops a launch still under way (and kills what it started). */
  abort: AbortController
  browser?: Browser
  profile: string
  /** Forget the signal handler's hold on it. */
  release?: () => void
}

const running = new Set<Running>()

/** Start the one browser of a build. Close it in `finally`. */
export async function launchBrowser(choice?: BrowserChoice | null): Promise<Browser> {
  const found = choice ?? (await findBrowser())
  if (!found) throw new BuildFailure(INSTALL_HINT)
  const timeout = launchTimeout()
  const entry: Running = {
    abort: new AbortController(),
    profile: mkdtempSync(join(tmpdir(), 'briefing-chromium-')),
  }
  running.add(entry)
  entry.release = onStop(() => {
    kill(entry)
    return 'browser closed'
  })
  // Puppeteer's own `timeout` does not cover a pipe connection: the limit is kept here, and a launch
  // that trips it is aborted, which kills whatever it started.
  let tripped = false
  const timer = setTimeout(() => {
    tripped = true
    entry.abort.abort()
  }, timeout)
  try {
    const browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: found.shell ? 'shell' : true,
      timeout,
      userDataDir: entry.profile,
      // A pipe, not a port: nothing else can connect, and the browser exits when this process dies.
      pipe: true,
      signal: entry.abort.signal,
      // Signals are handled once for every browser, by `exitOnSignals`.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Root cannot use Chromium's sandbox; the page runs no script and loads nothing, see `lock-down-page.ts`.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--no-pings',
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
    })
    if (tripped) throw new TimeoutError('launch')
    entry.browser = browser
    browser.process()?.once('exit', () => forget(entry))
    return browser
  } catch (error) {
    kill(entry)
    const reason =
      tripped || error instanceof TimeoutError
        ? `did not start within ${timeout} ms (set BRIEFING_LAUNCH_TIMEOUT_MS to allow more)`
        : `could not start: ${(error as Error).message.split('\n')[0]}`
    throw new BuildFailure(`Chromium ${found.executablePath} ${reason}`)
  } finally {
    clearTimeout(timer)
  }
}

// Whatever way the process ends (an uncaught error, `process.exit` anywhere), no browser outlives it.
process.on('exit', killAll)

function killAll(): void {
  for (const entry of running) kill(entry)
}

/** Kill the browser of `entry` and every process it started, now, and remove its profile. */
function kill(entry: Running): void {
  entry.abort.abort()
  const pid = entry.browser?.process()?.pid
  if (pid) {
    try {
      // Puppeteer starts Chromium as the leader of its own process group: the group is the whole browser.
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  forget(entry)
}

function forget(entry: Running): void {
  running.delete(entry)
  entry.release?.()
  rmSync(entry.profile, { recursive: true, force: true, maxRetries: 3 })
}
