/** `codePointsOf`, the fonts' one-pass scan, against the plain definition it replaced. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointsOf } from '../../pipeline/render/fonts.ts'

/** Every distinct code point above U+0020, ascending: what `Array.from` over the text gives. */
function reference(text: string): number[] {
  const used = [...new Set(Array.from(text, (char) => char.codePointAt(0) ?? 0))].filter((cp) => cp > 0x20)
  return used.sort((a, b) => a - b)
}

describe('codePointsOf', () => {
  it('finds ASCII, accents, CJK, Hangul, astral characters and lone surrogates', () => {
    const text = 'a b\u00e9\u65e5\u672c \ucd1d\ud83d\ude00 \ud800x\udc00 aa'
    expect(codePointsOf(text)).toEqual(reference(text))
    expect(codePointsOf(text)).toContain(0x1f600)
    expect(codePointsOf(text)).toContain(0xd800)
  })

  it('agrees with the definition on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(codePointsOf(text)).toEqual(reference(text))
      }),
      { numRuns: 500 },
    )
  })
})
