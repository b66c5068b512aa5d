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
  return { topic, lower: terms.map((t) => t.toLowerCase()), exact: bound(exact, 'gu'), loose: bound(loose, 'giu') }
})

/** Every topic named in `text`, with the offsets of each naming. */
export function findTopics(text: string): { topic: TopicEntry; start: number; end: number }[] {
  const found: { topic: TopicEntry; start: number; end: number }[] = []
  const lower = text.toLowerCase()
  for (const { topic, lower: terms, exact, loose } of compiled) {
    // Most topics are absent from a paragraph: a substring test rules them out cheaply.
    if (!terms.some((term) => lower.includes(term))) continue
    for (const pattern of [exact, loose]) {
      if (!pattern) continue
      for (const match of text.matchAll(pattern))
        found.push({ topic, start: match.index, end: match.index + match[0].length })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
