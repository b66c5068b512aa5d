/**
 * Mechanisms: the standing ways the EU and a partner work together: dialogues, working groups,
 * task forces, committees, summits, meetings, councils; with how often they meet, since when,
 * and the bodies that take part (those named in the same sentence).
 */
import type { MechanismKind } from '../briefing-schema.ts'
import { resolveName } from './gazetteer.ts'
import { LOWER_SUBJECT, ORDINAL_BEFORE } from './regex.ts'

/** A mechanism found in a sentence. */
export interface MechanismMatch {
  name: string
  kind: MechanismKind
  frequency: 'annual' | 'biennial' | 'regular' | null
  start: number
  end: number
}

const KINDS: [RegExp, MechanismKind][] = [
  [/dialogues?$/i, 'dialogue'],
  [/(working group|expert group|group)$/i, 'working-group'],
  [/task ?force$/i, 'taskforce'],
  [/committee$/i, 'committee'],
  [/summit$/i, 'summit'],
  [/meetings?$/i, 'meeting'],
  [/council$/i, 'council'],
  [/(forum|roundtable|round table|consultations)$/i, 'other'],
]
const HEADS =
  'Dialogues?|Working Group|Task ?[Ff]orce|Joint Committee|Sub-?[Cc]ommittee|Committee|Summit|Ministerial Meeting|Meetings?|Council|Forum|Roundtable|Round Table|Consultations'
/** What a mechanism is on or for, named with capitals ("on Digital Economy", "for EU-Central Asia Transport Connectivity"). */
const NAMED_SUBJECT =
  '(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\b)[\\p{Lu}][\\p{L}\\p{N}&-]*(?:\\s+(?:and\\s+)?[\\p{Lu}\\p{N}][\\p{L}\\p{N}&-]*){0,4}'
const NAMED = new RegExp(
  `(?:\\b(?:the|an?|its|regular|annual|yearly|biennial)\\s+)*((?:\\d+(?:st|nd|rd|th)\\s+)?(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}&/'’–‑-]*\\s+(?:and\\s+)?){0,6}(?:${HEADS})(?:\\s+on\\s+(?:the\\s+)?(?:${NAMED_SUBJECT}|${LOWER_SUBJECT})|\\s+for\\s+(?:the\\s+)?${NAMED_SUBJECT})?)\\b`,
  'gu',
)
/** A head of `NAMED` anywhere: a sentence without one is not read with it. */
const ANY_HEAD = new RegExp(HEADS)
const ACRONYM_LED = /\b((?:[\p{Lu}][\p{Lu}\p{N}/&-]+\s+){1,3}(?:meetings?|dialogues?|summits?|consultations))\b/gu
const GENERIC_HEAD =
  /\b(dialogue|meetings?|summit|working group|expert group|forum|consultations|talks|roundtable)\b(\s+on\s+(?:the\s+)?[\p{Ll}\s-]{3,40}?(?=[,.;]|\s+(?:and|with|between|in|at|every|each|once|twice|since|which|as)\b|$))?/gu
/** A lower-case head of `ACRONYM_LED` or `GENERIC_HEAD` anywhere: a sentence without one is read with neither. */
const ANY_LOWER_HEAD = /dialogue|meeting|summit|group|forum|consultations|talks|roundtable/
/** Words that cannot modify a mechanism's head: articles, prepositions, verbs, vague nouns. */
const NOT_MODIFIER =
  /^(the|a|an|this|that|these|those|its|their|our|of|in|on|at|to|for|with|by|from|also|held|hold|holds|set|up|meets|met|is|are|was|were|be|been|has|have|had|will|would|process|informal|objective|first|last|next|new|two|both|sides|annual|yearly|regular|biennial|biannual|quarterly|periodic|started|starts|start|began|begun|begin|launched|launch|launches|resumed|resume|opened|opens|concluded|continued|continue|announced|agreed|initiated|joined|attended|hosted|hosts|organised|organized|created|established|chaired|co-chaired|led|convened|convenes|conducted|conduct|pursued|pursue|entered|engaged|engage)$/i

/** Where a sentence's clauses meet: "…meets twice a year, and a Working Group…", "…; the…". */
const CLAUSE_BREAK = /;\s+|,\s+(?:and|but|while|whereas)\s+|\s+while\s+|\s+whereas\s+/g

/** The clause of `sentence` around `at`. */
function clauseAt(sentence: string, at: number): string {
  let from = 0
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    if (match.index >= at) return sentence.slice(from, match.index)
    from = match.index + match[0].length
  }
  return sentence.slice(from)
}

/** Every mechanism in `sentence`, with its frequency as its clause of the sentence states it. */
export function findMechanisms(sentence: string): MechanismMatch[] {
  const found: MechanismMatch[] = []
  // How often, as the whole sentence says it: read only once a mechanism is found (most sentences have none).
  let stated: MechanismMatch['frequency'] | undefined
  const add = (name: string, start: number) => {
    stated = stated === undefined ? frequencyOf(sentence) : stated
    const clause = stated ? clauseAt(sentence, start) : sentence
    const frequency = clause === sentence ? stated : frequencyOf(clause)
    // Which meeting of it is not part of its name: "the 4th", "the Third Digital Partnership Council".
    const clean = name
      .replace(/^(The|An?|Its)\s+/, '')
      .replace(/^(\d+(?:st|nd|rd|th)\s+)/, '')
      .replace(ORDINAL_BEFORE, '')
      .trim()
    // A head alone ("the Third Council" is the third meeting of one named before).
    if (/^(Meeting|Meetings|Dialogue|Dialogues|Committee|Council|Summit|Forum|Roundtable|Consultations)$/i.test(clean))
      return
    // A council or committee for something is a body ("Council for Scientific and Industrial Research").
    if (/\b(?:Council|Committee)\s+for\s/.test(clean)) return
    // A regional body's own name ("Pacific Islands Forum") is a partner, not a mechanism.
    if (resolveName(clean)?.kind === 'region' && !/Meeting$/.test(clean)) return
    const kind = KINDS.find(([pattern]) => pattern.test(clean.replace(/\s+on\s.*$/, '')))?.[1] ?? 'other'
    const end = start + name.length
    if (!found.some((f) => start < f.end && end > f.start)) found.push({ name: clean, kind, frequency, start, end })
  }
  for (const match of ANY_HEAD.test(sentence) ? sentence.matchAll(NAMED) : [])
    add(match[1] ?? '', match.index + match[0].indexOf(match[1] ?? ''))
  if (ANY_LOWER_HEAD.test(sentence)) {
    for (const match of sentence.matchAll(ACRONYM_LED)) add(match[1] ?? '', match.index)
    for (const match of sentence.matchAll(GENERIC_HEAD)) {
      const modifiers = modifiersBefore(sentence, match.index)
      // A bare head ("this working group") names a mechanism only with its subject ("consultations on cyber issues").
      if (modifiers.length === 0 && !match[2]) continue
      const name = [...modifiers, match[0]].join(' ')
      add(name, modifiers[0] ? sentence.lastIndexOf(modifiers[0], match.index) : match.index)
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** How often a mechanism in `sentence` meets, as the sentence says it. */
export function frequencyOf(sentence: string): MechanismMatch['frequency'] {
  // More often than once a year is "regular" (the contract has no finer grain); checked first,
  // since "twice a year" also ends in "a year". Biannual means twice a year, biennial every two.
  if (
    /\b(twice|two times|three times|several times|(?:two|three|four) rounds) (a|per|each|every) year\b|\b(biannual(ly)?|semi-?annual(ly)?|half-yearly|quarterly|monthly|weekly|every (?:few|three|four|six) months|each quarter)\b/i.test(
      sentence,
    )
  )
    return 'regular'
  if (/\b(biennial(ly)?|every (two|2|second|other) years?|once every two years)\b/i.test(sentence)) return 'biennial'
  if (
    /\b(annual|annually|yearly|every year|each year|once a year|once per year|per year|on a yearly basis|on an annual basis)\b/i.test(
      sentence,
    )
  )
    return 'annual'
  if (/\b(regular|regularly|periodic|periodically|routinely)\b/i.test(sentence)) return 'regular'
  return null
}

/** Up to three words right before `at` that can modify a mechanism's head ("high level", "ad hoc expert"). */
function modifiersBefore(sentence: string, at: number): string[] {
  const words = sentence
    .slice(Math.max(0, at - 60), at)
    .trimEnd()
    .split(/\s+/)
  const taken: string[] = []
  while (words.length && taken.length < 3) {
    const word = words.pop() ?? ''
    if (!/^[\p{L}][\p{L}&'’-]*$/u.test(word) || NOT_MODIFIER.test(word)) break
    if (word === 'and' && taken.length === 0) break
    taken.unshift(word)
  }
  while (taken[0] === 'and') taken.shift()
  return taken
}
