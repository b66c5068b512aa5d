import { describe, expect, it } from 'vitest'
import { findMentions, resolveName } from '../../pipeline/extract/gazetteer.ts'

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
