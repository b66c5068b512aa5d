/**
 * `npm run build`: every source in `source/` (or `--source <file>`) to JSON, HTML and PDF in
 * `output/` (or `--out <dir>`); `--no-pdf` for HTML and JSON only; `--quiet` for no stage lines.
 * Exit code 0 on success; problems in a source print as `file:line:col: message`, without a stack.
 *
 * Fast by doing little: a source whose inputs (its bytes and date, the templates, the code, the
 * browser's version) and outputs have not changed since the last build is not rebuilt
 * (`cache/manifest.ts`); the browser starts before the first source is parsed, one for every source;
 * sources go through the stages side by side, up to the number of cores; the stages' code and the
 * browser's are imported only when something is to be built or printed.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, extname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type BuildInputs, buildInputs, keyOf, sourceHash } from './cache/build-inputs.ts'
import { hashParts } from './cache/hash.ts'
import { type CacheEntry, isFresh, loadManifest, type Manifest, saveManifest } from './cache/manifest.ts'
import { tuneForBuilding } from './cache/v8-flags.ts'
import { type Listing, listBriefings, listingOf } from './listing/list-briefings.ts'
import type { Written } from './output/write-outputs.ts'
import { exitOnSignals } from './print/exit-on-signals.ts'
import { type BrowserChoice, findBrowser, INSTALL_HINT } from './print/find-browser.ts'
import { type Printer, startPrinter } from './print/printer.ts'
import { BuildFailure, formatFailure, formatMessage, formatMessages, isSourceProblem } from './source/messages.ts'
import { sourceDate } from './source/source-date.ts'
import { SOURCE_EXTENSIONS, sameOutputs, sameOutputsMessage } from './source/source-files.ts'

/** The build's options from the command line. */
export interface CliOptions {
  sources: string[] | null
  outDir: string
  pdf: boolean
  quiet: boolean
}

/** Parse `argv` (without node and script). Unknown flags are an error, not a silent default. */
export function parseOptions(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parseCommandLine>
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    // Node's message goes on to explain `--`; its first sentence is the point.
    throw new UsageError((error as Error).message.split('. ')[0] ?? '')
  }
  const { values, positionals } = parsed
  if (positionals.length > 0) throw new UsageError(`unknown option ${positionals.join(' ')}`)
  const sources = values.source ?? []
  if (sources.some((source) => source === '')) throw new UsageError('--source needs a file')
  if (values.out === '') throw new UsageError('--out needs a folder')
  return {
    sources: sources.length > 0 ? sources : null,
    outDir: values.out ?? 'output',
    pdf: !values['no-pdf'] && values.pdf !== false,
    quiet: values.quiet ?? false,
  }
}

// Node's own parser: `zx`'s `parseArgv` costs ~90 ms of imports on every run for the same result.
function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      source: { type: 'string', multiple: true },
      out: { type: 'string' },
      pdf: { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  })
}

class UsageError extends Error {}

/** Every source file in `dir`, sorted so runs are reproducible. */
async function listSources(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises')
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new UsageError(`${dir}: no such folder of sources`)
  })
  const files = entries
    .filter((entry) => entry.isFile() && SOURCE_EXTENSIONS.has(extname(entry.name)))
    .map((entry) => join(dir, entry.name))
    .sort()
  if (files.length === 0) throw new UsageError(`${dir}: no sources (*.md, *.txt) to build`)
  return files
}

/** What the cache knows of a source. */
interface Planned {
  /** `null` when the source cannot even be read: the source stage will say why. */
  key: string | null
  date: string | undefined
  fresh: boolean
}

/**
 * Each source's date, asked for at once (it may take a `git log` per source) and awaited by `plan`.
 * A failure is kept for `plan` to report, where the build has always reported it.
 */
function askDates(sources: string[]): Map<string, Promise<string>> {
  const dates = new Map<string, Promise<string>>()
  for (const path of sources) {
    const date = sourceDate(path)
    date.catch(() => {})
    dates.set(path, date)
  }
  return dates
}

/** A source's date; `undefined` when it cannot be had (the source stage will say why), but a wrong `SOURCE_DATE_EPOCH` stops the build. */
async function knownDate(date: Promise<string> | undefined): Promise<string | undefined> {
  return date?.catch((error: unknown) => {
    if (error instanceof BuildFailure) throw error
    return undefined
  })
}

/** A source's bytes as read before its key: their hash (`null`: unreadable), and whether they make it stale. */
interface Known {
  hash: string | null
  /** The stamp of the file they were read from, to know them by next time (`sourceHash`). */
  stamp: string | null
  stale: boolean
}

/**
 * The hash of each source's bytes, and whether it is stale whatever its key: never built into this
 * folder, its outputs gone, or its bytes not those it was built from (an edit). Such a source is
 * built at once, and the browser started, without waiting for its date and the shared inputs.
 */
async function readHashes(sources: string[], manifest: Manifest): Promise<Map<string, Known>> {
  const read = await Promise.all(
    sources.map(async (path) => {
      const entry = manifest.entries[resolve(path)]
      const recorded = entry?.source ? { hash: entry.source, stamp: entry.sourceStamp ?? null } : undefined
      const read = await sourceHash(path, recorded).catch(() => null)
      const hash = read?.hash ?? null
      const stale = hash === null || !mayBeFresh(entry) || (entry?.source !== undefined && entry.source !== hash)
      return [path, { hash, stamp: read?.stamp ?? null, stale }] as const
    }),
  )
  return new Map(read)
}

/** Key a source and, unless it is already known to be stale, check its outputs against the record of the last build. */
async function plan(
  path: string,
  known: Known,
  date: Promise<string> | undefined,
  inputs: Promise<BuildInputs>,
  manifest: Manifest,
): Promise<Planned> {
  const day = await knownDate(date)
  const key = day === undefined || known.hash === null ? null : keyOf(known.hash, day, await inputs)
  const fresh = !known.stale && key !== null && (await isFresh(manifest.entries[resolve(path)], key))
  return { key, date: day, fresh }
}

/** Whether `entry` may still be fresh (its key decides): it exists and every file it wrote is there. */
function mayBeFresh(entry: CacheEntry | undefined): boolean {
  return entry !== undefined && Object.keys(entry.files).every((path) => existsSync(path))
}

/** The browser that will print; none found stops the build. */
async function pickBrowser(): Promise<BrowserChoice> {
  const choice = await findBrowser()
  if (!choice) throw new BuildFailure(INSTALL_HINT)
  return choice
}

/** Run `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

async function main(): Promise<number> {
  /** 1. Options, sources, and the browser that would print. Ctrl-C stops at once, with one line. */
  exitOnSignals()
  const options = parseOptions(process.argv.slice(2))
  const sources = options.sources ?? (await listSources('source'))
  // Two sources that would write the same outputs: the last would win unseen.
  const clash = sameOutputs(sources)
  if (clash) throw new UsageError(sameOutputsMessage(clash))
  const dates = askDates(sources)
  const log = (line: string) => options.quiet || console.log(line)
  const timing = (name: string) => (stage: string, ms: number) =>
    log(`${stage.padEnd(7)}${`${Math.round(ms)} ms`.padStart(8)}  ${name}`)
  // One source prints one page: the browser may serve it from a single process (`ownArguments`).
  const choice = options.pdf ? { ...(await pickBrowser()), onePage: sources.length === 1 } : null

  /** 2. What is already built: sources whose inputs and outputs are unchanged are skipped. */
  const manifest = await loadManifest(options.outDir)
  let printer: Printer | null = null
  /** The browser closing, once nothing is left to print. */
  let closing: Promise<void> | null = null
  let failed = 0
  /** What the index lists of each briefing built in this run or found fresh, by its JSON's file name. */
  const listed = new Map<string, Listing | null>()
  try {
    // A source never built into this folder, its outputs gone or its text changed, is to be built whatever
    // its key: start the browser now, and load the stages while it starts and the inputs are hashed.
    const known = await readHashes(sources, manifest)
    const unbuilt = [...known.values()].some(({ stale }) => stale)
    if (unbuilt) tuneForBuilding()
    if (choice && unbuilt) printer = startPrinter(choice)
    let stages = unbuilt ? import('./build-briefing.ts') : null
    stages?.catch(() => {})
    const inputs = buildInputs(choice?.executablePath ?? null)
    inputs.catch(() => {})
    // Every source keyed at once (dates and outputs are read side by side), each awaited where it is built.
    const plans = [...known].map(([path, source]) => {
      const planning = plan(path, source, dates.get(path), inputs, manifest)
      planning.catch(() => {})
      return [path, { source, planning }] as const
    })

    /** 3. Each source: skipped when fresh, else through every stage, side by side up to the core count. */
    // The browser ends as soon as every source is printed or found fresh, while the last PDF is written
    // (a source that fails prints nothing and leaves the browser to the end).
    let unsettled = sources.length
    const settled = () => {
      if (--unsettled === 0) closing = printer?.close() ?? null
      closing?.catch(() => {})
    }
    await eachLimited(plans, availableParallelism(), async ([path, { source, planning }]) => {
      const name = relative('.', path)
      const id = resolve(path)
      // A source known to be stale is built while its key is worked out; any other waits for its key.
      const planned = source.stale ? null : await planning
      const entry = manifest.entries[id]
      if (planned?.fresh && entry) {
        log(`${'cached'.padEnd(15)}  ${name}`)
        // Its bytes are those it was built from: the file is known by its stamp from now on.
        if (source.stamp === null) delete entry.sourceStamp
        else entry.sourceStamp = source.stamp
        const json = Object.keys(entry.files).find((file) => file.endsWith('.json'))
        if (json && entry.listing !== undefined) listed.set(basename(json), entry.listing)
        return settled()
      }
      /** 4. The one browser, started before any source is parsed so it is ready by the time the first HTML is. */
      tuneForBuilding()
      if (choice) printer ??= startPrinter(choice)
      stages ??= import('./build-briefing.ts')
      const { buildBriefing } = await stages
      try {
        const date = planned ? planned.date : await knownDate(dates.get(path))
        const result = await buildBriefing(path, {
          outDir: options.outDir,
          printer,
          ...(date === undefined ? {} : { sourceDate: date }),
          onStage: timing(name),
          onPrinted: settled,
          inputsKnown: inputs,
        })
        if (!printer) settled()
        for (const line of formatMessages(result.file)) console.warn(line)
        const { key } = planned ?? (await planning)
        const listing = listingOf(result.briefing)
        if (key)
          manifest.entries[id] = {
            key,
            files: result.files,
            stamps: result.stamps,
            ...(source.hash ? { source: source.hash } : {}),
            ...(source.hash && source.stamp ? { sourceStamp: source.stamp } : {}),
            listing,
          }
        listed.set(`${result.file.stem}.json`, listing)
      } catch (error) {
        delete manifest.entries[id]
        if (!isSourceProblem(error)) throw error
        console.error(formatMessage(error, name))
        failed++
      }
    })

    /** 5. The schema every JSON output follows, and the index of the folder, while the browser closes. */
    closing ??= printer?.close() ?? null
    closing?.catch(() => {})
    await writeSchema(options.outDir, await inputs, manifest, timing('briefing.schema.json'))
    await writeIndex(options.outDir, await inputs, manifest, listed, timing('index.html'))
  } finally {
    await Promise.all([closing ?? printer?.close(), saveManifest(options.outDir, manifest)])
  }
  return failed > 0 ? 1 : 0
}

/** Write `briefing.schema.json` unless the same code already wrote it. */
async function writeSchema(outDir: string, inputs: BuildInputs, manifest: Manifest, onStage: Timing): Promise<void> {
  const path = resolve(outDir, 'briefing.schema.json')
  const key = hashParts(['schema', inputs.code])
  if (await isFresh(manifest.entries[path], key)) return
  const start = performance.now()
  const { schemaJson, writeAtomic } = await import('./output/write-outputs.ts')
  manifest.entries[path] = entryFor(key, path, await writeAtomic(path, schemaJson()))
  onStage('write', performance.now() - start)
}

/** Write `index.html`, listing every briefing in `outDir`, unless it would say the same as it does. */
async function writeIndex(
  outDir: string,
  inputs: BuildInputs,
  manifest: Manifest,
  listed: ReadonlyMap<string, Listing | null>,
  onStage: Timing,
): Promise<void> {
  const path = resolve(outDir, 'index.html')
  const briefings = await listBriefings(outDir, listed)
  const key = hashParts(['index', inputs.code, inputs.templates, JSON.stringify(briefings)])
  if (await isFresh(manifest.entries[path], key)) return
  const start = performance.now()
  const { renderIndex } = await import('./listing/render-index.ts')
  const { writeAtomic } = await import('./output/write-outputs.ts')
  manifest.entries[path] = entryFor(key, path, await writeAtomic(path, renderIndex(briefings)))
  onStage('write', performance.now() - start)
}

type Timing = (stage: string, ms: number) => void

/** The record of the one file at `path`, written for `key`. */
function entryFor(key: string, path: string, written: Written): CacheEntry {
  return { key, files: { [path]: written.hash }, ...(written.stamp ? { stamps: { [path]: written.stamp } } : {}) }
}

main().then(
  (code) => {
    // Everything is written, the browser is gone and what was printed is out (writes to a pipe, a
    // file or a terminal are synchronous on Linux): end now, not after Node takes its threads and heap
    // down piece by piece (7 ms of a rebuild of nothing's 180).
    process.exit(code)
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`build: ${error.message}`)
      process.exitCode = 2
    } else {
      // A failure of the build itself (no browser, a time limit) is one line; only a bug gets a stack.
      console.error(formatFailure(error) ?? error)
      process.exitCode = 1
    }
  },
)
