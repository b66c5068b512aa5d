/**
 * The plain text of a paragraph with, for every character, its offset in the source file, so that
 * anything found in the text can be traced back to where it is written (escapes, entities, block
 * quote markers and list indentation in between are skipped).
 */
import type { Paragraph, PhrasingContent } from 'mdast'

/** Plain text plus the source offset of each character (`offsets.length === text.length + 1`). */
export interface MappedText {
  text: string
  offsets: number[]
}

/** Map `node`'s text onto `source`. */
export function mapParagraph(node: Paragraph, source: string): MappedText {
  const out: MappedText = { text: '', offsets: [] }
  for (const child of node.children) addPhrasing(child, source, out)
  out.offsets.push(node.position?.end.offset ?? out.offsets.at(-1) ?? 0)
  return out
}

function addPhrasing(node: PhrasingContent, source: string, out: MappedText): void {
  if ('value' in node && typeof node.value === 'string') {
    addAligned(node.value, source, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, out)
  } else if (node.type === 'break') {
    out.text += '\n'
    out.offsets.push(node.position?.start.offset ?? 0)
  } else if (node.type === 'image' || node.type === 'imageReference') {
    addAligned(node.alt ?? '', source, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, out)
  } else if ('children' in node) {
    for (const child of node.children) addPhrasing(child, source, out)
  }
}

/**
 * Walk `value` and its source slice in step; where they differ, skip source characters. The text
 * is kept a byte per character whenever the paragraph is Latin-1, on purpose: a slice of a source
 * that has a single character beyond Latin-1 is stored two bytes per character, and the
 * extractors' Unicode patterns run many times slower on such a string (measured: 10-20 times for
 * the organisation names). A node written as it is in the source (most of them) is appended whole
 * as a one-byte copy; any other is built a character at a time.
 */
function addAligned(value: string, source: string, start: number, end: number, out: MappedText): void {
  // Most nodes are their source slice as written: each character is where the walk would find it.
  if (end - start === value.length && !BEYOND_LATIN_1.test(value) && source.startsWith(value, start)) {
    out.text += oneByteCopy(value)
    for (let offset = start; offset < end; offset++) out.offsets.push(offset)
    return
  }
  let at = start
  for (const char of value) {
    let probe = at
    while (probe < end && source[probe] !== char) probe++
    if (probe < end) at = probe
    for (let unit = 0; unit < char.length; unit++) {
      out.text += char[unit]
      out.offsets.push(Math.min(at + unit, end))
    }
    if (probe < end) at += char.length
  }
}

const BEYOND_LATIN_1 = /[^\0-\xFF]/

/** `text` (Latin-1 only) as a string of its own stored a byte per character, whatever it was sliced from. */
function oneByteCopy(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1')
}
