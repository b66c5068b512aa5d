/**
 * Stable anchors for source paragraphs: `<partner>-p<ordinal>` (`overview-p1`, `japan-p3`). An
 * edit inside a paragraph, or in another partner's text, changes no anchor; extracted items link
 * to the paragraph that contains their position.
 */
import type { Paragraph, Position } from '../briefing-schema.ts'

/** A paragraph with its anchor. */
export interface AnchoredParagraph extends Paragraph {
  id: string
  ordinal: number
}

/** Anchor the paragraphs of the section `sectionId`. */
export function anchorParagraphs(sectionId: string, paragraphs: Paragraph[]): AnchoredParagraph[] {
  return paragraphs.map((paragraph, index) => ({ ...paragraph, id: `${sectionId}-p${index + 1}`, ordinal: index + 1 }))
}

/**
 * The paragraph `position` falls in; else the last one that starts before it; else the first.
 * `null` only when there are no paragraphs.
 */
export function paragraphOf(position: Position, paragraphs: AnchoredParagraph[]): AnchoredParagraph | null {
  const offset = position.start.offset
  const inside = paragraphs.find(
    (paragraph) => offset >= paragraph.position.start.offset && offset <= paragraph.position.end.offset,
  )
  if (inside) return inside
  const before = paragraphs.filter((paragraph) => paragraph.position.start.offset <= offset).at(-1)
  return before ?? paragraphs[0] ?? null
}
