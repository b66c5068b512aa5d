/**
 * Texts kept between runs (`disk-memo.ts`): made once per key, read back after, made again when the
 * kept one is gone; at most 200 of a kind are kept. And the briefing's map read back is the map drawn.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../pipeline/cache/code-hash.cjs'
import { remembered } from '../../pipeline/cache/disk-memo.ts'
import { extractBriefing } from '../../pipeline/extract/extract-briefing.ts'
import { renderHtml } from '../../pipeline/render/render-html.ts'
import { readSource } from '../../pipeline/source/read-source.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'

const KIND = `test-${process.pid}`
const FOLDER = join(ROOT, 'node_modules', '.cache', 'briefing', KIND)

describe('remembered', () => {
  afterAll(() => rmSync(FOLDER, { recursive: true, force: true }))

  it('makes a text once per key and reads it back after; makes it again when it is gone', () => {
    let made = 0
    const make = (text: string) => () => {
      made++
      return text
    }
    expect(remembered(KIND, ['a'], make('A é'))).toBe('A é')
    expect(remembered(KIND, ['a'], make('other'))).toBe('A é')
    expect(made).toBe(1)
    // Parts are kept apart: ['a', 'b'] is not ['ab'].
    expect(remembered(KIND, ['a', 'b'], make('AB'))).toBe('AB')
    expect(remembered(KIND, ['ab'], make('ab'))).toBe('ab')
    expect(made).toBe(3)
    rmSync(FOLDER, { recursive: true, force: true })
    expect(remembered(KIND, ['a'], make('A again'))).toBe('A again')
    expect(made).toBe(4)
  })

  it('keeps at most 200 texts of a kind', () => {
    for (let index = 0; index < 205; index++) remembered(KIND, [String(index)], () => String(index))
    expect(readdirSync(FOLDER).length).toBe(200)
  })
})

describe('the map of a briefing', () => {
  it('is the same read back as drawn', async () => {
    const file = await readSource(join(ROOT, 'source', 'eu-asia-digital-cooperation.md'))
    const briefing = extractBriefing(parseTree(file), file)
    const meta = { sourceDate: '2024-01-01', subtitle: null, lang: 'en', keywords: [] }
    // Other test files write pictures into the same folder meanwhile: it is moved aside whole (at
    // once), then removed; removing it in place fails when a picture lands in it meanwhile.
    const pictures = join(ROOT, 'node_modules', '.cache', 'briefing', 'pictures')
    const aside = `${pictures}.${process.pid}.removed`
    try {
      renameSync(pictures, aside)
    } catch {
      // No pictures yet.
    }
    rmSync(aside, { recursive: true, force: true })
    const drawn = await renderHtml(briefing, meta)
    expect(drawn).toContain('id="fig-map')
    expect(await renderHtml(briefing, meta)).toBe(drawn)
  })
})
