/**
 * `npm run dev`: build every source, serve the output folder on http://127.0.0.1:4321/ with live
 * reload, and rebuild on every save in `source/` or `templates/`: the JSON and HTML at once (open
 * pages reload as soon as they are written), the PDF after them, in the background, in one browser
 * kept open for the session. Options: `--out <dir>` (`output`), `--port <n>` (4321), `--no-pdf`.
 */
import { existsSync, watch } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from 'puppeteer-core'
// The stages are loaded at start, not at the first save.
import { type BuildResult, buildBriefing, pdfMeta } from '../build-briefing.ts'
import { TEMPLATES_DIR } from '../cache/build-inputs.ts'
import { listBriefings } from '../listing/list-briefings.ts'
import { renderIndex } from '../listing/render-index.ts'
import { writeAtomic } from '../output/write-outputs.ts'
import { forgetTemplates } from '../render/render-html.ts'
import { formatFailure, formatMessages } from '../source/messages.ts'
import { SOURCE_EXTENSIONS, sameOutputs, sameOutputsMessage } from '../source/source-files.ts'
import { serve } from './serve.ts'

const SOURCE_DIR = 'source'
/** Editors save in bursts (write, rename, chmod); wait this long for the burst to end. */
const SETTLE_MS = 20

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'output' },
    port: { type: 'string', default: '4321' },
    'no-pdf': { type: 'boolean', default: false },
  },
})
const outDir = values.out
const printing = !values['no-pdf']

let server: Awaited<ReturnType<typeof serve>>

/** The PDFs still to print, newest HTML per source; printed one at a time in the background. */
const pdfQueue = new Map<string, BuildResult>()
let browser: Promise<Browser> | null = null
let printingNow = false

async function printQueued(): Promise<void> {
  if (printingNow) return
  printingNow = true
  try {
    for (let next = pdfQueue.entries().next(); !next.done; next = pdfQueue.entries().next()) {
      const [path, result] = next.value
      pdfQueue.delete(path)
      const start = performance.now()
      if (!browser) {
        const { exitOnSignals, launchBrowser } = await import('../print/launch-browser.ts')
        exitOnSignals()
        // It prints one page at a time, so one renderer serves (`ownArguments`); a browser that goes
        // away (in one process, a renderer's crash takes it along) is started anew for the next PDF.
        const launching = launchBrowser({ onePage: true })
        const forget = () => {
          if (browser === launching) browser = null
        }
        browser = launching
        launching.then((started) => started.once('disconnected', forget), forget)
      }
      const { printPdf } = await import('../print/print-pdf.ts')
      try {
        const pdf = await printPdf(await browser, result.html, pdfMeta(result.briefing, result.file))
        await writeAtomic(join(outDir, `${result.file.stem}.pdf`), pdf)
        console.log(`pdf    ${`${Math.round(performance.now() - start)} ms`.padStart(8)}  ${path} (background)`)
      } catch (error) {
        console.error(formatFailure(error, path) ?? error)
      }
    }
  } finally {
    printingNow = false
  }
}

/**
 * Rebuild the JSON and HTML of `paths` and the index, then queue their PDFs. Open pages reload as
 * soon as a source's files are written: the spelling check, which adds only warnings, ends after.
 */
async function rebuild(paths: string[], savedAt: number): Promise<void> {
  for (const path of paths) {
    try {
      const stages: string[] = []
      const onStage = (stage: string, ms: number) => {
        stages.push(`${stage} ${Math.round(ms)}`)
        if (stage !== 'write') return
        server.reload()
        const since = `${Math.round(performance.now() - savedAt)} ms`.padStart(8)
        console.log(`html   ${since}  ${path} (after the save: ${stages.join(', ')})`)
      }
      const result = await buildBriefing(path, { outDir, printer: null, onStage })
      for (const line of formatMessages(result.file)) console.warn(line)
      if (printing) pdfQueue.set(path, result)
    } catch (error) {
      console.error(formatFailure(error, path) ?? error)
    }
  }
  const index = join(outDir, 'index.html')
  const listing = renderIndex(await listBriefings(outDir))
  if (listing !== (await readFile(index, 'utf8').catch(() => null))) {
    await writeAtomic(index, listing)
    server.reload()
  }
  void printQueued()
}

/** Saves waiting for their burst to settle, and the rebuild under way: one at a time, in order. */
const changed = new Set<string>()
let settle: NodeJS.Timeout | undefined
let firstSave = 0
let running = Promise.resolve()

function schedule(paths: string[]): void {
  if (changed.size === 0) firstSave = performance.now()
  for (const path of paths) changed.add(path)
  clearTimeout(settle)
  settle = setTimeout(() => {
    const batch = [...changed].filter((path) => existsSync(path))
    const savedAt = firstSave
    changed.clear()
    // A failed rebuild is reported and the next save builds again.
    running = running
      .then(() => rebuild(batch, savedAt))
      .catch((error: unknown) => console.error(formatFailure(error) ?? error))
  }, SETTLE_MS)
}

async function allSources(): Promise<string[]> {
  const names = await readdir(SOURCE_DIR).catch(() => [] as string[])
  const sources = names
    .filter((name) => SOURCE_EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(SOURCE_DIR, name))
  // The build refuses two sources that would write the same outputs; here the watch goes on, and says so.
  const clash = sameOutputs(sources)
  if (clash) console.error(`dev: ${sameOutputsMessage(clash)}`)
  return sources
}

async function main(): Promise<void> {
  server = await serve(outDir, Number(values.port)).catch((error: NodeJS.ErrnoException) => {
    console.error(
      `dev: cannot listen on 127.0.0.1:${values.port} (${error.code ?? error.message}); try --port <another>`,
    )
    process.exit(1)
  })
  console.log(`dev: ${outDir}/ on ${server.url} (live reload); watching ${SOURCE_DIR}/ and templates/`)
  watch(SOURCE_DIR, (_event, name) => {
    if (name && SOURCE_EXTENSIONS.has(extname(name))) schedule([join(SOURCE_DIR, name)])
  })
  watch(TEMPLATES_DIR, { recursive: true }, async () => {
    forgetTemplates()
    schedule(await allSources())
  })
  schedule(await allSources())
  console.log(`dev: building ${relative('.', SOURCE_DIR)}/…`)
}

void main()
