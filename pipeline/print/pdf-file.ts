/**
 * Just enough of PDF to read and amend what Chromium (Skia) writes: one classic cross-reference
 * table, no object streams, dictionaries in plain text. Reading the few objects we need this way
 * costs a millisecond; a general PDF library parses every object of a tagged document (and, cold,
 * costs more than printing did).
 */

/** A PDF's bytes as text (latin1: one character per byte, so offsets are byte offsets). */
export interface PdfText {
  text: string
  /** Byte offset of each object, by object number. */
  offsets: Map<number, number>
  trailer: string
  startxref: number
}

/**
 * Read the cross-reference tables and trailer of `bytes` (following `/Prev` through incremental
 * updates); throws when the file is not laid out as Chromium writes it.
 */
export function readPdfText(bytes: Uint8Array): PdfText {
  const text = Buffer.from(bytes).toString('latin1')
  const last = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? Number.NaN)
  const offsets = new Map<number, number>()
  let trailer = ''
  let at: number | undefined = last
  for (let guard = 0; at !== undefined && guard < 64; guard++) {
    const section = readSection(text, at)
    for (const [number, offset] of section.offsets) if (!offsets.has(number)) offsets.set(number, offset)
    trailer ||= section.trailer
    at =
      /\/Prev (\d+)/.exec(section.trailer)?.[1] !== undefined
        ? Number(/\/Prev (\d+)/.exec(section.trailer)?.[1])
        : undefined
  }
  return { text, offsets, trailer, startxref: last }
}

/** One `xref` section at byte `start`: its subsections' entries in use, and its trailer. */
function readSection(text: string, start: number): { offsets: Map<number, number>; trailer: string } {
  if (!text.startsWith('xref', start))
    throw new Error(`readPdfText: expected a classic cross-reference table at byte ${start}`)
  const offsets = new Map<number, number>()
  let at = start + 4
  for (;;) {
    const header = /^\s*(\d+) (\d+)\s*?\n/.exec(text.slice(at, at + 32))
    if (!header?.[1] || !header[2]) break
    at += header[0].length
    for (let index = 0; index < Number(header[2]); index++, at += 20) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(at, at + 18))
      if (entry?.[3] === 'n') offsets.set(Number(header[1]) + index, Number(entry[1]))
    }
  }
  const trailer = /^\s*trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(at))?.[1] ?? ''
  return { offsets, trailer }
}

/** The text of object `number` (a dictionary; not for streams). */
export function objectText(pdf: PdfText, number: number): string {
  const offset = pdf.offsets.get(number)
  if (offset === undefined) return ''
  return pdf.text.slice(offset, pdf.text.indexOf('endobj', offset))
}

/** The object number `key` refers to in `dict` (`/Key 12 0 R`). */
export function refOf(dict: string, key: string): number | undefined {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)
  return match?.[1] ? Number(match[1]) : undefined
}

/** A PDF text string (`<FEFF…>` UTF-16BE hex, or `(…)` literal) as a JavaScript string. */
export function decodePdfString(value: string): string {
  if (value.startsWith('<')) {
    const hex = value.slice(1, -1).replace(/\s+/g, '')
    const bytes = Buffer.from(hex, 'hex')
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le')
    return bytes.toString('latin1')
  }
  return value.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_match, code: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      r: '\r',
      t: '\t',
      b: '\b',
      f: '\f',
      '(': '(',
      ')': ')',
      '\\': '\\',
    }
    return simple[code] ?? String.fromCharCode(Number.parseInt(code, 8))
  })
}

/** `value` as a PDF literal string when it is printable ASCII, else as UTF-16BE hex. */
export function encodePdfStringShort(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? `(${value.replace(/[()\\]/g, '\\$&')})` : encodePdfString(value)
}

/** `value` as a PDF text string: UTF-16BE hex with a byte-order mark, which holds any character. */
export function encodePdfString(value: string): string {
  const utf16 = Buffer.from(value, 'utf16le').swap16()
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`
}

/** The page objects in document order. */
export function pageNumbers(pdf: PdfText): number[] {
  const root = refOf(pdf.trailer, 'Root')
  const pages: number[] = []
  const walk = (number: number | undefined, depth: number) => {
    if (number === undefined || depth > 32) return
    const dict = objectText(pdf, number)
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? ''
      for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid), depth + 1)
    } else pages.push(number)
  }
  walk(refOf(objectText(pdf, root ?? -1), 'Pages'), 0)
  return pages
}

/** One bookmark: its title as written, its object, the 1-based page it points to, its depth. */
export interface Bookmark {
  object: number
  title: string
  /** Where the title's string starts and ends in the file. */
  span: [number, number]
  page: number
  depth: number
}

/** The bookmarks, depth first, in document order. */
export function readBookmarks(pdf: PdfText): Bookmark[] {
  const pageIndex = new Map(pageNumbers(pdf).map((number, index) => [number, index + 1]))
  const root = objectText(pdf, refOf(pdf.trailer, 'Root') ?? -1)
  const bookmarks: Bookmark[] = []
  const walk = (first: number | undefined, depth: number) => {
    let current = first
    for (let guard = 0; current !== undefined && guard < 100_000; guard++) {
      const dict = objectText(pdf, current)
      const title = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(dict)
      const offset =
        (pdf.offsets.get(current) ?? 0) + (title?.index ?? 0) + (title?.[0].length ?? 0) - (title?.[1]?.length ?? 0)
      const dest = /\/Dest\s*\[\s*(\d+) 0 R/.exec(dict)
      bookmarks.push({
        object: current,
        title: title?.[1] ? decodePdfString(title[1]) : '',
        span: [offset, offset + (title?.[1]?.length ?? 0)],
        page: dest?.[1] ? (pageIndex.get(Number(dest[1])) ?? 0) : 0,
        depth,
      })
      walk(refOf(dict, 'First'), depth + 1)
      current = refOf(dict, 'Next')
    }
  }
  walk(refOf(objectText(pdf, refOf(root, 'Outlines') ?? -1), 'First'), 0)
  return bookmarks
}
