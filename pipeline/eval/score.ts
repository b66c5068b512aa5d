/**
 * Scores an extraction against a hand-checked expectation, per category: precision, recall, F1,
 * and the items missed and wrong. Items are compared on what a reader checks (normalised names,
 * ISO dates, numbers), never on positions or wording of labels.
 */
import type { EvalPartner, EvalView } from './project.ts'

/** The score of one category. */
export interface CategoryScore {
  category: string
  expected: number
  found: number
  correct: number
  precision: number
  recall: number
  f1: number
  missed: string[]
  wrong: string[]
}

/** Categories in the macro-F1, as the issue lists them. */
export const SCORED = ['partners', 'paragraphs', 'organisations', 'events', 'topics', 'posts', 'figures'] as const
/** Categories reported but not in the macro-F1. */
export const REPORTED = ['mechanisms', 'agreements', 'programmes', 'glossary'] as const

/** Lower case, no punctuation or articles, "&" as "and". */
export function normalise(text: string | null | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

type Keyed = { key: string; show: string; partner: string; item: unknown }

const each = (view: EvalView, pick: (p: EvalPartner) => Omit<Keyed, 'partner'>[]): Keyed[] =>
  view.partners.flatMap((p) => pick(p).map((k) => ({ ...k, partner: p.id })))

/** The items of one category as comparable keys. */
function keys(view: EvalView, category: string): Keyed[] {
  switch (category) {
    case 'partners':
      return view.partners.map((p) => ({
        key: `${p.id}|${p.kind}|${p.iso}`,
        show: `${p.id} (${p.kind}, ${p.iso})`,
        partner: p.id,
        item: p,
      }))
    case 'paragraphs':
      return [
        ...view.overview.map((line) => ({
          key: `${line}>overview`,
          show: `line ${line} → overview`,
          partner: '',
          item: line,
        })),
        ...each(view, (p) =>
          p.paragraphs.map((line) => ({ key: `${line}>${p.id}`, show: `line ${line} → ${p.id}`, item: line })),
        ),
      ]
    case 'organisations':
      return each(view, (p) =>
        p.organisations.map((o) => ({
          key: `${p.id}|${normalise(o.name)}|${o.side}`,
          show: `${p.id}: ${o.name}${o.acronym ? ` (${o.acronym})` : ''} [${o.side}]`,
          item: o,
        })),
      )
    case 'events':
      return each(view, (p) =>
        p.events.map((e) => ({
          key: `${p.id}|${e.date}|${e.endDate}`,
          show: `${p.id}: ${e.date}${e.endDate ? `/${e.endDate}` : ''}`,
          item: e,
        })),
      )
    case 'topics':
      return each(view, (p) => p.topics.map((t) => ({ key: `${p.id}|${t}`, show: `${p.id}: ${t}`, item: t })))
    case 'posts':
      return each(view, (p) =>
        p.representation.map((r) => ({
          key: `${p.id}|${normalise(r.role)}|${normalise(r.post)}|${normalise(r.city)}`,
          show: `${p.id}: ${r.role} / ${r.post} / ${r.city}`,
          item: r,
        })),
      )
    case 'figures':
      return each(view, (p) =>
        p.figures.map((f) => ({
          key: `${p.id}|${Number(f.value.toPrecision(3))}|${normalise(f.unit)}|${f.qualifier}`,
          show: `${p.id}: ${f.value} ${f.unit ?? ''}${f.qualifier ? ` (${f.qualifier})` : ''}`,
          item: f,
        })),
      )
    case 'mechanisms':
      return each(view, (p) =>
        (p.mechanisms ?? []).map((m) => ({
          key: `${p.id}|${normalise(m.name)}|${m.kind}`,
          show: `${p.id}: ${m.name} [${m.kind}]`,
          item: m,
        })),
      )
    case 'agreements':
      return each(view, (p) =>
        (p.agreements ?? []).map((a) => ({
          key: `${p.id}|${normalise(a.name)}|${a.kind}`,
          show: `${p.id}: ${a.name} [${a.kind}]`,
          item: a,
        })),
      )
    case 'programmes':
      return each(view, (p) =>
        (p.programmes ?? []).map((name) => ({
          key: `${p.id}|${normalise(name)}`,
          show: `${p.id}: ${name}`,
          item: name,
        })),
      )
    case 'glossary':
      return (view.glossary ?? []).map((g) => ({
        key: `${g.acronym}|${normalise(g.expansion)}`,
        show: `${g.acronym} = ${g.expansion}`,
        partner: '',
        item: g,
      }))
    default:
      throw new Error(`Cannot score unknown category \`${category}\``)
  }
}

/** Organisations also match on the acronym when both give one (names vary: "METI"). */
function sameOrganisation(a: Keyed, b: Keyed): boolean {
  const x = a.item as EvalPartner['organisations'][number]
  const y = b.item as EvalPartner['organisations'][number]
  return a.partner === b.partner && x.side === y.side && Boolean(x.acronym && y.acronym && x.acronym === y.acronym)
}

/** Score `found` against `expected` in `category` (multiset matching, one item matches once). */
export function scoreCategory(category: string, expected: EvalView, found: EvalView): CategoryScore {
  const want = keys(expected, category)
  const got = keys(found, category)
  const unmatched = [...want]
  const wrong: string[] = []
  let correct = 0
  for (const item of got) {
    let index = unmatched.findIndex((w) => w.key === item.key)
    if (index === -1 && category === 'organisations') index = unmatched.findIndex((w) => sameOrganisation(w, item))
    if (index === -1) wrong.push(item.show)
    else {
      unmatched.splice(index, 1)
      correct++
    }
  }
  const precision = got.length ? correct / got.length : want.length ? 0 : 1
  const recall = want.length ? correct / want.length : 1
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return {
    category,
    expected: want.length,
    found: got.length,
    correct,
    precision,
    recall,
    f1,
    missed: unmatched.map((w) => w.show),
    wrong,
  }
}

/** Every category's score and the macro-F1 over the scored ones. */
export function scoreView(expected: EvalView, found: EvalView): { scores: CategoryScore[]; macroF1: number } {
  const scores = [...SCORED, ...REPORTED].map((category) => scoreCategory(category, expected, found))
  const scored = scores.filter((s) => (SCORED as readonly string[]).includes(s.category))
  return { scores, macroF1: scored.reduce((sum, s) => sum + s.f1, 0) / scored.length }
}
