/**
 * Acronym definitions written as "Long Form (ACR)" or "ACR (Long Form)": initials first (each
 * word's first letter, small words optional), then Schwartz & Hearst's character alignment
 * (PSB 2003) for acronyms that take more than initials ("ASEM", "MIC"). A parenthesis that lists
 * several acronyms ("CEN, CENELEC and ETSI") defines none.
 */

import { findMentions } from './gazetteer.ts'

/** One definition found in a text. */
export interface Definition {
  acronym: string
  expansion: string
  /** `[start, end)` of the whole definition, long form and parenthesis, in the text. */
  start: number
  end: number
}

const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'at', 'de', 'du', '&', 'a'])
const SHORT_FORM = /^(?=[^\s]*\p{Lu}[^\s]*\p{Lu})[\p{L}\p{N}][\p{L}\p{N}&+\-/.]{1,11}$|^DG [A-Z]{2,}$/u

/** Whether `text` could be a short form (an acronym). */
export function isShortForm(text: string): boolean {
  return SHORT_FORM.test(text) && !/^\d+$/.test(text) && !/^(19|20)\d\d/.test(text)
}

/** Every definition in `text`, in order. */
export function findDefinitions(text: string): Definition[] {
  const found: Definition[] = []
  for (const match of text.matchAll(/\(([^()]{2,120})\)/g)) {
    const inner = (match[1] ?? '').trim()
    const open = match.index
    const close = open + match[0].length
    if (isShortForm(inner)) {
      const words = wordsBefore(text, open, inner.replace(/[^\p{L}\p{N}]/gu, '').length)
      const expansion = completeName(inner, longForm(inner, words.text), nameRun(text, open))
      if (expansion)
        found.push({ acronym: inner, expansion, start: words.start + words.text.lastIndexOf(expansion), end: close })
    } else if (isShortName(inner)) {
      // "National Telecommunications Agency (Anatel)", "Office of Communications (Ofcom)": a body's short name.
      const run = nameRun(text, open)
      const before = text.slice(0, open).trimEnd()
      if (isShortNameOf(inner, run) && before.endsWith(run))
        found.push({ acronym: inner, expansion: run, start: before.length - run.length, end: close })
    } else if (lettersAndLastWord(inner)) {
      // Letters and the name's last word, as the text writes both ("Digital4Development Hub (D4D Hub)").
      const [letters = '', last = ''] = inner.split(' ')
      const written = text.slice(0, open).trimEnd()
      const before = written.endsWith(` ${last}`) ? written.slice(0, -last.length - 1) : null
      const words =
        before === null ? null : wordsBefore(before, before.length, letters.replace(/[^\p{L}\p{N}]/gu, '').length)
      // The last word makes two: the letters may stand for a single word ("Digital4Development").
      const name = words ? longForm(letters, words.text, 1) : null
      if (words && name)
        found.push({
          acronym: inner,
          expansion: `${name} ${last}`,
          start: words.start + words.text.lastIndexOf(name),
          end: close,
        })
    } else if (/\s/.test(inner) && !/[,;:]/.test(inner)) {
      const before = /([\p{L}\p{N}][\p{L}\p{N}&+\-/]*)\s*$/u.exec(text.slice(Math.max(0, open - 14), open))?.[1]
      if (before && isShortForm(before)) {
        const expansion = longForm(before, inner)
        if (expansion === inner) found.push({ acronym: before, expansion, start: open - before.length - 1, end: close })
      }
    }
  }
  return found
}

const CONNECTOR = /^(of|and|for|on|in|&)$/

/** Letters, then a capitalised word ("D4D Hub"): a short form with its name's last word. */
function lettersAndLastWord(text: string): boolean {
  const [letters, last, more] = text.split(' ')
  return more === undefined && letters !== undefined && isShortForm(letters) && /^\p{Lu}\p{Ll}+$/u.test(last ?? '')
}

/** A word that may be a body's short name: one capital, then small letters ("Anatel", "Ofcom"). */
function isShortName(text: string): boolean {
  return /^\p{Lu}\p{Ll}{2,11}$/u.test(text) && findMentions(text).length === 0
}

/**
 * Whether `short` is the short name of the body `name`: a name of two words or more ending in a
 * body's head, whose letters hold the short name's in order, its first letter a word's first
 * ("National Telecommunications Agency (Anatel)"; not "European Commission (Brussels)").
 */
function isShortNameOf(short: string, name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean)
  if (words.length < 2 || !ANY_BODY_HEAD.test(name)) return false
  const lower = short.toLowerCase()
  if (!words.some((word) => word[0]?.toLowerCase() === lower[0])) return false
  let at = 0
  const letters = name.toLowerCase()
  for (const char of lower) {
    at = letters.indexOf(char, at)
    if (at < 0) return false
    at++
  }
  return true
}
const BODY_HEAD =
  /\b(Ministry|Department|Directorate|Agency|Authority|Commission|Office|Institute|Association|Organi[sz]ation|Bureau|Administration|Secretariat|Federation|Corporation|Council|Board|Alliance|Consortium|Foundation|Centre|Center|Bank|Regulator|Chamber|Academy|University|Division|Team|Conference|Union|Initiative)$/u

/** `BODY_HEAD` anywhere in a name: a head may come first ("Office of Communications"). */
const ANY_BODY_HEAD = new RegExp(BODY_HEAD.source.replace(/\$$/, '\\b'), 'u')

/**
 * The run of capitalised words (with connectors and commas) that ends right before `at`: a name
 * starts at the first of them, not inside it. Stops at an article, a possessive or the sentence.
 */
function nameRun(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 200), at).replace(/\s+$/, '')
  const words = head.split(/(?<=\s)/)
  const kept: string[] = []
  while (words.length) {
    const word = words.pop() ?? ''
    const bare = word.trim().replace(/,$/, '')
    if (/['’]s$/.test(bare) || /[.;:!?]$/.test(bare)) break
    if (/^[\p{Lu}\p{N}]/u.test(bare) && !/^(The|A|An|This|Its|Their|Both)$/.test(bare)) kept.unshift(word)
    else if (CONNECTOR.test(bare) && !word.trim().endsWith(',')) kept.unshift(word)
    else break
  }
  while (kept.length && CONNECTOR.test((kept[0] ?? '').trim())) kept.shift()
  return kept.join('').trim().replace(/,$/, '')
}

/**
 * A long form made whole: a name whose letters do not align with its acronym (an acronym from
 * another language: "Information and Communication Technologies Authority (BTK)") is the run of
 * capitalised words before it when that run names a body; a long form found inside such a run
 * ("Conference of … (CEPT)" in "European Conference of …") starts where the run starts when the
 * alignment took characters rather than initials, or when the extra first word starts with the
 * acronym's first letter ("Bay of Bengal Initiative … (BIMSTEC)").
 */
function completeName(short: string, found: string | null, run: string): string | null {
  const words = run.split(/\s+/).filter(Boolean)
  if (!found) return words.length >= 3 && BODY_HEAD.test(run) ? run : null
  if (run.length <= found.length || !run.endsWith(found)) return found
  const extra = run.slice(0, run.length - found.length).trim()
  // A leading demonym or partner name says whose body it is ("Japanese Ministry of …").
  // A list before the name ("ICT Research, 5G, Cloud Computing, Internet of Things (IoT)") is not part of it.
  if (findMentions(extra).length > 0 || /,/.test(extra) || extra.split(/\s+/).length > 3) return found
  if (/^[\p{Lu}]/u.test(extra) && (extra[0] === short[0] || !byInitials(short, found))) return run
  return found
}

/** The up to `min(n + 5, 2n)` words before `at`, as Schwartz & Hearst bound the long form. */
function wordsBefore(text: string, at: number, letters: number): { text: string; start: number } {
  const limit = Math.min(letters + 5, letters * 2)
  const head = text.slice(0, at).replace(/\s+$/, '')
  const words = [...head.matchAll(/\S+/g)]
  const sentenceStart = head.search(/[.!?;:]\s+[^.!?;:]*$/)
  const first = words[Math.max(0, words.length - limit)]
  let start = first?.index ?? head.length
  if (sentenceStart >= start) start = sentenceStart + 2
  return { text: head.slice(start), start }
}

/** The long form of `short` at the end of `candidate`, of at least `minWords` words (or hyphenated), or `null`. */
export function longForm(short: string, candidate: string, minWords = 2): string | null {
  const found = byInitials(short, candidate) ?? bySchwartzHearst(short, candidate)
  if (!found) return null
  // A name in quotes ('the programme "Mediterranean Digital Neighbourhood" (MDN)') ends before its closing quote.
  const trimmed = found.replace(/^(the|a|an)\s+/i, '').replace(/[,\s"”]+$/, '')
  const words = trimmed.split(/\s+/).length
  if (words < minWords && !/-/.test(trimmed)) return null
  return trimmed
}

/** Match the letters of `short` to the initials of the last words of `candidate`. */
function byInitials(short: string, candidate: string): string | null {
  const letters = [...short.replace(/[^\p{L}\p{N}]/gu, '')]
  const words = [...candidate.matchAll(/[\p{L}\p{N}&]+/gu)]
  let i = letters.length - 1
  let j = words.length - 1
  while (i >= 0 && j >= 0) {
    const word = words[j]?.[0] ?? ''
    const letter = letters[i] ?? ''
    if (word[0]?.toLowerCase() === letter.toLowerCase()) {
      i--
      j--
    } else if (SMALL_WORDS.has(word.toLowerCase())) j--
    else return null
  }
  if (i >= 0) return null
  const first = words[j + 1]
  return first ? candidate.slice(first.index) : null
}

/** Schwartz & Hearst: align the characters of `short` right to left; the first must start a word. */
function bySchwartzHearst(short: string, candidate: string): string | null {
  const s = short.toLowerCase()
  const l = candidate.toLowerCase()
  let si = s.length - 1
  let li = l.length - 1
  while (si >= 0) {
    const char = s[si] ?? ''
    if (!/[\p{L}\p{N}]/u.test(char)) {
      si--
      continue
    }
    while (li >= 0 && (l[li] !== char || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l[li - 1] ?? '')))) li--
    if (li < 0) return null
    li--
    si--
  }
  const start = Math.max(0, l.lastIndexOf(' ', li) + 1)
  return candidate.slice(start)
}
