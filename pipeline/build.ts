/**
 * `npm run build`: every source in `source/` (or `--source <file>`) to JSON, HTML and PDF in
 * `output/` (or `--out <dir>`); `--no-pdf` for HTML and JSON only; `--quiet` for no stage lines.
 * Exit code 0 on success; problems in a source print as `file:line:col: message`, without a stack.
 */
import { readdir } from 'node:fs/promises'
import { extname, join, relative } from 'node:path'
import { parseArgv } from 'zx'
import { buildBriefing } from './build-briefing.ts'
import { schemaJson, writeAtomic } from './output/write-outputs.ts'
import { exitOnSignals, launchBrowser } from './print/launch-browser.ts'
import { formatFailure, formatMessage, formatMessages, isSourceProblem } from './source/messages.ts'

const SOURCE_EXTENSIONS = new Set(['.md', '.markdown', '.txt'])

/** The build's options from the command line. */
export interface CliOptions {
  sources: string[] | null
  outDir: string
  pdf: boolean
  quiet: boolean
}

/** Parse `argv` (without node and script). Unknown flags are an error, not a silent default. */
export function parseOptions(argv: string[]): CliOptions {
  const known = new Set(['source', 'out', 'pdf', 'quiet', '_'])
  const args = parseArgv(argv, { string: ['source', 'out'], boolean: ['pdf', 'quiet'], default: { pdf: true } })
  const unknown = Object.keys(args).filter((key) => !known.has(key))
  if (unknown.length > 0 || args._.length > 0)
    throw new UsageError(`unknown option ${unknown.map((key) => `--${key}`).join(' ') || args._.join(' ')}`)
  const sources = [args.source].flat().filter((value): value is string => typeof value === 'string' && value !== '')
  if (args.source !== undefined && sources.length === 0) throw new UsageError('--source needs a file')
  if (args.out !== undefined && (typeof args.out !== 'string' || args.out === ''))
    throw new UsageError('--out needs a folder')
  return {
    sources: sources.length > 0 ? sources : null,
    outDir: args.out ?? 'output',
    pdf: args.pdf,
    quiet: args.quiet,
  }
}

class UsageError extends Error {}

/** Every source file in `dir`, sorted so runs are reproducible. */
async function listSources(dir: string): Promise<string[]> {
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

async function main(): Promise<number> {
  /** 1. Options and sources. */
  const options = parseOptions(process.argv.slice(2))
  const sources = options.sources ?? (await listSources('source'))
  const log = (line: string) => options.quiet || console.log(line)

  /** 2. The one browser, started now so it is ready by the time the first HTML is; killed on Ctrl-C. */
  exitOnSignals()
  const browser = options.pdf ? launchBrowser() : null
  // A launch failure is reported where the browser is first awaited; do not let it go unhandled meanwhile.
  browser?.catch(() => {})

  /** 3. Each source through every stage. */
  let failed = 0
  try {
    for (const path of sources) {
      const name = relative('.', path)
      try {
        const result = await buildBriefing(path, {
          outDir: options.outDir,
          browser,
          onStage: (stage, ms) => log(`${stage.padEnd(7)}${`${Math.round(ms)} ms`.padStart(8)}  ${name}`),
        })
        for (const line of formatMessages(result.file)) console.warn(line)
      } catch (error) {
        if (!isSourceProblem(error)) throw error
        console.error(formatMessage(error, name))
        failed++
      }
    }
    /** 4. The schema every JSON output follows. */
    await writeAtomic(join(options.outDir, 'briefing.schema.json'), schemaJson())
  } finally {
    if (browser) await (await browser.catch(() => null))?.close()
  }
  return failed > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
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
