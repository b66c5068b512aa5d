/**
 * Partner names: every way a text may name a country (name, official name, alternative
 * spellings, capital, demonym, hand-kept aliases) or a regional body (acronym, long name,
 * aliases), from the generated country table and the hand-kept lists in `pipeline/data/`; and
 * the world's regions ("Latin America", "Western Balkans"), which only a heading names: running
 * text that mentions Africa is not thereby about Africa.
 */
import { slug } from 'github-slugger'
import aliases from '../data/aliases.json' with { type: 'json' }
import countries from '../data/countries.generated.json' with { type: 'json' }
import euMembers from '../data/eu-members.json' with { type: 'json' }
import regions from '../data/regions.json' with { type: 'json' }
import worldRegions from '../data/world-regions.json' with { type: 'json' }

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

/**
 * Any country of the world may be a partner, named in running text or in a heading, but for the
 * EU's own member states: the text speaks for their side, so they are partners only by a heading.
 */
const EU_MEMBERS = new Set(euMembers.members)

/** A partner's id: a kebab-case ASCII slug of its name ("Türkiye" → "turkiye"), also its HTML anchor. */
export function partnerId(name: string): string {
  return slug(name.normalize('NFKD').replace(/\p{M}/gu, ''))
}

const countryRefs = new Map<string, PartnerRef>()
const names = new Map<string, { ref: PartnerRef; via: Mention['via']; inText: boolean }>()

function add(name: string, ref: PartnerRef, via: Mention['via'], inText: boolean): void {
  const key = name.trim()
  const known = names.get(key)
  // A hand-kept alias may let running text use a country's own code ("the US", whose ISO code is "US").
  if (known && known.ref.id === ref.id && inText && !known.inText) known.inText = true
  if (key && !known) names.set(key, { ref, via, inText })
}

const shown = aliases.shown as Record<string, string>
for (const row of countries) {
  // The name the EU and the UN use, where it is not the common English one ("Côte d'Ivoire").
  const name = shown[row.iso] ?? row.name
  const ref: PartnerRef = { id: partnerId(name), name, kind: 'country', iso: row.iso }
  countryRefs.set(row.iso, ref)
  const inText = !EU_MEMBERS.has(row.iso)
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
/** Each world region's names, by its id: running text names it only in a section its heading opened. */
const worldRegionNames = new Map<string, Map<string, PartnerRef>>()
for (const region of worldRegions) {
  const ref: PartnerRef = { id: region.id, name: region.name, kind: 'region', iso: null }
  const own = new Map<string, PartnerRef>()
  for (const name of [region.name, ...region.aliases]) {
    add(name, ref, 'name', false)
    own.set(name, ref)
  }
  worldRegionNames.set(region.id, own)
}

/** The names of `ref` if it is a world region ("Latin America"), which is a partner only by a heading. */
export function namesOfWorldRegion(ref: PartnerRef | null): ReadonlyMap<string, PartnerRef> | undefined {
  return ref ? worldRegionNames.get(ref.id) : undefined
}

/** Every world region's names ("Latin America", "the Gulf"). */
export const worldRegionNamesAll: ReadonlyMap<string, PartnerRef> = new Map(
  [...worldRegionNames.values()].flatMap((names) => [...names]),
)

/** Regional bodies' long names ("Association of Southeast Asian Nations"), by region id. */
export const regionLongNames: ReadonlyMap<string, string> = new Map(
  regions.map((region) => [region.id, region.longName]),
)

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

/** How many words the longest in-text name has ("Democratic Republic of Timor-Leste"). */
const inTextNames = new Set([...names].filter(([, entry]) => entry.inText).map(([name]) => name))
const MAX_WORDS = Math.max(...[...inTextNames].map((name) => name.split(/[\s-]+/).length))

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&]*/gu
const ONE_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’.&]*$/u
const FIRST_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’.&]*/u
/** A word that ends in neither a possessive nor a stop, which `scan` keeps whole. */
const ENDS_PLAIN = /[^s.’']$/

/**
 * The first word of `name` as `scan` reads a text ("Timor" of "Timor-Leste"): a name found at a
 * word of the text starts with that word, whole ("Timor") or, alone, without its possessive or
 * stop ("Japan" for "Japan's").
 */
function firstWord(name: string): string {
  return FIRST_WORD.exec(name)?.[0] ?? ''
}

const inTextFirsts = new Set([...inTextNames].map(firstWord))

/** Whether running text names a partner by exactly `name` ("AU" does so only in a heading, as Australia's ISO code). */
export function namedInText(name: string): boolean {
  return inTextNames.has(name)
}

/**
 * Where a word that may start a name starts: a first character of a name's first word, that no
 * letter or digit before it in the same word precedes. A pattern finds these among the words of
 * a megabyte faster than a look at each word.
 */
function wordStarts(firsts: Iterable<string>): RegExp {
  const characters = [
    ...new Set([...firsts].filter(Boolean).map((word) => String.fromCodePoint(word.codePointAt(0) ?? 0))),
  ]
  const escaped = characters.map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join('')
  return new RegExp(`(?<![\\p{L}\\p{N}][\\p{L}\\p{N}'’.&]*)[${escaped}]`, 'gu')
}
const IN_TEXT_STARTS = wordStarts(inTextFirsts)

/**
 * What begins a name of more words, word by word, as `scan` reads a text ("Republic" and
 * "Republic of" for "Republic of Korea"): after words that begin none, no name goes on.
 */
function beginnings(names: Iterable<string>): Set<string> {
  const found = new Set<string>()
  for (const name of names) {
    if (ONE_WORD.test(name)) continue
    for (let word = wordFrom(name, 0); word; ) {
      const next = wordFrom(name, word.end)
      if (next) found.add(name.slice(0, word.trimmed))
      word = next
    }
  }
  return found
}
let inTextBeginnings: Set<string> | undefined

/** A word without its possessive or its stop ("Japan's", "Japan."). */
function trimmed(word: string): string {
  return ENDS_PLAIN.test(word) ? word : word.replace(/['’]s$/, '').replace(/[.’']+$/, '')
}

/**
 * The first word of `text` at or after `from`, as `WORD` reads it: where it starts and ends, and
 * where it ends without a possessive or a stop, which are no part of a name; `null` for none.
 */
function wordFrom(text: string, from: number): { start: number; end: number; trimmed: number } | null {
  WORD.lastIndex = from
  const match = WORD.exec(text)
  if (!match) return null
  return { start: match.index, end: match.index + match[0].length, trimmed: match.index + trimmed(match[0]).length }
}

/**
 * Names of `known` in `text`, longest first at each word start: a lookup of the next one to
 * `MAX_WORDS` words in a set (a regular expression of 1,500 alternatives is far slower). Only a
 * word that `starts` finds and that `mayStart` a name (cheap tests of the word alone) is tried at
 * all; only there are the words after it read, and only while the words so far `begins` a longer name.
 */
function scan(
  text: string,
  known: (candidate: string) => boolean,
  mayStart: (word: string) => boolean,
  starts: RegExp,
  begins: (words: string) => boolean,
): { start: number; end: number; name: string }[] {
  const found: { start: number; end: number; name: string }[] = []
  starts.lastIndex = 0
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    const at = match.index
    const first = wordFrom(text, at)
    if (!first) break
    const whole = text.slice(first.start, first.end)
    const trimmed = text.slice(first.start, first.trimmed)
    let next = first.end
    // A name starts at a word that is not glued to a letter before it ("EU-Korea" counts).
    if ((mayStart(whole) || (trimmed !== whole && mayStart(trimmed))) && !/[\p{L}\p{N}@]/u.test(text[at - 1] ?? '')) {
      // The words after it, while those so far begin a longer name.
      const words = [first]
      for (let last = first; words.length < MAX_WORDS && begins(text.slice(first.start, last.trimmed)); ) {
        const word = wordFrom(text, last.end)
        if (!word) break
        words.push(word)
        last = word
      }
      for (let n = words.length; n >= 1; n--) {
        const last = words[n - 1] as (typeof words)[number]
        const candidate = text.slice(first.start, last.trimmed)
        if (/[\p{L}\p{N}@]/u.test(text[last.trimmed] ?? '') && text[last.trimmed] !== "'" && text[last.trimmed] !== '’')
          continue
        if (known(candidate)) {
          found.push({ start: first.start, end: last.trimmed, name: candidate })
          next = last.end
          break
        }
      }
    }
    starts.lastIndex = next
  }
  return found
}

/** What `scan` needs to read the names a text adds (`wordStarts`, `beginnings`), made once per set of names. */
const extraReadings = new Map<string, { starts: RegExp; beginnings: Set<string> }>()
function extraReading(extra: ReadonlyMap<string, PartnerRef>): { starts: RegExp; beginnings: Set<string> } {
  const key = [...extra.keys()].join('\n')
  let reading = extraReadings.get(key)
  if (!reading) {
    reading = {
      starts: wordStarts([...inTextFirsts, ...[...extra.keys()].map(firstWord)]),
      beginnings: beginnings(extra.keys()),
    }
    extraReadings.set(key, reading)
  }
  return reading
}

/** Every partner named in `text`, in order; `extra` adds names found in this document. */
export function findMentions(text: string, extra?: ReadonlyMap<string, PartnerRef>): Mention[] {
  const found: Mention[] = []
  const extraFirsts = new Set(extra ? [...extra.keys()].map(firstWord) : [])
  const known = (candidate: string) => inTextNames.has(candidate) || Boolean(extra?.has(candidate))
  const mayStart = (word: string) => inTextFirsts.has(word) || extraFirsts.has(word)
  const starts = extra && extraFirsts.size > 0 ? extraReading(extra).starts : IN_TEXT_STARTS
  inTextBeginnings ??= beginnings(inTextNames)
  const extraBeginnings = extra?.size ? extraReading(extra).beginnings : undefined
  const begins = (words: string) => Boolean(inTextBeginnings?.has(words) || extraBeginnings?.has(words))
  for (const match of scan(text, known, mayStart, starts, begins)) {
    const entry = inTextNames.has(match.name) ? names.get(match.name) : undefined
    const ref = entry?.ref ?? extra?.get(match.name)
    if (ref) found.push({ ref, start: match.start, end: match.end, via: entry?.via ?? 'name' })
  }
  return found
}
