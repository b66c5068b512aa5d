/**
 * Programmes: funding and research programmes named in a text, from the data list ("Horizon
 * 2020", "FP7") and as written ("the READI programme", "the research programme FP7"), in British
 * or American spelling ("program").
 */
import known from '../data/programmes.json' with { type: 'json' }
import { escapeRegExp, wholeWords } from './regex.ts'

/** A programme found in a text. */
export interface ProgrammeMatch {
  name: string
  start: number
  end: number
}

const KNOWN = wholeWords(known)
/** "the READI programme", "the Building the Europe Link with Latin America programme" (small words inside, not "and"). */
const NAMED_BEFORE =
  /\b([\p{Lu}][\p{L}\p{N}+-]*(?:\s+(?:(?:the|of|for|with|on|in|to)\s+)?[\p{Lu}\p{N}][\p{L}\p{N}+-]*){0,6})\s+[Pp]rogram(?:me)?\b/gu
const NAMED_AFTER = /\b[Pp]rogram(?:me)?,?\s+([\p{Lu}][\p{Lu}\p{N}+-]+(?:\s\d{4})?)\b/gu
/** 'the programme "Mediterranean Digital Neighbourhood"': a name in quotes. */
const QUOTED_AFTER = /\b[Pp]rogram(?:me)?,?\s+["“]([\p{Lu}][^"“”\n]{1,80}?)["”]/gu
/** What makes a programme's name say what another is like ("an EU4Digital-style programme"). */
const LIKENESS = 'style|like|type'
/** A word that says what a programme is like or by whom it is run, not what it is called ("EU4Digital-style", "EU-funded"). */
const LIKE_ANOTHER = new RegExp(`-(?:${LIKENESS}|based|funded|backed|led|wide)$`)
/** Right after a known programme's name, what makes it another's likeness ("Horizon Europe-funded" stays Horizon Europe). */
const LIKENESS_AFTER = new RegExp(`^-(?:${LIKENESS})\\b`)

/** The word both patterns above are built around: a text without it is not read with them. */
const PROGRAMME_WORD = /[Pp]rogram/
const KNOWN_START = new RegExp(`^(?:${[...known].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u')

/** Whether `name` is, or starts with, a known programme's name ("Global Gateway Digital Alliance"). */
export function isProgrammeName(name: string): boolean {
  return KNOWN_START.test(name)
}

/** Every programme in `text`, in order, without repeats. */
export function findProgrammes(text: string): ProgrammeMatch[] {
  const found: ProgrammeMatch[] = []
  const add = (name: string, start: number) => {
    if (!found.some((f) => start < f.end && start + name.length > f.start))
      found.push({ name, start, end: start + name.length })
  }
  const named = PROGRAMME_WORD.test(text)
  for (const match of named ? text.matchAll(NAMED_BEFORE) : []) {
    const name = (match[1] ?? '').replace(/^(The|A|An|This|That|Its|Their|Our|New)\s+/, '')
    // "R&D PROGRAMME" in capitals, an article or a bare acronym like "EU" is not a programme's name.
    if (
      /^(EU|EC|R&D|R&I|ICT|The|A|An|This|That|Its|Their|Our|New)$/.test(name) ||
      /^[\p{Lu}\s&]+$/u.test(match[0]) ||
      LIKE_ANOTHER.test(name)
    )
      continue
    add(name, match.index + match[0].indexOf(name))
  }
  for (const match of text.matchAll(KNOWN)) {
    // "an EU4Digital-style programme" is another programme, like that one.
    if (LIKENESS_AFTER.test(text.slice(match.index + match[0].length))) continue
    add(match[0], match.index)
  }
  for (const pattern of named ? [NAMED_AFTER, QUOTED_AFTER] : [])
    for (const match of text.matchAll(pattern)) add(match[1] ?? '', match.index + match[0].indexOf(match[1] ?? ''))
  return found.sort((a, b) => a.start - b.start)
}
