/**
 * Sections: which paragraph belongs to which partner. A Markdown heading that names a partner
 * opens its section (sub-headings stay in it); a bare line that names a partner ("South Korea")
 * is a heading too: the paragraph under it is that partner's, but the text may move on to
 * another partner without a heading after that. A heading that names a world region ("Latin
 * America", "The Gulf") groups partners: a paragraph under it is the region's only if it names
 * the region, and a region that keeps no paragraph is no partner. Elsewhere a
 * paragraph belongs to the partner it is about (the one its first sentence names first, or most
 * often), and a paragraph that names none continues the current partner.
 *
 * Also read as headings: the first line of a list item ("2. Brazil"), and a line that says more
 * than the name ("Kenya, 4-5 March", kept as the partner's paragraph). A heading of one of the
 * note's own parts ("Next steps", "Regional") hands what follows to the overview, where no
 * partner carries on from one paragraph to the next. A first line like a title stays in the
 * overview; one that names a single partner opens it.
 */
import type { Heading, Paragraph, Root } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import { type Definition, findDefinitions } from './acronyms.ts'
import {
  findMentions,
  type Mention,
  namedInText,
  namesOfWorldRegion,
  type PartnerRef,
  resolveName,
  worldRegionNamesAll,
} from './gazetteer.ts'
import { regionalBody } from './regional-bodies.ts'
import { type SentenceSpan, splitSentences } from './sentences.ts'
import { type MappedText, mapParagraph } from './text-map.ts'
import { isTitleLine } from './title.ts'

/** A paragraph of the source, read once for every extractor. */
export interface Unit {
  node: Paragraph
  mapped: MappedText
  sentences: SentenceSpan[]
  definitions: Definition[]
  /** The partners it names (`findMentions` of its text), found once for every extractor that asks. */
  mentions: () => Mention[]
  /** The partner it belongs to, or `null` for the overview. */
  owner: PartnerRef | null
  /** A bare line consumed as the heading of `owner`. */
  isHeading: boolean
}

/** The source divided among the overview and the partners. */
export interface Sections {
  units: Unit[]
  /** Partners in the order the source first treats them. */
  partners: PartnerRef[]
}

/** How far a heading reaches: a Markdown heading holds its section, a bare line only starts it. */
interface Current {
  ref: PartnerRef | null
  /** Depth of the Markdown heading that opened it; `null` when content may move on. */
  lockedAt: number | null
  /** Depth of the last heading that opened a section (0 for none): deeper headings stay in it. */
  depth: number
  /** Just opened by a bare line: the next paragraph is the section's whatever it names. */
  opened?: boolean
  /** In a part of the note's own ("Next steps"): each paragraph is the partner's it names, none carries on. */
  part?: boolean
}

/** Divide `tree` (whose text is `source`) into overview and partner sections. */
export function divideSections(tree: Root, source: string): Sections {
  const units: Unit[] = []
  const partners = new Map<string, PartnerRef>()
  const extra = new Map<string, PartnerRef>()
  /** Partners that hold a paragraph. */
  const held = new Set<string>()
  let current: Current = { ref: null, lockedAt: null, depth: 0 }
  const enter = (ref: PartnerRef | null) => {
    if (ref && !partners.has(ref.id)) partners.set(ref.id, ref)
  }

  visit(tree, (node, index, parent) => {
    if (node.type === 'heading') {
      current = onHeading(node, current, extra)
      enter(current.ref)
      return SKIP
    }
    if (node.type !== 'paragraph') return undefined
    const mapped = mapParagraph(node, source)
    const sentences = splitSentences(mapped.text)
    const definitions = findDefinitions(mapped.text)
    let named: Mention[] | undefined
    const mentions = () => {
      named ??= findMentions(mapped.text)
      return named
    }
    for (const definition of definitions) {
      const body = regionalBody(definition)
      // The text's own definition wins over a name running text would not take as a partner ("African Union (AU)").
      if (body && !namedInText(definition.acronym)) {
        extra.set(definition.acronym, body)
        extra.set(definition.expansion, body)
      }
    }
    // A line of its own in the document, or the first of a list item with more under it ("2. Brazil").
    const firstInItem = parent?.type === 'listItem' && index === 0
    const ownLine = parent?.type === 'root' || (firstInItem && parent.children.length > 1)
    // The first line is the title, not a heading, unless it is a partner's name alone.
    const found = ownLine ? bareHeading(node, extra) : undefined
    const heading = found && (found.exact || units.length > 0) ? found : undefined
    const bare = heading?.ref
    // A heading of the briefing's own ("Next steps", "5. Next steps") ends the partner before it.
    if (!bare && (ownLine || firstInItem) && isDocumentPart(mapped.text))
      current = { ref: null, lockedAt: null, depth: current.depth, part: true }
    if (bare) {
      current = { ref: bare, lockedAt: null, depth: current.depth, opened: !namesOfWorldRegion(bare) }
      enter(bare)
      // A heading that says more than the name ("Kenya, 4-5 March") stays in the text: as the partner's
      // first paragraph, or the overview's for a world region (a partner only when a paragraph names it).
      const exact = heading?.exact ?? true
      const owner = exact || !namesOfWorldRegion(bare) ? bare : null
      if (!exact && owner) held.add(owner.id)
      units.push({ node, mapped, sentences, definitions, mentions, owner, isHeading: exact })
      return SKIP
    }
    // A first line like a title that names several partners or regions ("EU relations with the Gulf
    // and Mercosur") is about the whole text: it opens no partner.
    const titleOfSeveral = units.length === 0 && namesSeveral(mapped.text, extra)
    // A first line like a title that names one partner ("Flash report — EU–Indonesia Digital Dialogue,
    // Jakarta, 14 November 2024") is the text's title: it opens the partner, as a title heading does,
    // and stays in the overview (its date is the report's, not an event of the partner's).
    const titled = units.length === 0 && parent?.type === 'root' ? titleOfOne(mapped.text, extra) : undefined
    if (titled) {
      current = { ref: titled, lockedAt: null, depth: current.depth }
      enter(titled)
      units.push({ node, mapped, sentences, definitions, mentions, owner: null, isHeading: false })
      return SKIP
    }
    let owner = current.ref
    if (current.opened) current = { ...current, opened: false }
    else if (current.lockedAt === null && !titleOfSeveral) {
      // Names the text defines (`extra`), and those of a region whose section this is, are found with
      // the others; without them, the unit's own list.
      const region = namesOfWorldRegion(current.ref)
      const known = region ? new Map([...extra, ...region]) : extra
      const named = known.size > 0 ? findMentions(mapped.text, known) : mentions()
      // The overview does not move on to a partner only because something happened in its capital,
      // nor for a paragraph that a label of the note's own opens ("Participants: …").
      const stays = current.ref === null && (onlyVenues(named, mapped.text) || LABELLED_PART.test(mapped.text))
      const subject = stays ? undefined : subjectOf(named, sentences, current.ref)
      if (current.part) owner = subject ?? null
      else {
        if (subject) current = { ...current, ref: subject }
        owner = current.ref
      }
    }
    enter(owner)
    if (owner) held.add(owner.id)
    units.push({ node, mapped, sentences, definitions, mentions, owner, isHeading: false })
    return SKIP
  })
  const kept = [...partners.values()].filter((ref) => held.has(ref.id) || !namesOfWorldRegion(ref))
  return { units, partners: kept }
}

function onHeading(node: Heading, current: Current, extra: ReadonlyMap<string, PartnerRef>): Current {
  const ref = resolveName(nodeText(node), extra) ?? (node.depth > 1 ? onlyPartnerIn(nodeText(node), extra) : undefined)
  // A world region's heading groups the partners under it: what follows may move on to one of them.
  if (ref) return { ref, lockedAt: namesOfWorldRegion(ref) ? null : node.depth, depth: node.depth }
  // A title that names one partner and no region ("# EU–Viet Nam: digital cooperation") opens it,
  // as a first line does: the text is about it until it moves on to another.
  const titled = node.depth === 1 ? onlyPartnerIn(nodeText(node), withWorldRegions(extra)) : undefined
  if (titled && !namesOfWorldRegion(titled)) return { ref: titled, lockedAt: null, depth: node.depth }
  // A sub-heading ("### Research") stays in its section; any other heading ends it, and one of the
  // note's own parts ("## Next steps") starts a part where no paragraph carries a partner on.
  if (current.depth > 0 && node.depth > current.depth) return current
  return { ref: null, lockedAt: null, depth: node.depth, part: isDocumentPart(nodeText(node)) }
}

/** The one partner a section heading names ("EU–Japan relations"); none if it names several. */
function onlyPartnerIn(text: string, extra: ReadonlyMap<string, PartnerRef>): PartnerRef | undefined {
  const mentions = findMentions(text, extra)
  return new Set(mentions.map((mention) => mention.ref.id)).size === 1 ? mentions[0]?.ref : undefined
}

/** The names a text adds, with every world region's: a title names regions as well as partners. */
function withWorldRegions(extra: ReadonlyMap<string, PartnerRef>): ReadonlyMap<string, PartnerRef> {
  return new Map([...extra, ...worldRegionNamesAll])
}

/** Whether `text` is a short line (a title's: one line, no closing stop) that names more than one partner or world region. */
function namesSeveral(text: string, extra: ReadonlyMap<string, PartnerRef>): boolean {
  return titleNames(text, extra).size > 1
}

/** The one partner (not a world region) a title's line names, if it names one and only one. */
function titleOfOne(text: string, extra: ReadonlyMap<string, PartnerRef>): PartnerRef | undefined {
  const named = titleNames(text, extra)
  const [only] = named.values()
  return named.size === 1 && only && !namesOfWorldRegion(only) ? only : undefined
}

/** The partners and world regions a short line like a title's names, by id; none for another line. */
function titleNames(text: string, extra: ReadonlyMap<string, PartnerRef>): Map<string, PartnerRef> {
  if (!isTitleLine(text)) return new Map()
  return new Map(findMentions(text.trim(), withWorldRegions(extra)).map((mention) => [mention.ref.id, mention.ref]))
}

/** Words before a place where something happens: "was launched in", "held its first meeting in", "an event in". */
const VENUE_BEFORE =
  /\b(?:(?:launched|held|signed|took place|met|convened|adopted|hosted|organi[sz]ed|opened|inaugurated)\s+(?:\S+\s+){0,3}|(?:event|meeting|summit|conference|forum|visit|ministerial|workshop|session|round)s?\s+)in\s+$/

/** Whether every partner `mentions` names is a capital where something happened ("launched in Bogotá"). */
function onlyVenues(mentions: readonly Mention[], text: string): boolean {
  return (
    mentions.length > 0 &&
    mentions.every(
      (mention) =>
        mention.via === 'capital' && VENUE_BEFORE.test(text.slice(Math.max(0, mention.start - 60), mention.start)),
    )
  )
}

/**
 * Headings of a briefing's own parts, not of a partner's: what follows them is about the whole text
 * until it names a partner again ("Next steps", "Regional", "LINES TO TAKE", "Background:").
 */
const DOCUMENT_PART =
  /^(?:next steps|(?:the )?way forward|follow[- ]up|regional(?: (?:cooperation|dimension|issues|level))?|multilateral(?: (?:cooperation|fora|issues|level))?|horizontal(?: issues)?|other(?: issues| partners)?|general|overall|background|context|overview|summary|conclusions?|recommendations|key messages|lines to take|speaking points|purpose|annex(?:es)?|contacts?)$/i

/** A label of the note's own opening a paragraph: "Participants: …", "Purpose: …". */
const LABELLED_PART =
  /^\s*(?:participants|attendees|purpose|objectives?|aim|subject|context|background|summary|date|venue|from|to|cc)\s*:/i

/** Whether `text` is a line that heads a part of the briefing itself (`DOCUMENT_PART`). */
function isDocumentPart(text: string): boolean {
  return text.length <= 40 && DOCUMENT_PART.test(text.trim().replace(/:$/, ''))
}

/** A short line of its own that is exactly a partner's name. */
function bareHeading(
  node: Paragraph,
  extra: ReadonlyMap<string, PartnerRef>,
): { ref: PartnerRef; exact: boolean } | undefined {
  const text = nodeText(node).trim()
  // Splitting stops at the seventh word: a paragraph need not be cut into all of its words.
  if (!text || text.includes('\n') || text.split(/\s+/, 7).length > 6) return undefined
  const ref = resolveName(text, extra)
  if (ref) return { ref, exact: true }
  // A partner's name, then when or what of it ("Kenya, 4-5 March", "South Africa – key facts"), no other partner.
  const lead = /^([^,:(–—]+?)\s*(?:,|:|\(|\s[–—-]\s)\s*(\S.*)$/u.exec(text)
  const named = lead ? resolveName(lead[1] ?? '', extra) : undefined
  return named && findMentions(lead?.[2] ?? '', extra).length === 0 ? { ref: named, exact: false } : undefined
}

/** The partner a paragraph is about, or `undefined` when it names none (or lists many alike). */
export function subjectOf(
  mentions: Mention[],
  sentences: SentenceSpan[],
  current: PartnerRef | null,
): PartnerRef | undefined {
  if (mentions.length === 0) return undefined
  const firstEnd = sentences[0]?.end ?? Number.POSITIVE_INFINITY
  const scores = new Map<string, { ref: PartnerRef; score: number; first: number }>()
  let previous: Mention | undefined
  for (const mention of mentions) {
    // "Long Form (ACR)" names a partner once, not twice.
    const repeat = previous && previous.ref.id === mention.ref.id && mention.start - previous.end <= 2
    previous = mention
    if (repeat) continue
    const entry = scores.get(mention.ref.id) ?? { ref: mention.ref, score: 0, first: mention.start }
    const weight = (mention.start < firstEnd ? 2 : 1) * (mention.via === 'name' ? 1 : 0.75)
    entry.score += weight
    scores.set(mention.ref.id, entry)
  }
  const ranked = [...scores.values()]
  const earliest = ranked.reduce((a, b) => (b.first < a.first ? b : a))
  earliest.score += 1
  const kept = current ? scores.get(current.id) : undefined
  if (kept) kept.score += 1
  ranked.sort((a, b) => b.score - a.score || a.first - b.first)
  const [top, second] = ranked
  if (!top) return undefined
  // A paragraph that lists three or more partners alike is about none of them.
  if (ranked.length >= 3 && second && top.score < second.score * 1.5) return undefined
  return top.ref
}
