/**
 * The build's cache, through the real command line: an unchanged source is not rebuilt and nothing
 * is rewritten (and the stages' code is not loaded); a changed source, an edited or deleted output, or other options rebuild it; the
 * index lists every briefing. Times are never asserted.
 */
import { cp, mkdtemp, open, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manifestPath } from '../../pipeline/cache/manifest.ts'
import { runBuild, sharedInputs, stages } from './run-build.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'

describe('a second build of unchanged sources', () => {
  let dir: string
  let a: string
  let b: string
  let out: string
  let firstInputs: string
  const built = (stdout: string) =>
    stages(stdout)
      .filter(([stage]) => stage === 'html')
      .map(([, source]) => source)
  const cached = (stdout: string) =>
    stages(stdout)
      .filter(([stage]) => stage === 'cached')
      .map(([, source]) => source)

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speed-cache-'))
    out = join(dir, 'out')
    a = join(dir, 'alpha.md')
    b = join(dir, 'beta.md')
    await cp(SEED, a)
    await writeFile(b, (await readFile(SEED, 'utf8')).replace(/^title: .*$/m, 'title: Beta briefing'))
    firstInputs = await sharedInputs()
    const first = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    expect(first.stderr).not.toMatch(/\n\s+at /)
    expect(first.code).toBe(0)
    expect(built(first.stdout)).toHaveLength(2)
  }, 120_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('rebuilds nothing and rewrites nothing', async (context) => {
    // The outputs, and the record of what was built (which says the same, so it is not written either).
    const files = ['alpha.json', 'alpha.html', 'beta.json', 'beta.html', 'index.html', 'briefing.schema.json']
      .map((file) => join(out, file))
      .concat(manifestPath(out))
    const before = await Promise.all(files.map((file) => stat(file)))
    const inputs = await sharedInputs()
    const probe = join(dir, 'bundles.txt')
    const again = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'], undefined, {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(import.meta.dirname, 'read-bundles.mjs')).href}`,
      BRIEFING_BUNDLE_PROBE: probe,
    })
    if (inputs !== (await sharedInputs()) || inputs !== firstInputs)
      return context.skip('the code or templates changed meanwhile: everything was rightly rebuilt')
    expect(again.code).toBe(0)
    expect(built(again.stdout)).toEqual([])
    expect(cached(again.stdout)).toHaveLength(2)
    // The stages' code (the later bundle, ~1 MB) is not even read: only the build's own ~45 KB.
    const bundles = (await readFile(probe, 'utf8')).split('\n').filter(Boolean)
    expect(bundles.some((path) => path.endsWith('build.cjs'))).toBe(true)
    expect(bundles.filter((path) => path.includes('.later.'))).toEqual([])
    const bytes = (await Promise.all(bundles.map((path) => stat(path)))).reduce((sum, info) => sum + info.size, 0)
    expect(bytes).toBeLessThan(200_000)
    // Through its code cache, which V8 accepts: a build with work to do changes V8's flags only after
    // it has read its bundle, and makes that bundle's cache before (`v8-flags.ts`).
    const caches = (await readFile(`${probe}.caches`, 'utf8')).split('\n').filter(Boolean)
    expect(caches.map((line) => line.replace(/^.*\//, ''))).toEqual(['build.cjs accepted'])
    // Nor are the Node modules for starting a process or a thread (`on-demand.ts`): it starts neither.
    // (`net` is loaded anyway when the output is a pipe, as here.)
    const node = (await readFile(`${probe}.node`, 'utf8')).split('\n')
    expect(['child_process', 'worker_threads'].filter((name) => node.includes(`NativeModule ${name}`))).toEqual([])
    const after = await Promise.all(files.map((file) => stat(file)))
    expect(after.map((info) => [info.ino, info.mtimeMs])).toEqual(before.map((info) => [info.ino, info.mtimeMs]))
  }, 60_000)

  it('lists every briefing in index.html', async () => {
    const index = await readFile(join(out, 'index.html'), 'utf8')
    expect(index).toContain('href="alpha.html"')
    expect(index).toContain('href="beta.html"')
    expect(index).toContain('Beta briefing')
    expect(index).toContain('EU–Asia digital cooperation')
    expect(index).not.toMatch(/<script/i)
    // Valid as the briefings are (html-validate, recommended).
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(index)
    expect(report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`))).toEqual(
      [],
    )
  })

  it('rebuilds a changed source, and only that one', async (context) => {
    await writeFile(a, `${await readFile(a, 'utf8')}\nOne more paragraph about Japan.\n`)
    const inputs = await sharedInputs()
    const again = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    expect(again.code).toBe(0)
    expect(await readFile(join(out, 'alpha.html'), 'utf8')).toContain('One more paragraph about Japan.')
    if (inputs !== (await sharedInputs()) || inputs !== firstInputs)
      return context.skip('the code or templates changed meanwhile: everything was rightly rebuilt')
    expect(built(again.stdout).map((path) => path.endsWith('alpha.md'))).toEqual([true])
  }, 60_000)

  it('rebuilds an output that was deleted or edited, never serving it', async () => {
    const html = await readFile(join(out, 'beta.html'), 'utf8')
    const json = await readFile(join(out, 'alpha.json'), 'utf8')
    await rm(join(out, 'beta.html'))
    await writeFile(join(out, 'alpha.json'), '{"edited": true}\n')
    const again = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    expect(again.code).toBe(0)
    expect(built(again.stdout)).toHaveLength(2)
    expect(await readFile(join(out, 'beta.html'), 'utf8')).toBe(html)
    expect(await readFile(join(out, 'alpha.json'), 'utf8')).toBe(json)
  }, 60_000)

  it('rebuilds a source or an output changed in place to the same size with its times set back', async () => {
    // Built, then left alone long enough that every file is known by its stamp (`file-stamps.cjs`).
    await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    await new Promise((done) => setTimeout(done, 100))
    const settled = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    expect(cached(settled.stdout)).toHaveLength(2)
    const entries = JSON.parse(await readFile(manifestPath(out), 'utf8')).entries
    expect(entries[b].sourceStamp).toMatch(/^\d+:\d+:\d+$/)
    expect(Object.keys(entries[a].stamps)).toContain(join(out, 'alpha.html'))
    const html = await readFile(join(out, 'alpha.html'), 'utf8')
    const sameSize = async (path: string, change: (text: string) => string) => {
      const before = await stat(path)
      const text = await readFile(path, 'utf8')
      const handle = await open(path, 'r+')
      await handle.write(change(text), 0, 'utf8')
      await handle.close()
      // Its times set back, as `touch -r` or a careful tool would (to the microsecond: Node's limit).
      await utimes(path, before.atimeMs / 1000, before.mtimeMs / 1000)
      const after = await stat(path)
      expect([after.size, after.ino]).toEqual([before.size, before.ino])
      expect(Math.abs(after.mtimeMs - before.mtimeMs)).toBeLessThan(0.01)
    }
    await sameSize(join(out, 'alpha.html'), (text) => text.replace('<html', '<HTML'))
    await sameSize(b, (text) => text.replace('title: Beta briefing', 'title: Beto briefing'))
    const again = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    expect(built(again.stdout)).toHaveLength(2)
    expect(await readFile(join(out, 'alpha.html'), 'utf8')).toBe(html)
    expect(await readFile(join(out, 'beta.html'), 'utf8')).toContain('Beto briefing')
  }, 60_000)

  it('rebuilds nothing when a source and an output are written again with the same bytes: their hashes decide', async () => {
    await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    await writeFile(a, await readFile(a))
    await writeFile(join(out, 'beta.json'), await readFile(join(out, 'beta.json')))
    const again = await runBuild(['--source', a, '--source', b, '--out', out, '--no-pdf'])
    expect(built(again.stdout)).toEqual([])
    expect(cached(again.stdout)).toHaveLength(2)
  }, 60_000)

  it('rebuilds when the source date changes (it is printed in the briefing)', async () => {
    const again = await runBuild(['--source', b, '--out', out, '--no-pdf'])
    expect(cached(again.stdout)).toHaveLength(1)
    const dated = await runBuild(['--source', b, '--out', out, '--no-pdf'], undefined, {
      SOURCE_DATE_EPOCH: '1800000000',
    })
    expect(built(dated.stdout)).toHaveLength(1)
  }, 60_000)
})
