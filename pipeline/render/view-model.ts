/**
 * The page's data: the briefing arranged for the templates. A pure function; every decision
 * about what the reader sees (order, labels, which paragraph an item links to) is made here, so
 * the templates hold markup only.
 */
import type { Briefing, Partner, Position } from '../briefing-schema.ts'
import { isRows } from '../extract/rows.ts'
import { type AnchoredParagraph, anchorParagraphs, paragraphOf } from './anchors.ts'
import { AGREEMENT_KIND, DIALOGUE_KINDS, MECHANISM_KIND, PARTNER_KIND, SIDE } from './labels.ts'
import { proseSplitter, type Segment } from './prose.ts'
import { isWorldRegion } from './region-members.ts'
import { formatDate, formatRange } from './svg/dates.ts'

/** A paragraph as the page shows it. */
export interface ParagraphView {
  id: string
  ordinal: number
  segments: Segment[]
  /** Rows of a table or a list of labelled facts (`isRows`): shown a line each, not run together. */
  rows: boolean
}

/** The view of `paragraph`, its text split by `split`. */
function paragraphView(
  paragraph: { id: string; ordinal: number; text: string },
  split: (text: string) => Segment[],
): ParagraphView {
  const { id, ordinal, text } = paragraph
  return { id, ordinal, segments: split(text), rows: isRows(text) }
}

/** One line of a card: what was found, a few words on it, and the paragraph it came from. */
export interface ItemView {
  name: Segment[]
  detail: Segment[] | null
  href: string
  ref: string
}

export interface CardView {
  id: string
  title: string
  items: ItemView[]
}

export interface TopicView {
  label: string
  href: string
  mentions: number
}

export interface PartnerView {
  id: string
  name: string
  nameSegments: Segment[]
  kindLabel: string
  pageName: string
  post: Segment[]
  dialogues: number
  agreements: number
  /** `3 dialogues · 1 agreement`. */
  counts: string
  first: string
  latest: string
  mainTopics: string
  cards: CardView[]
  topics: TopicView[]
  paragraphs: ParagraphView[]
}

export interface EventView {
  date: string
  dateTime: string
  label: Segment[]
  partnerName: Segment[]
  href: string
  ref: string
}

export interface SummaryView {
  partners: number
  agreements: number
  dialogues: number
  span: string
}

/** What the layout gets, beyond the page meta. */
export interface BriefingView {
  title: string
  /** The subtitle with its acronyms marked, when there is one. */
  subtitle: Segment[] | null
  summary: SummaryView
  overview: ParagraphView[]
  partners: PartnerView[]
  events: EventView[]
  glossary: { acronym: string; expansion: string; segments: Segment[] }[]
}

const MAIN_TOPICS = 3

/** Arrange `briefing` for the page. */
export function briefingView(briefing: Briefing, subtitle: string | null = null): BriefingView {
  const split = proseSplitter(briefing.glossary)
  const overview = anchorParagraphs('overview', briefing.overview)
  const anchored = new Map(
    briefing.partners.map((partner) => [partner.id, anchorParagraphs(partner.id, partner.paragraphs)]),
  )
  const partners = briefing.partners.map((partner) => partnerView(partner, anchored.get(partner.id) ?? [], split))
  const names = new Map(briefing.partners.map((partner) => [partner.id, partner.name]))
  const events = briefing.timeline.map((event) => ({
    date: formatRange(event.date, event.endDate),
    dateTime: event.date,
    label: split(event.label),
    partnerName: split(names.get(event.partner) ?? event.partner),
    href: link(event.position, anchored.get(event.partner) ?? [], event.partner),
    ref: `¶ ${paragraphOf(event.position, anchored.get(event.partner) ?? [])?.ordinal ?? ''}`.trim(),
  }))
  const years = briefing.timeline
    .flatMap((event) => [event.date, event.endDate ?? event.date])
    .map((date) => date.slice(0, 4))
  years.sort()
  return {
    title: briefing.title,
    subtitle: subtitle ? split(subtitle) : null,
    summary: {
      partners: briefing.partners.length,
      agreements: partners.reduce((sum, partner) => sum + partner.agreements, 0),
      dialogues: partners.reduce((sum, partner) => sum + partner.dialogues, 0),
      span: years.length === 0 ? '' : years[0] === years.at(-1) ? `${years[0]}` : `${years[0]}–${years.at(-1)}`,
    },
    overview: overview.map((paragraph) => paragraphView(paragraph, split)),
    partners,
    events,
    glossary: [...briefing.glossary]
      .sort((a, b) => byLetters().compare(a.acronym, b.acronym))
      .filter((entry, index, sorted) => index === 0 || sorted[index - 1]?.acronym !== entry.acronym)
      .map(({ acronym, expansion }) => ({ acronym, expansion, segments: split(expansion) })),
  }
}

/**
 * Acronyms in dictionary order, case and accents aside. One collator for every comparison:
 * `localeCompare` with options makes a new one each time (about 4 µs a comparison on this machine).
 */
let collator: Intl.Collator | undefined
const byLetters = () => {
  collator ??= new Intl.Collator('en', { sensitivity: 'base' })
  return collator
}

/** `1 agreement`, `2 agreements`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** `#japan-p2`, or the partner's section when it has no paragraphs. */
function link(position: Position, paragraphs: AnchoredParagraph[], sectionId: string): string {
  return `#${paragraphOf(position, paragraphs)?.id ?? sectionId}`
}

function partnerView(
  partner: Partner,
  paragraphs: AnchoredParagraph[],
  split: (text: string) => Segment[],
): PartnerView {
  const splitOrNull = (text: string) => (text ? split(text) : null)
  const item = (name: string, detail: (string | null | undefined)[], position: Position): ItemView => {
    const target = paragraphOf(position, paragraphs)
    return {
      name: split(name),
      detail: splitOrNull(detail.filter((part): part is string => Boolean(part)).join(' · ')),
      href: `#${target?.id ?? partner.id}`,
      ref: target ? `¶ ${target.ordinal}` : 'section',
    }
  }
  const cards: CardView[] = [
    {
      id: 'mechanisms',
      title: 'Dialogues and mechanisms',
      items: partner.mechanisms.map((mechanism) =>
        item(
          mechanism.name,
          [
            [mechanism.frequency, MECHANISM_KIND[mechanism.kind]].filter(Boolean).join(' '),
            mechanism.since ? `since ${formatDate(mechanism.since)}` : null,
            mechanism.participants.length > 0 ? mechanism.participants.join(', ') : null,
          ],
          mechanism.position,
        ),
      ),
    },
    {
      id: 'agreements',
      title: 'Agreements',
      items: partner.agreements.map((agreement) =>
        item(
          agreement.name,
          [AGREEMENT_KIND[agreement.kind], agreement.date ? formatDate(agreement.date) : null, agreement.place],
          agreement.position,
        ),
      ),
    },
    {
      id: 'events',
      title: 'Dated events',
      items: partner.events.map((event) => item(event.label, [formatRange(event.date, event.endDate)], event.position)),
    },
    {
      id: 'posts',
      title: 'EU posts',
      items: partner.representation.map((post) => item(post.role, [post.post, post.city], post.position)),
    },
    {
      id: 'figures',
      title: 'Figures',
      items: partner.figures.map((figure) =>
        item(figure.text, [figure.year ? `in ${figure.year}` : null], figure.position),
      ),
    },
    {
      id: 'organisations',
      title: 'Organisations',
      items: partner.organisations.map((organisation) =>
        item(
          organisation.acronym && organisation.acronym !== organisation.name
            ? `${organisation.name} (${organisation.acronym})`
            : organisation.name,
          [organisation.side ? SIDE[organisation.side] : null],
          organisation.position,
        ),
      ),
    },
    {
      id: 'programmes',
      title: 'Programmes',
      items: partner.programmes.map((programme) => item(programme.name, [], programme.position)),
    },
  ]
    .filter((card) => card.items.length > 0)
    .map((card) => ({ ...card, id: `${partner.id}-${card.id}` }))
  const topics = partner.topics
    .map((topic) => ({
      label: topic.label,
      mentions: topic.positions.length,
      href: topic.positions[0] ? link(topic.positions[0], paragraphs, partner.id) : `#${partner.id}`,
    }))
    .sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label, 'en'))
  const dialogues = partner.mechanisms.filter((mechanism) => DIALOGUE_KINDS.has(mechanism.kind)).length
  const dates = partner.events.flatMap((event) => [event.date, event.endDate ?? event.date]).sort()
  const firstDate = partner.events.map((event) => event.date).sort()[0]
  return {
    id: partner.id,
    name: partner.name,
    nameSegments: split(partner.name),
    kindLabel: PARTNER_KIND[isWorldRegion(partner) ? 'world-region' : partner.kind],
    pageName: `partner-${partner.id}`,
    post: split(
      partner.representation
        .map((post) => [post.role, post.city ? `${post.post}, ${post.city}` : post.post].join(', '))
        .join('; ') || '—',
    ),
    dialogues,
    agreements: partner.agreements.length,
    counts: `${plural(dialogues, 'dialogue')} · ${plural(partner.agreements.length, 'agreement')}`,
    first: firstDate ? formatDate(firstDate) : '—',
    latest: dates.length > 0 ? formatDate(dates.at(-1) ?? '') : '—',
    mainTopics:
      topics
        .slice(0, MAIN_TOPICS)
        .map((topic) => topic.label)
        .join(', ') || '—',
    cards,
    topics,
    paragraphs: paragraphs.map((paragraph) => paragraphView(paragraph, split)),
  }
}
