/**
 * Agreements: joint declarations, memoranda, agreements, partnerships and plans, named as the
 * text names them ("Joint Declaration on 5G", "EU-Korea Free Trade Agreement", "Memorandum of
 * Understanding on semiconductors").
 */
import type { AgreementKind } from '../briefing-schema.ts'
import { JOINED_BEFORE } from './organisations.ts'
import { LOWER_SUBJECT } from './regex.ts'

/** An agreement found in a sentence. */
export interface AgreementMatch {
  name: string
  kind: AgreementKind
  start: number
  end: number
}

const KINDS: [RegExp, AgreementKind][] = [
  [/declaration|statement|communiqu[ée]/gi, 'joint-declaration'],
  [/memorandum|\bMo[UC]s?\b/gi, 'memorandum'],
  [/partnership/gi, 'partnership'],
  [/plan|roadmap|agenda/gi, 'plan'],
  [/agreement|accord|treaty|arrangement/gi, 'agreement'],
]
// A plain "Plan" only as a word of its own ("Master Plan", not "Future Planning").
const HEADS =
  'Joint Declaration|Joint Statement|Joint Communiqu[ée]|Declaration|Memorandum of Understanding|Memorandum of Cooperation|MoU|MOU|MoC|Letter of Intent|Agreement|Partnership|Plan of Action|Action Plan|Plan(?![\\p{L}])|Roadmap|Arrangement'
const MONTH_OR_NUMBER = '(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\b|\\d+\\b)'
const NAMED = new RegExp(
  `((?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}&/'’–‑-]*\\s+(?:and\\s+)?){0,5}(?:${HEADS}))(?:\\s+(?:on|for)\\s+(?:(?:the\\s+)?${MONTH_OR_NUMBER}(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}-]*(?:\\s+(?:and\\s+)?${MONTH_OR_NUMBER}[\\p{Lu}\\p{N}][\\p{L}\\p{N}-]*){0,4})|${LOWER_SUBJECT}))?`,
  'gu',
)
/** A mechanism's head right after a name: the name is the mechanism's (`mechanisms.ts`). */
const MECHANISM_AFTER =
  /^\s+(?:[Ss]ummits?|[Dd]ialogues?|[Cc]ouncil|[Cc]ommittee|[Ww]orking [Gg]roup|[Mm]eetings?|[Tt]ask ?[Ff]orce)\b/u
/** A head of `NAMED` anywhere: a sentence without one is not read with it. */
const ANY_HEAD = new RegExp(HEADS, 'u')
const GENERIC = new RegExp(
  `\\b(?:[Mm]emorandum of [Uu]nderstanding|[Mm]emorandum of [Cc]ooperation|[Ll]etter of [Ii]ntent|[Jj]oint [Dd]eclaration|[Ff]ramework [Aa]greement|(?:[Ff]ree )?[Tt]rade [Aa]greement|(?:[Pp]artnership and )?[Cc]ooperation [Aa]greement|[Aa]ssociation [Aa]greement|[Aa]dministrative [Aa]rrangement)(?:\\s+on\\s+(?:[\\p{Lu}\\p{N}]{2,}\\s+)?${LOWER_SUBJECT})?`,
  'gu',
)
/** A head of `GENERIC` anywhere: a sentence without one is not read with it. */
const ANY_GENERIC_HEAD = /emorandum|etter of [Ii]ntent|oint [Dd]eclaration|greement|rrangement/

/** Every agreement in `sentence`. */
export function findAgreements(sentence: string): AgreementMatch[] {
  const found: AgreementMatch[] = []
  const add = (name: string, start: number) => {
    const end = start + name.length
    if (found.some((f) => start < f.end && end > f.start)) return
    // A partnership its members joined is a body (`organisations.ts`), not an agreement; nor is the
    // summit or the council of a partnership ("the annual Strategic Partnership summit") one.
    if (JOINED_BEFORE.test(sentence.slice(0, start)) || MECHANISM_AFTER.test(sentence.slice(end))) return
    const clean = name.replace(/^(A|An|The|This|Its)\s+/, '')
    if (/^(Agreement|Partnership|Declaration|Plan)$/.test(clean)) return
    // The kind is the head's: a "Comprehensive Economic Partnership Agreement" is an agreement.
    const head = clean
      .replace(/\s+(?:on|for)\s.*$/, '')
      .split(/\s+/)
      .slice(-3)
      .join(' ')
    found.push({ name: clean, kind: kindOf(head), start, end })
  }
  for (const match of ANY_HEAD.test(sentence) ? sentence.matchAll(NAMED) : []) add(match[0], match.index)
  for (const match of ANY_GENERIC_HEAD.test(sentence) ? sentence.matchAll(GENERIC) : []) add(match[0], match.index)
  return found.sort((a, b) => a.start - b.start)
}

/** The kind whose word comes last in `head` (the first of `KINDS` on a tie); 'other' for none. */
function kindOf(head: string): AgreementKind {
  let kind: AgreementKind = 'other'
  let at = -1
  for (const [pattern, candidate] of KINDS) {
    const last = lastIndex(head, pattern)
    if (last > at) [kind, at] = [candidate, last]
  }
  return kind
}

/** Where `pattern` (global) last matches in `text`; -1 for nowhere. */
function lastIndex(text: string, pattern: RegExp): number {
  let last = -1
  for (const match of text.matchAll(pattern)) last = match.index
  return last
}
