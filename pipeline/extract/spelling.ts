/**
 * Spelling: the source's words checked against the en-GB Hunspell dictionary (nspell +
 * dictionary-en-gb, built once on first use) plus the project word list and every partner name.
 * Acronyms, words with digits and camel case ("eGovernance") are not checked; suggestions are
 * asked only for the few words that are flagged, which keeps the check fast.
 */
import leven from 'leven'
import words from '../data/words.json' with { type: 'json' }
import { type Checker, checkerWithin, keySpan, keysFor } from './dictionary.ts'
import { allNames } from './gazetteer.ts'

/** An unknown word and what it probably should be. */
export interface Misspelling {
  word: string
  start: number
  end: number
  suggestions: string[]
}

let known: Set<string> | undefined

/** The project word list and every word of every partner name (and its plural), lower case. */
function projectWords(): Set<string> {
  if (!known) {
    known = new Set(words.map((word) => word.toLowerCase()))
    // With the plural, which demonyms take ("New Zealanders"); a demonym may be two ("Antiguan, Barbudan").
    for (const part of nameParts()) known.add(part.toLowerCase()).add(`${part.toLowerCase()}s`)
  }
  return known
}

const WORD = /[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu

/** Every word of every partner name, once ("Antiguan, Barbudan" is two). */
function nameParts(): string[] {
  return [...new Set([...allNames()].flatMap((name) => name.split(/[\s,-]+/).filter(Boolean)))]
}

/** The words of partner names, for a capitalised word the dictionary has nothing for ("Phillipines"). */
let nameWords: string[] | undefined

/**
 * The dictionary's suggestions for `word`, or else, for a capitalised word, the words of partner
 * names at most two edits from it ("Phillipines" → "Philippines"): a misspelt heading names no partner.
 */
function suggestOrName(speller: Speller, word: string): string[] {
  const found = suggest(speller, word)
  if (found.length > 0 || !/^\p{Lu}\p{Ll}{3,}$/u.test(word)) return found
  nameWords ??= nameParts().filter((part) => /^\p{Lu}\p{Ll}{3,}$/u.test(part))
  const near = nameWords
    .filter((name) => name[0] === word[0] && Math.abs(name.length - word.length) <= 2)
    .map((name) => ({ name, distance: leven(name, word, { maxDistance: 3 }) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return near.slice(0, 2).map(({ name }) => name)
}

/** A title and what may stand between it and a name's word: "Ms A. ", "H.E. Eliud ", "Ambassador ". */
const TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Amb|H\.\s?E|Ambassador|Minister|President|Commissioner|Secretary|Director|Governor|Senator)\.?(?:\s+\p{Lu}\.)*(?:\s+\p{Lu}[\p{L}'’-]+)?\s+$/u

/** Whether the word at `start` of `text` is a person's name after a title ("Ms A. Rossi"): no dictionary spells it. */
export function isPersonName(text: string, start: number): boolean {
  return TITLE_BEFORE.test(text.slice(Math.max(0, start - 40), start))
}

/**
 * What earlier checks decided, by token: `false` for a token that is fine; for a flagged one, the
 * suggestions for its word, or `true` when none were looked for (past the hundredth). A token's
 * verdict and suggestions depend on the token alone (and on the dictionary and word lists, by
 * which whoever keeps the memo keys it), so a check asks the dictionary only about new tokens.
 */
export type SpellingMemo = Map<string, boolean | string[]>

/**
 * Every unknown word in each of `texts`; `memo` (read and added to) spares asking again about
 * tokens an earlier check judged. The dictionary entries a check may consult are those under the
 * index keys of every part of every new word of the texts (`keysFor`); of those, only the entries
 * that can spell a word actually looked up are loaded (`checkerWithin`), which gives the same
 * answers for a fraction of the build time.
 */
export function findMisspellings(texts: readonly string[], memo: SpellingMemo = new Map()): Misspelling[][] {
  const list = projectWords()
  const tokens = texts.map(tokensOf)
  const distinct = new Set<string>()
  for (const { words } of tokens) for (const word of words) distinct.add(word)
  const fresh = [...distinct].filter((token) => !memo.has(token))
  const parts = new Set<string>()
  for (const token of fresh) for (const part of token.replace(/['’]s$/, '').split('-')) parts.add(part)
  // Asked for only when a checker is built: a text of known tokens needs no dictionary index at all.
  let withinKeys: Set<string> | undefined
  const within = () => {
    withinKeys ??= keysFor([...parts].flatMap((part) => [part, stripAccents(part)]))
    return withinKeys
  }
  // The words `isCorrect` may look up: every new word that is not exempt and its parts that are not.
  const lookedUp = new Set<string>()
  for (const token of fresh) {
    const word = token.replace(/['’]s$/, '')
    if (isExempt(word, list)) continue
    for (const part of [word, ...word.split('-').filter((part) => !isExempt(part, list))])
      for (const variant of lookups(part)) lookedUp.add(variant)
  }
  // Built only when something is to be asked: a text of known tokens needs no dictionary at all.
  let text: ReturnType<typeof checkerWithin> | undefined
  const checker = () => {
    text ??= checkerWithin(lookedUp, within())
    return text
  }
  // Each distinct word is judged once: nspell takes a while over a word it does not know.
  const judged = new Map<string, boolean>()
  const spell = {
    correct: (word: string) => {
      let known = judged.get(word)
      if (known === undefined) {
        known = checker().spell.correct(word)
        judged.set(word, known)
      }
      return known
    },
  }
  // Each distinct token is flagged or not once.
  const verdicts = new Map<string, string | null>()
  const verdict = (token: string): string | null => {
    let found = verdicts.get(token)
    if (found === undefined) {
      const word = token.replace(/['’]s$/, '')
      const remembered = memo.get(token)
      const parts = word.split('-').filter(Boolean)
      found =
        remembered !== undefined
          ? remembered === false
            ? null
            : word
          : isExempt(word, list) ||
              parts.every((part) => isExempt(part, list) || isCorrect(spell, part)) ||
              isCorrect(spell, word)
            ? null
            : word
      verdicts.set(token, found)
    }
    return found
  }
  const flagged = tokens.map(({ words, starts }) => {
    const found: { word: string; token: string; start: number }[] = []
    for (let at = 0; at < words.length; at++) {
      const token = words[at] ?? ''
      const word = verdict(token)
      if (word !== null) found.push({ word, token, start: starts[at] ?? 0 })
    }
    return found
  })
  const all = flagged.flat()
  // The first hundred distinct flagged words get suggestions (a text that is mostly unknown words
  // is not English prose; its warnings still come, without suggestions), remembered ones from `memo`.
  const suggested: string[] = []
  for (const { word } of all) if (suggested.length < 100 && !suggested.includes(word)) suggested.push(word)
  const remembered = new Map<string, string[]>()
  for (const { word, token } of all) {
    const value = memo.get(token)
    if (Array.isArray(value)) remembered.set(word, value)
  }
  // Suggestions are words one or two edits away, judged with the entries under the keys of the
  // words near the flagged ones and those of the text, of which only the entries that can spell
  // a word the search may try are loaded: for one edit up front, for two when a word needs them.
  let either: Speller | undefined
  const speller = (): Speller => {
    if (either) return either
    const near = keysFor(all.flatMap(({ word }) => [...nearVariants(word.toLowerCase())]))
    for (const key of within()) near.add(key)
    const held = checker().entries
    const more = checkerWithin(
      suggested.filter((word) => !remembered.has(word)).flatMap((word) => [...candidates(word)]),
      near,
      held,
    ).spell
    either = {
      correct: (word: string) => spell.correct(word) || more.correct(word),
      twoEdits: (word: string) => {
        const far = checkerWithin(farCandidates(word), near, held).spell
        return { correct: (candidate: string) => spell.correct(candidate) || far.correct(candidate) }
      },
    }
    return either
  }
  const suggestions = new Map<string, string[]>()
  const suggestOnce = (word: string) => {
    let found = suggestions.get(word)
    if (!found) {
      found = !suggested.includes(word) ? [] : (remembered.get(word) ?? suggestOrName(speller(), word))
      suggestions.set(word, found)
    }
    return found
  }
  const result = flagged.map((found) =>
    found.map(({ word, start }) => ({ word, start, end: start + word.length, suggestions: suggestOnce(word) })),
  )
  for (const token of distinct) {
    const word = verdicts.get(token)
    if (word === undefined) continue
    const value = word === null ? false : suggested.includes(word) ? (suggestions.get(word) ?? true) : true
    // A flagged token past the hundredth keeps the suggestions an earlier check found for it.
    if (value !== true || !Array.isArray(memo.get(token))) memo.set(token, value)
  }
  return result
}

/**
 * The tokens of `text` and where each starts, side by side: a megabyte of text has some 150,000
 * tokens, and keeping a match array for each until the check ends costs the garbage collector.
 */
function tokensOf(text: string): { words: string[]; starts: number[] } {
  const words: string[] = []
  const starts: number[] = []
  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    words.push(match[0])
    starts.push(match.index)
  }
  return { words, starts }
}

/** What `isCorrect` looks up for `word`. */
function lookups(word: string): string[] {
  const plain = stripAccents(word)
  return [word, word.toLowerCase(), word.replace(/’/g, "'"), plain, plain.toLowerCase()]
}

/**
 * A spelling checker; `twoEdits` gives one for the words two edits from a word (all of which it
 * judges as this one would).
 */
interface Speller {
  correct: (word: string) => boolean
  twoEdits?: (word: string) => Pick<Checker, 'correct'>
}

/**
 * Words whose index keys are those of every word `suggest` may try for `word` before it looks two
 * edits away: its British spellings as `isCorrect` looks them up, and the edits of its first
 * letters, the only ones its keys depend on (an edit moves a letter by one place at most).
 */
function* candidates(word: string): Generator<string> {
  for (const [pattern, replacement] of BRITISH) yield* lookups(word.replace(pattern, replacement))
  const head = word.toLowerCase().slice(0, keySpan() + 1)
  yield head
  yield* edits(head)
}

/** The same for the words two edits (a deletion and one) from `lower`. */
function* farCandidates(lower: string): Generator<string> {
  const head = lower.slice(0, keySpan() + 2)
  for (const first of edits(head, true)) yield* edits(first)
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** `word` and its edits within the first three letters (edits after them keep its index key). */
function* nearVariants(word: string): Generator<string> {
  yield word
  for (const candidate of edits(word)) if (candidate.slice(0, 3) !== word.slice(0, 3)) yield candidate
  for (const first of edits(word, true)) yield first
  for (const [pattern, replacement] of BRITISH) yield word.replace(pattern, replacement)
}
const BRITISH: [RegExp, string][] = [
  [/iz(e|es|ed|ing|ation|ations)$/, 'is$1'],
  [/yz(e|es|ed|ing)$/, 'ys$1'],
  [/or$/, 'our'],
  [/ter$/, 'tre'],
  [/eling$/, 'elling'],
]

/**
 * Up to three suggestions for a flagged word: its British spelling, else dictionary words one
 * edit away, else two (nspell's own `suggest` takes up to half a second a word, too slow here).
 */
function suggest(spell: Speller, word: string): string[] {
  const lower = word.toLowerCase()
  for (const [pattern, replacement] of BRITISH) {
    const british = word.replace(pattern, replacement)
    if (british !== word && isCorrect(spell, british)) return [british]
  }
  const shape = (candidate: string) =>
    word !== lower ? (candidate[0]?.toUpperCase() ?? '') + candidate.slice(1) : candidate
  const found = new Set<string>()
  for (const candidate of edits(lower)) {
    if (spell.correct(candidate)) found.add(shape(candidate))
    if (found.size === 3) break
  }
  if (found.size > 0) return [...found]
  const far = spell.twoEdits?.(lower) ?? spell
  for (const first of edits(lower, true)) {
    for (const candidate of edits(first)) if (far.correct(candidate)) return [shape(candidate)]
  }
  return []
}

/**
 * Words one edit from `word`, most likely first: an omitted letter, swapped letters, a wrong
 * letter, an extra letter; `cheap` keeps to deletions (the first of two edits).
 */
function* edits(word: string, cheap = false): Generator<string> {
  if (!cheap) {
    for (let i = 0; i <= word.length; i++) for (const letter of LETTERS) yield word.slice(0, i) + letter + word.slice(i)
    for (let i = 0; i + 1 < word.length; i++) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    for (let i = 0; i < word.length; i++)
      for (const letter of LETTERS) yield word.slice(0, i) + letter + word.slice(i + 1)
  }
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1)
}

/**
 * Longer than any word of English prose ("internationalisation" is 20); Hunspell's affix search
 * grows steeply with length (measured: 40 letters 0.26 s, 200 letters 6.5 s), so such tokens are
 * not words to check but codes, hashes or junk.
 */
const LONGEST_WORD = 30

function isExempt(word: string, list: Set<string>): boolean {
  // Acronyms and camel case ("IoT", "eGovernance"), very short and overlong words are not prose.
  return (
    word.length < 3 ||
    word.length > LONGEST_WORD ||
    /\p{Lu}.*\p{Lu}|^\p{Ll}+\p{Lu}/u.test(word) ||
    list.has(word.toLowerCase())
  )
}

function isCorrect(spell: Pick<Checker, 'correct'>, word: string): boolean {
  if (spell.correct(word) || spell.correct(word.toLowerCase()) || spell.correct(word.replace(/’/g, "'"))) return true
  // A loanword written with its accents ("Attaché", "rôle") that the dictionary has without them.
  const plain = stripAccents(word)
  return plain !== word && (spell.correct(plain) || spell.correct(plain.toLowerCase()))
}

/** `word` without diacritics ("Attaché" → "Attache"). */
function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
}
