/** `codePointsBeyondAscii`, the fonts' scan of the page, against the plain definition it replaced. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointsBeyondAscii, parseFontsourceCss } from '../../pipeline/render/fonts.ts'

/** Every distinct code point beyond ASCII, ascending: what `Array.from` over the text gives. */
function reference(text: string): number[] {
  const used = [...new Set(Array.from(text, (char) => char.codePointAt(0) ?? 0))].filter((cp) => cp > 0x7f)
  return used.sort((a, b) => a - b)
}

describe('codePointsBeyondAscii', () => {
  it('finds accents, CJK, Hangul, astral characters and lone surrogates, not ASCII', () => {
    const text = 'a b\u00e9\u65e5\u672c \ucd1d\ud83d\ude00 \ud800x\udc00 aa\u007f'
    expect(codePointsBeyondAscii(text)).toEqual(reference(text))
    expect(codePointsBeyondAscii(text)).toContain(0x1f600)
    expect(codePointsBeyondAscii(text)).toContain(0xd800)
    expect(codePointsBeyondAscii(text)).not.toContain(0x61)
  })

  it('agrees with the definition on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(codePointsBeyondAscii(text)).toEqual(reference(text))
      }),
      { numRuns: 500 },
    )
  })

  it('finds in pieces (the page outside its styles) what it finds in their whole, pairs not cut', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 })), (pieces) => {
        expect(codePointsBeyondAscii(pieces)).toEqual(reference(pieces.join('')))
      }),
      { numRuns: 500 },
    )
  })

  // Why ASCII needs no look: the Latin face, on every page, is the only text face that has it.
  it('leaves ASCII to the Latin face alone', () => {
    const require = createRequire(import.meta.url)
    for (const weight of [400, 700]) {
      const css = require.resolve(`@fontsource/noto-sans/${weight}.css`)
      const faces = parseFontsourceCss(readFileSync(css, 'utf8'), dirname(css))
      const withAscii = faces.filter((face) => face.ranges.some(([from, to]) => from <= 0x7f && to >= 0x21))
      expect(withAscii.map((face) => face.file.replace(/.*\//, ''))).toEqual([`noto-sans-latin-${weight}-normal.woff2`])
    }
  })
})
