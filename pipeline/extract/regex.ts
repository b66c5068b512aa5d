/** Small helpers for building the extractors' regular expressions from data lists. */

/** `text` with every regular-expression metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An alternation of `terms`, longest first (so "South Korea" wins over "Korea"), as whole words. */
export function wholeWords(terms: Iterable<string>, flags = 'gu'): RegExp {
  const sorted = [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
  return new RegExp(`(?<![\\p{L}\\p{N}@])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}@])`, flags)
}
