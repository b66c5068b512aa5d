/**
 * How long the browser may take, in milliseconds: to start, and to load and print one page. Each
 * limit can be set from the environment (a slow machine, or a test that wants to trip it).
 */
import { BuildFailure } from '../source/messages.ts'

/** Default time for Chromium to start and answer. */
export const LAUNCH_TIMEOUT = 30_000
/** Default time for one page to load and print. */
export const RENDER_TIMEOUT = 60_000

/** The launch limit: `BRIEFING_LAUNCH_TIMEOUT_MS`, else `LAUNCH_TIMEOUT`. */
export function launchTimeout(env = process.env): number {
  return limit('BRIEFING_LAUNCH_TIMEOUT_MS', LAUNCH_TIMEOUT, env)
}

/** The render limit: `BRIEFING_RENDER_TIMEOUT_MS`, else `RENDER_TIMEOUT`. */
export function renderTimeout(env = process.env): number {
  return limit('BRIEFING_RENDER_TIMEOUT_MS', RENDER_TIMEOUT, env)
}

function limit(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new BuildFailure(`${name}="${value}" is not a number of milliseconds (at least 1)`)
  return Number(value)
}

/** A time limit on everything one page does; see `limitRender`. */
export interface RenderLimit {
  /** The error to throw for `error`: a one-line `BuildFailure` when the limit tripped. */
  failure(error: unknown): unknown
  /** Stop the clock (in `finally`). */
  clear(): void
}

/**
 * Limit the whole of loading and printing `page` to `ms`: when it trips, the page is closed, which
 * ends whatever is pending on it (a load, a script, a print), and `failure` turns what that throws
 * into one line that says which limit tripped and how to change it.
 */
export function limitRender(page: { close(): Promise<void> }, ms = renderTimeout()): RenderLimit {
  let tripped = false
  const timer = setTimeout(() => {
    tripped = true
    void page.close().catch(() => {})
  }, ms)
  return {
    failure: (error) =>
      tripped || (error instanceof Error && error.name === 'TimeoutError')
        ? new BuildFailure(`the PDF did not render within ${ms} ms (set BRIEFING_RENDER_TIMEOUT_MS to allow more)`)
        : error,
    clear: () => clearTimeout(timer),
  }
}
