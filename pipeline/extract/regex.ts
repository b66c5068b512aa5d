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

/**
 * What a dialogue or an agreement is on, in lower case ("on semiconductors", "on raw materials,
 * batteries and hydrogen"), up to where the sentence goes on (a comma goes on only to a list's next
 * item); not a word as vague as "cooperation" ("a Joint Declaration on cooperation in developing
 * 5G" is a Joint Declaration). A source for `u` patterns.
 */
export const LOWER_SUBJECT =
  '(?!(?:cooperation|co-operation|collaboration|closer|close|further|deeper|greater|mutual|joint|promoting|developing|strengthening|enhancing|establishing|the|a|an|its|their|this|that|how|whether)\\b)\\p{Ll}[\\p{Ll}\\s,-]{2,60}?(?=,(?!\\s+(?!(?:and|but|or|which|while|who|where|when|the|a|an|its|their|this|that)\\b)\\p{Ll})|[.;:()]|\\s+(?:with|between|in|at|every|each|once|twice|since|which|as|was|were|is|are|has|have|had|will|would|meets?|met|to|for|by|under|from|on|signed|covers?|between)\\b|$)'

/** An ordinal, or a word like one, before a head: "Third" of "the Third Council", "Next". */
export const ORDINAL_BEFORE =
  /^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Next|Last|Previous|Upcoming)\s+/i
