/**
 * The build's browser process, started apart from Puppeteer: a build spawns it the moment it knows
 * it will print, before Puppeteer (about 0.1 s to load) is even imported, and `launch-browser.ts`
 * connects to it over its pipe once it is. Whatever way this process ends (`finally`, a signal,
 * an uncaught error, `process.exit`), every browser it started is killed with all of its child
 * processes, and its profile folder removed.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { onStop } from './exit-on-signals.ts'
import type { BrowserChoice } from './find-browser.ts'

/**
 * Puppeteer's own arguments for a headless Chromium (`puppeteer.defaultArgs()` of puppeteer-core
 * 24, without the profile and headless mode, which `browserArguments` adds); among them those that
 * make a tagged PDF with bookmarks. A test keeps this list in step with Puppeteer's.
 */
export const PUPPETEER_ARGUMENTS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
]

/**
 * Ours, beyond Puppeteer's (which already turn off background networking and sync): no network of
 * its own (no updates, no QUIC, no pings, no name lookups), and no sandbox for root, which cannot
 * have one; the page runs no script and loads nothing (`lock-down-page.ts`).
 */
export function ownArguments(): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-component-update',
    '--disable-quic',
    '--no-pings',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ]
}

/** The command line of a browser with profile folder `profile`, spoken to over a pipe. */
export function browserArguments(choice: BrowserChoice, profile: string): string[] {
  return [
    ...PUPPETEER_ARGUMENTS,
    `--user-data-dir=${profile}`,
    choice.shell ? '--headless' : '--headless=new',
    ...ownArguments(),
    '--remote-debugging-pipe',
    'about:blank',
  ]
}

/** A browser process this process started. */
export interface StartedBrowser {
  choice: BrowserChoice
  process: ChildProcess
  /** The DevTools pipe: what the browser reads (its fd 3) and what it writes (its fd 4). */
  pipe: { write: Writable; read: Readable }
  /** Whether it is gone (exited, killed, or never started). */
  gone: () => boolean
  /** The last lines the browser printed, for an error message. */
  output: () => string
  /** Kill it and every process it started, now, and remove its profile. */
  kill: () => void
}

/** How to kill each browser this process (or a thread of it) started and has not seen gone. */
const running = new Set<() => void>()

/** Kill the process group `pid` leads (a browser and every process it started), now. */
function killGroup(pid: number | undefined): void {
  if (!pid) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 })
}

/**
 * Kill `kill`'s browser on a signal and when this process ends, until the returned function is
 * called (the browser is gone).
 */
function register(kill: () => void): () => void {
  running.add(kill)
  const release = onStop(() => {
    kill()
    return 'browser closed'
  })
  return () => {
    running.delete(kill)
    release()
  }
}

/** A new, empty profile folder for a browser. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'briefing-chromium-'))
}

/**
 * Start the browser `choice` now, in `profile`; connect to it with `connectBrowser`
 * (`launch-browser.ts`). Its process id is handed to `onPid` as soon as it has one.
 */
export function spawnBrowser(
  choice: BrowserChoice,
  profile = newProfile(),
  onPid: (pid: number) => void = () => {},
): StartedBrowser {
  // The leader of a process group of its own (`detached`): the group is the whole browser, killed at once.
  const child = spawn(choice.executablePath, browserArguments(choice, profile), {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  })
  if (child.pid) onPid(child.pid)
  let output = ''
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    output = (output + text).slice(-4000)
  })
  let gone = false
  const forget = () => {
    gone = true
    release()
    removeProfile(profile)
  }
  const kill = () => {
    if (!gone) killGroup(child.pid)
    forget()
  }
  const release = register(kill)
  // A binary that cannot be run at all says so here; whoever connects reports it.
  child.once('error', (error) => {
    output += `\n${error.message}`
    forget()
  })
  child.once('exit', forget)
  return {
    choice,
    process: child,
    pipe: { write: child.stdio[3] as Writable, read: child.stdio[4] as Readable },
    gone: () => gone,
    output: () => output.trim().split('\n').slice(-5).join('\n'),
    kill,
  }
}

/**
 * End a build's browser once every page is printed: killed, not asked to close. Nothing of it is
 * kept (its profile is a folder of its own, removed with it), and asking costs a round trip and
 * Chromium's orderly shutdown (about 50 ms, measured) on every build. Returns once the process is
 * gone and its profile removed. `connection` is disconnected first, so Puppeteer sees a closed
 * connection, not a crash.
 */
export async function endBrowser(
  started: StartedBrowser,
  connection: Promise<{ disconnect: () => Promise<void> }>,
): Promise<void> {
  const exited = new Promise((resolve) => {
    if (started.gone()) resolve(null)
    started.process.once('exit', resolve)
  })
  await (await connection.catch(() => null))?.disconnect()
  started.kill()
  await exited
}

/**
 * Kill, on a signal or when this process ends, a browser another thread started in `profile`:
 * `pid` reads its process id (0 while it has none). Call the returned function once it is gone.
 */
export function trackBrowser(pid: () => number, profile: string): () => void {
  return register(() => {
    killGroup(pid())
    removeProfile(profile)
  })
}

// Whatever way the process ends (an uncaught error, `process.exit` anywhere), no browser outlives it.
process.on('exit', () => {
  for (const kill of running) kill()
})
