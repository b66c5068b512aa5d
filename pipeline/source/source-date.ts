/**
 * The date a briefing speaks for. Never "now": `SOURCE_DATE_EPOCH` when set (reproducible builds),
 * else the source's last commit date, else its modification time.
 */
import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** `YYYY-MM-DD` (UTC) for the source at `path`. */
export async function sourceDate(path: string, env = process.env): Promise<string> {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return isoDay(new Date(Number(epoch) * 1000))
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%ct', '--', basename(path)], { cwd: dirname(path) })
    if (/^\d+$/.test(stdout.trim())) return isoDay(new Date(Number(stdout.trim()) * 1000))
  } catch {
    // Not a git checkout, or git is missing: fall back to the file itself.
  }
  return isoDay((await stat(path)).mtime)
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
