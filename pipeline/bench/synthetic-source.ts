/**
 * A synthetic briefing for the benchmark: every country of the country table as a partner (about
 * 250), each with a section of paragraphs like the seed's (dialogues, agreements, figures, dates,
 * delegations), until the text reaches the size asked for. Deterministic: the same options give
 * the same bytes.
 *
 * `node pipeline/cache/run-compiled.cjs pipeline/bench/synthetic-source.ts <file> [bytes]` writes one.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** What to generate. */
export interface SyntheticOptions {
  /** Size to reach, in bytes; the result stays under it. Default 1,000,000 (the source limit is 1 MiB). */
  bytes?: number
  /** Seed of the pseudo-random choices. */
  seed?: number
}

interface Country {
  name: string
  capitals: string[]
  demonym: string
}

const COUNTRIES = join(import.meta.dirname, '..', 'data', 'countries.generated.json')

const TOPICS = [
  'cybersecurity',
  'artificial intelligence',
  '5G networks',
  'data protection',
  'digital skills',
  'e-government',
  'semiconductors',
  'high-performance computing',
  'submarine cables',
  'Internet governance',
  'research and innovation',
  'standardisation',
]

const SENTENCES: ((c: Country, r: () => number) => string)[] = [
  (c, r) =>
    `The EU and ${c.name} hold an annual Digital Dialogue on ${pick(TOPICS, r)} and ${pick(TOPICS, r)}, first convened in ${2005 + Math.floor(r() * 18)}.`,
  (_c, r) =>
    `In ${month(r)} ${2012 + Math.floor(r() * 12)} the two sides signed a Memorandum of Understanding on ${pick(TOPICS, r)}.`,
  (c, r) =>
    `${c.name} counts more than ${10 + Math.floor(r() * 900)} million mobile subscribers and ${5 + Math.floor(r() * 400)} million Internet users.`,
  (c, _r) => `An ICT Counsellor is based at the EU Delegation in ${c.capitals[0] ?? c.name}.`,
  (c, r) =>
    `${c.demonym || c.name} researchers take part in Horizon Europe projects on ${pick(TOPICS, r)}, with EUR ${1 + Math.floor(r() * 90)} million committed since ${2014 + Math.floor(r() * 8)}.`,
  (c, r) =>
    `A Joint Working Group on ${pick(TOPICS, r)} with the Ministry of Digital Affairs of ${c.name} meets twice a year to discuss regulatory issues and market access for European companies.`,
  (c, r) =>
    `The Commission and ${c.name} agreed in ${2016 + Math.floor(r() * 9)} to cooperate on ${pick(TOPICS, r)} within the Global Gateway strategy.`,
]

/**
 * Generate the synthetic source text: a section per country, headed by its name (so every country
 * is a partner, whether or not the text alone would make it one), its paragraphs dealt out round
 * after round until the text reaches the size asked for.
 */
export function syntheticSource(options: SyntheticOptions = {}): string {
  const limit = options.bytes ?? 1_000_000
  const random = mulberry32(options.seed ?? 1)
  const countries = (JSON.parse(readFileSync(COUNTRIES, 'utf8')) as Country[]).filter((country) => country.name)
  const header = `---\ntitle: EU digital partnerships worldwide (synthetic)\nsubtitle: Generated for the benchmark\n---\n\n`
  const sections = countries.map((country) => [`## ${country.name}\n\n`])
  let size = Buffer.byteLength(header) + sections.reduce((sum, [heading]) => sum + Buffer.byteLength(heading ?? ''), 0)
  for (let round = 0; round <= 10_000; round++) {
    for (const [index, country] of countries.entries()) {
      const paragraph = `${Array.from({ length: 3 }, () => pick(SENTENCES, random)(country, random)).join(' ')}\n\n`
      const bytes = Buffer.byteLength(paragraph)
      if (size + bytes > limit) return header + sections.map((section) => section.join('')).join('')
      sections[index]?.push(paragraph)
      size += bytes
    }
  }
  throw new Error(`syntheticSource: cannot reach ${limit} bytes`)
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T
}

function month(random: () => number): string {
  return pick(['January', 'March', 'May', 'July', 'September', 'November'], random)
}

/** A small seeded pseudo-random generator (mulberry32), so the text is the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

if (import.meta.filename === process.argv[1]) {
  const [path, bytes] = process.argv.slice(2)
  if (!path) {
    console.error('usage: synthetic-source.ts <file> [bytes]')
    process.exit(2)
  }
  writeFileSync(path, syntheticSource(bytes ? { bytes: Number(bytes) } : {}))
}
