/**
 * `npm run bench`: how long a build takes against the least it could take. In rounds, alternating,
 * each case a fresh process as a person would run it:
 *
 *   (a) `npm run build` of the seed, into a fresh folder (nothing cached);
 *   (b) the floor as issue 6 defines it: a bare script that launches the same browser, loads (a)'s
 *       finished HTML and prints it (`bare-floor.mjs`: plain `node`, Puppeteer's own `launch`,
 *       `goto`, `pdf`, with the build's PDF options);
 *   (c) `npm run build` again into (a)'s folder: nothing changed, so nothing should be rebuilt;
 *   (d) `npm run build -- --no-pdf` of the seed, into a fresh folder;
 *   (e) `npm run build -- --no-pdf` of a synthetic source of ~1 MB and every country as a partner;
 *   (f) an edit, then `npm run build`: the seed with a figure changed each round, into a folder it
 *       was built into before, as a person rebuilds after a save (the text changes, the rest is warm);
 *   and for reference:
 *   (l) the print as the build itself launches it (`floor.ts`: the build's own browser arguments,
 *       which make the printing itself faster, its compiled code and Node flags): what the build
 *       adds beyond its own printing, a stricter measure than the issue's target;
 *   (n) npm running a script (`npm run env`, its built-in script, which prints the environment
 *       through a shell and starts no Node: npm's start, and its shell's) and (o) Node's start
 *       (`node -e 0`). Both are in (a), (c) and (f); neither is in a floor.
 *
 * The build's floor (l) and Node's reference run with the variables and the flags `npm run build`
 * gives its Node (its script in package.json: `NODE_EXTRA_CA_CERTS=`, whose certificates Node would
 * otherwise read on every start, and `--v8-pool-size=0`), so that they start as the build's own
 * Node does; (l) sets the V8 flags a build sets before it starts its browser (`v8-flags.ts`).
 *
 * The timed rounds run nothing but the cases themselves. Peak memory is measured in a round of its
 * own after them, with a probe preloaded into every Node process (`peak-memory.mjs`): preloading it
 * starts Node's ES module loader in each process, npm's included, which costs 10-20 ms a process, so
 * timed runs would no longer be what a person runs.
 *
 * Prints the medians, the ratios against their targets and each case's peak Node memory. It only
 * reports: nothing here fails because something was slow. `BENCH_ROUNDS` sets the rounds (5).
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../cache/code-hash.cjs'
import { findBrowser } from '../print/find-browser.ts'
import { buildScript } from './build-script.ts'
import { syntheticSource } from './synthetic-source.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SEED = 'source/eu-asia-digital-cooperation.md'
const RUN_COMPILED = join(ROOT, 'pipeline', 'cache', 'run-compiled.cjs')
const PEAK_MEMORY = pathToFileURL(join(ROOT, 'pipeline', 'bench', 'peak-memory.mjs')).href

/** One run of a case. */
interface Run {
  seconds: number
  /** Peak resident memory of the build's own Node process (not npm's), in MB; `null` in a timed round. */
  peakMb: number | null
  stdout: string
}

const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'))
let folders = 0
const fresh = (name: string) => join(work, `${name}-${++folders}`)

/** Node started as `npm run build` starts it: with its script's variables and flags. */
const AS_BUILD = buildScript()

/** Whether the runs now going on measure memory (the last round) rather than time. */
let measuringMemory = false

/** Run `command` in the repository, timed; in the memory round, with the peak-memory probe in every Node process. */
function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const memoryFile = measuringMemory ? join(work, `memory-${++folders}.tsv`) : null
  const env = {
    ...process.env,
    ...extraEnv,
    ...(memoryFile
      ? {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${PEAK_MEMORY}`.trim(),
          BRIEFING_PEAK_MEMORY_FILE: memoryFile,
        }
      : {}),
  }
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000
      if (code !== 0) {
        // The first line that is not a source warning says why (a stack trace follows it, for a bug).
        const reason =
          stderr.split('\n').find((line) => line.trim() && !/: warning: |^npm (warn|notice)/.test(line)) ?? ''
        reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${code}: ${reason.trim()}`))
        return
      }
      resolve({ seconds, peakMb: memoryFile ? peakOf(memoryFile) : null, stdout })
    })
  })
}

/**
 * The highest peak the probe wrote to `memoryFile`: every Node process wrote a line; npm's own is not
 * the build's. (`node -e` has no script: its line starts with the tab.)
 */
function peakOf(memoryFile: string): number {
  const peaks = readFileSync(memoryFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => line.split('\t'))
    .filter(([script]) => !/[\\/]npm(-cli)?(\.js)?$|[\\/]npm[\\/]/.test(script ?? ''))
    .map(([, kb]) => Number(kb) / 1024)
  return Math.max(0, ...peaks)
}

const build = (...args: string[]) => run('npm', ['run', 'build', '--', ...args])

/** The cases, in the order they alternate. (b), (l) and (c) use what the latest (a) built. */
let lastA = ''
const CASES: { id: string; label: string; run: () => Promise<Run> }[] = [
  {
    id: 'a',
    label: 'npm run build (seed, PDF)',
    run: () => {
      lastA = fresh('a')
      return build('--source', SEED, '--out', lastA)
    },
  },
  {
    id: 'b',
    label: 'floor: bare script, launch+print',
    run: () =>
      run(process.execPath, [
        join(ROOT, 'pipeline', 'bench', 'bare-floor.mjs'),
        browserPath,
        join(lastA, 'eu-asia-digital-cooperation.html'),
        join(work, 'bare-floor.pdf'),
      ]),
  },
  {
    id: 'l',
    label: "reference: the build's own print",
    run: () =>
      run(
        process.execPath,
        [
          ...AS_BUILD.flags,
          RUN_COMPILED,
          'pipeline/bench/floor.ts',
          join(lastA, 'eu-asia-digital-cooperation.html'),
          join(work, 'floor.pdf'),
        ],
        AS_BUILD.env,
      ),
  },
  { id: 'c', label: 'no-op rebuild', run: () => build('--source', SEED, '--out', lastA) },
  { id: 'd', label: 'npm run build -- --no-pdf', run: () => build('--source', SEED, '--out', fresh('d'), '--no-pdf') },
  {
    id: 'e',
    label: 'synthetic source, --no-pdf',
    run: () => build('--source', join(work, 'synthetic.md'), '--out', fresh('e'), '--no-pdf'),
  },
  {
    id: 'f',
    label: 'an edit, then npm run build',
    run: () => {
      writeFileSync(EDITED, editedSeed(++edits))
      return build('--source', EDITED, '--out', join(work, 'f'))
    },
  },
  { id: 'n', label: 'reference: npm running a script', run: () => run('npm', ['run', 'env']) },
  {
    id: 'o',
    label: "reference: Node's own start",
    run: () => run(process.execPath, [...AS_BUILD.flags, '-e', '0'], AS_BUILD.env),
  },
]

/** Rows that are not a build: the floors, and what every command pays before a build starts. */
const REFERENCE = new Set(['b', 'l', 'n', 'o'])

/** The browser the builds print with, for the bare floor (b). */
let browserPath = ''

/** The edited copy of the seed (f) builds, and how many edits it has had. */
const EDITED = join(work, 'edited', 'eu-asia-digital-cooperation.md')
let edits = 0

/** The seed with the figure of its first "more than N" changed: a new text each time, the same length and shape. */
function editedSeed(edit: number): string {
  const seed = readFileSync(join(ROOT, SEED), 'utf8')
  return seed.replace(/more than \d+/, `more than ${100 + (edit % 900)}`)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** The machine's 1-minute load average: on a shared machine, other work shows in every figure. */
const load = () => loadavg()[0]?.toFixed(1) ?? '?'

async function main(): Promise<void> {
  const loadBefore = load()
  browserPath = (await findBrowser())?.executablePath ?? ''
  writeFileSync(join(work, 'synthetic.md'), syntheticSource())
  mkdirSync(join(work, 'edited'))
  copyFileSync(join(ROOT, SEED), EDITED)
  const syntheticBytes = statSync(join(work, 'synthetic.md')).size
  const results = new Map<string, Run[]>(CASES.map(({ id }) => [id, []]))
  const failures = new Map<string, string>()

  // Round 0 warms up (compiles the code, fills the disk cache) and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    for (const { id, run } of CASES) {
      if (failures.has(id)) continue
      try {
        const result = await run()
        if (round > 0) results.get(id)?.push(result)
      } catch (error) {
        failures.set(id, (error as Error).message)
      }
    }
    process.stderr.write(round === 0 ? 'bench: warmed up\n' : `bench: round ${round}/${ROUNDS}\n`)
  }
  // A round of its own for memory, untimed: the probe would slow the timed runs (see above).
  measuringMemory = true
  const peaks = new Map<string, number>()
  for (const { id, run } of CASES) {
    if (failures.has(id)) continue
    try {
      peaks.set(id, (await run()).peakMb ?? 0)
    } catch (error) {
      failures.set(id, (error as Error).message)
    }
  }
  process.stderr.write('bench: memory measured\n')

  const medians = new Map(
    [...results].map(([id, runs]) => [id, runs.length ? median(runs.map((r) => r.seconds)) : NaN]),
  )
  console.log(`\nbriefing bench: ${ROUNDS} rounds, alternating; medians; Node ${process.version}, ${os()}`)
  console.log(
    `synthetic source: ${(syntheticBytes / 1e6).toFixed(2)} MB; load average before ${loadBefore}, after ${load()}\n`,
  )
  // Five runs of `0.00 ` per round fit in the column; more widen it.
  const width = Math.max(34, ROUNDS * 5 + 2)
  console.log(`${'case'.padEnd(36)}${'median'.padStart(9)}   ${'runs (s)'.padEnd(width)}peak node MB`)
  for (const { id, label } of CASES) {
    const runs = results.get(id) ?? []
    const failure = failures.get(id)
    if (failure) {
      console.log(`(${id}) ${label.padEnd(32)}  failed: ${failure.split('\n').join(' | ')}`)
      continue
    }
    const times = runs.map((r) => r.seconds.toFixed(2)).join(' ')
    console.log(
      `(${id}) ${label.padEnd(32)}${`${medians.get(id)?.toFixed(3)} s`.padStart(9)}   ${times.padEnd(width)}${peaks.get(id)?.toFixed(0) ?? '?'}`,
    )
  }

  const of = (id: string) => medians.get(id) ?? NaN
  const [a, b, c, e, l, n, o] = [of('a'), of('b'), of('c'), of('e'), of('l'), of('n'), of('o')] as const
  // The builds' peak: the reference rows start no build.
  const peak = Math.max(...[...peaks].filter(([id]) => !REFERENCE.has(id)).map(([, mb]) => mb))
  const check = (ok: boolean) => (ok ? 'met' : 'MISSED')
  console.log('\ntargets')
  console.log(`  (a)/(b) = ${(a / b).toFixed(3)}  target <= 1.30   ${check(a / b <= 1.3)}`)
  console.log(`  (c)/(a) = ${(c / a).toFixed(3)}  target <= 0.30   ${check(c / a <= 0.3)}`)
  console.log(`  (e)     = ${e.toFixed(2)} s  target <= 2 s     ${check(e <= 2)}`)
  console.log(`  peak    = ${peak.toFixed(0)} MB  target <= 300 MB  ${check(peak <= 300)}`)
  // The build's own print is faster than the issue's floor (its browser arguments): against it, what
  // the build adds to printing shows without the gain of those arguments; npm's start is in (a) only.
  console.log("\nagainst the build's own print (reference rows, not targets)")
  console.log(`  (a)/(l)       = ${(a / l).toFixed(2)}   the build against its own launch, load and print`)
  console.log(`  (a - npm)/(l) = ${((a - n) / l).toFixed(2)}   the same, less what npm takes to run a script`)
  console.log(`  (b)/(l)       = ${(b / l).toFixed(2)}   what the build's browser arguments save on printing itself`)
  console.log(
    `  (c) >= npm + Node = ${(n + o).toFixed(3)} s, so (c)/(a) <= 0.30 needs (a) >= ${((n + o) / 0.3).toFixed(2)} s`,
  )

  const noop = results.get('c')?.at(-1)?.stdout ?? ''
  if (/^(pdf|html|write) /m.test(noop)) console.log(`\nwarning: the no-op rebuild (c) rebuilt something:\n${noop}`)
  for (const id of ['a', 'e', 'f']) {
    const lines = (results.get(id)?.at(-1)?.stdout ?? '').split('\n').filter((line) => /^\w+ +\d+ ms/.test(line))
    if (lines.length) console.log(`\nstages of the last (${id}):\n${lines.map((line) => `  ${line}`).join('\n')}`)
  }
}

function os(): string {
  return `${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB`
}

main().finally(() => rmSync(work, { recursive: true, force: true }))
