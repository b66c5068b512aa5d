/**
 * Partner names: every way a text may name a country (name, official name, alternative
 * spellings, capital, demonym, hand-kept aliases) or a regional body (acronym, long name,
 * aliases), from the generated country table and the hand-kept lists in `pipeline/data/`.
 */
import { slug } from 'github-slugger'
import aliases from '../data/aliases.json' with { type: 'json' }
import countries from '../data/countries.generated.json' with { type: 'json' }
import regions from '../data/regions.json' with { type: 'json' }
import { escapeRegExp } from './regex.ts'

/** A partner as the briefing names it. */
export interface PartnerRef {
  id: string
  name: string
  kind: 'country' | 'region'
  iso: string | null
}

/** A place in a text where a partner is named. */
export interface Mention {
  ref: PartnerRef
  start: number
  end: number
  /** How it was named: a capital or another city (`capital`) or a demonym is a weaker cue than the name. */
  via: 'name' | 'capital' | 'demonym'
}

/** Regions of the world whose countries are partners of this genre (Asia and the Pacific). */
const PARTNER_REGIONS = new Set(['Asia', 'Oceania'])

const countryRefs = new Map<string, PartnerRef>()
const names = new Map<string, { ref: PartnerRef; via: Mention['via']; inText: boolean }>()

function add(name: string, ref: PartnerRef, via: Mention['via'], inText: boolean): void {
  const key = name.trim()
  if (key && !names.has(key)) names.set(key, { ref, via, inText })
}

for (const row of countries) {
  const ref: PartnerRef = { id: slug(row.name), name: row.name, kind: 'country', iso: row.iso }
  countryRefs.set(row.iso, ref)
  const inText = PARTNER_REGIONS.has(row.region)
  add(row.name, ref, 'name', inText)
  add(row.official, ref, 'name', inText)
  for (const spelling of row.altSpellings) add(spelling, ref, 'name', inText)
  for (const capital of row.capitals) add(capital, ref, 'capital', inText)
  if (row.demonym) add(row.demonym, ref, 'demonym', inText)
  // ISO codes name a country in a heading, never in running text ("IN", "IT").
  add(row.iso, ref, 'name', false)
}
for (const [via, table] of [
  ['name', aliases.names],
  ['demonym', aliases.demonyms],
  ['capital', aliases.cities],
] as const) {
  for (const [iso, list] of Object.entries(table as Record<string, string[]>)) {
    const ref = countryRefs.get(iso)
    if (ref) for (const alias of list) add(alias, ref, via, true)
  }
}
for (const region of regions) {
  const ref: PartnerRef = { id: region.id, name: region.name, kind: 'region', iso: null }
  for (const name of [region.name, region.longName, ...region.aliases]) add(name, ref, 'name', true)
}

/** Regional bodies' member states (ISO codes), by region id. */
export const regionMembers: ReadonlyMap<string, readonly string[]> = new Map(
  regions.map((region) => [region.id, region.members]),
)

/** The country with ISO code `iso`, if any. */
export function countryByIso(iso: string): PartnerRef | undefined {
  return countryRefs.get(iso)
}

/** The partner `text` names exactly (a heading or a bare line), if any. */
export function resolveName(text: string, extra?: ReadonlyMap<string, PartnerRef>): PartnerRef | undefined {
  const key = text
    .trim()
    .replace(/^(the)\s+/i, '')
    .replace(/[:.]$/, '')
    .replace(/^EU[-–‑]\s*/, '')
    .trim()
  return names.get(key)?.ref ?? extra?.get(key)
}

/** Every name of a partner, for checks such as spelling. */
export function allNames(): Iterable<string> {
  return names.keys()
}

function matcher(list: Iterable<string>): RegExp {
  const sorted = [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  return new RegExp(`(?<![\\p{L}\\p{N}@])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}@])`, 'gu')
}

const textMatcher = matcher([...names].filter(([, entry]) => entry.inText).map(([name]) => name))

/** Every partner named in `text`, in order; `extra` adds names found in this document. */
export function findMentions(text: string, extra?: ReadonlyMap<string, PartnerRef>): Mention[] {
  const found: Mention[] = []
  for (const match of text.matchAll(textMatcher)) {
    const entry = names.get(match[0])
    if (entry) found.push({ ref: entry.ref, start: match.index, end: match.index + match[0].length, via: entry.via })
  }
  if (extra && extra.size > 0) {
    for (const match of text.matchAll(matcher(extra.keys()))) {
      const ref = extra.get(match[0])
      if (ref && !found.some((m) => m.start <= match.index && match.index < m.end)) {
        found.push({ ref, start: match.index, end: match.index + match[0].length, via: 'name' })
      }
    }
    found.sort((a, b) => a.start - b.start)
  }
  return found
}
