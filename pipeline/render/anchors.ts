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
 * `null` only when there are no paragraphs. A section's paragraphs come in source order, apart, so
 * both are the last that starts at or before the position: found by halving, not by a look at each
 * (a long source links thousands of items and events into sections of dozens of paragraphs).
 */
export function paragraphOf(position: Position, paragraphs: AnchoredParagraph[]): AnchoredParagraph | null {
  const offset = position.start.offset
  let low = 0
  let high = paragraphs.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((paragraphs[middle]?.position.start.offset ?? 0) <= offset) low = middle + 1
    else high = middle
  }
  return paragraphs[low - 1] ?? paragraphs[0] ?? null
}
