/**
 * Test support: the build exactly as `npm run build` runs it (compiled by `run-compiled.cjs`), with
 * a fixed source date, and optionally a probe that counts the browsers it starts.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { buildScript } from '../../pipeline/bench/build-script.ts'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')

/** What one build printed and how it ended. */
export interface BuildRun {
  code: number
  stdout: string
  stderr: string
  /** Browsers started, when `probe` was given. */
  browsers: number
}

/** Run the build with `args`; `probe` is a file the browser-count probe appends to. */
export async function runBuild(args: string[], probe?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  // As the build script in package.json starts it (without Node reading the extra CA certificates).
  const script = buildScript()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...script.env,
    SOURCE_DATE_EPOCH: '1700000000',
    ...extraEnv,
  }
  if (probe) {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(import.meta.dirname, 'count-browsers.mjs')).href}`
    env.BRIEFING_BROWSER_PROBE = probe
  }
  const result = await run(
    process.execPath,
    [...script.flags, join(ROOT, 'pipeline/cache/run-compiled.cjs'), 'pipeline/build.ts', ...args],
    {
      cwd: ROOT,
      env,
    },
  ).then(
    (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  )
  const browsers = probe ? (await readFile(probe, 'utf8').catch(() => '')).split('\n').filter(Boolean).length : 0
  return { ...result, browsers }
}

/** The stage lines of a build's output, as `[stage, source]` pairs (times left out). */
export function stages(stdout: string): [string, string][] {
  return stdout
    .split('\n')
    .map((line) => /^(\w+)\s+(?:\d+ ms)?\s+(\S.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1] as string, match[2] as string])
}

/**
 * A fingerprint of what every output depends on (the code and the templates). Others may edit the
 * repository while a test runs; a test that expects nothing to be rebuilt is only meaningful while
 * this stays the same.
 */
export async function sharedInputs(): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { codeHash } = await import('./pipeline/cache/code-hash.cjs'); console.log(codeHash())",
    ],
    { cwd: ROOT },
  )
  const { hashFolder } = await import('../../pipeline/cache/hash.ts')
  return `${stdout.trim()} ${await hashFolder(join(ROOT, 'templates'))}`
}
