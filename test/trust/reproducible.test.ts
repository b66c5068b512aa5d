/**
 * Same source, same bytes. With the same sources and `SOURCE_DATE_EPOCH`, builds give byte-identical
 * JSON, HTML and PDF: two at once into different folders (they must not interfere), and a third
 * one after them. The PDF check depends on the finishing step that sets the PDF's dates and ID from
 * the source date (`print/finish-pdf.ts`).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { hostileSource } from './hostile.ts'
import { type BuildRun, REPO, runBuild, temporaryDir } from './support.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' }

describe('builds of the same sources with the same SOURCE_DATE_EPOCH', () => {
  const outs: string[] = []
  const runs: BuildRun[] = []
  let hostile: string
  let sourcesBefore: string[]

  beforeAll(async () => {
    sourcesBefore = await readdir(join(REPO, 'source'))
    const dir = await temporaryDir('reproducible-source')
    hostile = join(dir, 'hostile.md')
    await writeFile(hostile, await hostileSource('http://127.0.0.1:9'))
    for (let index = 0; index < 3; index++) outs.push(await temporaryDir(`reproducible-${index}`))
    const build = (out: string) => runBuild(['--source', SEED, '--source', hostile, '--out', out, '--quiet'], EPOCH)
    // Two at once, then one more on its own.
    runs.push(...(await Promise.all([build(outs[0] as string), build(outs[1] as string)])))
    runs.push(await build(outs[2] as string))
  }, 240_000)

  it('all succeed, and write nothing into source/', async () => {
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0])
    expect(await readdir(join(REPO, 'source'))).toEqual(sourcesBefore)
  })

  it.each([
    'eu-asia-digital-cooperation.json',
    'eu-asia-digital-cooperation.html',
    'hostile.json',
    'hostile.html',
    'briefing.schema.json',
  ])('%s is byte-identical across the three builds', async (name) => {
    const [first, ...others] = await Promise.all(outs.map((out) => readFile(join(out, name))))
    expect(first?.length).toBeGreaterThan(0)
    for (const other of others) expect(other.equals(first as Buffer)).toBe(true)
  })

  it.each(['eu-asia-digital-cooperation.pdf', 'hostile.pdf'])(
    '%s is byte-identical across the three builds (dates and ID from the source date)',
    async (name) => {
      const [first, ...others] = await Promise.all(outs.map((out) => readFile(join(out, name))))
      expect(first?.length).toBeGreaterThan(0)
      for (const other of others) expect(other.equals(first as Buffer)).toBe(true)
      // The dates say the source date, not the time of the build.
      expect(first?.toString('latin1')).toMatch(/\/CreationDate \(D:20231114/)
    },
  )
})
