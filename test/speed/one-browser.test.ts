/**
 * Several sources print in one browser, started once per run; a run with nothing to print starts
 * none; printing after an HTML-only build is a rebuild (other options, other outputs). Real Chromium.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfPages } from '../support/pdf-text.ts'
import { runBuild, sharedInputs, stages } from './run-build.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'

describe('printing several sources', () => {
  let dir: string
  let sources: string[]
  let out: string
  let printedWith = ''
  const args = () => [...sources.flatMap((source) => ['--source', source]), '--out', out]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speed-browser-'))
    out = join(dir, 'out')
    sources = ['one.md', 'two.md', 'three.md'].map((name) => join(dir, name))
    for (const source of sources) await cp(SEED, source)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('builds HTML only first, starting no browser', async () => {
    const run = await runBuild([...args(), '--no-pdf'], join(dir, 'probe-1'))
    expect(run.code).toBe(0)
    expect(run.browsers).toBe(0)
  }, 120_000)

  it('then prints every source with one browser (a rebuild: other options)', async () => {
    printedWith = await sharedInputs()
    const run = await runBuild(args(), join(dir, 'probe-2'))
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(0)
    expect(run.browsers).toBe(1)
    expect(stages(run.stdout).filter(([stage]) => stage === 'pdf')).toHaveLength(3)
    expect((await readdir(out)).filter((name) => name.endsWith('.pdf')).sort()).toEqual([
      'one.pdf',
      'three.pdf',
      'two.pdf',
    ])
  }, 180_000)

  it('and starts no browser when nothing changed', async (context) => {
    const inputs = await sharedInputs()
    const run = await runBuild(args(), join(dir, 'probe-3'))
    expect(run.code).toBe(0)
    if (inputs !== printedWith || inputs !== (await sharedInputs()))
      return context.skip('the code or templates changed meanwhile: everything was rightly rebuilt')
    expect(run.browsers).toBe(0)
    expect(stages(run.stdout).filter(([stage]) => stage === 'cached')).toHaveLength(3)
  }, 60_000)

  it('and, after an edit, prints the edited source alone, its browser started before its key is known', async (context) => {
    const inputs = await sharedInputs()
    const edited = sources[1] as string
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nOne more paragraph about Japan.\n`)
    const run = await runBuild(args(), join(dir, 'probe-4'))
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(0)
    expect(run.browsers).toBe(1)
    expect(stages(run.stdout).filter(([stage]) => stage === 'pdf')).toEqual([
      ['pdf', expect.stringMatching(/two\.md$/)],
    ])
    expect((await pdfPages(join(out, 'two.pdf'))).join(' ')).toContain('One more paragraph about Japan.')
    if (inputs !== printedWith || inputs !== (await sharedInputs()))
      return context.skip('the code or templates changed meanwhile: everything was rightly rebuilt')
    expect(stages(run.stdout).filter(([stage]) => stage === 'cached')).toHaveLength(2)
  }, 60_000)
})
