/**
 * The plain text of a paragraph with, for every character, its offset in the source file, so that
 * anything found in the text can be traced back to where it is written (escapes, entities, block
 * quote markers and list indentation in between are skipped).
 */
import type { Paragraph, PhrasingContent } from 'mdast'

/** Plain text plus the source offset of each character, and of its end (`offsets.length === text.length + 1`). */
export interface MappedText {
  text: string
  offsets: Offsets
}

/**
 * The source offset of each character of a mapped text, kept as runs: characters that stand in
 * the source one after another are one entry, not one each. The 1 MB synthetic source has a
 * million characters; as an array of one offset each (8 bytes, grown by copying) they took 24 MB
 * of allocation, all kept until its data was extracted.
 */
export class Offsets {
  /** Where each run starts in the text, ascending, and where it starts in the source. */
  private readonly textStarts: number[] = []
  private readonly sourceStarts: number[] = []
  length = 0

  /** Append the next `count` characters, at source offsets `offset`, `offset + 1`, …. */
  push(offset: number, count = 1): void {
    if (count <= 0) return
    const last = this.textStarts.length - 1
    // Where the last run would put the next character, if it went on.
    const next = last >= 0 ? (this.sourceStarts[last] as number) + this.length - (this.textStarts[last] as number) : -1
    if (next !== offset) {
      this.textStarts.push(this.length)
      this.sourceStarts.push(offset)
    }
    this.length += count
  }

  /** The source offset of character `index`; `undefined` outside `[0, length)`, as an array's `[index]`. */
  at(index: number): number | undefined {
    if (!(index >= 0 && index < this.length)) return undefined
    // The last run that starts at or before `index`.
    let low = 0
    let high = this.textStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.textStarts[middle] as number) <= index) low = middle
      else high = middle - 1
    }
    return (this.sourceStarts[low] as number) + index - (this.textStarts[low] as number)
  }

  /** The source offset of the last character; `undefined` when there is none. */
  last(): number | undefined {
    return this.at(this.length - 1)
  }
}

/** Map `node`'s text onto `source`. */
export function mapParagraph(node: Paragraph, source: string): MappedText {
  const out: MappedText = { text: '', offsets: new Offsets() }
  for (const child of node.children) addPhrasing(child, source, out)
  out.offsets.push(node.position?.end.offset ?? out.offsets.last() ?? 0)
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
    out.offsets.push(start, end - start)
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
