/**
 * Text as segments for the templates: plain runs and acronyms with their expansion, so every
 * acronym of the glossary becomes an `<abbr>` while the text stays data that Handlebars escapes.
 */
import type { GlossaryEntry } from '../briefing-schema.ts'

/** A run of text; `expansion` is set when the run is an acronym of the glossary. */
export interface Segment {
  text: string
  expansion: string | null
}

/** Split text into segments with `glossary`'s acronyms marked; a function made once per briefing. */
export function proseSplitter(glossary: GlossaryEntry[]): (text: string) => Segment[] {
  const expansions = new Map<string, string>()
  for (const entry of glossary) if (!expansions.has(entry.acronym)) expansions.set(entry.acronym, entry.expansion)
  if (expansions.size === 0) return (text) => [{ text, expansion: null }]
  const alternatives = [...expansions.keys()]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((acronym) => acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  // An acronym counts only as a whole word: "MIC" is not in "MICRO" nor in "dynamic". What comes
  // before it is checked once a match is found (a pattern that looks behind at every character is slower).
  const pattern = new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
  return (text) => {
    const segments: Segment[] = []
    let last = 0
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index
      if (WORD_BEFORE.test(text.slice(Math.max(0, start - 2), start))) {
        pattern.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1)
        continue
      }
      if (start > last) segments.push({ text: text.slice(last, start), expansion: null })
      segments.push({ text: match[0], expansion: expansions.get(match[0]) ?? null })
      last = start + match[0].length
    }
    if (last < text.length) segments.push({ text: text.slice(last), expansion: null })
    return segments
  }
}

/** A letter or a digit (a code point) at the end. */
const WORD_BEFORE = /[\p{L}\p{N}]$/u
