/**
 * The glossary: every acronym the text uses with its expansion: the text's own definition when
 * it gives one (the first of each meaning: the same letters may name two bodies in one text),
 * else the data lists' (known acronyms, known bodies, regional bodies). Sorted by acronym.
 */
import type { GlossaryEntry, Position } from '../briefing-schema.ts'
import acronyms from '../data/known-acronyms.json' with { type: 'json' }
import regions from '../data/regions.json' with { type: 'json' }
import { knownBodies } from './known-bodies.ts'

const KNOWN = new Map<string, string>()
for (const [acronym, expansion] of Object.entries(acronyms)) if (!acronym.startsWith('$')) KNOWN.set(acronym, expansion)
for (const body of knownBodies)
  for (const acronym of [body.acronym, ...(body.aliases ?? [])]) if (!KNOWN.has(acronym)) KNOWN.set(acronym, body.name)
// The regional bodies the gazetteer knows by an acronym ("ASEAN"), with their full names.
for (const region of regions) if (region.longName && !KNOWN.has(region.name)) KNOWN.set(region.name, region.longName)

/**
 * Letters the data list gives one country's body ("TTC": Japan's Telecommunication Technology
 * Committee): in a text about another partner they likely stand for a name the text spells out.
 */
const COUNTRY_BODIES = new Set(knownBodies.filter((body) => body.iso).map((body) => body.acronym))

/** Acronym-like tokens: two or more capitals ("EEAS", "IoT", "R&D", "5GPPP"), "DG X", or a mobile generation ("5G"). */
const TOKEN =
  /(?<![\p{L}\p{N}&-])(DG [A-Z]{2,}|[2-6]G|(?=[\p{L}\p{N}&]*\p{Lu}[\p{L}\p{N}&]*\p{Lu})[\p{L}\p{N}][\p{L}\p{N}&]*)(?![\p{L}\p{N}&])/gu

/** Collects acronyms across a text. */
export class GlossaryBuilder {
  readonly #defined = new Map<string, GlossaryEntry>()
  readonly #used = new Map<string, Position>()
  /** The texts read, for names they spell out (`spelledOut`). */
  readonly #texts: string[] = []

  /**
   * The text's own definition; the first one of each meaning is kept, so letters the text
   * defines twice for two bodies ("ITU") are two entries.
   */
  define(acronym: string, expansion: string, position: Position): void {
    const key = `${acronym}\u0000${expansion.toLowerCase()}`
    if (!this.#defined.has(key)) this.#defined.set(key, { acronym, expansion, position })
  }

  /** Note the acronyms used in `text`; `at` turns offsets into positions. */
  use(text: string, at: (start: number, end: number) => Position): void {
    for (const match of text.matchAll(TOKEN)) {
      const token = match[1] ?? ''
      if (KNOWN.has(token) && !this.#used.has(token)) this.#used.set(token, at(match.index, match.index + token.length))
    }
    this.#texts.push(text)
  }

  /** The glossary, sorted by acronym. */
  entries(): GlossaryEntry[] {
    const entries = [...this.#defined.values()]
    const defined = new Set(entries.map((entry) => entry.acronym))
    for (const [acronym, position] of this.#used) {
      // Letters the text defines with a word after them ("D4D Hub") are that entry's.
      if (defined.has(acronym) || [...defined].some((other) => other.startsWith(`${acronym} `))) continue
      // The text's own words for a country's body's letters, when it spells them out, else the data list's.
      const spelled = COUNTRY_BODIES.has(acronym) ? spelledOut(acronym, this.#texts) : undefined
      entries.push({ acronym, expansion: spelled ?? KNOWN.get(acronym) ?? '', position })
    }
    // By acronym, then case, then (the same letters twice) source order.
    const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
    return entries.sort(
      (a, b) =>
        order(a.acronym.toLowerCase(), b.acronym.toLowerCase()) ||
        order(a.acronym, b.acronym) ||
        (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0),
    )
  }
}

/** A word at a place of a text (sticky), and the next one after blanks. */
const WORD_AT = /[\p{L}\p{N}'’&-]+/uy
const NEXT_WORD = /\s+([\p{L}\p{N}'’&-]+)/uy
const SMALL = new Set(['and', 'of', 'for', 'the', 'on', '&'])
const TITLE_WORD = /^\p{Lu}\p{Ll}/u

/**
 * The first name in `texts` whose words' initials spell the capitals `acronym`, small words
 * between them ("Trade and Technology Council" for "TTC"), and no capitalised word after it.
 * Read word by word from each place the first letter starts a word: no pattern is built per
 * acronym (compiling one with Unicode classes costs about 2 ms).
 */
function spelledOut(acronym: string, texts: readonly string[]): string | undefined {
  if (!/^[A-Z]{2,8}$/.test(acronym)) return undefined
  const first = acronym[0] ?? ''
  for (const text of texts) {
    for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
      if (at > 0 && /[\p{L}\p{N}-]/u.test(text[at - 1] ?? '')) continue
      const end = spelledEnd(text, at, acronym)
      if (end !== null) return text.slice(at, end)
    }
  }
  return undefined
}

/** Where the name spelling `acronym` from `at` ends, or `null` when it does not spell it. */
function spelledEnd(text: string, at: number, acronym: string): number | null {
  WORD_AT.lastIndex = at
  let word = WORD_AT.exec(text)?.[0]
  let end = at + (word?.length ?? 0)
  for (let letter = 0; ; ) {
    if (!word || !TITLE_WORD.test(word) || word[0] !== acronym[letter]) return null
    letter++
    // The next word that is not a small one.
    NEXT_WORD.lastIndex = end
    let next = NEXT_WORD.exec(text)
    while (next && SMALL.has(next[1] ?? '') && letter < acronym.length) {
      NEXT_WORD.lastIndex = next.index + next[0].length
      next = NEXT_WORD.exec(text)
    }
    if (letter === acronym.length) return next && TITLE_WORD.test(next[1] ?? '') ? null : end
    if (!next) return null
    word = next[1]
    end = next.index + next[0].length
  }
}
