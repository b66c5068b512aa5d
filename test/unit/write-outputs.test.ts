/**
 * The files stage: the JSON made in pieces is `JSON.stringify(value, null, 2)` to the byte, and a
 * file written atomically from bytes, a text or a text in pieces holds the same UTF-8 bytes, whose
 * SHA-256 `writeAtomic` returns, with the stamp of the file in place.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stampOf } from '../../pipeline/cache/file-stamps.cjs'
import { jsonChunks, writeAtomic } from '../../pipeline/output/write-outputs.ts'

const stringified = (value: object) => `${JSON.stringify(value, null, 2)}\n`

describe('jsonChunks', () => {
  it('is JSON.stringify with a two-space indent and a final newline, for the briefing the seed gives', async () => {
    const briefing = JSON.parse(await readFile('output/eu-asia-digital-cooperation.json', 'utf8'))
    expect([...jsonChunks(briefing)].join('')).toBe(stringified(briefing))
    expect([...jsonChunks(briefing)].length).toBeGreaterThan(10)
  })

  it('is JSON.stringify for any object: arrays empty or not, nesting, line breaks in text, values JSON leaves out', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'grapheme' }))),
      fc.string().map((text) => `${text}\n–\u2028${text}`),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), (object) => {
        expect([...jsonChunks(object)].join('')).toBe(stringified(object))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('writeAtomic', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-outputs-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes bytes, a text or a text in pieces as the same UTF-8, and returns the SHA-256 of what it wrote and the stamp of the file', async () => {
    // Pieces past the batch size (1 MiB), and characters of two, three and four bytes.
    const pieces = Array.from({ length: 8000 }, (_, index) => `${index}: EU–Japan 日本 😀 ${'x'.repeat(index % 300)}\n`)
    // Pieces too long to encode at once: one of two-byte characters, one of surrogate pairs (cut between pairs).
    pieces.splice(5000, 0, 'é'.repeat(400_000), '😀'.repeat(200_000))
    const text = pieces.join('')
    const bytes = Buffer.from(text)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    for (const [name, data] of [
      ['bytes', new Uint8Array(bytes)],
      ['text', text],
      ['pieces', pieces],
      [
        'generated',
        (function* () {
          yield* pieces
        })(),
      ],
    ] as const) {
      const path = join(dir, `${name}.txt`)
      const written = await writeAtomic(path, data)
      expect(written.hash, name).toBe(sha256)
      expect((await readFile(path)).equals(bytes), name).toBe(true)
      // The stamp of the file as it is now, in place: what the cache will know it by.
      expect(written.stamp, name).toBe(stampOf(await stat(path, { bigint: true })))
      expect(written.stamp, name).toMatch(/^\d+:\d+:\d+$/)
    }
  })
})
