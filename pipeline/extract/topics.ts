/**
 * Topics from the controlled vocabulary in `pipeline/data/topics.json`: each topic's label and
 * synonyms, matched case-insensitively when they are several words or written in capitals, and
 * as written when they are one lower-case word (so "trade" is not found in "Ministry of Trade").
 * A term is found only as whole words: no letter or digit right before or after it.
 */
import vocabulary from '../data/topics.json' with { type: 'json' }
import { wholeWords } from './regex.ts'

/** A topic as the vocabulary defines it. */
export interface TopicEntry {
  id: string
  label: string
  synonyms: string[]
}

/** A naming of a topic in a text. */
export interface TopicMatch {
  topic: TopicEntry
  start: number
  end: number
}

/** The controlled vocabulary. */
export const topicVocabulary: readonly TopicEntry[] = vocabulary

/**
 * Each topic's terms, longest first (so "5G networks" wins over "5G"), in two passes: `exact`
 * terms are matched as written, `loose` ones in any case.
 */
const passes = topicVocabulary.map((topic) => {
  const terms = [...new Set([topic.label, ...topic.synonyms])].sort((a, b) => b.length - a.length)
  for (const term of terms)
    if (term.length < 2)
      throw new Error(`Topic \`${topic.id}\`: a term of one character (\`${term}\`) matches stray letters`)
  const exact = terms.filter((t) => /^[a-z][a-z-]*$/.test(t) || (/[A-Z].*[A-Z]|\d/.test(t) && !/\s/.test(t)))
  const loose = terms.filter((t) => !exact.includes(t))
  return { topic, exact, loose }
})

/** One term of one pass of one topic, as `scan` looks for it (a loose term lower-cased). */
interface Term {
  term: string
  topic: number
  /** Which of the topic's passes: 0 matches `term` in the text as written, 1 in the lower-cased text. */
  pass: 0 | 1
}

/** Two characters as one number, to look terms up by how they start. */
const pairAt = (text: string, index: number) => text.charCodeAt(index) * 0x10000 + text.charCodeAt(index + 1)

/**
 * Terms by their first two lower-case characters; within a list in the order the passes try them:
 * by topic, pass, then longest first.
 */
const byStart = new Map<number, Term[]>()
for (const [topic, { exact, loose }] of passes.entries()) {
  const terms: Term[] = [
    ...exact.map((term): Term => ({ term, topic, pass: 0 })),
    ...loose.map((term): Term => ({ term: term.toLowerCase(), topic, pass: 1 })),
  ]
  for (const term of terms) {
    const key = pairAt(term.term.toLowerCase(), 0)
    const list = byStart.get(key)
    if (list) list.push(term)
    else byStart.set(key, [term])
  }
}

/**
 * The same lists narrowed by the third lower-case character (a word start of a megabyte text
 * tries a third as many terms): for each third character, the terms that have it and the
 * two-character ones, in the same order; `short` when the text has another or none.
 */
const byStartAndThird = new Map<number, { short: Term[]; byThird: Map<number, Term[]> }>()
for (const [key, list] of byStart) {
  const short = list.filter(({ term }) => term.length === 2)
  const byThird = new Map<number, Term[]>()
  for (const { term } of list) {
    const third = term.toLowerCase().charCodeAt(2)
    if (term.length > 2 && !byThird.has(third))
      byThird.set(
        third,
        list.filter((other) => other.term.length === 2 || other.term.toLowerCase().charCodeAt(2) === third),
      )
  }
  byStartAndThird.set(key, { short, byThird })
}

const WORD_CHARACTER = /[\p{L}\p{N}]/uy
const NO_TERMS: readonly Term[] = []
/** Which ASCII characters are letters or digits, by code. */
const ASCII_WORD = Array.from({ length: 128 }, (_, code) => /[A-Za-z0-9]/.test(String.fromCharCode(code)))

/** Whether a letter or a digit starts at `index` of `text`. */
function wordCharacterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return ASCII_WORD[code] === true
  WORD_CHARACTER.lastIndex = index
  return WORD_CHARACTER.test(text)
}

/** Every topic named in `text`, with the offsets of each naming, in order. */
export function findTopics(text: string): TopicMatch[] {
  // Lower-casing keeps every offset unless the text has letters like "İ"; then keep the case.
  const folded = text.toLowerCase()
  return folded.length === text.length ? scan(text, folded) : byPatterns(text, folded)
}

/**
 * One pass over the word starts of `text` (`folded` is it lower-cased, of the same length): at
 * each, the terms that start with its two characters. Each pass of each topic takes, at a word
 * start, its first term that is there as a whole word, and looks again after its end; as a regular
 * expression of the pass's terms, longest first, between word boundaries, would match.
 */
function scan(text: string, folded: string): TopicMatch[] {
  const found: TopicMatch[] = []
  // Where each pass of each topic may match next (`topic * 2 + pass`).
  const next = new Array<number>(passes.length * 2).fill(0)
  const tryAt = (start: number) => {
    let taken = -1
    const terms = byStartAndThird.get(pairAt(folded, start))
    for (const { term, topic, pass } of terms
      ? (terms.byThird.get(folded.charCodeAt(start + 2)) ?? terms.short)
      : NO_TERMS) {
      const group = topic * 2 + pass
      const subject = pass === 0 ? text : folded
      const end = start + term.length
      if (group === taken || start < (next[group] ?? 0) || !subject.startsWith(term, start)) continue
      if (wordCharacterAt(subject, end)) continue
      found.push({ topic: topicVocabulary[topic] as TopicEntry, start, end })
      next[group] = end
      taken = group
    }
  }
  tryAt(0)
  // After each character (a code point, as a Unicode pattern reads) that is no letter or digit.
  for (let index = 0; index < folded.length; ) {
    const size = (folded.codePointAt(index) ?? 0) > 0xffff ? 2 : 1
    if (!wordCharacterAt(folded, index)) tryAt(index + size)
    index += size
  }
  return found
}

/** Each topic's passes as regular expressions, for texts that lower-casing changes in length; compiled on first use. */
const patterns = passes.map(({ exact, loose }) => {
  let compiled: [RegExp | null, RegExp | null] | undefined
  return () => {
    compiled ??= [exact.length ? wholeWords(exact, 'gu') : null, loose.length ? wholeWords(loose, 'giu') : null]
    return compiled
  }
})

/** Which topics have a lower-case term that is a substring of `folded` (one pass over it). */
function topicsIn(folded: string): Uint8Array {
  const present = new Uint8Array(passes.length)
  for (let i = 0; i + 1 < folded.length; i++)
    for (const { term, topic } of byStart.get(pairAt(folded, i)) ?? [])
      if (!present[topic] && folded.startsWith(term.toLowerCase(), i)) present[topic] = 1
  return present
}

/** `findTopics` for a text whose lower-case form has other offsets: case-insensitive patterns on the text itself. */
function byPatterns(text: string, folded: string): TopicMatch[] {
  const found: TopicMatch[] = []
  // Most topics are absent from a paragraph: a substring test rules them out cheaply.
  const present = topicsIn(folded)
  for (const [index, topic] of topicVocabulary.entries()) {
    if (!present[index]) continue
    for (const pattern of patterns[index]?.() ?? []) {
      if (!pattern) continue
      for (const match of text.matchAll(pattern))
        found.push({ topic, start: match.index, end: match.index + match[0].length })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
