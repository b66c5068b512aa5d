/**
 * Stage 3: the briefing data. A pure function of the tree and the file: what the text says,
 * per partner, each item with the position of the sentence it came from.
 */
import type { Root } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Briefing, Paragraph, Position } from '../briefing-schema.ts'

/** Extract the briefing data from `tree`; problems go to `file.messages`. */
export function extractBriefing(tree: Root, file: VFile): Briefing {
  const paragraphs: Paragraph[] = []
  visit(tree, 'paragraph', (node) => {
    const text = nodeText(node).trim()
    if (text && node.position) paragraphs.push({ text, position: toPosition(node.position) })
  })
  return {
    schemaVersion: 1,
    title: file.data.frontmatter?.title ?? file.stem ?? 'Briefing',
    source: { path: file.path, sha256: file.data.sha256 ?? '' },
    overview: paragraphs,
    partners: [],
    timeline: [],
    glossary: [],
  }
}

/** A unist position with every field present. */
export function toPosition(position: NonNullable<Root['position']>): Position {
  return {
    start: { line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0 },
    end: { line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0 },
  }
}
