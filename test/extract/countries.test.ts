import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COUNTRY_TABLE, generateCountries } from '../../pipeline/data/generate-countries.ts'

describe('generated country table', () => {
  it('is current with world-countries (run `npm run generate:countries`)', () => {
    expect(readFileSync(COUNTRY_TABLE, 'utf8')).toBe(generateCountries())
  })

  it('covers Asia and the Pacific with names, capitals and demonyms', () => {
    const rows = JSON.parse(readFileSync(COUNTRY_TABLE, 'utf8')) as {
      iso: string
      capitals: string[]
      demonym: string | null
    }[]
    const byIso = new Map(rows.map((row) => [row.iso, row]))
    for (const iso of ['CN', 'IN', 'JP', 'KR', 'VN', 'ID', 'PH', 'TW', 'AU', 'NZ', 'SG', 'TH', 'MY'])
      expect(byIso.has(iso)).toBe(true)
    expect(byIso.get('VN')?.capitals).toContain('Hanoi')
    expect(byIso.get('IN')?.demonym).toBe('Indian')
  })
})
