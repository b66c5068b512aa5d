/**
 * Stage 2, read as plain text is written: a heading on a line of its own right above its paragraph,
 * with no blank line between ("Morocco", then "The EU-Morocco Green Partnership was signed…" on the
 * next line), is a paragraph of its own, as it is with the blank line. Markdown reads the two lines
 * as one paragraph, and the heading would run into the first sentence.
 *
 * A line is taken for a heading only when it looks like one (short, no closing punctuation, in
 * title case or capitals or of at most three words) and is at most half as long as the line under
 * it, which starts a sentence: a paragraph wrapped by hand ("…signed the" / "Economic Partnership
 * Agreement in 2019.") is never cut. Quotes and nested lists are not read. Positions still point
 * into the file as it is on disk.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import type { Point } from 'unist'

/** Longest line taken for a heading, in characters and in words. */
const MAX_LENGTH = 60
const MAX_WORDS = 6

/** What may follow a line's text to the line's end: blanks, then the break. */
const LINE_END = /^[ \t]*(?:\\)?\r?\n/

/** Words a title leaves in lower case. */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'with',
])

/**
 * Give each heading line of a paragraph of `tree` (parsed from `source`) a paragraph of its own: in
 * the document's paragraphs, and in the first paragraph of an item of its lists ("2. Brazil", then
 * the text about Brazil on the next line, as a numbered note writes its sections).
 */
export function splitHeadingLines(tree: Root, source: string): void {
  tree.children = tree.children.flatMap((node): RootContent[] => {
    if (node.type === 'paragraph') return splitParagraph(node, source)
    if (node.type === 'list')
      for (const item of node.children) {
        const [first, ...others] = item.children
        if (first?.type === 'paragraph') item.children = [...splitParagraph(first, source), ...others]
      }
    return [node]
  })
}

/** `node` as it is, or as its heading line and the paragraph (or paragraphs) under it. */
function splitParagraph(node: Paragraph, source: string): Paragraph[] {
  const line = node.position ? headingLine(node, source) : null
  if (!line || !node.position || line.rest.length === 0) return [node]
  const { heading, end, rest, restStart } = line
  const nextLine = source.slice(restStart.offset, lineEndAfter(source, restStart.offset ?? 0))
  const longest = source
    .slice(restStart.offset, node.position.end.offset)
    .split('\n')
    .reduce((a, b) => (b.trim().length > a.trim().length ? b : a), '')
  if (!isHeadingLine(nodeText({ type: 'paragraph', children: heading }), nextLine, longest)) return [node]
  const first: Paragraph = { type: 'paragraph', children: heading, position: { start: node.position.start, end } }
  const next: Paragraph = { type: 'paragraph', children: rest, position: { start: restStart, end: node.position.end } }
  return [first, ...splitParagraph(next, source)]
}

/**
 * The first line of `node` when it can be told apart: plain text written as it reads, without
 * escapes or entities ("Morocco"), or a bold or italic phrase ("**Morocco**"), ended by a line
 * break. `heading` is what the line holds and `end` where it ends; `rest` is what follows, from
 * `restStart` on the next line.
 */
function headingLine(
  node: Paragraph,
  source: string,
): { heading: PhrasingContent[]; end: Point; rest: PhrasingContent[]; restStart: Point } | null {
  const [first, second, ...others] = node.children
  if (first?.type === 'text' && first.position) {
    const { start } = first.position
    const offset = start.offset ?? 0
    const newline = first.value.indexOf('\n')
    // A hard break (two blanks or a backslash at the line's end) ends the line as well.
    const broken = newline < 0 && second?.type === 'break'
    const length = broken ? first.value.length : first.value.slice(0, Math.max(newline, 0)).replace(/\r$/, '').length
    const value = first.value.slice(0, length)
    const written =
      source.startsWith(value, offset) && LINE_END.test(source.slice(offset + length, offset + length + 80))
    if ((newline <= 0 && !broken) || !value.trim() || !written) return null
    const end: Point = { line: start.line, column: start.column + length, offset: offset + length }
    const restStart = nextLineStart(source, end)
    const heading: Text = { ...first, value, position: { start, end } }
    if (broken) return { heading: [heading], end, rest: others, restStart }
    const cut: Text = {
      ...first,
      value: first.value.slice(newline + 1),
      position: { start: restStart, end: first.position.end },
    }
    return { heading: [heading], end, rest: [...(cut.value ? [cut] : []), ...node.children.slice(1)], restStart }
  }
  const phrase = first?.type === 'strong' || first?.type === 'emphasis' ? first : null
  if (!phrase?.position || second?.type !== 'text' || !second.position || !/^\r?\n/.test(second.value)) return null
  const end = phrase.position.end
  const restStart = nextLineStart(source, end)
  const cut: Text = {
    ...second,
    value: second.value.replace(/^\r?\n[ \t]*/, ''),
    position: { start: restStart, end: second.position.end },
  }
  return { heading: [phrase], end, rest: cut.value ? [cut, ...others] : others, restStart }
}

/** Where the line after the one that ends at `end` starts its text: past the break and any indentation. */
function nextLineStart(source: string, end: Point): Point {
  const breakAt = source.indexOf('\n', end.offset ?? 0)
  let at = breakAt + 1
  while (source[at] === ' ' || source[at] === '\t') at++
  return { line: end.line + 1, column: at - breakAt, offset: at }
}

/**
 * Whether `line` reads as a heading over `next`, the line under it; `longest` is the longest line
 * under it in the paragraph (a list of short facts may start under a heading: "Kazakhstan", then
 * "Key figures", then "Internet users	92%"…).
 */
export function isHeadingLine(line: string, next: string, longest = next): boolean {
  const text = line.trim()
  const under = next.trim()
  if (!text || text.length > MAX_LENGTH || /[.,;:!?]$/.test(text)) return false
  if (!/^[\p{Lu}\p{N}]/u.test(text) || !/^[\p{Lu}\p{N}"“‘'(]/u.test(under)) return false
  if (text.length * 2 > Math.max(under.length, longest.trim().length)) return false
  const words = text.split(/\s+/)
  if (words.length > MAX_WORDS) return false
  const titled = words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || SMALL_WORDS.has(word))
  return titled || words.length <= 3
}

function lineEndAfter(source: string, from: number): number {
  const end = source.indexOf('\n', from)
  return end < 0 ? source.length : end
}
