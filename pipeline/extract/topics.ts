/**
 * Topics from the controlled vocabulary in `pipeline/data/topics.json`: each topic's label and
 * synonyms, matched case-insensitively when they are several words or written in capitals, and
 * as written when they are one lower-case word (so "trade" is not found in "Ministry of Trade").
 */
import vocabulary from '../data/topics.json' with { type: 'json' }
import { escapeRegExp } from './regex.ts'

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
  const bound = (list: string[], flags: string) =>
    list.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, flags)
      : null
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

/** Every topic named in `text`, with the offsets of each naming. */
export function findTopics(text: string): { topic: TopicEntry; start: number; end: number }[] {
  const found: { topic: TopicEntry; start: number; end: number }[] = []
  // Lower-casing keeps every offset unless the text has letters like "İ"; then keep the case.
  const folded = text.toLowerCase()
  const sameLength = folded.length === text.length
  for (const { topic, lower: terms, exact, loose, looseAnyCase } of compiled) {
    // Most topics are absent from a paragraph: a substring test rules them out cheaply.
    if (!terms.some((term) => folded.includes(term))) continue
    const passes: [RegExp | null, string][] = [[exact, text], sameLength ? [loose, folded] : [looseAnyCase(), text]]
    for (const [pattern, subject] of passes) {
      if (!pattern) continue
      for (const match of subject.matchAll(pattern))
        found.push({ topic, start: match.index, end: match.index + match[0].length })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
