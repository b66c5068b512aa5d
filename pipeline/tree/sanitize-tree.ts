/**
 * Stage 2, made safe: whatever a source holds, nothing from it runs, loads or misleads. A
 * transformer `(tree, file) => void` run by `parseTree` before anything reads the tree:
 *
 * - raw HTML (`html` nodes, block or inline) is dropped, with a warning at its position; a node that
 *   is only an HTML comment is the Markdown idiom for a note to oneself and is dropped quietly;
 * - images are never loaded: each becomes its description (alt text), with a warning;
 * - links keep their target only when it is a public `http(s):` or a `mailto:` address
 *   (`safe-url.ts`); any other link is reduced to its text, and its definition removed, with a warning;
 * - C0/C1 control characters (but tab and line breaks) and the bidirectional embeddings, overrides
 *   and isolates (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" characters) are removed from
 *   every value in the tree, each with a warning at its exact place in the file;
 * - a token (run of non-space characters) longer than `MAX_TOKEN_LENGTH` is no word a reader can use
 *   and would make the page layout and the extractors' patterns work on it for nothing: it is cut to
 *   its first `KEPT_TOKEN_LENGTH` characters and an ellipsis, with a warning naming its length.
 *
 * Positions of the nodes that stay are untouched: they still point into the file as it is on disk.
 */
import type { Nodes, Parents, Root, RootContent, Text } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { unsafeUrlReason } from './safe-url.ts'

/** Longest run of non-space characters kept as it is. */
export const MAX_TOKEN_LENGTH = 300
/** How much of a longer token is kept, before an ellipsis. */
export const KEPT_TOKEN_LENGTH = 60
/** Deepest nesting of block quotes and lists read: deeper trees would overflow every recursive walk. */
export const MAX_DEPTH = 100
/** Warnings about unsafe characters beyond this many are folded into one. */
const MAX_CHARACTER_WARNINGS = 10

const RULE_SOURCE = 'sanitize-tree'

/** Control characters but tab, LF and CR; bidi embeddings, overrides and isolates. */
const UNSAFE_CHARACTER = /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu
// Tried only where a token starts: tried everywhere, it reads every word again from each of its letters.
const LONG_TOKEN = new RegExp(`(?<!\\S)\\S{${MAX_TOKEN_LENGTH + 1},}`, 'gu')

const BIDI_NAMES: Record<number, string> = {
  8234: 'left-to-right embedding',
  8235: 'right-to-left embedding',
  8236: 'pop directional formatting',
  8237: 'left-to-right override',
  8238: 'right-to-left override',
  8294: 'left-to-right isolate',
  8295: 'right-to-left isolate',
  8296: 'first strong isolate',
  8297: 'pop directional isolate',
}

/** Make `tree` safe to extract from, render and print; every change is a warning on `file`. */
export function sanitizeTree(tree: Root, file: VFile): void {
  refuseDeepNesting(tree, file)
  const source = String(file.value ?? '')
  const pointAt = pointFinder(source)
  reportUnsafeCharacters(source, pointAt, file)
  const unsafeDefinitions = removeUnsafeDefinitions(tree, file)
  replaceChildren(tree, (node) => replace(node, file, unsafeDefinitions))
  eachNode(tree, (node) => {
    if ('value' in node && typeof node.value === 'string') {
      node.value = stripUnsafeCharacters(node.value)
      if (node.type !== 'yaml' && node.type !== 'html') node.value = shortenTokens(node, source, pointAt, file)
    }
    if ('url' in node) node.url = stripUnsafeCharacters(node.url)
    if ('title' in node && typeof node.title === 'string') node.title = stripUnsafeCharacters(node.title)
    if ('alt' in node && typeof node.alt === 'string') node.alt = stripUnsafeCharacters(node.alt)
  })
  removeEmptyParagraphs(tree)
}

/**
 * Walk the descendants of `parent` in document order, replacing each node for which `replacement`
 * returns nodes (an empty list removes it); the nodes that took its place are walked in turn (a
 * link's children may hold more to sanitize), a node kept is walked into. A plain recursion over
 * `children`: `unist-util-visit` keeps every node's ancestors, which on a megabyte costs more than
 * the work. Depth is bounded (`refuseDeepNesting` runs first).
 */
function replaceChildren(parent: Parents, replacement: (node: RootContent) => RootContent[] | undefined): void {
  const children: RootContent[] = parent.children
  for (let index = 0; index < children.length; ) {
    const node = children[index] as RootContent
    const replaced = replacement(node)
    if (replaced) children.splice(index, 1, ...replaced)
    else {
      if ('children' in node) replaceChildren(node, replacement)
      index++
    }
  }
}

/** Call `work` on `node` and every node under it, in document order. */
function eachNode(node: Nodes, work: (node: Nodes) => void): void {
  work(node)
  if ('children' in node) for (const child of node.children) eachNode(child, work)
}

/** What replaces `node` in its parent (`undefined`: keep it as it is). */
function replace(node: Nodes, file: VFile, unsafeDefinitions: Set<string>): RootContent[] | undefined {
  const place = node.position
  const options = (ruleId: string) => ({ place, ruleId, source: RULE_SOURCE })
  switch (node.type) {
    case 'html':
      if (!/^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/.test(node.value))
        file.message(`Raw HTML dropped: \`${snippet(node.value)}\` (a briefing carries text only)`, options('html'))
      return []
    case 'image':
    case 'imageReference': {
      const target = node.type === 'image' ? ` \`${snippet(node.url)}\`` : ''
      file.message(`Image${target} not loaded; kept its description only`, options('image'))
      return node.alt ? [{ type: 'text', value: node.alt, ...(place ? { position: place } : {}) } satisfies Text] : []
    }
    case 'link': {
      const reason = unsafeUrlReason(node.url)
      if (!reason) return undefined
      file.message(`Link to \`${snippet(node.url)}\` reduced to its text: ${reason}`, options('link'))
      return node.children
    }
    case 'linkReference':
      return unsafeDefinitions.has(node.identifier) ? node.children : undefined
    default:
      return undefined
  }
}

/** Stop (fatal) when the tree nests deeper than `MAX_DEPTH`, found without recursion. */
function refuseDeepNesting(tree: Root, file: VFile): void {
  const stack: [Nodes, number][] = [[tree, 0]]
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry
    if (depth > MAX_DEPTH)
      file.fail(`Source nests block quotes or lists more than ${MAX_DEPTH} deep; a briefing is not built that way`, {
        place: node.position,
        ruleId: 'depth',
        source: RULE_SOURCE,
      })
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1])
  }
}

/** Remove definitions whose target may not be linked; their identifiers, for the references. */
function removeUnsafeDefinitions(tree: Root, file: VFile): Set<string> {
  const unsafe = new Set<string>()
  replaceChildren(tree, (node) => {
    if (node.type !== 'definition') return undefined
    const reason = unsafeUrlReason(node.url)
    if (!reason) return undefined
    file.message(`Link definition \`${snippet(node.url)}\` removed: ${reason}`, {
      place: node.position,
      ruleId: 'link',
      source: RULE_SOURCE,
    })
    unsafe.add(node.identifier)
    return []
  })
  return unsafe
}

/** A warning at the exact place of each unsafe character, the first few of them one by one. */
function reportUnsafeCharacters(source: string, pointAt: (offset: number) => Point, file: VFile): void {
  const found = [...source.matchAll(UNSAFE_CHARACTER)]
  for (const [count, match] of found.entries()) {
    const place = pointAt(match.index)
    const options = { place, ruleId: 'character', source: RULE_SOURCE }
    if (count === MAX_CHARACTER_WARNINGS) {
      file.message(`${found.length - count} more control or bidirectional characters removed`, options)
      return
    }
    const code = match[0].codePointAt(0) ?? 0
    const name = BIDI_NAMES[code]
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    file.message(
      name
        ? `Removed ${hex} (${name}): it can make text display differently from what it says`
        : `Removed control character ${hex}`,
      options,
    )
  }
}

/** `value` without control characters and bidi overrides. */
export function stripUnsafeCharacters(value: string): string {
  return value.replace(UNSAFE_CHARACTER, '')
}

/** The literal value of `node` with every enormous token cut short, each with a warning. */
function shortenTokens(
  node: Nodes & { value: string },
  source: string,
  pointAt: (offset: number) => Point,
  file: VFile,
): string {
  if (!mayHoldLongToken(node.value)) return node.value
  return node.value.replace(LONG_TOKEN, (token) => {
    const characters = [...token]
    // Point at the token itself when the node's text is in the source as written (no escapes).
    const start = node.position?.start.offset
    const at = start === undefined ? -1 : source.indexOf(token.slice(0, 64), start)
    file.message(
      `Token of ${characters.length} characters without a space cut to its first ${KEPT_TOKEN_LENGTH} (longest kept: ${MAX_TOKEN_LENGTH})`,
      { place: at === -1 ? node.position : pointAt(at), ruleId: 'token', source: RULE_SOURCE },
    )
    return `${characters.slice(0, KEPT_TOKEN_LENGTH).join('')}…`
  })
}

/** Remove paragraphs left without any text (all raw HTML, say), so no one extracts an empty one. */
function removeEmptyParagraphs(tree: Root): void {
  replaceChildren(tree, (node) => (node.type === 'paragraph' && nodeText(node).trim() === '' ? [] : undefined))
}

/**
 * Whether `value` has more than `MAX_TOKEN_LENGTH` characters between two spaces (a token that
 * long has no space in it): the pattern, tried at every character, is what costs, and almost no
 * text holds such a run.
 */
function mayHoldLongToken(value: string): boolean {
  let after = 0
  for (let space = value.indexOf(' '); ; space = value.indexOf(' ', after)) {
    const end = space === -1 ? value.length : space
    if (end - after > MAX_TOKEN_LENGTH) return true
    if (space === -1) return false
    after = space + 1
  }
}

/** A short, one-line echo of source text for a message. */
function snippet(text: string): string {
  const line = stripUnsafeCharacters(text).replace(/\s+/g, ' ').trim()
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}

/** Line and column (1-based) of a 0-based offset into `source`. */
function pointFinder(source: string): (offset: number) => Point {
  const lineStarts = [0]
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1))
    lineStarts.push(index + 1)
  return (offset) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1, offset }
  }
}
