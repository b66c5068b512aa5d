/**
 * EU posts in a partner: who is based where ("An ICT Counsellor is based at the EU Delegation in
 * Beijing", "an ICT expert at the EU delegation in Tokyo", "a Counsellor was appointed to the
 * Delegation in Nairobi": in an EU briefing the Delegation is the EU's, but not "the Delegation
 * of Japan"), and posts defined as such ("seconded standardisation expert in India (SESEI)").
 */
import type { Definition } from './acronyms.ts'
import { findMentions } from './gazetteer.ts'

/** A post found in a text. */
export interface PostMatch {
  role: string
  post: string
  city: string | null
  start: number
  end: number
}

const ROLE_HEAD =
  '(?:[Cc]ounsellor|[Cc]ounselor|[Aa]ttach[ée]|[Aa]ttache|[Ee]xpert|[Oo]fficer|[Aa]dviser|[Aa]dvisor|[Ee]nvoy|Ambassador|Representative|Head of Delegation|Liaison Officer|[Ss]pecialist)'
const POST =
  '(EU [Dd]elegation|European Union [Dd]elegation|Delegation of the European Union|EU [Oo]ffice|EU [Mm]ission|EU [Rr]epresentation|European Business and Technology Centre|EU Business Hub|(?<=\\b[Tt]he\\s)Delegation(?!\\s+of\\b))'
const PLACE = "([\\p{Lu}][\\p{L}'’-]+(?:\\s[\\p{Lu}][\\p{L}'’-]+){0,2})"
const ROLE_WORD =
  '(?:[\\p{Lu}][\\p{L}&-]*|[\\p{Lu}&]{2,}|digital|trade|science|research|technology|ICT|seconded|policy|cyber)'
const STATED = new RegExp(
  `((?:${ROLE_WORD}\\s+(?:and\\s+)?){0,4}${ROLE_HEAD})(?:\\s+(?:is|are|was|were|has been|had been|will be))?(?:(?:\\s+(?:based|posted|stationed|located|working|works|serves|serving|sits|appointed|assigned|seconded|deployed))?\\s+(?:at|in|to|within|out of|from)|\\s+(?:has\\s+|have\\s+|will\\s+)?(?:joined|joins|join))\\s+(?:the\\s+)?${POST}(?:\\s+(?:in|to|of)\\s+(?:the\\s+)?${PLACE})?`,
  'gu',
)
const HOSTED = new RegExp(
  `${POST}(?:\\s+(?:in|to)\\s+(?:the\\s+)?${PLACE})?(?:\\s+(?:in|at)\\s+${PLACE})?\\s+(?:(?:has|have|had)\\s+(?:had|hosted|appointed|employed|welcomed|housed)|hosts|hosted|has|had|includes|employs|houses|appointed)\\s+(?:an?|the|its)\\s+(?:new\\s+)?((?:${ROLE_WORD}\\s+(?:and\\s+)?){0,4}${ROLE_HEAD})`,
  'gu',
)
/**
 * A stretch of text without a sentence's stop: neither pattern above can match across one, so
 * each is tried only on the stretches that may name a post (`MAY_NAME_POST`, a cheap superset of
 * `POST`: most sentences name none, and the patterns are tried at every capital).
 */
const STRETCH = /[^.!?]+/g
const MAY_NAME_POST =
  /[Dd]elegation|EU [Oo]ffice|EU [Mm]ission|EU [Rr]epresentation|European Business and Technology Centre|EU Business Hub/
const POSTED_ROLE = new RegExp(`^(.*?\\b${ROLE_HEAD})\\s+(?:in|to|for)\\s+(.+)$`, 'u')

/** Every post in `text`, in order. */
export function findPosts(text: string, definitions: readonly Definition[]): PostMatch[] {
  const found: PostMatch[] = []
  for (const match of postMatches(text, STATED)) {
    const role = (match[1] ?? '').replace(/^(An?|The|Its|Our)\s+/, '').trim()
    const post = normalisePost(match[2] ?? '')
    const place = match[3] ?? null
    const role2 = role.replace(/^and\s+/, '')
    found.push({
      role: role2,
      post: place && isCountry(place) ? `${post} to ${place}` : post,
      city: place && !isCountry(place) ? place : null,
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  for (const match of postMatches(text, HOSTED)) {
    const places = [match[2], match[3]].filter((p): p is string => Boolean(p))
    const city = places.find((p) => !isCountry(p)) ?? null
    const country = places.find((p) => isCountry(p))
    const post = normalisePost(match[1] ?? '')
    found.push({
      role: match[4] ?? '',
      post: country && !city ? `${post} to ${country}` : post,
      city,
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  for (const definition of definitions) {
    const posted = POSTED_ROLE.exec(definition.expansion)
    if (!posted) continue
    const place = posted[2] ?? ''
    found.push({
      role: posted[1] ?? definition.expansion,
      post: definition.acronym,
      city: isCountry(place) ? null : place,
      start: definition.start,
      end: definition.end,
    })
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The matches of `pattern` (`STATED` or `HOSTED`) in `text`, as `text.matchAll` would find them. */
function* postMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  if (!MAY_NAME_POST.test(text)) return
  for (const stretch of text.matchAll(STRETCH)) {
    if (!MAY_NAME_POST.test(stretch[0])) continue
    for (const match of stretch[0].matchAll(pattern)) {
      match.index += stretch.index
      yield match
    }
  }
}

function normalisePost(post: string): string {
  if (/delegation/i.test(post)) return 'EU Delegation'
  return post.replace(/^EU (\w)/, (_, first: string) => `EU ${first.toUpperCase()}`)
}

function isCountry(place: string): boolean {
  const mention = findMentions(place)[0]
  return mention !== undefined && mention.via === 'name' && mention.start === 0 && mention.end === place.length
}
