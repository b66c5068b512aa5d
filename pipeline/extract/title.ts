/**
 * The briefing's title: the front matter's, else the first heading, else a short first line,
 * else one made from the file name ("eu-pacific.md" → "EU–Pacific", "south-korea.md" →
 * "South Korea"), where known acronyms keep their capitals, partner names their spelling, and
 * words the dictionary knows only with a capital (place names) get one.
 */
import type { Root } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import knownAcronyms from '../data/known-acronyms.json' with { type: 'json' }
import knownBodies from '../data/known-bodies.json' with { type: 'json' }
import regions from '../data/regions.json' with { type: 'json' }
import { checkerFor } from './dictionary.ts'
import { resolveName } from './gazetteer.ts'

/** Longest first line taken for a title ("Mission report: DG INTPA and DG CNECT visit to Nairobi and Kigali, 4–7 March 2024"). */
const TITLE_LINE_LIMIT = 120

/** The title of the briefing in `tree`. */
export function titleOf(tree: Root, file: VFile): string {
  const fromMatter = file.data.frontmatter?.title
  if (fromMatter) return fromMatter
  // A section's heading that is only a partner's name ("## Japan", a first line "Japan") is no title
  // of a text that may treat three; a title heading (#) is.
  const headings = tree.children.filter((node) => node.type === 'heading')
  const heading = headings.find((node) => node.depth === 1) ?? headings[0]
  if (heading) {
    const text = nodeText(heading).trim()
    if (text && (heading.depth === 1 || !resolveName(text))) return text
  }
  const first = tree.children.find((node) => node.type === 'paragraph')
  const line = first ? nodeText(first).trim() : ''
  if (isTitleLine(line) && !resolveName(line)) return line
  return titleFromStem(file.stem ?? '')
}

/**
 * Whether `text` reads like a title: one line, no closing stop, up to `TITLE_LINE_LIMIT`
 * characters, or 140 in capitals ("EU – LATIN AMERICA AND CARIBBEAN: DIGITAL ALLIANCE STATE OF PLAY (as of …)").
 */
export function isTitleLine(text: string): boolean {
  const line = text.trim()
  const capitals = !/\p{Ll}/u.test(line.replace(/\([^()]*\)/g, ''))
  return (
    line !== '' && line.length <= (capitals ? 140 : TITLE_LINE_LIMIT) && !line.includes('\n') && !/[.!?]$/.test(line)
  )
}

let acronyms: Map<string, string> | undefined

/** Acronyms the data lists know, by their lower-case form. */
function knownAcronym(word: string): string | undefined {
  if (!acronyms) {
    acronyms = new Map()
    const all = [
      ...Object.keys(knownAcronyms).filter((key) => !key.startsWith('$')),
      ...knownBodies.map((body) => body.acronym),
      ...regions.map((region) => region.name).filter((name) => !/\s/.test(name)),
    ]
    for (const acronym of all) if (/\p{Lu}.*\p{Lu}|\d/u.test(acronym)) acronyms.set(acronym.toLowerCase(), acronym)
  }
  return acronyms.get(word.toLowerCase())
}

/** A title made from a file name's stem: words split at hyphens and underscores, cased as names. */
export function titleFromStem(stem: string): string {
  const words = stem
    .split(/[-_\s]+/)
    .map((word) => word.trim())
    .filter(Boolean)
  if (words.length === 0) return 'Briefing'
  const { spell } = checkerFor(words)
  const parts: { text: string; proper: boolean }[] = []
  for (let i = 0; i < words.length; i++) {
    // The longest run of words that names a partner ("south korea" → "South Korea").
    let named: { text: string; length: number } | undefined
    for (let n = Math.min(4, words.length - i); n >= 1 && !named; n--) {
      const ref = resolveName(
        words
          .slice(i, i + n)
          .map((w) => (w[0]?.toUpperCase() ?? '') + w.slice(1))
          .join(' '),
      )
      if (ref) named = { text: ref.name, length: n }
    }
    if (named) {
      parts.push({ text: named.text, proper: true })
      i += named.length - 1
      continue
    }
    const word = words[i] ?? ''
    const acronym = knownAcronym(word)
    const capital = (word[0]?.toUpperCase() ?? '') + word.slice(1).toLowerCase()
    if (acronym) parts.push({ text: acronym, proper: true })
    else if (/^\p{Ll}+$/u.test(word) && !spell.correct(word) && spell.correct(capital))
      parts.push({ text: capital, proper: true })
    else parts.push({ text: word, proper: false })
  }
  // "EU" and a partner or place right after it form a pair: "EU–Pacific".
  let title = parts[0]?.text ?? ''
  for (let i = 1; i < parts.length; i++) {
    const pair = i === 1 && parts[0]?.text === 'EU' && parts[1]?.proper
    title += `${pair ? '–' : ' '}${parts[i]?.text ?? ''}`
  }
  return (title[0]?.toUpperCase() ?? '') + title.slice(1)
}
