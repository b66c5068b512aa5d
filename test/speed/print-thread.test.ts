/**
 * The print thread loads the part of Puppeteer that prints over a pipe with CDP, and nothing else:
 * its bundle is read on every build that prints, before the browser can be driven. (Bundle sizes
 * and contents are asserted, never times.)
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from './run-build.ts'

describe('the print thread of a build', () => {
  let dir: string
  let bundles: string[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'print-thread-'))
    const probe = join(dir, 'bundles.txt')
    const run = await runBuild(
      ['--source', 'source/eu-asia-digital-cooperation.md', '--out', join(dir, 'out')],
      undefined,
      {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(import.meta.dirname, 'read-bundles.mjs')).href}`,
        BRIEFING_BUNDLE_PROBE: probe,
      },
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(0)
    expect((await stat(join(dir, 'out', 'eu-asia-digital-cooperation.pdf'))).size).toBeGreaterThan(10_000)
    bundles = (await readFile(probe, 'utf8')).split('\n').filter(Boolean)
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
})
