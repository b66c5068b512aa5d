import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allNames, findMentions, namedInText, resolveName } from '../../pipeline/extract/gazetteer.ts'

const named = (text: string) => findMentions(text).map((m) => `${text.slice(m.start, m.end)}=${m.ref.id}`)

describe('partner names', () => {
  it('finds countries by name, short form, capital, demonym and possessive', () => {
    expect(named("Japan's industry, the EU-Korea Summit, an office in Delhi, the Vietnamese ministry")).toEqual([
      'Japan=japan',
      'Korea=south-korea',
      'Delhi=india',
      'Vietnamese=vietnam',
    ])
  })

  it('prefers the longest name and keeps names apart from other words', () => {
    expect(named("the People's Republic of China, South Korean firms, Indiana Jones")).toEqual([
      "People's Republic of China=china",
      'South Korean=south-korea',
    ])
  })

  it("finds partners of every continent in running text, but not the EU's own member states", () => {
    expect(named('Brazil and Kenyan start-ups, an office in Ottawa, German and French firms, Italy')).toEqual([
      'Brazil=brazil',
      'Kenyan=kenya',
      'Ottawa=canada',
    ])
    // A member state is still a partner when a heading makes it one.
    expect(resolveName('Germany')?.iso).toBe('DE')
  })

  it('knows regional bodies by acronym and long name', () => {
    expect(named('the Association of South East Asian Nations (ASEAN) and APEC')).toEqual([
      'Association of South East Asian Nations=asean',
      'ASEAN=asean',
      'APEC=apec',
    ])
    expect(resolveName('South Korea')?.iso).toBe('KR')
    expect(resolveName('The Philippines')?.iso).toBe('PH')
    expect(resolveName('ASEAN')?.kind).toBe('region')
  })
})

/**
 * The plain reading `findMentions` prunes: at every word, every run of up to 12 words, longest
 * first, is looked up; a word's possessive or stop is no part of a name.
 */
function plainMentions(text: string, extra: ReadonlyMap<string, unknown> = new Map()): string[] {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&]*/gu)].map((m) => {
    const whole = m[0]
    const trimmed = /[^s.’']$/.test(whole) ? whole : whole.replace(/['’]s$/, '').replace(/[.’']+$/, '')
    return { start: m.index, end: m.index + trimmed.length }
  })
  const glued = (at: number) => /[\p{L}\p{N}@]/u.test(text[at] ?? '')
  const found: string[] = []
  for (let i = 0; i < words.length; ) {
    const first = words[i] as (typeof words)[number]
    let taken = 0
    for (let n = Math.min(12, words.length - i); n >= 1 && !taken && !glued(first.start - 1); n--) {
      const last = words[i + n - 1] as (typeof words)[number]
      const candidate = text.slice(first.start, last.end)
      if (glued(last.end) && text[last.end] !== "'" && text[last.end] !== '’') continue
      if (namedInText(candidate) || extra.has(candidate)) {
        found.push(`${first.start}:${candidate}`)
        taken = n
      }
    }
    i += Math.max(1, taken)
  }
  return found
}

const AU = { id: 'african-union', name: 'AU', kind: 'region', iso: null } as const
const EXTRA = new Map([
  ['African Union', AU],
  ['AU', AU],
  ['Zanzibar Islands Forum', AU],
])

describe('finding names fast', () => {
  const nameWords = [...new Set([...allNames()].flatMap((name) => name.split(/\s+/)))]
  const word = fc.oneof(
    fc.constantFrom(...nameWords),
    fc.constantFrom('the', 'and', 'of', 'x', 'iPhone', 'McKinsey', 'EU', '5G', '𝐀sia', 'Japan’s', "Korea's", 'Japan.'),
    fc.constantFrom(...allNames()),
    fc.constantFrom(
      'African',
      'Union',
      'AU',
      'Zanzibar',
      'African Union',
      'Zanzibar Islands',
      'Zanzibar Islands Forum',
    ),
  )
  const gap = fc.constantFrom(' ', ' ', ' ', '-', '.', "'", '’', ', ', '@', '&', '. ', ' (', ') ', '/', '\n')
  const text = fc.array(fc.tuple(word, gap), { maxLength: 40 }).map((parts) => parts.flat().join(''))

  it('finds what a look at every word finds', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(findMentions(sample).map((m) => `${m.start}:${sample.slice(m.start, m.end)}`)).toEqual(
          plainMentions(sample),
        )
        // With names the text adds ("African Union (AU)"), as `divideSections` passes them.
        const withExtra = findMentions(sample, EXTRA).map((m) => `${m.start}:${sample.slice(m.start, m.end)}`)
        expect(withExtra).toEqual(plainMentions(sample, EXTRA))
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    )
  })
})
