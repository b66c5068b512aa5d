/**
 * Stage 3: the briefing data. A pure function of the tree and the file: what the text says,
 * per partner, each item with the position of the sentence it came from.
 */
import type { Root } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { Briefing, Paragraph, Partner, TimelineEvent } from '../briefing-schema.ts'
import { GlossaryBuilder } from './glossary.ts'
import { isForeignBodyName } from './organisations.ts'
import { partnerItems } from './partner-items.ts'
import { createLocator, spanPosition, toPosition } from './positions.ts'
import { divideSections, type Unit } from './sections.ts'
import { findMisspellings, isPersonName, type Misspelling } from './spelling.ts'
import { titleOf } from './title.ts'

export { toPosition } from './positions.ts'

/** Extract the briefing data from `tree`; problems, spelling included, go to `file.messages`. */
export function extractBriefing(tree: Root, file: VFile): Briefing {
  const { briefing, spelling } = extractData(tree, file)
  spelling.report(findMisspellings(spelling.texts))
  return briefing
}

/**
 * What the spelling check needs and does: the texts to check, and how its findings become
 * messages of the file. Spelling adds only messages, never data, so a build checks while the
 * browser prints, or once the files are written, instead of before.
 */
export interface SpellingStep {
  texts: string[]
  report: (typos: readonly Misspelling[][]) => void
}

/** The briefing data, and the spelling check as a step of its own (see `SpellingStep`). */
export function extractData(tree: Root, file: VFile): { briefing: Briefing; spelling: SpellingStep } {
  const source = String(file.value ?? '')
  const locate = createLocator(source)
  const { units, partners: refs } = divideSections(tree, source)
  const overview: Paragraph[] = []
  const byPartner = new Map<string, Unit[]>(refs.map((ref) => [ref.id, []]))
  for (const unit of units) {
    if (unit.isHeading || !unit.node.position) continue
    if (unit.owner) byPartner.get(unit.owner.id)?.push(unit)
    else overview.push(paragraph(unit))
  }
  // The text's own definitions, first one of each acronym: they win over the data lists.
  const defined = new Map<string, string>()
  for (const unit of units)
    for (const d of unit.definitions) if (!defined.has(d.acronym)) defined.set(d.acronym, d.expansion)
  const partners: Partner[] = refs.map((ref) => {
    const own = byPartner.get(ref.id) ?? []
    return {
      id: ref.id,
      name: ref.name,
      kind: ref.kind,
      iso: ref.iso,
      paragraphs: own.map(paragraph),
      ...partnerItems(ref, own, locate, defined),
    }
  })
  if (partners.length === 0) {
    const first = units[0]?.node.position
    file.message('No partner country or region found; the whole text is in the overview', {
      place: first ? toPosition(first).start : { line: 1, column: 1 },
      ruleId: 'no-partner',
      source: 'briefing',
    })
  }
  const timeline: TimelineEvent[] = partners
    .flatMap((partner) => partner.events.map((event) => ({ ...event, partner: partner.id })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

  const glossary = new GlossaryBuilder()
  for (const unit of units) {
    const at = (start: number, end: number) => spanPosition(unit.mapped, start, end, locate)
    for (const definition of unit.definitions)
      glossary.define(definition.acronym, definition.expansion, at(definition.start, definition.end))
    glossary.use(unit.mapped.text, at)
  }
  const report = (typos: readonly Misspelling[][]) => {
    for (const [index, unit] of units.entries()) {
      // The words of a body's name in another language, spelled out before its acronym, are no typos.
      const foreign = unit.definitions.filter((d) => isForeignBodyName(d.expansion))
      const inForeignName = (typo: Misspelling) =>
        foreign.some((d) => typo.start >= d.start && typo.end <= d.start + d.expansion.length)
      for (const typo of typos[index] ?? []) {
        // A short name the text defines ("National Telecommunications Agency (Anatel)") is no typo either.
        if (inForeignName(typo) || isPersonName(unit.mapped.text, typo.start) || defined.has(typo.word)) continue
        const hint = typo.suggestions.length
          ? `, did you mean ${typo.suggestions.map((s) => `\`${s}\``).join(' or ')}?`
          : ''
        file.message(`Unknown word \`${typo.word}\`${hint}`, {
          place: spanPosition(unit.mapped, typo.start, typo.end, locate),
          ruleId: 'spelling',
          source: 'briefing-spell',
        })
      }
    }
  }
  const briefing: Briefing = {
    schemaVersion: 1,
    title: titleOf(tree, file),
    source: { path: file.path, sha256: file.data.sha256 ?? '' },
    overview,
    partners,
    timeline,
    glossary: glossary.entries(),
  }
  return { briefing, spelling: { texts: units.map((unit) => unit.mapped.text), report } }
}

function paragraph(unit: Unit): Paragraph {
  return {
    text: nodeText(unit.node).trim(),
    position: toPosition(unit.node.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }),
  }
}
