/**
 * Topics from the controlled vocabulary in `pipeline/data/topics.json`: each topic's label and
 * synonyms, matched case-insensitively when they are several words or written in capitals, and
 * as written when they are one lower-case word (so "trade" is not found in "Ministry of Trade").
 */
import vocabulary from '../data/topics.json' with { type: 'json' }
import { wholeWords } from './regex.ts'

/** A topic as the vocabulary defines it. */
export interface TopicEntry {
  id: string
  label: string
  synonyms: string[]
}

/** The controlled vocabulary. */
export const topicVocabulary: readonly TopicEntry[] = vocabulary

const compiled = topicVocabulary.map((topic) => {
  const terms = [...new Set([topic.label, ...topic.synonyms])].sort((a, b) => b.length - a.length)
  const exact = terms.filter((t) => /^[a-z][a-z-]*$/.test(t) || (/[A-Z].*[A-Z]|\d/.test(t) && !/\s/.test(t)))
  const loose = terms.filter((t) => !exact.includes(t))
  const bound = (list: string[], flags: string) => (list.length ? wholeWords(list, flags) : null)
  // Loose terms are matched in the lower-cased text: a case-insensitive Unicode pattern costs
  // V8 a tenth of a second to compile.
  return {
    topic,
    lower: terms.map((t) => t.toLowerCase()),
    exact: bound(exact, 'gu'),
    loose: bound(
      loose.map((t) => t.toLowerCase()),
      'gu',
    ),
    looseAnyCase: () => bound(loose, 'giu'),
  }
})

/** Topics by the first two characters of their lower-case terms, to find those a text may hold. */
const byStart = new Map<number, { term: string; index: number }[]>()
/** Terms of one character, looked for on their own. */
const single: { term: string; index: number }[] = []
for (const [index, { lower }] of compiled.entries()) {
  for (const term of lower) {
    if (term.length < 2) single.push({ term, index })
    else {
      const key = term.charCodeAt(0) * 0x10000 + term.charCodeAt(1)
      const list = byStart.get(key)
      if (list) list.push({ term, index })
      else byStart.set(key, [{ term, index }])
    }
  }
}

/** Which topics have a term that is a substring of `folded` (one pass over it). */
function topicsIn(folded: string): Uint8Array {
  const present = new Uint8Array(compiled.length)
  for (const { term, index } of single) if (folded.includes(term)) present[index] = 1
  let next = folded.charCodeAt(0)
  for (let i = 0; i + 1 < folded.length; i++) {
    const code = next
    next = folded.charCodeAt(i + 1)
    const list = byStart.get(code * 0x10000 + next)
    if (!list) continue
    for (const { term, index } of list) if (!present[index] && folded.startsWith(term, i)) present[index] = 1
  }
  return present
}

const NOT_WORD = /[^\p{L}\p{N}]/gu

/**
 * Which topics have a term at a word start of `folded` (at its start or after a character that is
 * neither a letter nor a digit): where alone the patterns can match, since each begins with
 * `(?<![\p{L}\p{N}])`.
 */
function topicsAtWordStarts(folded: string): Uint8Array {
  const present = new Uint8Array(compiled.length)
  const check = (i: number) => {
    const list = byStart.get(folded.charCodeAt(i) * 0x10000 + folded.charCodeAt(i + 1))
    if (list) for (const { term, index } of list) if (!present[index] && folded.startsWith(term, i)) present[index] = 1
  }
  for (const { term, index } of single) if (folded.includes(term)) present[index] = 1
  check(0)
  for (const match of folded.matchAll(NOT_WORD)) check(match.index + match[0].length)
  return present
}

/** Every topic named in `text`, with the offsets of each naming. */
export function findTopics(text: string): { topic: TopicEntry; start: number; end: number }[] {
  const found: { topic: TopicEntry; start: number; end: number }[] = []
  // Lower-casing keeps every offset unless the text has letters like "İ"; then keep the case.
  const folded = text.toLowerCase()
  const sameLength = folded.length === text.length
  // Most topics are absent from a paragraph: a substring test rules them out cheaply.
  const present = sameLength ? topicsAtWordStarts(folded) : topicsIn(folded)
  for (const [index, { topic, exact, loose, looseAnyCase }] of compiled.entries()) {
    if (!present[index]) continue
    const passes: [RegExp | null, string][] = [[exact, text], sameLength ? [loose, folded] : [looseAnyCase(), text]]
    for (const [pattern, subject] of passes) {
      if (!pattern) continue
      for (const match of subject.matchAll(pattern))
        found.push({ topic, start: match.index, end: match.index + match[0].length })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
