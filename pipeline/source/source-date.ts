/**
 * The date a briefing speaks for. Never "now": `SOURCE_DATE_EPOCH` when set (reproducible builds),
 * else the source's last commit date, else its modification time. A `SOURCE_DATE_EPOCH` that is not
 * a whole number of seconds stops the build (reproducible-builds.org asks for exactly that).
 */
import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { promisify } from 'node:util'
import { BuildFailure } from './messages.ts'

const run = promisify(execFile)

/** Latest date a briefing can speak for: year 9999, so every date prints as `YYYY-MM-DD`. */
const MAX_EPOCH = 253_402_300_799

/** The instant the source at `path` speaks for. */
export async function sourceTime(path: string, env = process.env): Promise<Date> {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH)
      throw new BuildFailure(`SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds since 1970 (up to ${MAX_EPOCH})`)
    return new Date(Number(epoch) * 1000)
  }
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%ct', '--', basename(path)], {
      cwd: dirname(path),
      timeout: 10_000,
    })
    if (/^\d+$/.test(stdout.trim())) return new Date(Number(stdout.trim()) * 1000)
  } catch {
    // Not a git checkout, or git is missing: fall back to the file itself.
  }
  return new Date(Math.floor((await stat(path)).mtimeMs / 1000) * 1000)
}

/** `YYYY-MM-DD` (UTC) for the source at `path`. */
export async function sourceDate(path: string, env = process.env): Promise<string> {
  return isoDay(await sourceTime(path, env))
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
