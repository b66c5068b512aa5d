/**
 * A long text parsed a piece at a time, for the same tree. micromark's work grows faster than its
 * text: the 1 MB synthetic source takes 610-670 ms as one document and 330-390 ms as pieces of
 * about 8 KB (cold runs, as a build parses it once). A text is cut only where nothing can reach
 * across the cut: at a blank line, before a line that starts with a letter or an ATX heading (so
 * never inside a list, a quote or indented code, which go on only in indented or marked lines),
 * after any front matter, and not at all in a text with fenced code, an HTML block or a link
 * definition (the first two may hold blank lines; a definition is used from anywhere). Each piece's
 * positions are moved by where the piece starts: the tree is the whole text's, to the offset.
 */
import type { Root } from 'mdast'
import type { Processor } from 'unified'
import type { Node, Point } from 'unist'

/** The least length of a piece, in characters: past about 8 KB a piece costs more per character. */
export const PIECE_LENGTH = 8192

/** What may reach across a blank line, or be used from afar: fences, HTML blocks, link definitions. */
const SPANS_BLANK_LINES = /^ {0,3}(?:```|~~~|<|\[(?:[^\]\\\n]|\\.)+\]:)/m

/** The end of a blank line that a line starting with a letter or an ATX heading follows. */
const CUT = /\n[ \t]*\r?\n(?=\p{L}|#{1,6}[ \t])/gu

/** Front matter at the very start (`---` … `---`): never cut, as remark-frontmatter reads it whole. */
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/

/** A line that ends in a carriage return alone, which micromark counts as a line and `parseInPieces` would not. */
const LONE_CR = /\r(?!\n)/

/** Where `text` may be cut (offsets of lines that start a piece), at least `length` apart. */
export function cutPoints(text: string, length = PIECE_LENGTH): number[] {
  if (text.length < 2 * length || SPANS_BLANK_LINES.test(text) || LONE_CR.test(text)) return []
  const cuts: number[] = []
  CUT.lastIndex = (FRONT_MATTER.exec(text)?.[0].length ?? 0) + length
  for (let match = CUT.exec(text); match; match = CUT.exec(text)) {
    const at = match.index + match[0].length
    if (text.length - at < length) break
    cuts.push(at)
    CUT.lastIndex = at + length
  }
  return cuts
}

/** Parse `text` with `processor` a piece at a time (`cutPoints`): the tree of the whole text. */
export function parseInPieces(processor: Processor<Root>, text: string, length = PIECE_LENGTH): Root {
  const cuts = cutPoints(text, length)
  if (cuts.length === 0) return processor.parse(text)
  const starts = [0, ...cuts]
  let tree: Root | undefined
  let line = 1
  let lineStart = 0
  for (const [index, start] of starts.entries()) {
    for (let at = text.indexOf('\n', lineStart); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line++
    lineStart = start
    const piece = processor.parse(text.slice(start, starts[index + 1] ?? text.length))
    if (start > 0) shiftPositions(piece, line - 1, start)
    if (!tree) tree = piece
    else {
      tree.children.push(...piece.children)
      if (tree.position && piece.position) tree.position.end = piece.position.end
    }
  }
  return tree as Root
}

/** Move every position under `node` (its own included) down `lines` lines and on `offset` characters. */
function shiftPositions(node: Node, lines: number, offset: number): void {
  const moved = new Set<Point>()
  const move = (point: Point | undefined) => {
    if (!point || moved.has(point)) return
    moved.add(point)
    point.line += lines
    if (point.offset !== undefined) point.offset += offset
  }
  const walk = (current: Node) => {
    move(current.position?.start)
    move(current.position?.end)
    for (const child of (current as { children?: Node[] }).children ?? []) walk(child)
  }
  walk(node)
}
