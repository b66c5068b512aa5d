/**
 * Helpers for the trust tests: run the real command line as one Node process (so a signal reaches
 * the build itself), and find the Chromium processes of one build only. Other builds run Chromium on
 * the same machine at the same time: a build is told apart by its own TMPDIR, which holds its
 * browser profile, and its whole browser by that browser's process group.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { buildScript } from '../../pipeline/bench/build-script.ts'

export const REPO = join(import.meta.dirname, '..', '..')
export const FIXTURES = join(REPO, 'test', 'fixtures', 'trust')

/** What a finished build printed and returned. */
export interface BuildRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** A running build, with its own TMPDIR (where its browser profile lives). */
export interface RunningBuild {
  child: ChildProcess
  tmp: string
  done: Promise<BuildRun>
  /** Resolves once stdout has matched `pattern`. */
  waitFor(pattern: RegExp): Promise<void>
  output(): { stdout: string; stderr: string }
}

/** Temporary folders made by these tests, removed when the test process ends (unless `KEEP_TMP=1`). */
const folders = new Set<string>()
// Registered on import, so on the suite of the test file that imports this module.
afterAll(() => {
  if (process.env.KEEP_TMP !== '1') for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  folders.clear()
})

/** A fresh temporary folder. */
export async function temporaryDir(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `trust-${prefix}-`))
  folders.add(folder)
  return folder
}

/** The build as `npm run build` runs it: compiled, its browser driven from a thread of its own. */
const RUN_COMPILED = join(REPO, 'pipeline', 'cache', 'run-compiled.cjs')

/** Builds started by this test process and not yet ended: killed if the tests end first. */
const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

/** No build in these tests may run longer than this, whatever goes wrong (it is killed, and the test fails). */
const RUN_LIMIT = 90_000

/** Start `pipeline/build.ts` with `args` (from the repository, or `cwd`), compiled, as a single Node process. */
export async function startBuild(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = REPO,
  limitMs = RUN_LIMIT,
): Promise<RunningBuild> {
  const tmp = await temporaryDir('tmpdir')
  // As the build script in package.json starts it (without Node reading the extra CA certificates).
  const script = buildScript()
  const child = spawn(process.execPath, [...script.flags, RUN_COMPILED, 'pipeline/build.ts', ...args], {
    cwd,
    env: { ...process.env, ...script.env, TMPDIR: tmp, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  const limit = setTimeout(() => child.kill('SIGKILL'), limitMs)
  let stdout = ''
  let stderr = ''
  const waiters: { pattern: RegExp; resolve: () => void }[] = []
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stdout)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  const done = new Promise<BuildRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      children.delete(child)
      resolve({ code, signal, stdout, stderr })
    })
  })
  return {
    child,
    tmp,
    done,
    output: () => ({ stdout, stderr }),
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stdout)) return resolve()
        waiters.push({ pattern, resolve })
        void done.then(() => reject(new Error(`build ended before ${pattern}: ${stdout}\n${stderr}`)))
      }),
  }
}

/** Run `pipeline/build.ts` with `args` to the end. */
export async function runBuild(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = REPO,
  limitMs = RUN_LIMIT,
): Promise<BuildRun & { tmp: string }> {
  const build = await startBuild(args, env, cwd, limitMs)
  return { ...(await build.done), tmp: build.tmp }
}

/** Lines of `text` without npm's and Node's own noise. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn'))
}

/** Pids of processes whose command line holds `needle` (the build's TMPDIR names its browser profile). */
export function processesMatching(needle: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', needle], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

/** Pids of every process in process group `group` (a browser and all of its helpers). */
export function processGroup(group: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
  return table
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, pgid]) => pid && pgid === group)
    .map(([pid]) => pid as number)
}

/** Process group of `pid`, or `null` when it is gone. */
export function groupOf(pid: number): number | null {
  try {
    const value = execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim()
    return value ? Number(value) : null
  } catch {
    return null
  }
}

/** Poll `check` until it holds or `ms` pass; the last value. */
export async function eventually<T>(check: () => T, holds: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  let value = check()
  while (!holds(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    value = check()
  }
  return value
}
