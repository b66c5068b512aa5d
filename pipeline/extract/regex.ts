/** Small helpers for building the extractors' regular expressions from data lists. */

/** `text` with every regular-expression metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * An alternation of `terms`, longest first (so "South Korea" wins over "Korea"), matched only where
 * no character of the class `wordChars` (regular-expression class syntax) stands right before or after.
 */
export function wholeWords(terms: Iterable<string>, flags = 'gu', wordChars = '\\p{L}\\p{N}'): RegExp {
  const sorted = [...terms].sort((a, b) => b.length - a.length)
  return new RegExp(`(?<![${wordChars}])(?:${sorted.map(escapeRegExp).join('|')})(?![${wordChars}])`, flags)
}
