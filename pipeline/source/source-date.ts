/**
 * The date a briefing speaks for. Never "now": `SOURCE_DATE_EPOCH` when set (reproducible builds),
 * else the source's last commit date, else its modification time. A `SOURCE_DATE_EPOCH` that is not
 * a whole number of seconds stops the build (reproducible-builds.org asks for exactly that).
 *
 * The last commit date is git's answer, kept for the commit the checkout is at (`headOf`): asking
 * git costs every build, a rebuild of nothing included, 20-25 ms of 150-175 (its start, and the
 * wait for it). While the checkout stays at that commit, the answer cannot change. Outside any
 * repository git has no answer to give, and is not asked.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { keep, recall } from '../cache/disk-memo.ts'
import { childProcess } from '../cache/on-demand.ts'
import { BuildFailure } from './messages.ts'

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
  const head = await headOf(dirname(path), env).catch(() => null)
  if (head === NO_REPOSITORY) return fileTime(path)
  const key = head && [resolve(path), ...head]
  const known = key && recall('source-dates', key)
  if (known) return new Date(Number(known) * 1000)
  try {
    const { stdout } = await promisify(childProcess().execFile)(
      'git',
      ['log', '-1', '--format=%ct', '--', basename(path)],
      {
        cwd: dirname(path),
        env,
        timeout: 10_000,
      },
    )
    const seconds = stdout.trim()
    if (/^\d+$/.test(seconds)) {
      if (key) keep('source-dates', key, seconds)
      return new Date(Number(seconds) * 1000)
    }
  } catch {
    // Not a git checkout, or git is missing: fall back to the file itself.
  }
  return fileTime(path)
}

/** The modification time of the file at `path`, in whole seconds. */
async function fileTime(path: string): Promise<Date> {
  return new Date(Math.floor((await stat(path)).mtimeMs / 1000) * 1000)
}

/** What `headOf` says of a folder that neither it nor any folder above it can be a repository's. */
export const NO_REPOSITORY = 'no repository'

/** Variables that move where git looks for the repository, its refs or its history. */
const GIT_PLACES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_NAMESPACE',
  'GIT_REPLACE_REF_BASE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_GRAFT_FILE',
  'GIT_SHALLOW_FILE',
  'GIT_CONFIG',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_COUNT',
  'GIT_CONFIG_PARAMETERS',
]

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/**
 * What git's answer for a file in `dir` depends on: the repository's folder, the commit its HEAD is
 * at and its shallow boundary, read from the plain files of its `.git` folder. `null` (git is asked,
 * its answer not kept) wherever that reading could miss something: a variable in `GIT_PLACES`, a
 * `.git` that is a file (a worktree or a submodule), a HEAD not at a commit, grafted or replaced
 * history, or a folder that may be a bare repository (it has a `HEAD`). `NO_REPOSITORY` where no
 * folder from `dir` up has a `.git` or a `HEAD`: git, which looks for those, would find none.
 */
export async function headOf(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[] | null | typeof NO_REPOSITORY> {
  if (GIT_PLACES.some((name) => env[name] !== undefined)) return null
  let git = resolve(dir)
  for (;;) {
    const found = await stat(join(git, '.git')).catch(() => null)
    if (found) {
      if (!found.isDirectory()) return null
      git = join(git, '.git')
      break
    }
    if (await stat(join(git, 'HEAD')).catch(() => null)) return null
    if (dirname(git) === git) return NO_REPOSITORY
    git = dirname(git)
  }
  const text = (path: string) => readFile(join(git, path), 'utf8').catch(() => null)
  const [head, packed, shallow, grafts, replaced] = await Promise.all([
    text('HEAD'),
    text('packed-refs'),
    text('shallow'),
    stat(join(git, 'info', 'grafts')).catch(() => null),
    readdir(join(git, 'refs', 'replace')).catch(() => []),
  ])
  if (grafts || replaced.length > 0 || packed?.includes(' refs/replace/')) return null
  const name = head?.trim() ?? ''
  const ref = /^ref: (refs\/[^\s]+)$/.exec(name)?.[1]
  if (ref?.split('/').includes('..')) return null
  const commit = ref
    ? ((await text(ref))?.trim() ??
      packed
        ?.split('\n')
        .find((line) => line.endsWith(` ${ref}`))
        ?.split(' ')[0])
    : name
  if (!commit || !COMMIT.test(commit)) return null
  return [git, commit, shallow ?? '']
}

/** `YYYY-MM-DD` (UTC) for the source at `path`. */
export async function sourceDate(path: string, env = process.env): Promise<string> {
  return isoDay(await sourceTime(path, env))
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
