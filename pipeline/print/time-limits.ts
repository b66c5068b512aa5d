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
