/**
 * The cache's keys: a content hash of a folder changes with any file's content or name, and a
 * source's key with each input it depends on.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuildInputs, keyOf, sourceHash } from '../../pipeline/cache/build-inputs.ts'
import { hashFolder, hashParts } from '../../pipeline/cache/hash.ts'

describe('hashFolder', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speed-hash-'))
    await writeFile(join(dir, 'a.hbs'), 'A')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('changes with a file content, a rename and a new file; not with a rewrite of the same bytes', async () => {
    const first = await hashFolder(dir)
    await writeFile(join(dir, 'a.hbs'), 'A')
    expect(await hashFolder(dir)).toBe(first)
    await writeFile(join(dir, 'a.hbs'), 'B')
    const second = await hashFolder(dir)
    expect(second).not.toBe(first)
    await rename(join(dir, 'a.hbs'), join(dir, 'b.hbs'))
    const third = await hashFolder(dir)
    expect(third).not.toBe(second)
    await writeFile(join(dir, 'c.hbs'), '')
    expect(await hashFolder(dir)).not.toBe(third)
  })
})

describe('hashParts', () => {
  it('keeps parts apart', () => {
    expect(hashParts(['ab', 'c'])).not.toBe(hashParts(['a', 'bc']))
  })
})

describe('keyOf', () => {
  const inputs: BuildInputs = { code: 'code', templates: 'templates', browser: 'Chromium 1', cwd: '/repo' }
  const source = 'source/eu-asia-digital-cooperation.md'

  it('changes with the bytes, the date, the code, the templates, the browser and the working folder', async () => {
    const { hash } = await sourceHash(source)
    const base = keyOf(hash, '2024-01-01', inputs)
    expect(keyOf(hash, '2024-01-01', { ...inputs })).toBe(base)
    const changed = [
      keyOf(
        hash.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        '2024-01-01',
        inputs,
      ),
      keyOf(hash, '2024-01-02', inputs),
      keyOf(hash, '2024-01-01', { ...inputs, code: 'code 2' }),
      keyOf(hash, '2024-01-01', { ...inputs, templates: 'templates 2' }),
      keyOf(hash, '2024-01-01', { ...inputs, browser: 'no-pdf' }),
      keyOf(hash, '2024-01-01', { ...inputs, cwd: '/elsewhere' }),
    ]
    for (const key of changed) expect(key).not.toBe(base)
    expect(new Set(changed).size).toBe(changed.length)
  })
})
