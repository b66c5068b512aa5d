/**
 * The spelling memo spares asking the dictionary about tokens an earlier check judged; what a
 * check reports must not depend on it: the same words, places and suggestions, cold or warm, and
 * also when a memo made from other texts is carried over (the hundred-suggestion cap included).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findMisspellings, type SpellingMemo } from '../../pipeline/extract/spelling.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/extract/', import.meta.url))
const texts = readdirSync(FIXTURES).map((name) => readFileSync(`${FIXTURES}${name}/input.md`, 'utf8'))
/** More than a hundred distinct unknown words, some of them possessive. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
const letters = (n: number) => `${ALPHABET.charAt(Math.floor(n / 26))}${ALPHABET.charAt(n % 26)}`
const gibberish = Array.from({ length: 130 }, (_, index) => `Zqv${letters(index)}rtol${index % 7 ? '' : "'s"}`).join(
  ' ',
)
const mixed = [`${gibberish}. The goverment and the ministy signed it.`, 'Presient and secrity, again.']

describe('the spelling memo', () => {
  it('changes nothing a check reports, cold or warm', () => {
    const flagged = new Set(findMisspellings([mixed[0] as string])[0]?.map((typo) => typo.word))
    expect(flagged.size).toBeGreaterThan(100)
    for (const text of [...texts, ...mixed]) {
      const cold = findMisspellings([text])
      const memo: SpellingMemo = new Map()
      expect(findMisspellings([text], memo)).toEqual(cold)
      expect(memo.size).toBeGreaterThan(0)
      expect(findMisspellings([text], memo)).toEqual(cold)
    }
  })

  it('changes nothing when it was made from other texts', () => {
    const memo: SpellingMemo = new Map()
    for (const text of [...mixed].reverse()) findMisspellings([text], memo)
    for (const text of texts) findMisspellings([text], memo)
    for (const text of [...texts, ...mixed]) expect(findMisspellings([text], memo)).toEqual(findMisspellings([text]))
    expect(findMisspellings(mixed, memo)).toEqual(findMisspellings(mixed))
  })
})
