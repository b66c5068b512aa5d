import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import enGb from 'dictionary-en-gb'
import nspell from 'nspell'
import { describe, expect, it } from 'vitest'
import { checkerFor } from '../../pipeline/extract/dictionary.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/extract/', import.meta.url))

describe('partial en-GB dictionary', () => {
  it('judges every word of the fixtures exactly as the whole dictionary does', () => {
    const full = nspell({ aff: Buffer.from(enGb.aff), dic: Buffer.from(enGb.dic) })
    for (const name of readdirSync(FIXTURES)) {
      const text = readFileSync(`${FIXTURES}${name}/input.md`, 'utf8')
      const words = [...new Set([...text.matchAll(/[\p{L}][\p{L}'’-]*[\p{L}]/gu)].flatMap((m) => m[0].split('-')))]
      const { spell } = checkerFor(words)
      const differing = words.filter((word) => spell.correct(word) !== full.correct(word))
      expect(differing).toEqual([])
    }
  })

  it('does not accept words only the compound rules could make up', () => {
    const { spell } = checkerFor(['Presient', 'mpresient'])
    expect(spell.correct('mpresient')).toBe(false)
    expect(spell.correct('21st')).toBe(true)
  })
})
