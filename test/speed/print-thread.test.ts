/**
 * The compiled code a build that prints reads: the print thread loads the part of Puppeteer that
 * prints over a pipe with CDP, and nothing else (its bundle is read on every build that prints,
 * before the browser can be driven), and every bundle is plain ASCII, which Node reads the fast way
 * and V8 holds as one-byte text. (Bundle sizes and contents are asserted, never times.)
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from './run-build.ts'

describe('the compiled code of a build that prints', () => {
  let dir: string
  let bundles: string[]
  /** What became of each bundle's code cache in the second build: `<bundle> accepted` and so on. */
  let caches: string[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'print-thread-'))
    // Two builds, each into a fresh folder: the first may compile the code and make its code caches,
    // the second is watched.
    for (const out of ['first', 'out']) {
      const probe = join(dir, `${out}.txt`)
      const run = await runBuild(
        ['--source', 'source/eu-asia-digital-cooperation.md', '--out', join(dir, out)],
        undefined,
        {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(import.meta.dirname, 'read-bundles.mjs')).href}`,
          BRIEFING_BUNDLE_PROBE: probe,
        },
      )
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(run.code).toBe(0)
      expect((await stat(join(dir, out, 'eu-asia-digital-cooperation.pdf'))).size).toBeGreaterThan(10_000)
      // The bundles run, not those read while compiling (in a temporary folder, gone since).
      bundles = (await readFile(probe, 'utf8')).split('\n').filter((path) => path && !path.includes('.tmp'))
      caches = (await readFile(`${probe}.caches`, 'utf8')).split('\n').filter(Boolean)
    }
  }, 120_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('loads Puppeteer without its WebDriver BiDi side or its browser downloader', async () => {
    const worker = bundles.find((path) => path.endsWith('print.worker.cjs'))
    expect(worker).toBeDefined()
    const code = await readFile(worker ?? '', 'utf8')
    // Puppeteer's `connect` brought 2.89 MB: its BiDi side (with chromium-bidi), and its browser
    // downloader with a proxy stack and a JavaScript engine for proxy scripts.
    expect(code.length).toBeLessThan(800_000)
    expect(code).toContain('Target.getBrowserContexts')
    const unwanted = ['chromium-bidi', 'BidiBrowser', 'proxy-agent', 'quickjs', 'yargs']
    expect(unwanted.filter((name) => code.includes(name))).toEqual([])
  })

  it("runs every bundle through the code cache a build before it made: V8's flags are the same when each is read", () => {
    // The build changes V8's flags once it has work to do (`v8-flags.ts`), after reading its own bundle.
    const fates = caches.map((line) => line.replace(/^.*\//, ''))
    expect(fates.sort()).toEqual(['build.cjs accepted', 'build.later.cjs accepted', 'print.worker.cjs accepted'])
  })

  it('is plain ASCII, regular expressions included (esbuild leaves theirs as written)', async () => {
    const names = bundles.map((path) => path.replace(/.*\//, ''))
    expect(names).toEqual(expect.arrayContaining(['build.cjs', 'build.later.cjs', 'print.worker.cjs']))
    for (const path of new Set(bundles.filter((path) => path.includes('.cache')))) {
      const code = await readFile(path, 'utf8')
      const other = code.match(/.{0,30}[\u0080-\uffff].{0,10}/)
      expect(other?.[0], path).toBeUndefined()
    }
  })
})
