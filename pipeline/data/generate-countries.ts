/**
 * Generates `countries.generated.json`, the small country table the extractor consults (names,
 * ISO codes, capitals, demonyms, Latin alternative spellings, region), from the kept
 * `world-countries` package, so the build never ships its flags, maps and translations.
 * Run `npm run generate:countries`; a test checks the committed file is current.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Countries } from 'world-countries'
import worldCountries from 'world-countries'

// The package is CommonJS: under NodeNext its default export is typed as the module itself.
const countries = ((worldCountries as unknown as { default?: Countries }).default ?? worldCountries) as Countries

/** One row of the generated table. */
export interface CountryRow {
  iso: string
  name: string
  official: string
  capitals: string[]
  demonym: string | null
  altSpellings: string[]
  region: string
  subregion: string
  latlng: [number, number]
}

/** Target of the generated table. */
export const COUNTRY_TABLE = fileURLToPath(new URL('countries.generated.json', import.meta.url))

const LATIN = /^[A-Za-z][A-Za-z .,'()-]+$/

/** The table as committed: sorted by ISO code, one country per line. */
export function generateCountries(): string {
  const demonymCount = new Map<string, number>()
  // Count among UN members, so "Indian" is India's, not also the Indian Ocean Territory's.
  for (const country of countries) {
    const demonym = country.demonyms?.eng?.m
    if (demonym && country.unMember) demonymCount.set(demonym, (demonymCount.get(demonym) ?? 0) + 1)
  }
  const rows: CountryRow[] = countries
    .map((country) => {
      const demonym = country.demonyms?.eng?.m ?? null
      return {
        iso: country.cca2,
        name: country.name.common,
        official: country.name.official,
        capitals: [...country.capital],
        // A demonym shared by several members names none of them; territories have none of their own.
        demonym: demonym && country.unMember && demonymCount.get(demonym) === 1 ? demonym : null,
        altSpellings: country.altSpellings.filter(
          (spelling) => LATIN.test(spelling) && spelling.length > 3 && !spelling.includes(', '),
        ),
        region: country.region,
        subregion: country.subregion,
        latlng: [country.latlng[0], country.latlng[1]] as [number, number],
      }
    })
    .sort((a, b) => (a.iso < b.iso ? -1 : 1))
  return `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(COUNTRY_TABLE, generateCountries())
  console.log(`wrote ${COUNTRY_TABLE}`)
}
