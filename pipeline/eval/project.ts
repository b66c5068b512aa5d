/**
 * The evaluation view of a briefing: what a reader checks, without positions or labels, so a
 * hand-written expected file stays short and readable. Paragraphs are named by their first line.
 */
import type { Briefing } from '../briefing-schema.ts'

/** One partner as the evaluation compares it. */
export interface EvalPartner {
  id: string
  name: string
  kind: 'country' | 'region'
  iso: string | null
  /** First lines of the partner's paragraphs. */
  paragraphs: number[]
  organisations: { name: string; acronym: string | null; side: string | null }[]
  events: { date: string; endDate: string | null }[]
  topics: string[]
  representation: { role: string; post: string; city: string | null }[]
  figures: { value: number; unit: string | null; qualifier: string | null }[]
  mechanisms?: { name: string; kind: string }[]
  agreements?: { name: string; kind: string }[]
  programmes?: string[]
}

/** A whole fixture's expected (or found) extraction. */
export interface EvalView {
  /** First lines of the overview paragraphs. */
  overview: number[]
  partners: EvalPartner[]
  glossary?: { acronym: string; expansion: string }[]
}

/** Project `briefing` onto the evaluation view. */
export function project(briefing: Briefing): EvalView {
  return {
    overview: briefing.overview.map((p) => p.position.start.line),
    partners: briefing.partners.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      iso: p.iso,
      paragraphs: p.paragraphs.map((x) => x.position.start.line),
      organisations: p.organisations.map(({ name, acronym, side }) => ({ name, acronym, side })),
      events: p.events.map(({ date, endDate }) => ({ date, endDate })),
      topics: p.topics.map((t) => t.id),
      representation: p.representation.map(({ role, post, city }) => ({ role, post, city })),
      figures: p.figures.map(({ value, unit, qualifier }) => ({ value, unit, qualifier })),
      mechanisms: p.mechanisms.map(({ name, kind }) => ({ name, kind })),
      agreements: p.agreements.map(({ name, kind }) => ({ name, kind })),
      programmes: p.programmes.map((x) => x.name),
    })),
    glossary: briefing.glossary.map(({ acronym, expansion }) => ({ acronym, expansion })),
  }
}
