/**
 * Organisations: bodies named in a text, by three routes: the text's own definitions whose long
 * form is a body ("Ministry of Economics Trade and Industry (METI)"), names built like bodies
 * ("Chinese Ministry of Industry and Information Technology", "European Commission", "ASEAN
 * Secretariat"), and well-known bodies from the data list ("DG CONNECT", "ETSI"). A dialogue,
 * working group, programme, agreement or technology is not a body.
 */
import type { Definition } from './acronyms.ts'
import { findMentions, type Mention, type PartnerRef, regionLongNames } from './gazetteer.ts'
import { findKnownBodies, knownBody } from './known-bodies.ts'
import { isProgrammeName } from './programmes.ts'
import { ORDINAL_BEFORE } from './regex.ts'
import { regionalBody } from './regional-bodies.ts'

/** A body found in a text. */
export interface OrganisationMatch {
  name: string
  acronym: string | null
  side: 'eu' | 'partner' | 'international' | null
  start: number
  end: number
}

const HEAD =
  'Ministry|Ministries|Department|Directorate(?:-General)?|Agency|Authority|Service|Commission|Office|Institute|Association|Associations|Organi[sz]ation|Bureau|Administrations|Administration|Secretariat|Federation|Corporation|Council|Board|Alliance|Consortium|Foundation|Centre|Center|Bank|Regulator|Chamber|Academy|University|Parliament|Government|Cabinet|Senate|Division|Directorate|Unit|Team|Taskforce Office|Registry|Court|Observatory'
const BODY_HEAD = new RegExp(`\\b(${HEAD})\\b`)
const HEAD_ALONE = new RegExp(`^(?:${HEAD}|Commissioner)$`)
/** Mechanisms and things that look like bodies but are not. */
const NOT_BODY =
  /\b(Dialogue|Working Group|Task ?force|Summit|Meeting|Programme|Program|Agreement|Declaration|Partnership|Strategy|Plan|Network|Joint Committee|Delegation|Union Member States)\b/i
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', '&', 'de'])

const NAME_WORD = "(?:[\\p{Lu}][\\p{L}'’&-]*|[\\p{Lu}\\p{N}&]{2,}|\\p{Ll}\\p{Lu}[\\p{L}]+)"
// Not "on": "cooperates with the European Commission on 5G security" is the Commission's subject, not its name.
const HEAD_FIRST = new RegExp(
  `\\b(?:${HEAD})(?:\\s+(?:of|for)(?:\\s+the)?)\\s+${NAME_WORD}(?:,?\\s+(?:(?:and|of|for|on|the|&)\\s+){0,2}${NAME_WORD}){0,12}`,
  'gu',
)
const WHOLE_NAME_WORD = new RegExp(`^${NAME_WORD}$`, 'u')

/**
 * The capitalised words (up to four) that run into a head-first name at `at` ("Federal" of
 * "Federal Ministry of …"), with the blanks after each. Read word by word backwards: a pattern
 * anchored at the end would be tried at every character before it.
 */
function leadingWords(text: string, at: number): string {
  const from = Math.max(0, at - 80)
  const pieces = text.slice(from, at).match(/\S+\s+/g) ?? []
  let taken = ''
  for (let index = pieces.length - 1, count = 0; index >= 0 && count < 4; index--, count++) {
    const piece = pieces[index] ?? ''
    // A piece cut by the window's start may be half a word.
    if (index === 0 && from > 0 && !/\s/.test(text[from - 1] ?? '')) break
    if (!WHOLE_NAME_WORD.test(piece.trimEnd())) break
    taken = piece + taken
  }
  // Only what runs straight into the name: the blanks before it are the last piece's.
  return text.slice(at - taken.length, at) === taken ? taken : ''
}
/** A public body's head that a list of fields may lead ("Communications, Space and Technology Commission"). */
const PUBLIC_HEAD = /\b(?:Ministry|Department|Agency|Authority|Commission|Office|Council|Board|Regulator|Directorate)$/
const LIST_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:${NAME_WORD},\\s+){1,3}(?:${NAME_WORD}\\s+)?and\\s+)$`, 'u')

/**
 * The fields listed before a head-last name at `at` ("Communications, Space and " of
 * "… Technology Commission"): the list is the name's only when the name is a public body's (firms
 * listed before "Samsung Electronics Corporation" are others) and no field is a partner or the EU
 * ("Kenya, Rwanda and Uganda Communications Commission").
 */
function listBefore(text: string, at: number, name: string): string {
  if (!PUBLIC_HEAD.test(name)) return ''
  const list = LIST_BEFORE.exec(text.slice(Math.max(0, at - 80), at))?.[1] ?? ''
  return list && findMentions(list).length === 0 && !/\b(?:EU|European)\b/.test(list) ? list : ''
}

/** Heads that make a programme's name a body's ("Copernicus Centre for Latin America and the Caribbean"). */
const PROGRAMME_BODY = /\b(?:Centre|Center|Office|Agency|Institute|Authority|Secretariat)\b/
/** A continent's or a region's adjective leading a body's name (not a centre "for Latin America and the Caribbean"). */
const REGIONAL_NAME =
  /^(?:African|Asian|Inter-American|Latin American|Caribbean|Arab|Islamic|Pan-African|Asia-Pacific)\b/
/** Words that make what follows a body its members joined ("joined the", "members of the"). */
const JOINING = '\\b(?:joined|joins|join|joining|members? of|membership of)\\s+the'
/** `JOINING` just before a name (`agreements.ts` asks too). */
export const JOINED_BEFORE = new RegExp(`${JOINING}\\s+$`, 'u')
const JOINED = new RegExp(`${JOINING}\\s`, 'u')
const JOINED_PARTNERSHIP = new RegExp(
  `${JOINING}\\s+((?:${NAME_WORD}\\s+){0,5}Partnership(?:\\s+(?:on|for)\\s+${NAME_WORD}(?:\\s+(?:and\\s+)?${NAME_WORD}){0,5})?)`,
  'gu',
)
// Repetitions are bounded so that a long run of capitalised words cannot make matching quadratic.
const HEAD_LAST = new RegExp(`(?:${NAME_WORD}\\s+){1,8}(?:${HEAD}|Commissioner)\\b`, 'gu')
/** A head word: both patterns need one, and a paragraph without any is read no further. */
const ANY_HEAD = new RegExp(`(?:${HEAD}|Commissioner)\\b`, 'u')
const BARE_COMMISSION = /\b(?:[Tt]he\s+)Commission\b/g
/** "the Bhutanese government", not "Bhutanese government services" (the word as a modifier). */
const GOVERNMENT =
  /\b([\p{Lu}][\p{L}]+)\s+government\b(?!\s+(?:services?|agenc(?:y|ies)|portals?|platforms?|data|procurement|systems?|websites?|apps?|officials?|bodies|departments?|networks?|cloud|employees|staff|spending|budget|policy|policies)\b)/gu

/**
 * Every body in `text` (a partner's paragraph), in order, with the side it is on.
 *
 * @param mentions The partners `text` names (`findMentions(text)`), when the caller has them already.
 */
export function findOrganisations(
  text: string,
  definitions: readonly Definition[],
  partner: PartnerRef | null,
  defined: ReadonlyMap<string, string> = new Map(),
  mentions: readonly Mention[] = findMentions(text),
): OrganisationMatch[] {
  const found: OrganisationMatch[] = []
  const add = (match: OrganisationMatch) => {
    if (!found.some((f) => match.start < f.end && match.end > f.start)) found.push(match)
  }
  for (const definition of definitions) {
    // A regional organisation or forum is a body; a regional meeting or network is not.
    const regional = regionalBody(definition) && !/(Meeting|Network)$/.test(definition.expansion)
    // A department named for its country ("Innovation, Science and Economic Development Canada (ISED)").
    const national =
      partner?.kind === 'country' &&
      definition.expansion.endsWith(` ${partner.name}`) &&
      definition.expansion.split(/[\s,]+/).every((word) => /^\p{Lu}/u.test(word) || CONNECTORS.has(word))
    const body = isBodyName(definition.expansion) || isForeignBodyName(definition.expansion)
    if (!(body || regional || national) || isBilateral(text, definition.start)) continue
    const known = knownBody(definition.acronym)
    const start = definition.start
    // A regional body in a country's section is an international one ("Caribbean Telecommunications Union").
    const side = regional && partner?.kind === 'country' ? 'international' : null
    add({
      name: definition.expansion,
      acronym: definition.acronym,
      side:
        side ??
        sideOf(definition.expansion, text.slice(Math.max(0, start - 20), start), partner) ??
        known?.side ??
        null,
      start,
      end: definition.end,
    })
  }
  // `HEAD_LAST` is tried at every capital of the text: most of the time of this function.
  for (const pattern of ANY_HEAD.test(text) ? [HEAD_FIRST, HEAD_LAST] : []) {
    for (const match of text.matchAll(pattern)) {
      // A head-first name starts where its capitalised words do ("Information Regulator of South Africa").
      const leading = pattern === HEAD_FIRST ? leadingWords(text, match.index) : listBefore(text, match.index, match[0])
      const whole = leading + match[0]
      let name = trimName(whole)
        .replace(/\s+and\s+[\p{Lu}\p{N}&]{2,}$/u, '')
        .replace(/^[\p{Lu}][\p{L} ]*['’]s\s+/u, '')
      let start = match.index - leading.length + whole.indexOf(name)
      // A leading demonym or EU marker says whose body it is, and is not part of the name.
      const lead = findMentions(name).find((m) => m.start === 0)
      const before = text.slice(Math.max(0, start - 20), start)
      let context = before
      if (lead && /^\S+\s+(Ministry|Department|Government)/u.test(name)) {
        context = name.slice(0, lead.end)
        name = name.slice(lead.end).trim()
        start += lead.end + 1
      }
      // A name glued on to more words ("Commission-to-Commission meeting") is a part of another name.
      const glued = /^[-–‑]\p{L}/u.test(text.slice(start + name.length))
      // A programme's own name is no body ("Global Gateway Digital Alliance"); a centre or an office it runs is.
      const programme = isProgrammeName(name) && !PROGRAMME_BODY.test(name)
      if (!isBodyName(name) || name === 'Commission' || glued || programme || isBilateral(text, start)) continue
      const known = knownBody(name)
      add({
        name,
        acronym: known?.acronym ?? null,
        // A body the data list knows is on the side it gives ("Council of Europe" is no EU body).
        side: known?.side ?? sideOf(name, context, partner) ?? null,
        start,
        end: start + name.length,
      })
    }
  }
  let previous: { name: string; end: number } | undefined
  for (const { body, start, end } of findKnownBodies(text)) {
    // "International Telecommunication Union (ITU)": the name and its letters are one mention.
    const repeat = previous?.name === body.name && /^\s*\($/.test(text.slice(previous.end, start))
    previous = { name: body.name, end }
    if (repeat) continue
    // The text's own definition of these letters wins over the data list's.
    if (defined.has(body.acronym) && defined.get(body.acronym) !== body.name) continue
    // A country's own body in another country's section is another body with the same letters
    // ("TTC" in India's section is not Japan's Telecommunication Technology Committee).
    if (body.iso && partner?.kind === 'country' && body.iso !== partner.iso) continue
    add({ name: body.name, acronym: body.acronym, side: body.side, start, end })
  }
  // Another regional organisation named on its own ("Timor-Leste joined ASEAN") is an
  // international body; inside a longer name ("EU-ASEAN dialogue", "ASEAN Secretariat") it is not.
  for (const mention of mentions) {
    const { ref, start, end } = mention
    if (ref.kind !== 'region' || ref.id === partner?.id || mention.via !== 'name') continue
    if (/[-–‑/]$/.test(text.slice(0, start)) || /^(?:[-–‑/]|\s+[\p{Lu}\p{N}])/u.test(text.slice(end))) continue
    const longName = regionLongNames.get(ref.id)
    if (!longName || !/\p{Lu}{2}/u.test(text.slice(start, end))) continue
    add({ name: longName, acronym: ref.name, side: 'international', start, end })
  }
  // A partnership that members join is a body ("joined the Global Partnership on Artificial Intelligence").
  for (const match of JOINED.test(text) ? text.matchAll(JOINED_PARTNERSHIP) : []) {
    const name = match[1] ?? ''
    const start = match.index + match[0].length - name.length
    // "joined the Africa-EU Digital Economy Partnership": a bilateral partnership is no body.
    if (isBilateral(text, start)) continue
    const acronym = [...defined].find(([, expansion]) => expansion === name)?.[0] ?? null
    add({
      name,
      acronym,
      side: sideOf(name, text.slice(Math.max(0, start - 20), start), partner),
      start,
      end: start + name.length,
    })
  }
  for (const match of text.matchAll(BARE_COMMISSION)) {
    const start = match.index + match[0].indexOf('Commission')
    add({ name: 'European Commission', acronym: null, side: 'eu', start, end: start + 'Commission'.length })
  }
  for (const match of text.matchAll(GOVERNMENT)) {
    const mention = findMentions(match[1] ?? '')[0]
    if (mention?.via !== 'demonym' || mention.ref.kind !== 'country') continue
    add({
      name: `Government of ${mention.ref.name}`,
      acronym: null,
      side: 'partner',
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * The head of a body's name in French, Spanish, Portuguese or Italian, which comes first: "Agence de
 * Développement du Digital", "Instance Nationale de Protection des Données Personnelles".
 */
const FOREIGN_HEAD =
  /^(?:Agence|Agencia|Agência|Agenzia|Autorité|Autoridad|Autoridade|Autorità|Ministère|Ministerio|Ministério|Ministero|Instance|Institut|Instituto|Istituto|Comisión|Comissão|Commissione|Conseil|Consejo|Conselho|Consiglio|Direction|Dirección|Direção|Secrétariat|Secretaría|Secretaria|Superintendencia|Banque|Banco|Centro|Oficina|Cámara|Câmara|Chambre)\s+(?:\p{Lu}|(?:de|du|des|del|da|do|dos|das|della|di|pour|para|per)\s|d['’])/u

/** Whether `name` is a body's name in a language whose bodies' names start with their head (`FOREIGN_HEAD`). */
export function isForeignBodyName(name: string): boolean {
  return FOREIGN_HEAD.test(name)
}

/** Whether `name` is built like a body ("X Commissioner" is an office, unless it is a European one). */
function isBodyName(name: string): boolean {
  // A head alone ("Kenya's Cabinet Secretary", "a Team Europe Initiative", "the Third Council") names no body.
  if (HEAD_ALONE.test(name.replace(ORDINAL_BEFORE, ''))) return false
  if (/Commissioner$/.test(name)) return !/^(European|EU|Vice|Former|The)\b/.test(name)
  return BODY_HEAD.test(name) && !NOT_BODY.test(name) && !/^(European Union|EU)$/.test(name)
}

/** "EU-India Trade and Technology Council": a bilateral name is a mechanism, not a body. */
function isBilateral(text: string, start: number): boolean {
  if (/^(?:EU[-–‑]|[\p{Lu}][\p{L}]+[-–‑]EU\b)/u.test(text.slice(start))) return true
  // Walk back over the capitalised words (and connectors) that run into the name.
  const words = text
    .slice(Math.max(0, start - 80), start)
    .split(/\s+/)
    .filter(Boolean)
  while (words.length) {
    const word = words.pop() ?? ''
    if (/^EU[-–‑]\p{Lu}/u.test(word)) return true
    if (!/^\p{Lu}/u.test(word) && !CONNECTORS.has(word)) return false
  }
  return false
}

/** Drop leading articles and trailing connectors. */
function trimName(name: string): string {
  const words = name.trim().split(/\s+/)
  while (
    words.length &&
    (CONNECTORS.has((words[0] ?? '').toLowerCase()) || /^(The|A|An|This|These|Both|Its)$/.test(words[0] ?? ''))
  )
    words.shift()
  while (words.length && CONNECTORS.has((words.at(-1) ?? '').toLowerCase())) words.pop()
  // A possessive ends the name ("the Council of Europe's work").
  return words
    .join(' ')
    .replace(/,$/, '')
    .replace(/['’]s$/, '')
}

/** Whose body `name` is: EU, the partner's, or international. */
function sideOf(name: string, before: string, partner: PartnerRef | null): OrganisationMatch['side'] {
  const text = `${before} ${name}`
  if (/\b(European|EU|Europe)\b/.test(name) || /\b(European|EU)\s*$/.test(before)) return 'eu'
  const mentions = findMentions(text)
  // A body named after the partner or one of its cities is the partner's, international or not
  // ("Astana International Financial Centre", "Japan International Cooperation Agency").
  const inName = (mention: Mention) => mention.start >= text.length - name.length
  if (partner && mentions.some((m) => m.ref.id === partner.id && inName(m))) return 'partner'
  if (/\b(International|World|United Nations|Global)\b/.test(name)) return 'international'
  if (mentions.some((m) => m.ref.id === partner?.id)) return 'partner'
  // A continent's or a region's body in a country's section is international ("African Development Bank").
  if (partner?.kind === 'country' && REGIONAL_NAME.test(name)) return 'international'
  // A regional body is on the partner side of a regional forum, international next to a country.
  if (mentions.some((m) => m.ref.kind === 'region')) return partner?.kind === 'region' ? 'partner' : 'international'
  if (mentions.length > 0) return 'partner'
  // A body with no European or international mark, in a partner's section, is the partner's.
  return partner ? 'partner' : null
}
