/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP stop a build at once: one line says so, whatever must not
 * outlive the build (its browser) is stopped, and the process exits with 128 + the signal number
 * (130, 143, 129). Outputs being written are left as they were: `writeAtomic` removes its temporary
 * files on exit. A module of its own, without Puppeteer, so a build can install it first thing.
 */
import { oneLine } from '../source/messages.ts'

/** Exit codes for a build stopped by a signal: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const

/** What to stop on a signal, each saying what it stopped (`browser closed`), synchronously. */
const stoppers = new Set<() => string>()

/** Stop `stop` on a signal (it must be synchronous); returns how to forget it. */
export function onStop(stop: () => string): () => void {
  stoppers.add(stop)
  return () => {
    stoppers.delete(stop)
  }
}

let installed = false

/** Install the handlers (once; later calls do nothing). */
export function exitOnSignals(): void {
  if (installed) return
  installed = true
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      const stopped = new Set([...stoppers].map((stop) => stop()))
      console.error(oneLine([`build: stopped by ${signal}`, ...stopped, 'earlier outputs unchanged'].join('; ')))
      process.exit(code)
    })
  }
}
