/**
 * Everything said about one partner, from its paragraphs: organisations, mechanisms, agreements,
 * EU posts, figures, topics, dated events and programmes; each item with the position of the
 * sentence it came from, in source order, without repeats.
 */
import type {
  Agreement,
  BriefingEvent,
  Figure,
  Mechanism,
  Organisation,
  Partner,
  Position,
  Programme,
  Representation,
  Topic,
} from '../briefing-schema.ts'
import { findAgreements } from './agreements.ts'
import { type DateMatch, findDates, isMonthName } from './dates.ts'
import { findFigures } from './figures.ts'
import type { PartnerRef } from './gazetteer.ts'
import { isKnownBodyName } from './known-bodies.ts'
import { findMechanisms, type MechanismMatch } from './mechanisms.ts'
import { findOrganisations, type OrganisationMatch } from './organisations.ts'
import { type Locator, spanPosition } from './positions.ts'
import { findProgrammes } from './programmes.ts'
import { findPosts } from './representation.ts'
import type { Unit } from './sections.ts'
import type { SentenceSpan } from './sentences.ts'
import { findTopics } from './topics.ts'

type Items = Omit<Partner, 'id' | 'name' | 'kind' | 'iso' | 'paragraphs'>

/** The dashes a bilateral name joins its sides with ("EU-Morocco", "Morocco–EU"). */
const DASH = /[-–‑]/
const SPACE = /\s/

/** The items of `partner` found in its `units`. */
export function partnerItems(
  partner: PartnerRef,
  units: readonly Unit[],
  locate: Locator,
  defined: ReadonlyMap<string, string> = new Map(),
): Items {
  const items: Items = {
    organisations: [],
    mechanisms: [],
    agreements: [],
    representation: [],
    figures: [],
    topics: [],
    events: [],
    programmes: [],
  }
  const found: Found = { partner, defined, locate, items, topics: new Map(), once: onceFor(partner) }
  // One small function per kind of item, not one large one: V8 optimises a large function as a
  // whole, on a thread the build shares its two cores with (~0.6 s of compiling for the 1 MB source).
  for (const unit of units) unitItems(unit, found)
  items.topics = [...found.topics.values()]
  items.mechanisms = withoutAliases(items.mechanisms, defined)
  return items
}

/** What `partnerItems` gathers a partner's items into, unit by unit. */
interface Found {
  partner: PartnerRef
  defined: ReadonlyMap<string, string>
  locate: Locator
  items: Items
  topics: Map<string, Topic>
  /** Whether an item of `kind` with `key` is new to the partner (and now seen). */
  once: (kind: string, key: string) => boolean
}

/** `Found.once` for `partner`. */
function onceFor(partner: PartnerRef): Found['once'] {
  const seen = new Set<string>()
  const name = partner.name.toLowerCase()
  return (kind, key) => {
    // Only a key with a dash can be bilateral: the rest (most of them) are not looked at.
    const lower = key.toLowerCase()
    const id = `${kind}:${DASH.test(key) ? withoutBilateral(lower, name) : lower}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  }
}

/**
 * `lower` (a name in lower case) without an "eu-<partner>" or "<partner>-eu" before it and the
 * space after: "EU-Morocco Digital Dialogue" in Morocco's section is the "Digital Dialogue" it names
 * elsewhere. String comparisons, not a pattern made for each partner: V8 compiled each of those
 * anew (a few hundred for a source of every country).
 */
function withoutBilateral(lower: string, name: string): string {
  const rest = (after: number) => {
    let end = after
    while (end < lower.length && SPACE.test(lower[end] ?? '')) end++
    return end > after ? lower.slice(end) : null
  }
  const euFirst = lower.startsWith('eu') && DASH.test(lower[2] ?? '') && lower.startsWith(name, 3)
  const euLast =
    lower.startsWith(name) && DASH.test(lower[name.length] ?? '') && lower.startsWith('eu', name.length + 1)
  return (euFirst ? rest(3 + name.length) : null) ?? (euLast ? rest(name.length + 3) : null) ?? lower
}

/** The sentence of `unit` that `offset` falls in (the last, past its end). */
function sentenceAt(unit: Unit, offset: number): SentenceSpan | undefined {
  return unit.sentences.find((s) => offset < s.end) ?? unit.sentences.at(-1)
}

/** The position of the sentence of `unit` that `offset` falls in (of the whole unit, if it has none). */
function whereIn(unit: Unit, offset: number, locate: Locator): Position {
  const sentence = sentenceAt(unit, offset)
  return sentence
    ? spanPosition(unit.mapped, sentence.start, sentence.end, locate)
    : spanPosition(unit.mapped, 0, unit.mapped.text.length, locate)
}

/** Add the items of one unit to `found`. */
function unitItems(unit: Unit, found: Found): void {
  const dates = findDates(unit.mapped.text)
  addFiguresAndEvents(unit, dates, found)
  // A body named like a forum ("World Economic Forum") is no mechanism.
  const mechanisms = unit.sentences.map((sentence) =>
    findMechanisms(sentence.text).filter((mechanism) => !isKnownBodyName(mechanism.name)),
  )
  const organisations = addOrganisations(unit, mechanisms, found)
  addMechanismsAndAgreements(unit, dates, mechanisms, organisations, found)
  addPosts(unit, found)
  addTopics(unit, organisations, found)
  for (const programme of findProgrammes(unit.mapped.text)) {
    if (found.once('programme', programme.name))
      found.items.programmes.push({
        name: programme.name,
        position: whereIn(unit, programme.start, found.locate),
      } satisfies Programme)
  }
}

/** The unit's figures, and its dates that are not a figure's year as events. */
function addFiguresAndEvents(unit: Unit, dates: readonly DateMatch[], { items, once, locate }: Found): void {
  const { text } = unit.mapped
  const figures = findFigures(text, dates)
  const figureYears = new Set<DateMatch>()
  for (const match of figures) {
    const year = figureYear(text, match, dates)
    if (year) figureYears.add(year)
    if (once('figure', `${match.value}|${match.unit}|${match.start}|${unit.node.position?.start.offset}`))
      items.figures.push({
        value: match.value,
        unit: match.unit,
        qualifier: match.qualifier,
        year: year ? year.date.slice(0, 4) : null,
        text: match.text,
        position: whereIn(unit, match.start, locate),
      } satisfies Figure)
  }
  for (const date of dates) {
    if (figureYears.has(date)) continue
    items.events.push({
      date: date.date,
      endDate: date.endDate,
      label: label(sentenceAt(unit, date.start)),
      position: whereIn(unit, date.start, locate),
    } satisfies BriefingEvent)
  }
}

/**
 * The unit's organisations, added to `found`: all of them returned, for the mechanisms and topics.
 * What the EU and the partner run together is a mechanism, though named like a body ("the United
 * States and the EU set up the Trade and Technology Council (TTC)").
 */
function addOrganisations(unit: Unit, mechanisms: readonly MechanismMatch[][], found: Found): OrganisationMatch[] {
  const joint = new Set(
    unit.sentences.flatMap((sentence, index) =>
      /\b(?:EU|European Union)\b/.test(sentence.text)
        ? (mechanisms[index] ?? []).map((m) => `${sentence.start}|${m.name}`)
        : [],
    ),
  )
  const sentenceOf = (start: number) => unit.sentences.find((s) => start >= s.start && start < s.end)?.start
  const organisations = findOrganisations(
    unit.mapped.text,
    unit.definitions,
    found.partner,
    found.defined,
    unit.mentions(),
  ).filter((org) => !joint.has(`${sentenceOf(org.start)}|${org.name}`))
  for (const org of organisations) {
    if (found.once('org', org.acronym ?? org.name))
      found.items.organisations.push({
        name: org.name,
        acronym: org.acronym,
        side: org.side,
        position: whereIn(unit, org.start, found.locate),
      } satisfies Organisation)
  }
  return organisations
}

/** The unit's mechanisms and agreements, sentence by sentence. */
function addMechanismsAndAgreements(
  unit: Unit,
  dates: readonly DateMatch[],
  mechanisms: readonly MechanismMatch[][],
  organisations: readonly OrganisationMatch[],
  { items, once, locate }: Found,
): void {
  for (const [index, sentence] of unit.sentences.entries()) {
    const inSentence = (start: number) => start >= sentence.start && start < sentence.end
    const since = dates.find((d) => d.since && inSentence(d.start))
    const participants = organisations.filter((o) => inSentence(o.start)).map((o) => o.acronym ?? o.name)
    for (const mechanism of mechanisms[index] ?? []) {
      if (!once('mechanism', mechanism.name)) continue
      items.mechanisms.push({
        name: mechanism.name,
        kind: mechanism.kind,
        frequency: mechanism.frequency,
        since: since?.date ?? null,
        participants: [...new Set(participants)],
        position: whereIn(unit, sentence.start, locate),
      } satisfies Mechanism)
    }
    for (const agreement of findAgreements(sentence.text)) {
      // A partnership its members joined is a body ("the Global Partnership on Artificial Intelligence"), not an agreement.
      if (organisations.some((org) => org.name === agreement.name)) continue
      if (!once('agreement', agreement.name)) continue
      const date = dates.find((d) => !d.since && inSentence(d.start))
      const place =
        /\b(?:signed|concluded|adopted|agreed)\b[^.]*?\bin\s+([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)/u.exec(
          sentence.text,
        )?.[1] ?? null
      items.agreements.push({
        name: agreement.name,
        kind: agreement.kind,
        date: date?.date ?? null,
        place: place && !isMonthName(place) ? place : null,
        position: whereIn(unit, sentence.start, locate),
      } satisfies Agreement)
    }
  }
}

/** The unit's EU posts. */
function addPosts(unit: Unit, { items, once, locate }: Found): void {
  for (const post of findPosts(unit.mapped.text, unit.definitions)) {
    if (once('post', `${post.role}|${post.post}|${post.city}`))
      items.representation.push({
        role: post.role,
        post: post.post,
        city: post.city,
        position: whereIn(unit, post.start, locate),
      } satisfies Representation)
  }
}

/**
 * The unit's topics, each with the positions it is found at. A body's name is not a topic of the
 * text ("Digital Economy Promotion Agency"); a body that stands for its field, like "ETSI" for
 * standardisation, still counts, and so does what a body is "on", the field it works in ("Global
 * Partnership on Artificial Intelligence").
 */
function addTopics(unit: Unit, organisations: readonly OrganisationMatch[], { topics, locate }: Found): void {
  const { text } = unit.mapped
  const inBody = (start: number, end: number) => {
    const on = text.lastIndexOf(' on ', start)
    return organisations.some(
      (o) => start >= o.start && start < o.end && !(start === o.start && end === o.end) && on < o.start,
    )
  }
  for (const found of findTopics(text)) {
    if (inBody(found.start, found.end)) continue
    const topic = topics.get(found.topic.id) ?? { id: found.topic.id, label: found.topic.label, positions: [] }
    const position = whereIn(unit, found.start, locate)
    if (!topic.positions.some((p) => p.start.offset === position.start.offset)) topic.positions.push(position)
    topics.set(found.topic.id, topic)
  }
}

/**
 * Mechanisms without those that only name another by its acronym: "the ASEM dialogue" is the
 * Asia-Europe Meeting (ASEM) the text already has; what the alias adds (how often, since when)
 * goes to the mechanism it names.
 */
function withoutAliases(mechanisms: Mechanism[], defined: ReadonlyMap<string, string>): Mechanism[] {
  return mechanisms.filter((alias) => {
    const acronym = /^(\p{Lu}[\p{Lu}\p{N}&-]+) (?:dialogue|process)$/u.exec(alias.name)?.[1]
    const expansion = acronym ? defined.get(acronym)?.toLowerCase() : undefined
    const named = expansion ? mechanisms.find((other) => other.name.toLowerCase() === expansion) : undefined
    if (!named) return true
    named.frequency ??= alias.frequency
    named.since ??= alias.since
    return false
  })
}

/**
 * The year a figure is given for: a year (or month) in the same clause, right after the figure or
 * after the rest of its clause ("70% of households had a connection in 2022"), introduced by "in",
 * "during", "by", "as of", "at the end of" or "for", or in brackets right after it ("100 million
 * (2023)"). A day is an event's date, not a statistic's.
 */
function figureYear(text: string, figure: { end: number }, dates: readonly DateMatch[]): DateMatch | undefined {
  return dates.find((d) => {
    if (d.start < figure.end || d.since || d.date.length > 7) return false
    const between = text.slice(figure.end, d.start)
    return (
      between.length <= 80 &&
      // "100 million (2023)", "56 per cent of households (2023)": the year in brackets closing the figure's clause.
      ((/^[^,;:.!?()–—]*\($/.test(between) && text[d.end] === ')') ||
        (!/[,;:.!?()–—]|\s(?:and|but|while|whereas|which|who|when|after|before|since|until)\s/.test(between) &&
          /(?:^|\s)(?:during|in|by|as of|at the end of|for)\s+$/.test(between)))
    )
  })
}

/** A sentence as an event label, shortened at a word boundary. */
function label(sentence: SentenceSpan | undefined): string {
  const text = (sentence?.text ?? '').replace(/\s+/g, ' ').trim()
  if (text.length <= 160) return text
  return `${text.slice(0, 157).replace(/\s+\S*$/, '')}…`
}
