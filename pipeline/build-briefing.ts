/**
 * One source through every stage: source → tree → data → html → pdf → files. Reading and writing
 * happen only at the ends; the middle is pure functions over the tree and the data.
 */
import { basename, extname, join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import type { VFile } from 'vfile'
import type { Briefing } from './briefing-schema.ts'
import { extractBriefing } from './extract/extract-briefing.ts'
import { assertValidBriefing, briefingJson, writeAtomic } from './output/write-outputs.ts'
import { printPdf } from './print/print-pdf.ts'
import { renderHtml } from './render/render-html.ts'
import { readSource } from './source/read-source.ts'
import { sourceDate } from './source/source-date.ts'
import { parseTree } from './tree/parse-tree.ts'

/** How one build of one source goes. */
export interface BuildOptions {
  outDir: string
  /** The build's one browser, or `null` for no PDF. May still be starting. */
  browser: Promise<Browser> | null
  /** Called after each stage with its name and milliseconds. */
  onStage?: (stage: string, ms: number) => void
}

/** What a build produced. */
export interface BuildResult {
  file: VFile
  briefing: Briefing
  outputs: string[]
}

/** Time `work` as stage `name`. */
async function stage<T>(name: string, options: BuildOptions, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await work()
  options.onStage?.(name, performance.now() - start)
  return result
}

/** Build the briefing of the source at `path` into `options.outDir`. */
export async function buildBriefing(path: string, options: BuildOptions): Promise<BuildResult> {
  const name = basename(path, extname(path))
  const file = await stage('source', options, async () => {
    const read = await readSource(path)
    read.data.sourceDate = await sourceDate(path)
    return read
  })
  const tree = await stage('tree', options, () => parseTree(file))
  const briefing = await stage('data', options, () => extractBriefing(tree, file))
  const html = await stage('html', options, () => {
    const frontmatter = file.data.frontmatter ?? {}
    return renderHtml(briefing, {
      sourceDate: file.data.sourceDate ?? '',
      subtitle: frontmatter.subtitle ?? null,
      lang: frontmatter.lang ?? 'en',
      keywords: frontmatter.keywords ?? [],
    })
  })
  const pdf = options.browser
    ? await stage('pdf', options, async () => printPdf(await (options.browser as Promise<Browser>), html))
    : null
  const outputs = await stage('write', options, async () => {
    assertValidBriefing(briefing)
    const targets: [string, string | Uint8Array][] = [
      [join(options.outDir, `${name}.json`), briefingJson(briefing)],
      [join(options.outDir, `${name}.html`), html],
    ]
    if (pdf) targets.push([join(options.outDir, `${name}.pdf`), pdf])
    await Promise.all(targets.map(([target, data]) => writeAtomic(target, data)))
    return targets.map(([target]) => target)
  })
  return { file, briefing, outputs }
}
