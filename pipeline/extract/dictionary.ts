/**
 * The en-GB Hunspell dictionary (dictionary-en-gb) for nspell, loaded as far as a text needs.
 * nspell expands every entry with its affixes when it loads, which for all 49,600 entries takes
 * about 0.35 s; a briefing needs a third of them. Entries are indexed by the first letters of
 * their stem, and a checker gets the entries that can spell the words it will be asked about.
 *
 * Why this is exact: in this affix file a suffix strips at most one letter and a prefix none, so
 * every form of a stem starts with the stem's first `min(3, length - 1)` letters, after one of
 * the affix file's prefixes. The number entries ("0th", "1st") feed the compound rules and are
 * always loaded (without them nspell's compound patterns would accept almost anything).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import nspell from 'nspell'

/**
 * The package's two files, read when first needed (its own module reads them with a top-level
 * await, at import, which also keeps it from loading in the build's compiled CommonJS).
 */
function enGb(): { aff: Buffer; dic: Buffer } {
  const folder = dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'))
  return { aff: readFileSync(join(folder, 'index.aff')), dic: readFileSync(join(folder, 'index.dic')) }
}

/** An nspell checker. */
export type Checker = ReturnType<typeof nspell>

interface Index {
  aff: Buffer
  prefixes: string[]
  /** Every entry (but the numbers), in the dictionary's order. */
  all: Entry[]
  /** The entries by their stem's first `FINE` letters, each with its `byKey` key. */
  byFine: Map<string, Entry[]>
  always: string[]
}

/** A dictionary line and the key it is under in `byKey`. */
interface Entry {
  line: string
  key: string
}

/**
 * How many first letters the finer index keys on. The reasoning above holds for any number: every
 * form of a stem starts with its first `min(FINE, length - 1)` letters, after a prefix.
 */
const FINE = 5

let index: Index | undefined

function load(): Index {
  if (index) return index
  const files = enGb()
  const aff = files.aff
  const prefixes = [...aff.toString('utf8').matchAll(/^PFX[ \t]+\S+[ \t]+\S+[ \t]+(\S+)[ \t]+\S+/gm)]
    .map((match) => (match[1] ?? '').split('/')[0] ?? '')
    .filter((prefix) => prefix && prefix !== '0')
  const byFine = new Map<string, Entry[]>()
  const all: Entry[] = []
  const always: string[] = []
  const dic = files.dic.toString('utf8')
  // Line by line after the count line, without splitting the whole file into an array first.
  let at = dic.indexOf('\n') + 1
  while (at > 0 && at <= dic.length) {
    const next = dic.indexOf('\n', at)
    const end = next < 0 ? dic.length : next
    const line = dic.slice(at, end)
    at = next < 0 ? dic.length + 1 : next + 1
    const slash = line.indexOf('/')
    const stem = (slash < 0 ? line : line.slice(0, slash)).toLowerCase()
    if (!stem) continue
    const first = stem.charCodeAt(0)
    if (first >= 48 && first <= 57) always.push(line)
    else {
      const key = stem.slice(0, Math.max(1, Math.min(3, stem.length - 1)))
      const fine = stem.slice(0, Math.max(1, Math.min(FINE, stem.length - 1)))
      const entry = { line, key }
      all.push(entry)
      const entries = byFine.get(fine)
      if (entries) entries.push(entry)
      else byFine.set(fine, [entry])
    }
  }
  index = { aff, prefixes: [...new Set(prefixes)], all, byFine, always }
  return index
}

let byKeyCache: Map<string, Entry[]> | undefined

/** The entries by their stem's first three letters (`checkerFor`'s index), built when first asked for. */
function byKey(): Map<string, Entry[]> {
  if (byKeyCache) return byKeyCache
  byKeyCache = new Map<string, Entry[]>()
  for (const entry of load().all) {
    const list = byKeyCache.get(entry.key)
    if (list) list.push(entry)
    else byKeyCache.set(entry.key, [entry])
  }
  return byKeyCache
}

/** The index keys (of `depth` letters at most) under which the stems of `word` can be. */
function keysOf(word: string, prefixes: readonly string[], depth = 3): string[] {
  const lower = word.toLowerCase()
  const keys: string[] = []
  for (let n = 1; n <= depth; n++) keys.push(lower.slice(0, n))
  for (const prefix of prefixes) {
    const rest = lower.startsWith(prefix) ? lower.slice(prefix.length) : ''
    if (rest) for (let n = 1; n <= depth; n++) keys.push(rest.slice(0, n))
  }
  return keys
}

/** A checker, with the index keys whose entries it holds. */
export interface PartialChecker {
  spell: Checker
  keys: ReadonlySet<string>
}

/**
 * A checker that knows every dictionary entry that can spell any of `words`, leaving out the
 * entries under `skip` (already held by another checker the caller consults too).
 */
export function checkerFor(words: Iterable<string>, skip: ReadonlySet<string> = new Set()): PartialChecker {
  const { aff, prefixes, always } = load()
  const index = byKey()
  const keys = new Set<string>()
  for (const word of words) for (const key of keysOf(word, prefixes)) if (!skip.has(key)) keys.add(key)
  const lines = [...always]
  for (const key of [...keys].sort()) for (const entry of index.get(key) ?? []) lines.push(entry.line)
  return { spell: nspell({ aff, dic: Buffer.from(`${lines.length}\n${lines.join('\n')}`) }), keys }
}

/**
 * The index keys whose entries `checkerFor(words)` would load; with `converted`, those of each
 * word with `’` read as `'` too (as Hunspell's ICONV does before a look-up).
 */
export function keysFor(words: Iterable<string>, converted = false): Set<string> {
  const { prefixes } = load()
  const keys = new Set<string>()
  for (const word of words) {
    for (const key of keysOf(word, prefixes)) keys.add(key)
    if (converted && word.includes('’')) for (const key of keysOf(word.replace(/’/g, "'"), prefixes)) keys.add(key)
  }
  return keys
}

/** A checker over some of the dictionary's entries, with the entries it holds. */
export interface SubsetChecker {
  spell: Checker
  entries: ReadonlySet<object>
}

/**
 * A checker that answers for each of `words` exactly as `checkerFor` with the index keys `within`
 * would, loading only the entries that can spell one of `words` (found by the finer index):
 * those of `within` that cannot are not needed. Entries in `skip` are left out (already held by
 * another checker the caller consults too). Hunspell's ICONV turns `’` into `'` before the
 * look-up, so both spellings of a word are looked up here.
 */
export function checkerWithin(
  words: Iterable<string>,
  within: ReadonlySet<string>,
  skip: ReadonlySet<object> = new Set(),
): SubsetChecker {
  const { aff, prefixes, byFine, always } = load()
  const fine = new Set<string>()
  // The keys of a word are those of its lower case.
  const seen = new Set<string>()
  for (const word of words) {
    const lower = word.toLowerCase()
    if (seen.has(lower)) continue
    seen.add(lower)
    for (const key of keysOf(lower, prefixes, FINE)) fine.add(key)
    if (lower.includes('’')) for (const key of keysOf(lower.replace(/’/g, "'"), prefixes, FINE)) fine.add(key)
  }
  const entries = new Set<Entry>()
  for (const key of fine)
    for (const entry of byFine.get(key) ?? []) if (within.has(entry.key) && !skip.has(entry)) entries.add(entry)
  const lines = [...always]
  for (const entry of entries) lines.push(entry.line)
  return { spell: nspell({ aff, dic: Buffer.from(`${lines.length}\n${lines.join('\n')}`) }), entries }
}

/**
 * How many first characters of a word decide which index keys (of `depth` letters) it has: a
 * prefix and `depth` letters. Words that begin alike need the same entries.
 */
export function keySpan(depth = FINE): number {
  return Math.max(0, ...load().prefixes.map((prefix) => prefix.length)) + depth
}
