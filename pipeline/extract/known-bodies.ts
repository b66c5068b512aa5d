/**
 * Well-known bodies often used without definition (DG CONNECT, CEN, ETSI, GEANT, …), from
 * `pipeline/data/known-bodies.json`, found by acronym or name.
 */
import bodies from '../data/known-bodies.json' with { type: 'json' }
import { wholeWords } from './regex.ts'

/** A body from the data list. */
export interface KnownBody {
  acronym: string
  name: string
  side: 'eu' | 'partner' | 'international'
  iso?: string
  /** Other letters the body goes by ("DG CNECT", the Commission's own short form of DG CONNECT). */
  aliases?: string[]
}

/** The bodies as data. */
export const knownBodies: readonly KnownBody[] = bodies as KnownBody[]

const byKey = new Map<string, KnownBody>()
for (const body of knownBodies) {
  for (const acronym of [body.acronym, ...(body.aliases ?? [])]) byKey.set(acronym, body)
  byKey.set(body.name.toLowerCase(), body)
}
// A hyphenated compound ("EU-China") is not a mention of the body on its own. Full names too: a
// body no head word marks ("World Economic Forum") is still found by its name.
const pattern = wholeWords(
  knownBodies.flatMap((b) => [b.acronym, ...(b.aliases ?? []), b.name]),
  'gu',
  '\\p{L}\\p{N}-',
)

const names = new Set(knownBodies.map((body) => body.name.toLowerCase()))

/** Whether `name` is the full name of a known body ("World Economic Forum": a body, though named like a forum). */
export function isKnownBodyName(name: string): boolean {
  return names.has(name.toLowerCase())
}

/** The known body with this acronym or (case-insensitive) name. */
export function knownBody(key: string): KnownBody | undefined {
  return byKey.get(key) ?? byKey.get(key.toLowerCase()) ?? byKey.get(key.replace(/\s+/g, ''))
}

/** Every known body named by its acronym or its full name in `text`. */
export function findKnownBodies(text: string): { body: KnownBody; start: number; end: number }[] {
  const found: { body: KnownBody; start: number; end: number }[] = []
  for (const match of text.matchAll(pattern)) {
    const body = byKey.get(match[0]) ?? byKey.get(match[0].toLowerCase())
    if (body) found.push({ body, start: match.index, end: match.index + match[0].length })
  }
  return found
}
