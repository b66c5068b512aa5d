/**
 * Positions of found items: from offsets in a paragraph's mapped text to unist positions in the
 * source file.
 */
import type { Root } from 'mdast'
import { location } from 'vfile-location'
import type { Position } from '../briefing-schema.ts'
import type { MappedText } from './text-map.ts'

/** Turns source offsets into points. */
export type Locator = (offset: number) => Position['start']

/** A locator over `source`. */
export function createLocator(source: string): Locator {
  const index = location(source)
  return (offset) => {
    const point = index.toPoint(offset) ?? { line: 1, column: 1, offset: 0 }
    return { line: point.line, column: point.column, offset: point.offset ?? offset }
  }
}

/** The source position of `[start, end)` in `mapped`. */
export function spanPosition(mapped: MappedText, start: number, end: number, locate: Locator): Position {
  const from = mapped.offsets.at(start) ?? mapped.offsets.last() ?? 0
  const last = end > start ? (mapped.offsets.at(end - 1) ?? from) + 1 : from
  return { start: locate(from), end: locate(Math.max(from, last)) }
}

/** A unist position with every field present. */
export function toPosition(position: NonNullable<Root['position']>): Position {
  return {
    start: { line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0 },
    end: { line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0 },
  }
}
