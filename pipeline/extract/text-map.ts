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
 * is built a character at a time on purpose: a slice of a source that has a single character
 * beyond Latin-1 is stored two bytes per character, and the extractors' Unicode patterns run many
 * times slower on such a string (measured: 10-20 times for the organisation names) than on the
 * one-byte string this builds when the paragraph itself is Latin-1.
 */
function addAligned(value: string, source: string, start: number, end: number, out: MappedText): void {
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
