/**
 * Files known by their stamps (`file-stamps.cjs`): a source or an output whose stamp is the one
 * recorded is not read again, any write gives another stamp, a file read just after a change is not
 * remembered by its stamp, and stamps from another boot of the machine are dropped.
 */
import { createHash } from 'node:crypto'
import type { BigIntStats } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sourceHash } from '../../pipeline/cache/build-inputs.ts'
import { bootId, SETTLED_MS, settled, stampOf } from '../../pipeline/cache/file-stamps.cjs'
import { type CacheEntry, isFresh, loadManifest, manifestPath, saveManifest } from '../../pipeline/cache/manifest.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const settle = () => new Promise((done) => setTimeout(done, SETTLED_MS + 20))
const stampNow = async (path: string) => stampOf(await stat(path, { bigint: true }))

describe('file stamps', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-stamps-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('know a source by its stamp once it has been left alone, and never after a write', async () => {
    const path = join(dir, 'source.md')
    const writing = Date.now()
    await writeFile(path, 'Japan\n')
    // Just written: hashed, and not to be known by its stamp (a write in the same tick would not show).
    const first = await sourceHash(path)
    expect(first.hash).toBe(sha256('Japan\n'))
    // (Unless the machine stalled for longer than SETTLED_MS since the write: then it was left alone long enough.)
    if (Date.now() - writing < SETTLED_MS - 15) expect(first.stamp).toBeNull()
    await settle()
    const known = await sourceHash(path)
    expect(known).toEqual({ hash: sha256('Japan\n'), stamp: await stampNow(path) })
    // While the stamp holds, the recorded hash is taken without reading the file.
    expect((await sourceHash(path, { hash: 'recorded', stamp: known.stamp })).hash).toBe('recorded')
    await writeFile(path, 'Korea\n')
    expect((await sourceHash(path, { hash: 'recorded', stamp: known.stamp })).hash).toBe(sha256('Korea\n'))
  })

  it('let isFresh skip reading an output while its stamp holds, and record the stamp of one it read', async () => {
    const path = join(dir, 'out.html')
    await writeFile(path, '<p>EU</p>\n')
    await settle()
    const stamp = await stampNow(path)
    expect(stamp).not.toBeNull()
    // A recorded stamp is believed: the file is not read (the hash recorded here is not its own).
    expect(await isFresh({ key: 'k', files: { [path]: 'not its hash' }, stamps: { [path]: stamp ?? '' } }, 'k')).toBe(
      true,
    )
    // Without one, the file is read, and its stamp recorded for next time.
    const entry: CacheEntry = { key: 'k', files: { [path]: sha256('<p>EU</p>\n') } }
    expect(await isFresh(entry, 'k')).toBe(true)
    expect(entry.stamps).toEqual({ [path]: stamp })
    // Rewritten: another stamp, so read again, and found changed.
    await writeFile(path, '<p>UE</p>\n')
    expect(await isFresh(entry, 'k')).toBe(false)
    // Just rewritten with the old bytes: fresh, but its stamp is not recorded yet.
    const writing = Date.now()
    await writeFile(path, '<p>EU</p>\n')
    const fresh: CacheEntry = { key: 'k', files: { [path]: sha256('<p>EU</p>\n') } }
    expect(await isFresh(fresh, 'k')).toBe(true)
    if (Date.now() - writing < SETTLED_MS - 15) expect(fresh.stamps).toBeUndefined()
  })

  it('are trusted only for a file left alone for SETTLED_MS, and not given by a file system of whole seconds', () => {
    const now = 1_800_000_000_123
    const at = (ms: number) => ({ ctimeNs: BigInt(ms) * 1_000_000n + 456n, size: 7n, ino: 42n }) as BigIntStats
    expect(settled(at(now - SETTLED_MS - 1), now)).toBe(true)
    expect(settled(at(now - SETTLED_MS + 1), now)).toBe(false)
    expect(settled(at(now + 5), now)).toBe(false)
    expect(stampOf(at(now))).toBe(`7:42:${BigInt(now) * 1_000_000n + 456n}`)
    expect(stampOf({ ...at(now), ctimeNs: 1_800_000_000_000_000_000n } as BigIntStats)).toBeNull()
  })

  it('are dropped when the record was saved in another boot of the machine', async () => {
    const out = join(dir, 'boot-out')
    await mkdir(out)
    const entry = (): CacheEntry => ({
      key: 'k',
      files: { a: 'h' },
      stamps: { a: '1:2:3' },
      source: 's',
      sourceStamp: '4:5:6',
    })
    await saveManifest(out, { version: 1, entries: { x: entry() } })
    const saved = JSON.parse(await readFile(manifestPath(out), 'utf8'))
    expect(saved.boot).toBe(bootId())
    expect(bootId()).toMatch(/^[0-9a-f-]{36}$/)
    expect((await loadManifest(out)).entries.x).toEqual(entry())
    await writeFile(manifestPath(out), JSON.stringify({ ...saved, boot: 'another boot' }))
    expect((await loadManifest(out)).entries.x).toEqual({ key: 'k', files: { a: 'h' }, source: 's' })
    await rm(manifestPath(out))
  })
})
