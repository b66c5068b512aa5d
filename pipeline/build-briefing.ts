/**
 * One source through every stage: source → tree → data → html → pdf → files, the data checked while
 * the browser prints. Reading and writing happen only at the ends; the middle is pure functions over
 * the tree and the data.
 */
import { basename, extname, join, resolve } from 'node:path'
import type { VFile } from 'vfile'
import type { Briefing } from './briefing-schema.ts'
import { extractData } from './extract/extract-briefing.ts'
import type { Misspelling } from './extract/spelling.ts'
import { checkSpelling } from './extract/spelling-memo.ts'
import { assertValidBriefing, jsonChunks, writeAtomic } from './output/write-outputs.ts'
import type { PdfMeta } from './print/print-pdf.ts'
import type { Printer } from './print/printer.ts'
import { defaultKeywords } from './render/keywords.ts'
import { renderPage } from './render/render-html.ts'
import { readSource } from './source/read-source.ts'
import { sourceDate } from './source/source-date.ts'
import { parseTree } from './tree/parse-tree.ts'

/** How one build of one source goes. */
export interface BuildOptions {
  outDir: string
  /** The build's one browser, or `null` for no PDF. May still be starting. */
  printer: Printer | null
  /** The source's date when already known (`sourceDate`), to save asking git again. */
  sourceDate?: string
  /** Called after each stage with its name and milliseconds. */
  onStage?: (stage: string, ms: number) => void
  /** Called once the PDF is in hand, before it is written: the browser may be ended if nothing else is to print. */
  onPrinted?: () => void
  /** Settled once the build's shared inputs are known: nothing is written before, nor when it fails. */
  inputsKnown?: Promise<unknown>
}

/** What a build produced. */
export interface BuildResult {
  file: VFile
  briefing: Briefing
  /** The finished HTML, as written. */
  html: string
  /** Every file written (absolute path) and the SHA-256 of what was written. */
  files: Record<string, string>
  /** Every file written that gave a stamp, and that stamp (`file-stamps.cjs`). */
  stamps: Record<string, string>
}

/** Time `work` as stage `name`. */
async function stage<T>(name: string, options: BuildOptions, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await work()
  options.onStage?.(name, performance.now() - start)
  return result
}

/** The PDF's document metadata, from the briefing and the source's front matter. */
export function pdfMeta(briefing: Briefing, file: VFile): PdfMeta {
  const frontmatter = file.data.frontmatter ?? {}
  return {
    title: briefing.title,
    subject: frontmatter.subtitle ?? '',
    keywords: frontmatter.keywords ?? defaultKeywords(briefing),
    lang: frontmatter.lang ?? 'en',
    sourceDate: file.data.sourceDate ?? '',
  }
}

/**
 * The tree and the data stages. A function of its own so the tree (for a large source, the largest
 * thing a build holds) can be collected as soon as the data is extracted, not kept to the end.
 */
async function treeAndData(file: VFile, options: BuildOptions): Promise<ReturnType<typeof extractData>> {
  const tree = await stage('tree', options, () => parseTree(file))
  return stage('data', options, () => extractData(tree, file))
}

/** Build the briefing of the source at `path` into `options.outDir`. */
export async function buildBriefing(path: string, options: BuildOptions): Promise<BuildResult> {
  // Readied while the text is parsed and rendered: the page to print on (once the browser is up).
  const pageReady = options.printer?.openPage() ?? null
  pageReady?.catch(() => {})
  try {
    return await buildWith(path, options, pageReady)
  } catch (error) {
    void pageReady?.then(
      (page) => page.close(),
      () => {},
    )
    throw error
  }
}

async function buildWith(
  path: string,
  options: BuildOptions,
  pageReady: ReturnType<Printer['openPage']> | null,
): Promise<BuildResult> {
  const name = basename(path, extname(path))
  const file = await stage('source', options, async () => {
    const read = await readSource(path)
    read.data.sourceDate = options.sourceDate ?? (await sourceDate(path))
    return read
  })
  const { briefing, spelling } = await treeAndData(file, options)
  // Spelling adds only messages: checked while the browser prints, or else once the files are written
  // (the HTML is there the sooner). Tokens earlier builds judged are not asked about again (`spelling-memo.ts`).
  let typos: Misspelling[][] | null = null
  const pieces = await stage('html', options, () => {
    const frontmatter = file.data.frontmatter ?? {}
    return renderPage(briefing, {
      sourceDate: file.data.sourceDate ?? '',
      subtitle: frontmatter.subtitle ?? null,
      lang: frontmatter.lang ?? 'en',
      keywords: frontmatter.keywords ?? [],
    })
  })
  // The page as one string, for the printer: joined with `+`, which V8 keeps as a rope, so nothing is
  // copied unless the string is read whole (a long source's page is written from its pieces).
  const html = pieces.reduce((whole, piece) => whole + piece, '')
  // Waiting for the browser and its page to be ready is its own line, so `pdf` is the printing alone.
  const page = pageReady ? await stage('browser', options, () => pageReady) : null
  const printing = page ? stage('pdf', options, () => page.print(html, pdfMeta(briefing, file))) : null
  // Awaited below; meanwhile (the browser prints in its own process) check and serialise the data.
  printing?.catch(() => {})
  // The JSON in pieces (`jsonChunks`): made now while the browser prints, else as it is written.
  const json = await stage('check', options, () => {
    assertValidBriefing(briefing)
    return printing ? [...jsonChunks(briefing)] : jsonChunks(briefing)
  })
  const targets: [string, string | Uint8Array | Iterable<string>][] = [
    [join(options.outDir, `${name}.json`), json],
    [join(options.outDir, `${name}.html`), pieces],
  ]
  // The print goes on in the browser (driven from another thread); meanwhile this one has nothing else to do.
  if (printing) typos = checkSpelling(spelling.texts)
  const pdf = printing ? await printing : null
  if (pdf) options.onPrinted?.()
  // Nothing is written before everything is made, so a failure leaves the earlier outputs as they were.
  await options.inputsKnown
  const files = await stage('write', options, async () => {
    if (pdf) targets.push([join(options.outDir, `${name}.pdf`), pdf])
    // Side by side: each file's writing waits on the kernel's copy, not on this thread.
    // (Both texts go out from their pieces a megabyte at a time, so a long source's are never held encoded whole.)
    const written = await Promise.all(
      targets.map(async ([target, data]) => [resolve(target), await writeAtomic(target, data)] as const),
    )
    return {
      files: Object.fromEntries(written.map(([target, { hash }]) => [target, hash])),
      stamps: Object.fromEntries(written.flatMap(([target, { stamp }]) => (stamp === null ? [] : [[target, stamp]]))),
    }
  })
  await stage('spell', options, () => spelling.report(typos ?? checkSpelling(spelling.texts)))
  return { file, briefing, html, ...files }
}
