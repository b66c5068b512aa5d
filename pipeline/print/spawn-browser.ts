/**
 * The build's browser process, started apart from Puppeteer: a build spawns it the moment it knows
 * it will print, before Puppeteer (about 0.1 s to load) is even imported, and `launch-browser.ts`
 * connects to it over its pipe once it is. Whatever way this process ends (`finally`, a signal,
 * an uncaught error, `process.exit`), every browser it started is killed with all of its child
 * processes, and its profile folder removed.
 */
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { closeSync, constants as fsConstants, mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { childProcess, net } from '../cache/on-demand.ts'
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
 *
 * A headless shell without a sandbox that prints one page at a time (`choice.onePage`) runs that
 * page's renderer, its GPU and network services in its own process, and starts no zygote to fork
 * them from: without a sandbox a renderer process of its own protects nothing, and starting those
 * processes is most of the time from launch to a page ready to load (a build of the seed: about
 * 0.2 s of 1.2 s, the PDF's bytes the same). With a sandbox, or several pages printing side by
 * side, each page keeps a renderer process of its own.
 */
export function ownArguments(choice?: Pick<BrowserChoice, 'shell' | 'onePage'>): string[] {
  const unsandboxed = process.getuid?.() === 0
  return [
    ...(unsandboxed ? ['--no-sandbox'] : []),
    ...(unsandboxed && choice?.shell && choice.onePage ? ['--single-process', '--no-zygote'] : []),
    '--disable-gpu',
    // No GL at all, not even a software one: the PDF is drawn by Skia without it, and starting it
    // touches ~2,600 pages of fresh memory (10 µs each on a VM like ours). The floor script: 36.0k →
    // 33.4k page faults, 1.01-1.04 → 0.98-1.01 s (4 runs each); a build of the seed, 7 alternating:
    // medians 1215 → 1192 ms. The PDF's bytes are the same.
    '--use-gl=disabled',
    '--disable-component-update',
    '--disable-quic',
    '--no-pings',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    // The page's one document comes by a navigation (`lock-down-page.ts`); with RenderDocument that
    // navigation gets a document host of its own, and loading it takes ~20-35 ms more (load medians
    // over 3×8 loads of the seed: 133-161 ms with, 115-133 ms without). The PDF's bytes are the same.
    '--disable-features=RenderDocument',
  ]
}

const DISABLE_FEATURES = '--disable-features='

/**
 * The command line of a browser with profile folder `profile`, spoken to over a pipe. Features we
 * turn off join Puppeteer's in its one `--disable-features` (Chromium reads only the last), as
 * Puppeteer itself merges them.
 */
export function browserArguments(choice: BrowserChoice, profile: string): string[] {
  const own = ownArguments(choice)
  const disabled = own
    .filter((flag) => flag.startsWith(DISABLE_FEATURES))
    .map((flag) => flag.slice(DISABLE_FEATURES.length))
  return [
    ...PUPPETEER_ARGUMENTS.map((flag) =>
      flag.startsWith(DISABLE_FEATURES) && disabled.length > 0 ? [flag, ...disabled].join(',') : flag,
    ),
    `--user-data-dir=${profile}`,
    choice.shell ? '--headless' : '--headless=new',
    ...own.filter((flag) => !flag.startsWith(DISABLE_FEATURES)),
    '--remote-debugging-pipe',
    'about:blank',
  ]
}

/** A browser process this process started. */
export interface StartedBrowser {
  choice: BrowserChoice
  /** Says `exit` when the process is gone (`error` when it could not be started at all). */
  process: Pick<EventEmitter, 'once'>
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

/** A browser process, started, and what this process knows of it. */
interface BrowserProcess {
  child: ChildProcess
  gone: () => boolean
  output: () => string
  kill: () => void
}

/**
 * Start the browser `choice` in `profile` with `stdio` (its fds 3 and 4 are the DevTools pipe),
 * killed on every way this process ends. Its process id is handed to `onPid` as soon as it has one.
 */
function startBrowser(
  choice: BrowserChoice,
  profile: string,
  stdio: StdioOptions,
  onPid: (pid: number) => void = () => {},
): BrowserProcess {
  // The leader of a process group of its own (`detached`): the group is the whole browser, killed at once.
  const child = childProcess().spawn(choice.executablePath, browserArguments(choice, profile), {
    detached: true,
    stdio,
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
    child,
    gone: () => gone,
    output: () => output.trim().split('\n').slice(-5).join('\n'),
    kill,
  }
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
  const { child, gone, output, kill } = startBrowser(
    choice,
    profile,
    ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    onPid,
  )
  return {
    choice,
    process: child,
    pipe: { write: child.stdio[3] as Writable, read: child.stdio[4] as Readable },
    gone,
    output,
    kill,
  }
}

/** The ends of a browser's DevTools pipe that are ours, as file descriptors any thread of this process can use. */
export interface PipeEnds {
  /** Where we write what the browser reads. */
  write: number
  /** Where we read what the browser writes. */
  read: number
}

/**
 * Start the browser `choice` now, in `profile`, for another thread to drive (`adoptBrowser`): the
 * browser starts the moment this thread knows it will print, not once a new thread has booted
 * (50–80 ms later, measured), and this thread still owns its process (its exit, its output, killing it).
 * Its DevTools pipe is a pair of named pipes in its profile folder, since an anonymous pipe's ends
 * belong to this thread's event loop; the ends are opened so no open ever waits, and the browser
 * gets blocking ones of its own, as with an anonymous pipe: when this process ends, it reads the
 * end of its input and quits. `null` where no named pipe can be made (no `mkfifo`).
 */
export function spawnBrowserForThread(
  choice: BrowserChoice,
  profile: string,
): { browser: Omit<StartedBrowser, 'pipe'> & { pid: number }; ends: PipeEnds } | null {
  const toBrowser = join(profile, '.devtools-in')
  const fromBrowser = join(profile, '.devtools-out')
  if (childProcess().spawnSync('mkfifo', ['-m', '600', toBrowser, fromBrowser], { stdio: 'ignore' }).status !== 0)
    return null
  const { O_RDONLY, O_WRONLY, O_NONBLOCK } = fsConstants
  // A reader that does not wait, so that our writing end opens at once; then the browser's reading end.
  const placeholder = openSync(toBrowser, O_RDONLY | O_NONBLOCK)
  const write = openSync(toBrowser, O_WRONLY)
  const browserReads = openSync(toBrowser, O_RDONLY)
  closeSync(placeholder)
  const read = openSync(fromBrowser, O_RDONLY | O_NONBLOCK)
  const browserWrites = openSync(fromBrowser, O_WRONLY)
  let started: BrowserProcess
  try {
    started = startBrowser(choice, profile, ['ignore', 'ignore', 'pipe', browserReads, browserWrites])
  } finally {
    closeSync(browserReads)
    closeSync(browserWrites)
  }
  const { child, gone, output, kill } = started
  return { browser: { choice, process: child, pid: child.pid ?? 0, gone, output, kill }, ends: { write, read } }
}

/**
 * The browser another thread of this process started (`spawnBrowserForThread`), driven from this
 * one over `ends`. That thread owns its process: it says when the process is gone (`exited`, with
 * what it printed); `kill` kills the process group `pid`, and that thread removes the profile.
 */
export function adoptBrowser(
  choice: BrowserChoice,
  ends: PipeEnds,
  pid: number,
): StartedBrowser & { exited: (output: string) => void } {
  const events = new EventEmitter()
  let gone = false
  let output = ''
  const { Socket } = net()
  const write = new Socket({ fd: ends.write, readable: false, writable: true })
  const read = new Socket({ fd: ends.read, readable: true, writable: false })
  // Puppeteer listens for their errors only while connected; a browser killed after that (its pipe
  // broken under a write still on its way, EPIPE) must not become an uncaught error. Its end is
  // known from its process all the same.
  write.on('error', () => {})
  read.on('error', () => {})
  return {
    choice,
    process: events,
    pipe: { write, read },
    gone: () => gone,
    output: () => output,
    kill: () => killGroup(pid),
    exited: (text) => {
      gone = true
      output = text
      events.emit('exit')
    },
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
