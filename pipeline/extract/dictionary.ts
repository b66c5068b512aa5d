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
  byKey: Map<string, string[]>
  always: string[]
}

let index: Index | undefined

function load(): Index {
  if (index) return index
  const aff = Buffer.from(enGb.aff)
  const prefixes = [...aff.toString('utf8').matchAll(/^PFX[ \t]+\S+[ \t]+\S+[ \t]+(\S+)[ \t]+\S+/gm)]
    .map((match) => (match[1] ?? '').split('/')[0] ?? '')
    .filter((prefix) => prefix && prefix !== '0')
  const byKey = new Map<string, string[]>()
  const always: string[] = []
  for (const line of Buffer.from(enGb.dic).toString('utf8').split('\n').slice(1)) {
    const stem = (line.split('/')[0] ?? '').toLowerCase()
    if (!stem) continue
    if (/^\d/.test(stem)) always.push(line)
    else {
      const key = stem.slice(0, Math.max(1, Math.min(3, stem.length - 1)))
      const list = byKey.get(key)
      if (list) list.push(line)
      else byKey.set(key, [line])
    }
  }
  index = { aff, prefixes: [...new Set(prefixes)], byKey, always }
  return index
}

/** The index keys under which the stems of `word` can be. */
function keysOf(word: string, prefixes: readonly string[]): string[] {
  const lower = word.toLowerCase()
  const keys = [lower.slice(0, 1), lower.slice(0, 2), lower.slice(0, 3)]
  for (const prefix of prefixes) {
    const rest = lower.startsWith(prefix) ? lower.slice(prefix.length) : ''
    if (rest) keys.push(rest.slice(0, 1), rest.slice(0, 2), rest.slice(0, 3))
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
  const { aff, prefixes, byKey, always } = load()
  const keys = new Set<string>()
  for (const word of words) for (const key of keysOf(word, prefixes)) if (!skip.has(key)) keys.add(key)
  const lines = [...always]
  for (const key of [...keys].sort()) lines.push(...(byKey.get(key) ?? []))
  return { spell: nspell({ aff, dic: Buffer.from(`${lines.length}\n${lines.join('\n')}`) }), keys }
}
