/**
 * The fonts the briefing ships with: Noto Sans from `@fontsource/noto-sans` for Latin, Greek and
 * Cyrillic, and for names in other scripts (日本, 총무성, 中国) Noto Sans JP, KR and SC cut down
 * at build time to the characters the document uses. Everything is inlined as base64
 * `@font-face` rules, one rule per line, under one family, so the PDF looks the same on every
 * machine and the HTML makes no request.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The one family every face is registered under; `unicode-range` picks the face per character. */
export const FONT_FAMILY = 'Briefing Sans'

/** One `@font-face` of a fontsource package, as its CSS describes it. */
interface FaceSource {
  file: string
  weight: number
  ranges: [number, number][]
}

const require = createRequire(import.meta.url)

/** Latin and its neighbours: kept whole, so the CSS only changes when a new subset is needed. */
const TEXT_PACKAGE = '@fontsource/noto-sans'
/** Fallbacks for characters the text font lacks, in order: Japanese (kana, kanji), Korean, Chinese. */
const CJK_PACKAGES = ['@fontsource/noto-sans-jp', '@fontsource/noto-sans-kr', '@fontsource/noto-sans-sc']

/** Parse the `@font-face` rules of a fontsource weight file (`400.css`). */
export function parseFontsourceCss(css: string, baseDir: string): FaceSource[] {
  const faces: FaceSource[] = []
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\.\/([^)]+\.woff2)\)/.exec(body)?.[1]
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400)
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1] ?? ''
    if (file) faces.push({ file: join(baseDir, file), weight, ranges: parseUnicodeRange(range) })
  }
  return faces
}

/** `U+0000-00FF,U+0131` to inclusive code point ranges; tokens that are not ranges are skipped. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const token of value.split(',')) {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(token)
    if (match?.[1]) ranges.push([Number.parseInt(match[1], 16), Number.parseInt(match[2] ?? match[1], 16)])
  }
  return ranges
}

function covers(face: FaceSource, codePoint: number): boolean {
  return face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)
}

const faceCache = new Map<string, FaceSource[]>()

/** The faces of `pkg` at `weight`, read once per process. */
function packageFaces(pkg: string, weight: number): FaceSource[] {
  const key = `${pkg}/${weight}`
  let faces = faceCache.get(key)
  if (!faces) {
    const cssPath = require.resolve(`${pkg}/${weight}.css`)
    faces = parseFontsourceCss(readFileSync(cssPath, 'utf8'), dirname(cssPath))
    faceCache.set(key, faces)
  }
  return faces
}

/** `U+4E2D,U+56FD` for a sorted list of code points. */
function unicodeRange(codePoints: number[]): string {
  return codePoints.map((codePoint) => `U+${codePoint.toString(16).toUpperCase()}`).join(',')
}

function fontFace(weight: number, woff2: Uint8Array, range: string): string {
  const data = Buffer.from(woff2).toString('base64')
  return `@font-face{font-family:"${FONT_FAMILY}";font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${range}}`
}

const subsetCache = new Map<string, Uint8Array>()

/** `subset-font` (with its WebAssembly) is loaded only by a page with characters the text font lacks. */
async function subsetter(): Promise<typeof import('subset-font').default> {
  return (await import('subset-font')).default
}

/**
 * The `@font-face` rules for a document whose text is `text` (or its pieces), one rule per line, in a stable order.
 * Text-font subsets are inlined whole when the text uses them (Latin always); characters none of
 * them covers come from the CJK fonts, subset to exactly those characters.
 */
export async function fontFaces(text: string | readonly string[]): Promise<string[]> {
  const used = codePointsBeyondAscii(text)
  const rules: string[] = []
  for (const weight of [400, 700]) {
    const faces = packageFaces(TEXT_PACKAGE, weight)
    for (const face of faces) {
      const isLatin = face.file.endsWith(`-latin-${weight}-normal.woff2`)
      if (isLatin || used.some((cp) => covers(face, cp)))
        rules.push(fontFace(weight, readFileSync(face.file), face.ranges.map(([a, b]) => rangeToken(a, b)).join(',')))
    }
  }
  const textFaces = packageFaces(TEXT_PACKAGE, 400)
  let missing = used.filter((cp) => !textFaces.some((face) => covers(face, cp)))
  for (const pkg of CJK_PACKAGES) {
    if (missing.length === 0) break
    const faces = packageFaces(pkg, 400)
    for (const face of faces) {
      const here = missing.filter((cp) => covers(face, cp))
      if (here.length === 0) continue
      rules.push(...(await subsetRules(face, here)))
      missing = missing.filter((cp) => !here.includes(cp))
    }
  }
  return rules
}

/** Runs of characters beyond ASCII (code units, so a surrogate pair stays in one run). */
const BEYOND_ASCII = /[\u0080-\uffff]+/g

/**
 * The distinct code points beyond ASCII in `text` (or in all its pieces), ascending: those that choose the faces, since
 * all of ASCII is in the Latin face, which every page includes. The page is mostly ASCII: a pattern
 * finds the few runs of other characters faster than a look at every character.
 */
export function codePointsBeyondAscii(text: string | readonly string[]): number[] {
  const found = new Set<number>()
  for (const piece of typeof text === 'string' ? [text] : text) addCodePointsBeyondAscii(piece, found)
  return [...found].sort((a, b) => a - b)
}

function addCodePointsBeyondAscii(text: string, found: Set<number>): void {
  // An index loop, not `matchAll` and a string iterator (a match array and a string per character):
  // on the 1 MB source's 8 MB page, 16 ms instead of 70-98.
  const runs = new RegExp(BEYOND_ASCII)
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    const run = match[0]
    for (let at = 0; at < run.length; at++) {
      const codePoint = run.codePointAt(at) ?? 0
      found.add(codePoint)
      if (codePoint > 0xffff) at++
    }
  }
}

function rangeToken(from: number, to: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0')
  return from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`
}

/**
 * A subset face with just `codePoints`, registered as regular and as bold (the same glyphs), so
 * bold names in other scripts need no fallback font. Cached per process: the same glyphs give the
 * same bytes.
 */
async function subsetRules(face: FaceSource, codePoints: number[]): Promise<string[]> {
  const key = `${face.file}:${codePoints.join(',')}`
  let woff2 = subsetCache.get(key)
  if (!woff2) {
    const subsetFont = await subsetter()
    woff2 = await subsetFont(readFileSync(face.file), String.fromCodePoint(...codePoints), { targetFormat: 'woff2' })
  }
  subsetCache.set(key, woff2)
  const range = unicodeRange(codePoints)
  return [fontFace(400, woff2, range), fontFace(700, woff2, range)]
}
