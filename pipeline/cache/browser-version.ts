/**
 * The version of the browser that prints, for the cache: a new Chromium may lay out a page
 * differently, so PDFs printed by the old one are not reused.
 *
 * Asking the browser (`--version`) starts a process on every build; so the answer is kept with the
 * executable's size, inode and change time (and those of the file it links to), and reused while
 * none of them has changed: installing another browser writes a new file, which changes them.
 */
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { BuildFailure } from '../source/messages.ts'
import { ROOT } from './code-hash.cjs'
import { childProcess } from './on-demand.ts'

const MEMO_FILE = join(ROOT, 'node_modules', '.cache', 'briefing', 'browser-version.json')

/** What `executablePath --version` says (e.g. `Chromium 156.0.8078.79`), plus the path itself. */
export async function browserVersion(executablePath: string): Promise<string> {
  const stamp = await fileStamp(executablePath).catch(() => null)
  const memo = stamp ? await readMemo() : {}
  const known = stamp ? memo[stamp] : undefined
  if (known !== undefined) return known
  const { stdout } = await promisify(childProcess().execFile)(executablePath, ['--version'], { timeout: 10_000 }).catch(
    (error: unknown) => {
      // A browser that cannot even say its version will not print: one line, as for a failed launch.
      const { stderr, message } = error as { stderr?: string; message: string }
      const reason = (stderr?.trim() || message).split('\n')[0]
      throw new BuildFailure(`Chromium ${executablePath} could not start: ${reason}`)
    },
  )
  const version = `${executablePath} ${stdout.trim()}`
  if (stamp) await writeMemo({ ...memo, [stamp]: version })
  return version
}

/** The executable's path, size, inode and change time, and the same of the file it resolves to. */
async function fileStamp(path: string): Promise<string> {
  const real = await realpath(path)
  const [link, target] = await Promise.all([stat(path, { bigint: true }), stat(real, { bigint: true })])
  return [path, real, ...[link, target].flatMap((info) => [info.size, info.ino, info.ctimeNs])].join(':')
}

async function readMemo(): Promise<Record<string, string>> {
  try {
    const value = JSON.parse(await readFile(MEMO_FILE, 'utf8')) as unknown
    return value && typeof value === 'object' ? (value as Record<string, string>) : {}
  } catch {
    return {}
  }
}

async function writeMemo(value: Record<string, string>): Promise<void> {
  try {
    await mkdir(join(MEMO_FILE, '..'), { recursive: true })
    const temporary = `${MEMO_FILE}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(value))
    await rename(temporary, MEMO_FILE)
  } catch {
    // Only a shortcut for the next run; the version itself is right.
  }
}
