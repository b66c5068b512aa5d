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
import enGb from 'dictionary-en-gb'
import nspell from 'nspell'

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
  const aff = Buffer.from(enGb.aff)
  const prefixes = [...aff.toString('utf8').matchAll(/^PFX[ \t]+\S+[ \t]+\S+[ \t]+(\S+)[ \t]+\S+/gm)]
    .map((match) => (match[1] ?? '').split('/')[0] ?? '')
    .filter((prefix) => prefix && prefix !== '0')
  const byFine = new Map<string, Entry[]>()
  const all: Entry[] = []
  const always: string[] = []
  const dic = Buffer.from(enGb.dic).toString('utf8')
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

let byKeyCache: Map<string, string[]> | undefined

/** The entries by their stem's first three letters (`checkerFor`'s index), built when first asked for. */
function byKey(): Map<string, string[]> {
  if (byKeyCache) return byKeyCache
  byKeyCache = new Map<string, string[]>()
  for (const { line, key } of load().all) {
    const list = byKeyCache.get(key)
    if (list) list.push(line)
    else byKeyCache.set(key, [line])
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
  for (const key of [...keys].sort()) lines.push(...(index.get(key) ?? []))
  return { spell: nspell({ aff, dic: Buffer.from(`${lines.length}\n${lines.join('\n')}`) }), keys }
}

/** The index keys whose entries `checkerFor(words)` would load. */
export function keysFor(words: Iterable<string>): Set<string> {
  const { prefixes } = load()
  const keys = new Set<string>()
  for (const word of words) for (const key of keysOf(word, prefixes)) keys.add(key)
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

/** A checker that loads entries as words come: `prepare` them in batches to build fewer checkers. */
export interface LazyChecker {
  correct: (word: string) => boolean
  prepare: (words: Iterable<string>) => void
}

/**
 * A checker that answers for any word exactly as `checkerFor` with the index keys `within` would
 * (leaving out the entries in `skip`, held by another checker the caller consults too), loading
 * the entries that can spell a word only when that word, or a batch it is in, comes. Each batch is
 * a checker of its own, asked only about the words its keys can spell.
 */
export function lazyCheckerWithin(within: ReadonlySet<string>, skip: ReadonlySet<object>): LazyChecker {
  const { aff, prefixes, byFine, always } = load()
  /** Fine keys already loaded, with the checker holding their entries (`undefined`: none). */
  const covered = new Map<string, Checker | undefined>()
  const keysOfWord = (word: string) => {
    const keys = keysOf(word, prefixes, FINE)
    if (word.includes('’')) keys.push(...keysOf(word.replace(/’/g, "'"), prefixes, FINE))
    return keys
  }
  const load_ = (keys: Iterable<string>) => {
    const lines: string[] = []
    const holding: string[] = []
    for (const key of keys) {
      if (covered.has(key)) continue
      covered.set(key, undefined)
      let held = false
      for (const entry of byFine.get(key) ?? [])
        if (within.has(entry.key) && !skip.has(entry)) {
          lines.push(entry.line)
          held = true
        }
      if (held) holding.push(key)
    }
    if (!lines.length) return
    const checker = nspell({
      aff,
      dic: Buffer.from(`${always.length + lines.length}\n${[...always, ...lines].join('\n')}`),
    })
    for (const key of holding) covered.set(key, checker)
  }
  // The keys of an ASCII word come from its first letters (a prefix and `FINE` letters at most),
  // so words that begin alike share the checkers to ask.
  const routes = new Map<string, Checker[]>()
  const headLength = Math.max(0, ...prefixes.map((prefix) => prefix.length)) + FINE + 1
  const routeId = (word: string) => {
    const head = word.slice(0, headLength)
    return /^[ -~]*$/.test(head) ? head : undefined
  }
  const route = (word: string): Checker[] => {
    const id = routeId(word)
    let found = id === undefined ? undefined : routes.get(id)
    if (!found) {
      const keys = keysOfWord(word)
      load_(keys)
      const checkers = new Set<Checker>()
      for (const key of keys) {
        const checker = covered.get(key)
        if (checker) checkers.add(checker)
      }
      found = [...checkers]
      if (id !== undefined) routes.set(id, found)
    }
    return found
  }
  return {
    prepare: (words) => {
      const keys = new Set<string>()
      const seen = new Set<string>()
      for (const word of words) {
        const id = routeId(word)
        if (id !== undefined && (seen.has(id) || routes.has(id))) continue
        if (id !== undefined) seen.add(id)
        for (const key of keysOfWord(word)) if (!covered.has(key)) keys.add(key)
      }
      load_(keys)
    },
    correct: (word) => route(word).some((checker) => checker.correct(word)),
  }
}
