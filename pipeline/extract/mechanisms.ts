/**
 * Mechanisms: the standing ways the EU and a partner work together: dialogues, working groups,
 * task forces, committees, summits, meetings, councils; with how often they meet, since when,
 * and the bodies that take part (those named in the same sentence).
 */
import type { MechanismKind } from '../briefing-schema.ts'

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
  [/forum$/i, 'other'],
]
const NAMED =
  /(?:\b(?:the|an?|its|regular|annual|yearly|biennial)\s+)*((?:\d+(?:st|nd|rd|th)\s+)?(?:[\p{Lu}\p{N}][\p{L}\p{N}&/'-]*\s+){0,5}(?:Dialogues?|Working Group|Task ?[Ff]orce|Joint Committee|Committee|Summit|Ministerial Meeting|Meetings?|Council|Forum))\b/gu
const GENERIC =
  /\b((?:high[ -]level|ad hoc|ministerial|expert|regular|annual)\s+(?:[\p{L}]+\s+){0,2}?(?:dialogue|meeting|meetings|working group|expert group|forum))\b(?:\s+on\s+(?:the\s+)?[\p{L}\s]{3,60}?(?=[,.;]|\s+and\s+to\b|$))?/giu

/** Every mechanism in `sentence`, with its frequency as the sentence states it. */
export function findMechanisms(sentence: string): MechanismMatch[] {
  const found: MechanismMatch[] = []
  const frequency = frequencyOf(sentence)
  const add = (name: string, start: number) => {
    const clean = name
      .replace(/^(The|An?|Its)\s+/, '')
      .replace(/^(\d+(?:st|nd|rd|th)\s+)/, '')
      .trim()
    if (/^(Meeting|Meetings|Dialogue|Dialogues|Committee|Council|Summit|Forum)$/.test(clean)) return
    const kind = KINDS.find(([pattern]) => pattern.test(clean.replace(/\s+on\s.*$/, '')))?.[1] ?? 'other'
    const end = start + name.length
    if (!found.some((f) => start < f.end && end > f.start)) found.push({ name: clean, kind, frequency, start, end })
  }
  for (const match of sentence.matchAll(NAMED)) add(match[1] ?? '', match.index + match[0].indexOf(match[1] ?? ''))
  for (const match of sentence.matchAll(GENERIC)) add(match[0], match.index)
  return found.sort((a, b) => a.start - b.start)
}

function frequencyOf(sentence: string): MechanismMatch['frequency'] {
  if (/\b(annual|annually|yearly|every year|each year|once a year)\b/i.test(sentence)) return 'annual'
  if (/\b(biennial|every two years|every other year|twice a year)\b/i.test(sentence)) return 'biennial'
  if (/\b(regular|regularly)\b/i.test(sentence)) return 'regular'
  return null
}
