/**
 * Rules that must hold for texts never seen: each case is a phrase a policy writer uses, not a
 * sentence of a fixture.
 */
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { findDefinitions } from '../../pipeline/extract/acronyms.ts'
import { findAgreements } from '../../pipeline/extract/agreements.ts'
import { findDates } from '../../pipeline/extract/dates.ts'
import { extractBriefing } from '../../pipeline/extract/extract-briefing.ts'
import { findFigures } from '../../pipeline/extract/figures.ts'
import { partnerId, resolveName } from '../../pipeline/extract/gazetteer.ts'
import { GlossaryBuilder } from '../../pipeline/extract/glossary.ts'
import { findMechanisms, frequencyOf } from '../../pipeline/extract/mechanisms.ts'
import { findOrganisations } from '../../pipeline/extract/organisations.ts'
import { findProgrammes } from '../../pipeline/extract/programmes.ts'
import { regionalBody } from '../../pipeline/extract/regional-bodies.ts'
import { findPosts } from '../../pipeline/extract/representation.ts'
import { isRows } from '../../pipeline/extract/rows.ts'
import { findMisspellings } from '../../pipeline/extract/spelling.ts'
import { titleFromStem } from '../../pipeline/extract/title.ts'
import { findTopics } from '../../pipeline/extract/topics.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'

const dates = (text: string) => findDates(text).map((d) => [d.date, d.endDate])
const figures = (text: string) => findFigures(text, findDates(text)).map((f) => [f.value, f.unit, f.qualifier])
/** The briefing extracted from `value`, a source at `path`. */
const briefingOf = (value: string, path = 'source/test.md') => {
  const file = new VFile({ path, value })
  return extractBriefing(parseTree(file), file)
}
/** The glossary of `text` as `[acronym, expansion]` pairs (positions left out). */
const glossaryOf = (text: string) => {
  const glossary = new GlossaryBuilder()
  const nowhere = { line: 1, column: 1, offset: 0 }
  glossary.use(text, () => ({ start: nowhere, end: nowhere }))
  return glossary.entries().map((entry) => [entry.acronym, entry.expansion])
}

describe('how often a mechanism meets', () => {
  it.each([
    ['meets the Commission twice a year', 'regular'],
    ['holds biannual meetings', 'regular'],
    ['meets quarterly', 'regular'],
    ['meets every six months', 'regular'],
    ['meets every year', 'annual'],
    ['holds a yearly dialogue', 'annual'],
    ['meets annually', 'annual'],
    ['meets on a yearly basis', 'annual'],
    ['meets once a year', 'annual'],
    ['meets every two years', 'biennial'],
    ['meets every other year', 'biennial'],
    ['holds a biennial summit', 'biennial'],
    ['meets regularly', 'regular'],
    ['met in Tokyo', null],
  ])('%s → %s', (sentence, frequency) => {
    expect(frequencyOf(sentence)).toBe(frequency)
  })
})

describe('mechanism names', () => {
  it('keeps a capitalised subject after "on", not a date or how often', () => {
    const names = (sentence: string) => findMechanisms(sentence).map((m) => m.name)
    expect(names('It meets the Commission in a Joint Working Group on ICT.')).toEqual(['Joint Working Group on ICT'])
    expect(names('The EU-Korea Summit on November 8 agreed.')).toEqual(['EU-Korea Summit'])
    expect(names('They hold technical talks on spectrum every year.')).toEqual(['technical talks on spectrum'])
  })
})

describe('dates a writer gives loosely', () => {
  it('reads quarters, halves and "mid-" years at the precision written', () => {
    expect(dates('planned for Q2 2022')).toEqual([['2022-04', '2022-06']])
    expect(dates('in the second half of 2024')).toEqual([['2024-07', '2024-12']])
    expect(dates('postponed to mid-2023')).toEqual([['2023', null]])
    expect(findDates('has had an envoy since mid-2019')[0]?.since).toBe(true)
    expect(dates('on the 3rd of March 2021')).toEqual([['2021-03-03', null]])
    expect(dates('running from January 2022 to December 2025')).toEqual([['2022-01', '2025-12']])
    expect(dates('from 2014 to 2020')).toEqual([['2014', '2020']])
  })
})

describe('figures', () => {
  it('knows every ISO currency code in capitals, with its qualifier', () => {
    expect(figures('start-ups raised around NZD 500 million')).toEqual([[500000000, 'NZD', 'around']])
    expect(figures('a grant of INR 2 billion')).toEqual([[2000000000, 'INR', null]])
    expect(figures('USD 1.5 bn in data centres')).toEqual([[1500000000, 'USD', null]])
  })

  it('reads "one in four" as a share and a unit of measure as the unit', () => {
    expect(figures('One in four Cambodians shops online')).toEqual([[0.25, 'share', null]])
    expect(figures('a cable some 4,700 km long')).toEqual([[4700, 'km', 'some']])
  })

  it('counts nothing when the number counts nothing', () => {
    expect(figures('two thirds of its people are under 35')).toEqual([[0.666666666667, 'share', null]])
  })

  it('gives a figure the year of its clause, and makes no event of a statistic', () => {
    const source = 'Mongolia\n\nNearly 70% of households in Mongolia had a fixed broadband connection in 2022.\n'
    const file = new VFile({ path: 'x.md', value: source })
    const briefing = extractBriefing(parseTree(file), file)
    const partner = briefing.partners[0]
    expect(partner?.figures.map((f) => [f.value, f.year])).toEqual([[70, '2022']])
    expect(partner?.events).toEqual([])
  })
})

describe('acronyms from another language and names inside longer names', () => {
  it('takes the whole capitalised name before the parenthesis', () => {
    const text =
      "Türkiye's Information and Communication Technologies Authority (BTK) and the European Conference of Postal and Telecommunications Administrations (CEPT) and the Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation (BIMSTEC) and the Japanese Ministry of Internal Affairs and Communications (MIC)"
    expect(findDefinitions(text).map((d) => [d.acronym, d.expansion])).toEqual([
      ['BTK', 'Information and Communication Technologies Authority'],
      ['CEPT', 'European Conference of Postal and Telecommunications Administrations'],
      ['BIMSTEC', 'Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation'],
      ['MIC', 'Ministry of Internal Affairs and Communications'],
    ])
    expect(findDefinitions('on ICT Research, 5G, Cloud Computing, Internet of Things (IoT)')[0]?.expansion).toBe(
      'Internet of Things',
    )
  })
})

describe('partners', () => {
  it('finds partners of any continent in a text without headings', () => {
    const value = [
      'The EU and Brazil hold an annual Digital Dialogue on cybersecurity.',
      'Kenya counts more than 60 million mobile subscribers; an ICT Counsellor is based at the EU Delegation in Nairobi.',
      'German and French companies take part in Horizon Europe projects.',
      'The African Union (AU) and the EU launched the Digital for Development Hub in 2020.',
    ].join('\n\n')
    const briefing = briefingOf(value, 'source/world.md')
    expect(briefing.partners.map((partner) => [partner.name, partner.paragraphs.length])).toEqual([
      ['Brazil', 1],
      ['Kenya', 2],
      ['AU', 1],
    ])
    expect(briefing.partners[1]?.representation.map((post) => post.city)).toEqual(['Nairobi'])
  })

  it('takes a regional body of any continent from its definition, not a chamber or a bank', () => {
    const body = (text: string) => findDefinitions(text).map((definition) => regionalBody(definition)?.name ?? null)
    expect(body('the African Union (AU)')).toEqual(['AU'])
    expect(body('the Economic Community of West African States (ECOWAS)')).toEqual(['ECOWAS'])
    expect(body('the Caribbean Community (CARICOM)')).toEqual(['CARICOM'])
    expect(body('the American Chamber of Commerce (AmCham)')).toEqual([null])
    expect(body('the African Development Bank (AfDB)')).toEqual([null])
  })
})

describe('organisations', () => {
  it('takes a regional organisation named on its own, not inside a longer name', () => {
    const timor = { id: 'timor-leste', name: 'Timor-Leste', kind: 'country', iso: 'TL' } as const
    const names = (text: string) => findOrganisations(text, [], timor).map((o) => [o.acronym, o.side])
    expect(names('Timor-Leste joined ASEAN in 2025.')).toEqual([['ASEAN', 'international']])
    expect(names('It joined the EU-ASEAN dialogue and met the ASEAN Secretariat.')).not.toContainEqual([
      'ASEAN',
      'international',
    ])
  })
})

describe('government and programmes', () => {
  it('reads "government" as a modifier as no body', () => {
    const bhutan = { id: 'bhutan', name: 'Bhutan', kind: 'country', iso: 'BT' } as const
    const names = (text: string) => findOrganisations(text, [], bhutan).map((o) => o.name)
    expect(names('A quarter of Bhutanese government services are online.')).toEqual([])
    expect(names('The Bhutanese government adopted it.')).toEqual(['Government of Bhutan'])
  })

  it('reads American "program" like "programme"', () => {
    expect(findProgrammes('its National Digital Identity program').map((p) => p.name)).toEqual([
      'National Digital Identity',
    ])
  })
})

describe('topics', () => {
  it.each([
    ['the EU supports undersea cable projects', 'broadband'],
    ['subsea cables to the islands', 'broadband'],
    ['work on incident response', 'cybersecurity'],
    ['rules under the Digital Services Act', 'online-platforms'],
    ['new data centres', 'cloud'],
    ['digital literacy for teachers', 'digital-skills'],
    ['the Coral Sea cable', 'broadband'],
  ])('%s → %s', (text, id) => {
    expect(findTopics(text).map((t) => t.topic.id)).toContain(id)
  })
})

describe('names', () => {
  it('does not flag an accented loanword the dictionary has without accents', () => {
    expect(findMisspellings(['The Digital Attaché met a protégé.'])).toEqual([[]])
  })

  it('makes an ASCII id of a partner name with diacritics', () => {
    expect(partnerId('Türkiye')).toBe('turkiye')
    expect(partnerId('South Korea')).toBe('south-korea')
  })

  it('makes a title from a file name with acronyms and names cased', () => {
    expect(titleFromStem('eu-south-korea')).toBe('EU–South Korea')
    expect(titleFromStem('asean_notes')).toBe('ASEAN notes')
    expect(titleFromStem('eu-pacific').startsWith('EU')).toBe(true)
  })
})

describe('agreements and the glossary', () => {
  it('takes a plan named on its own, not a word that starts with "Plan"', () => {
    const names = (sentence: string) => findAgreements(sentence).map((a) => [a.name, a.kind])
    expect(names('The forum adopted a Master Plan for Transport Connectivity in 2022.')).toEqual([
      ['Master Plan for Transport Connectivity', 'plan'],
    ])
    expect(names('The Ministry of Science, ICT and Future Planning runs the call.')).toEqual([])
    expect(names('Plan International runs schools in the region.')).toEqual([])
  })

  it('explains a mobile generation in the glossary, but not inside a longer acronym', () => {
    expect(glossaryOf('Trials of 5G and 6G networks with the 5GPPP.')).toEqual([
      ['5G', 'fifth generation of mobile networks'],
      ['5GPPP', '5G Infrastructure Public Private Partnership'],
      ['6G', 'sixth generation of mobile networks'],
    ])
  })
})

describe('regional bodies in the glossary', () => {
  it('explains a regional body the text names only by its acronym', () => {
    expect(glossaryOf('Timor-Leste joined ASEAN; Fiji hosts the PIF secretariat.')).toEqual([
      ['ASEAN', 'Association of Southeast Asian Nations'],
      ['PIF', 'Pacific Islands Forum'],
    ])
  })
})

describe('mechanisms named twice', () => {
  it('takes "the ASEM dialogue" for the Asia-Europe Meeting (ASEM) it names, with what it adds', () => {
    const value = [
      '## ASEM',
      'The Asia-Europe Meeting (ASEM) brings together European and Asian partners.',
      'The ASEM dialogue meets every two years at summit level.',
    ].join('\n\n')
    const asem = briefingOf(value, 'source/asem.md').partners[0]
    expect(asem?.mechanisms.map((m) => [m.name, m.kind, m.frequency])).toEqual([
      ['Asia-Europe Meeting', 'meeting', 'biennial'],
    ])
  })
})

describe('a partnership its members joined', () => {
  it('is a body, not an agreement, and what it is on is a topic', () => {
    const value = '## New Zealand\n\nWellington joined the Global Partnership on Artificial Intelligence in 2020.'
    const nz = briefingOf(value, 'source/nz.md').partners[0]
    expect(nz?.organisations.map((o) => [o.name, o.side])).toEqual([
      ['Global Partnership on Artificial Intelligence', 'international'],
    ])
    expect(nz?.agreements).toEqual([])
    expect(nz?.topics.map((t) => t.id)).toContain('artificial-intelligence')
  })

  it('leaves a partnership the sides agreed an agreement', () => {
    const value = '## Japan\n\nThe EU and Japan launched the Digital Partnership in 2022.'
    const japan = briefingOf(value, 'source/jp.md').partners[0]
    expect(japan?.agreements.map((a) => [a.name, a.kind])).toEqual([['Digital Partnership', 'partnership']])
    expect(japan?.organisations).toEqual([])
  })
})

describe('a public body named with a list of fields', () => {
  it.each([
    [
      'The Communications, Space and Technology Commission regulates the market.',
      ['Communications, Space and Technology Commission'],
    ],
    ['Research, Innovation and Science Council funds it.', ['Research, Innovation and Science Council']],
    ['It works with Nokia, Ericsson and Samsung Electronics Corporation.', ['Samsung Electronics Corporation']],
    ['Officials from Kenya, Rwanda and Uganda Communications Commission met.', ['Uganda Communications Commission']],
  ])('%s', (text, names) => {
    expect(findOrganisations(text, [], null).map((organisation) => organisation.name)).toEqual(names)
  })
})

describe('a text about Africa and Latin America', () => {
  it('takes a bare line naming a world region as its heading, and a paragraph that names the region as its own', () => {
    const value = [
      'South Africa and the EU hold an annual Strategic Partnership summit.',
      'Latin America',
      'The EU-Latin America and Caribbean Digital Alliance was launched in Bogotá in 2023.',
      'Brazil and the EU signed a Joint Declaration on digital cooperation.',
    ].join('\n\n')
    const briefing = briefingOf(value)
    expect(briefing.partners.map((partner) => [partner.id, partner.kind, partner.paragraphs.length])).toEqual([
      ['south-africa', 'country', 1],
      ['latin-america', 'region', 1],
      ['brazil', 'country', 1],
    ])
  })

  it('keeps a first line like a title that names several partners or regions in the overview', () => {
    const several = [
      'EU digital relations with the Gulf and Mercosur',
      'Saudi Arabia',
      'The EU and Saudi Arabia launched a Strategic Dialogue in Riyadh on 3 March 2024.',
      'Mercosur',
      'The EU–Mercosur Partnership Agreement was concluded on 6 December 2024 in Montevideo.',
    ].join('\n\n')
    const briefing = briefingOf(several)
    expect(briefing.overview.map((paragraph) => paragraph.text)).toEqual([
      'EU digital relations with the Gulf and Mercosur',
    ])
    expect(briefing.partners.map((partner) => [partner.id, partner.paragraphs.length])).toEqual([
      ['saudi-arabia', 1],
      ['mercosur', 1],
    ])
    // A title that names one partner still opens it (the note is about that partner), and stays in the overview too.
    const one = briefingOf('EU–Japan digital cooperation\n\nThe two sides agreed to work on data flows.')
    expect(one.partners.map((partner) => [partner.id, partner.paragraphs.length])).toEqual([['japan', 1]])
    expect(one.overview.map((paragraph) => paragraph.text)).toEqual(['EU–Japan digital cooperation'])
  })

  it('keeps a world region heading only for what is said of the region itself', () => {
    const value = [
      '## Oceania',
      'Officials in Canberra and Brussels agreed to deepen cooperation on critical technologies.',
      '## The Gulf',
      '### Qatar',
      'Qatar will host the ITU Plenipotentiary Conference in Doha.',
    ].join('\n\n')
    expect(briefingOf(value).partners.map((partner) => partner.id)).toEqual(['australia', 'qatar'])
  })

  it("gives a regional body's executive to the body: the African Union Commission (AUC) is the AU's", () => {
    const value =
      'The African Union Commission (AUC) and the European Commission meet each year at the AU-EU Commission-to-Commission meeting.'
    const [partner] = briefingOf(value).partners
    expect([partner?.id, partner?.name, partner?.kind]).toEqual(['au', 'AU', 'region'])
    // Neither half of the meeting's name is a body of its own.
    expect(partner?.organisations.map((o) => o.name)).toEqual(['African Union Commission', 'European Commission'])
  })
})

describe('names that run past the head word, or start before it', () => {
  const ken = { id: 'kenya', name: 'Kenya', kind: 'country', iso: 'KE' } as const
  const names = (text: string) => findOrganisations(text, [], ken).map((o) => o.name)

  it('takes the capitalised words before a head-first name, not an article or a demonym', () => {
    expect(names('It was launched with the Federal Ministry of Communications and Digital Economy.')).toEqual([
      'Federal Ministry of Communications and Digital Economy',
    ])
    expect(names('Later the Information Regulator of South Africa attended.')).toEqual([
      'Information Regulator of South Africa',
    ])
    expect(names('The Chilean Ministry of Science, Technology, Knowledge and Innovation hosts it.')).toEqual([
      'Ministry of Science, Technology, Knowledge and Innovation',
    ])
    expect(names('It hosts the Copernicus Centre for Latin America and the Caribbean.')).toEqual([
      'Copernicus Centre for Latin America and the Caribbean',
    ])
  })

  it('names a mechanism or an agreement after its subject, also in lower case, but not after a vague one', () => {
    expect(
      findMechanisms('A Working Group on artificial intelligence was created in 2023.').map((m) => m.name),
    ).toEqual(['Working Group on artificial intelligence'])
    const agreements = (text: string) => findAgreements(text).map((a) => a.name)
    expect(agreements('A Memorandum of Understanding on digital skills was signed in 2022.')).toEqual([
      'Memorandum of Understanding on digital skills',
    ])
    expect(
      agreements('They signed a Memorandum of Understanding on critical raw materials and batteries on 7 May.'),
    ).toEqual(['Memorandum of Understanding on critical raw materials and batteries'])
    expect(agreements('The EU and Japan signed a Joint Declaration on cooperation in developing 5G.')).toEqual([
      'Joint Declaration',
    ])
  })

  it('takes the summit of a partnership as a mechanism, not the partnership as an agreement', () => {
    const sentence = 'South Africa and the EU hold an annual Strategic Partnership summit.'
    expect(findMechanisms(sentence).map((m) => [m.name, m.kind, m.frequency])).toEqual([
      ['Strategic Partnership summit', 'summit', 'annual'],
    ])
    expect(findAgreements(sentence)).toEqual([])
  })

  it('gives a frequency to the mechanism whose clause states it', () => {
    const sentence =
      'The EU-Brazil Digital Dialogue meets twice a year, and a Working Group on artificial intelligence was created.'
    expect(findMechanisms(sentence).map((m) => [m.name, m.frequency])).toEqual([
      ['EU-Brazil Digital Dialogue', 'regular'],
      ['Working Group on artificial intelligence', null],
    ])
  })

  it("does not take a verb for a part of a mechanism's name", () => {
    const sentence = 'The Authority and the European Commission started adequacy talks in 2023.'
    expect(findMechanisms(sentence).map((m) => m.name)).toEqual(['adequacy talks'])
  })

  it('reads a programme named with small words inside, but not two names joined by "and"', () => {
    const programmes = (text: string) => findProgrammes(text).map((p) => p.name)
    expect(programmes('BELLA, the Building the Europe Link with Latin America programme, connects networks.')).toEqual([
      'Building the Europe Link with Latin America',
    ])
    expect(programmes('Horizon Europe and the Japanese Moonshot programme work together.')).toEqual([
      'Horizon Europe',
      'Japanese Moonshot',
    ])
  })
})

describe('posts and dates as people write them', () => {
  it('finds a post someone works at', () => {
    const [partner] = briefingOf(
      'Brazil is a partner. An ICT Counsellor works at the EU Delegation in Brasília.',
    ).partners
    expect(partner?.representation.map((post) => [post.role, post.post, post.city])).toEqual([
      ['ICT Counsellor', 'EU Delegation', 'Brasília'],
    ])
  })

  it('reads a month written in lower case, but not the verb "may"', () => {
    expect(dates('Talks started in september 2023.')).toEqual([['2023-09', null]])
    expect(dates('Both sides may 2023 revisit it.')).toEqual([['2023', null]])
  })
})

describe('bodies and subjects in longer sentences', () => {
  it('does not take what a body works on for a part of its name', () => {
    const serbia = { id: 'serbia', name: 'Serbia', kind: 'country', iso: 'RS' } as const
    const text =
      "Serbia's Ministry of Information and Telecommunications cooperates with the European Commission on 5G security."
    expect(findOrganisations(text, [], serbia).map((o) => o.name)).toEqual([
      'Ministry of Information and Telecommunications',
      'European Commission',
    ])
  })

  it("gives a body named after the partner or its city to the partner, even an 'international' one", () => {
    const kazakhstan = { id: 'kazakhstan', name: 'Kazakhstan', kind: 'country', iso: 'KZ' } as const
    const text =
      'The Astana International Financial Centre (AIFC) hosts a fintech hub; the International Telecommunication Union (ITU) advises.'
    const sides = findOrganisations(text, findDefinitions(text), kazakhstan).map((o) => [o.acronym, o.side])
    expect(sides).toEqual([
      ['AIFC', 'partner'],
      ['ITU', 'international'],
    ])
  })

  it('keeps a list of subjects whole', () => {
    const text =
      'Kazakhstan and the EU signed a Memorandum of Understanding on sustainable raw materials, batteries and renewable hydrogen on 7 November 2022.'
    expect(findAgreements(text).map((a) => a.name)).toEqual([
      'Memorandum of Understanding on sustainable raw materials, batteries and renewable hydrogen',
    ])
    expect(
      findAgreements('They signed a Memorandum of Understanding on semiconductors, and the two sides met.').map(
        (a) => a.name,
      ),
    ).toEqual(['Memorandum of Understanding on semiconductors'])
  })
})

describe('what a plan or a forum is for', () => {
  it('keeps "for the Western Balkans" in a plan\'s name and "for …" in a forum\'s, but a council for research is a body', () => {
    expect(
      findAgreements('The Economic and Investment Plan for the Western Balkans mobilises EUR 9 billion.').map(
        (a) => a.name,
      ),
    ).toEqual(['Economic and Investment Plan for the Western Balkans'])
    const forum =
      'The Global Gateway Investors Forum for EU-Central Asia Transport Connectivity took place in January 2024.'
    expect(findMechanisms(forum).map((m) => m.name)).toEqual([
      'Global Gateway Investors Forum for EU-Central Asia Transport Connectivity',
    ])
    expect(findMechanisms('The Council for Scientific and Industrial Research (CSIR) takes part.')).toEqual([])
  })
})

describe('a note about North America and the Caribbean', () => {
  it('takes what the EU and the partner set up for a mechanism, not a body', () => {
    const [partner] = briefingOf(
      'The United States and the EU set up the Trade and Technology Council (TTC) in June 2021. The National Institute of Standards and Technology (NIST) advises.',
    ).partners
    expect(partner?.mechanisms.map((m) => m.name)).toEqual(['Trade and Technology Council'])
    expect(partner?.organisations.map((o) => o.acronym)).toEqual(['NIST'])
  })

  it("takes a regional body in a country's section for an international one", () => {
    const jamaica = { id: 'jamaica', name: 'Jamaica', kind: 'country', iso: 'JM' } as const
    const text = 'Jamaica hosts the Caribbean Telecommunications Union (CTU), which coordinates spectrum policy.'
    expect(findOrganisations(text, findDefinitions(text), jamaica).map((o) => [o.acronym, o.side])).toEqual([
      ['CTU', 'international'],
    ])
  })

  it('ends a unit at a verb', () => {
    expect(figures('About 1.8 million Jamaicans use mobile broadband.')).toEqual([[1800000, 'Jamaicans', 'about']])
  })

  it('reads memoranda of cooperation, letters of intent and administrative arrangements', () => {
    const agreements = (text: string) => findAgreements(text).map((a) => [a.name, a.kind])
    expect(agreements('The CRTC and BEREC signed a Memorandum of Cooperation in mid-2023.')).toEqual([
      ['Memorandum of Cooperation', 'memorandum'],
    ])
    expect(agreements('The EU and Jamaica signed a Letter of Intent on digital government in 2022.')).toEqual([
      ['Letter of Intent on digital government', 'other'],
    ])
    expect(
      agreements('NIST and the EU AI Office signed an administrative arrangement on AI safety in Q2 2024.'),
    ).toEqual([['administrative arrangement on AI safety', 'agreement']])
  })
})

describe('a department named for its country', () => {
  it('is a body of that country; a post described in words is not', () => {
    const canada = { id: 'canada', name: 'Canada', kind: 'country', iso: 'CA' } as const
    const ised = 'Innovation, Science and Economic Development Canada (ISED) leads for the Canadian side.'
    expect(findOrganisations(ised, findDefinitions(ised), canada).map((o) => [o.acronym, o.side])).toEqual([
      ['ISED', 'partner'],
    ])
    const india = { id: 'india', name: 'India', kind: 'country', iso: 'IN' } as const
    const sesei = 'The seconded standardisation expert in India (SESEI) is based in New Delhi.'
    expect(findOrganisations(sesei, findDefinitions(sesei), india)).toEqual([])
  })
})

describe('a single-country briefing with sub-headings', () => {
  const text = [
    'Institutions',
    'The Ministry of Electronics and Information Technology (MeitY) co-chairs a working group under the EU-India Trade and Technology Council, and the 2030 Digital Compass guides the EU.',
    'Outlook',
    'The next TTC ministerial meeting is planned for early 2025 in Brussels.',
  ].join('\n\n')

  it('reads a year that leads the name of a plan as its target, not a date', () => {
    expect(dates('the 2030 Digital Compass guides the EU')).toEqual([])
    expect(dates('In 2021 Digital Europe Programme calls opened.')).toEqual([['2021', null]])
    expect(dates('in 2023 Brazil and the EU signed it')).toEqual([['2023', null]])
  })

  it("glosses letters the text spells out with the text's words, and takes a country's known body only in its own section", () => {
    const briefing = briefingOf(`India is the partner.\n\n${text}`)
    const glossary = briefing.glossary.map((entry) => [entry.acronym, entry.expansion])
    expect(glossary).toContainEqual(['TTC', 'Trade and Technology Council'])
    expect(briefing.partners[0]?.organisations.map((o) => o.acronym)).not.toContain('TTC')
  })
})

describe('numbers and dates as European and other texts write them', () => {
  it('reads a space between thousands and a decimal comma, and never "000" alone', () => {
    expect(figures('The sector employs 250 000 people.')).toEqual([[250000, 'people', null]])
    expect(figures('The fund is worth USD 12,5 million.')).toEqual([[12500000, 'USD', null]])
    expect(figures('It has 12,500 users.')).toEqual([[12500, 'users', null]])
    expect(figures('c. 40 % of households are connected.')).toEqual([[40, 'percent', 'c.']])
    expect(figures('In 2019 100 projects started.')).toEqual([[100, 'projects', null]])
  })

  it('reads day-month-year with dashes, year/month/day with slashes and "Q1/2024"', () => {
    expect(dates('It was signed on 14-05-2023.')).toEqual([['2023-05-14', null]])
    expect(dates('The summit took place on 2023/05/14.')).toEqual([['2023-05-14', null]])
    expect(dates('Talks are planned for Q1/2024.')).toEqual([['2024-01', '2024-03']])
  })
})

describe('Indian scales', () => {
  it('reads a lakh and a crore', () => {
    expect(figures('In FY2023 it spent INR 500 crore.')).toEqual([[5000000000, 'INR', null]])
    expect(figures('About 2 lakh students were trained.')).toEqual([[200000, 'students', 'about']])
  })
})

describe('amounts written tight or counted before', () => {
  it('reads a currency written against its amount, and what is counted before a scaled amount', () => {
    expect(figures('It is worth EUR1.2 billion.')).toEqual([[1200000000, 'EUR', null]])
    expect(figures('It has a population of 1.4 billion.')).toEqual([[1400000000, 'population', null]])
    // Names with numbers stay names.
    expect(figures('The FP7 programme, 5G and Industry 4.0 matter.')).toEqual([])
  })
})

describe('posts as briefings word them', () => {
  const posts = (text: string) => findPosts(text, []).map((p) => [p.role, p.post, p.city])
  it('finds a post someone was appointed or posted to, a lower-case role, and "the Delegation" as the EU\'s', () => {
    expect(posts('A Science and Technology Counsellor has been appointed to the EU Delegation to Japan.')).toEqual([
      ['Science and Technology Counsellor', 'EU Delegation to Japan', null],
    ])
    expect(posts('The ICT attaché at the EU Delegation in Seoul follows the file.')).toEqual([
      ['ICT attaché', 'EU Delegation', 'Seoul'],
    ])
    expect(posts('A Digital Counsellor was posted to the Delegation in Nairobi in 2022.')).toEqual([
      ['Digital Counsellor', 'EU Delegation', 'Nairobi'],
    ])
    expect(posts('The expert in the Delegation of Japan spoke.')).toEqual([])
  })
})

describe('mechanism names with more punctuation', () => {
  it("keeps a possessive and a sub-committee's prefix", () => {
    const names = (text: string) => findMechanisms(text).map((m) => m.name)
    expect(names('The EU and ASEAN held the first ASEAN-EU Digital Ministers’ meeting.')).toEqual([
      'ASEAN-EU Digital Ministers’ meeting',
    ])
    expect(names('The Sub-Committee on Trade meets twice a year.')).toEqual(['Sub-Committee on Trade'])
  })
})

describe('topics from broad words', () => {
  it('does not take education in general for digital skills', () => {
    const ids = (text: string) => [...new Set(findTopics(text).map((t) => t.topic.id))]
    expect(ids('RedCLARA operates the regional research and education network.')).not.toContain('digital-skills')
    expect(ids('The Ministry of Education signed it.')).toEqual([])
    expect(ids('They run digital education and ICT skills courses.')).toEqual(['digital-skills'])
  })

  it('takes 5G security for cybersecurity as well as 5G', () => {
    const ids = (text: string) => [...new Set(findTopics(text).map((t) => t.topic.id))].sort()
    expect(ids('The ministry cooperates with the Commission on 5G security.')).toEqual(['5g', 'cybersecurity'])
  })
})

describe('countries by the short names briefings use', () => {
  it('knows the US, the UK, the UAE, Turkey, Côte d’Ivoire and the DRC in running text', () => {
    const named = (text: string) => briefingOf(text).partners.map((partner) => partner.name)
    expect(named('The EU and the US launched a dialogue.')).toEqual(['United States'])
    expect(named('The UK joined the programme.')).toEqual(['United Kingdom'])
    expect(named('The UAE hosts a data centre.')).toEqual(['United Arab Emirates'])
    expect(named('Turkey and the EU met in Ankara.')).toEqual(['Türkiye'])
    // Shown by the name the EU and the UN use, not the common English one ("Ivory Coast").
    expect(named('Côte d’Ivoire signed a memorandum.')).toEqual(["Côte d'Ivoire"])
    expect(named('Cape Verde joined the programme.')).toEqual(['Cabo Verde'])
    expect(named('The DRC counts 50 million subscribers.')).toEqual(['DR Congo'])
  })

  it('knows the business capitals a briefing names for a country, as a weaker cue', () => {
    const [partner] = briefingOf(
      'An ICT Counsellor is based at the EU Delegation in Washington; start-ups in Lagos and São Paulo grow.',
    ).partners
    expect(partner?.name).toBe('United States')
    expect(partner?.representation.map((post) => post.city)).toEqual(['Washington'])
  })
})

describe('international banks and associations', () => {
  it("takes a continent's bank for an international body, and knows the development banks and the GSMA", () => {
    const nigeria = { id: 'nigeria', name: 'Nigeria', kind: 'country', iso: 'NG' } as const
    const sides = (text: string) =>
      findOrganisations(text, findDefinitions(text), nigeria).map((o) => [o.acronym ?? o.name, o.side])
    expect(sides('The African Development Bank (AfDB) co-finances the project.')).toEqual([['AfDB', 'international']])
    expect(sides('The ministry met the GSMA and the EBRD.')).toEqual([
      ['GSMA', 'international'],
      ['EBRD', 'international'],
    ])
    expect(sides('The Nigerian Communications Commission (NCC) regulates.')).toEqual([['NCC', 'partner']])
  })
})

describe('a single-country note with a title heading and lists of facts', () => {
  const note = [
    '# EU–Viet Nam: digital cooperation',
    '## Key facts',
    '- Population: 100 million (2023)\n- Internet users: 78% of the population\n- Mobile subscriptions: over 120 million',
    '## Agreements',
    '- EU–Vietnam Free Trade Agreement (EVFTA), in force since 1 August 2020',
    'A Digital Counsellor joined the EU Delegation in Hanoi in 2024.',
  ].join('\n\n')
  const [vietnam, ...others] = briefingOf(note).partners

  it('opens the one partner a title heading names, for the lists under it too', () => {
    expect(others).toEqual([])
    expect([vietnam?.id, vietnam?.paragraphs.length]).toEqual(['vietnam', 5])
    // A title that names a region groups what follows: it opens no partner.
    const pacific = briefingOf(
      '# EU digital partnerships in the Pacific\n\nThe region is vast.\n\nFiji and the EU met.',
    )
    expect([pacific.overview.length, pacific.partners.map((partner) => partner.id)]).toEqual([1, ['fiji']])
  })

  it("counts a fact by its label, in the year in brackets after it (not an event's)", () => {
    expect(vietnam?.figures.map((f) => [f.value, f.unit, f.qualifier, f.year])).toEqual([
      [100000000, 'population', null, '2023'],
      [78, 'percent', null, null],
      [120000000, 'mobile subscriptions', 'over', null],
    ])
    expect(vietnam?.figures.map((f) => f.text)).toEqual([
      'Population: 100 million',
      'Internet users: 78%',
      'Mobile subscriptions: over 120 million',
    ])
    expect(vietnam?.events.map((e) => e.date)).toEqual(['2020-08-01', '2024'])
  })

  it("keeps a partner joined by a dash in an agreement's name, and a post someone joined", () => {
    expect(vietnam?.agreements.map((a) => a.name)).toEqual(['EU–Vietnam Free Trade Agreement'])
    expect(vietnam?.representation.map((p) => [p.role, p.post, p.city])).toEqual([
      ['Digital Counsellor', 'EU Delegation', 'Hanoi'],
    ])
  })
})

describe('a memo on East Africa', () => {
  it('takes no head alone for a body, and a Team Europe Initiative for a programme', () => {
    const organisations = (text: string) => findOrganisations(text, [], null).map((o) => o.name)
    expect(organisations("Kenya's Cabinet Secretary for ICT launched it.")).toEqual([])
    expect(organisations('A Team Europe Initiative on digital transformation started in 2022.')).toEqual([])
    expect(findProgrammes('A Team Europe Initiative on digital transformation started.').map((p) => p.name)).toEqual([
      'Team Europe Initiative',
    ])
  })

  it('finds a post a Delegation has newly', () => {
    const posts = findPosts('The EU Delegation to the African Union in Addis Ababa has a new Digital Officer.', [])
    expect(posts.map((p) => [p.role, p.post, p.city])).toEqual([['Digital Officer', 'EU Delegation', 'Addis Ababa']])
  })
})

describe('a share written as a fraction', () => {
  it('reads "2/3 of" as a share, but not "24/7", a date or "3/4G"', () => {
    expect(figures('Over 2/3 of Qatari firms use cloud services.')).toEqual([[0.666666666667, 'share', 'over']])
    expect(figures('Support is available 24/7.')).toEqual([])
    expect(figures('It was signed on 5/6/2023.')).toEqual([])
    expect(figures('3/4G networks cover it.')).toEqual([])
  })
})

describe('a Southern Neighbourhood note with headings on the line above their text', () => {
  const note = [
    'Southern Neighbourhood: digital briefing',
    '',
    'Morocco',
    'The EU-Morocco Green Partnership was signed in Rabat in October 2022. The Agence de Développement du Digital (ADD) leads the national strategy.',
    '',
    'Tunisia',
    'The Instance Nationale de Protection des Données Personnelles (INPDP) and DG CNECT met in Tunis on 16 July 2023.',
    '',
  ].join('\n')

  it('opens each partner at its heading line, and keeps the heading out of its first sentence', () => {
    const file = new VFile({ path: 'source/south.md', value: note })
    const briefing = extractBriefing(parseTree(file), file)
    const [morocco, tunisia] = briefing.partners
    expect(briefing.partners.map((p) => p.id)).toEqual(['morocco', 'tunisia'])
    expect(morocco?.paragraphs.map((p) => p.text)).toEqual([expect.stringMatching(/^The EU-Morocco Green Partnership/)])
    expect(morocco?.agreements.map((a) => [a.name, a.date, a.place])).toEqual([
      ['EU-Morocco Green Partnership', '2022-10', 'Rabat'],
    ])
    expect(morocco?.events[0]?.label).toMatch(/^The EU-Morocco Green Partnership was signed/)
    expect(morocco?.organisations.map((o) => [o.name, o.acronym, o.side])).toEqual([
      ['Agence de Développement du Digital', 'ADD', 'partner'],
    ])
    expect(tunisia?.organisations.map((o) => [o.acronym, o.side])).toEqual([
      ['INPDP', 'partner'],
      ['DG CONNECT', 'eu'],
    ])
    // The words of a body's name in French are no typos.
    expect(file.messages.filter((m) => m.ruleId === 'spelling')).toEqual([])
  })

  it('takes no month for the place an agreement was signed in', () => {
    const briefing = briefingOf(
      'Japan\n\nThe Digital Partnership was signed in October 2022. It was concluded in Sept. 2023.\n',
    )
    expect(briefing.partners[0]?.agreements.map((a) => a.place)).toEqual([null])
  })

  it('takes a programme named in quotes, and no "-style" word for its name', () => {
    const text = 'The EU4Digital-style programme "Mediterranean Digital Neighbourhood" (MDN) is under preparation.'
    expect(findProgrammes(text).map((p) => p.name)).toEqual(['Mediterranean Digital Neighbourhood'])
    expect(findDefinitions(text).map((d) => [d.acronym, d.expansion])).toEqual([
      ['MDN', 'Mediterranean Digital Neighbourhood'],
    ])
    expect(findProgrammes('An EU-funded programme supports start-ups.')).toEqual([])
  })

  it('knows the Union for the Mediterranean, and DG CNECT as DG CONNECT', () => {
    const organisations = (text: string) => findOrganisations(text, [], null).map((o) => [o.name, o.acronym, o.side])
    expect(organisations('The UfM hosts a regional platform.')).toEqual([
      ['Union for the Mediterranean', 'UfM', 'international'],
    ])
    expect(glossaryOf('DG CNECT leads.')).toEqual([
      ['DG CNECT', 'Directorate-General for Communications Networks, Content and Technology'],
    ])
  })
})

describe('a Latin America note in numbered sections, its title in capitals', () => {
  const note = [
    'EU – LATIN AMERICA AND CARIBBEAN: DIGITAL ALLIANCE STATE OF PLAY (as of 30 September 2024)',
    '',
    '1. Overall',
    'The EU-LAC Digital Alliance was launched in Bogotá on 14 March 2023 with EUR 145 million.',
    '',
    '2. Brazil',
    'Brazil and the EU hold an annual Digital Economy Dialogue; the last one took place in Brasília in May 2024.',
    '',
    '3. Mexico',
    "Mexico's Federal Telecommunications Institute (IFT) cooperates with DG CONNECT on spectrum policy.",
    '',
  ].join('\n')

  it('takes the line in capitals for the title, and each numbered heading for its partner', () => {
    const briefing = briefingOf(note, 'source/latam.md')
    expect(briefing.title).toBe(note.split('\n')[0])
    expect(briefing.partners.map((p) => p.id)).toEqual(['brazil', 'mexico'])
    expect(briefing.partners[0]?.events.map((e) => e.label)).toEqual([
      'Brazil and the EU hold an annual Digital Economy Dialogue; the last one took place in Brasília in May 2024.',
    ])
  })

  it('keeps in the overview what only happened in a capital ("launched in Bogotá")', () => {
    const briefing = briefingOf(note, 'source/latam.md')
    expect(briefing.overview.map((p) => p.text)).toContain(
      'The EU-LAC Digital Alliance was launched in Bogotá on 14 March 2023 with EUR 145 million.',
    )
    // A capital that says where a body or a post is still says whose paragraph it is.
    const based = briefingOf('EU digital cooperation\n\nAn ICT Counsellor is based at the EU Delegation in Bogotá.\n')
    expect(based.partners.map((p) => p.id)).toEqual(['colombia'])
  })

  it('knows the Southern Neighbourhood and the Maghreb as world regions', () => {
    const briefing = briefingOf('# Digital cooperation\n\n## Maghreb\n\nMorocco and Tunisia joined Horizon Europe.\n')
    expect(briefing.partners.map((p) => p.id)).toEqual(['morocco'])
    expect(resolveName('Southern Mediterranean')?.id).toBe('southern-neighbourhood')
    expect(resolveName('the Maghreb')?.id).toBe('maghreb')
  })
})

describe('an AU note with parts of its own after the partners', () => {
  const note = [
    'AU-EU Digital Cooperation — Note to the Director',
    '',
    'Kenya',
    'Mobile money accounts exceed 38 million. The EU-Kenya Digital Dialogue met in Nairobi in February 2024.',
    '',
    'Next steps',
    '- Agree on the date of the 2nd AU-EU Digital Ministerial.',
    '- Follow up with Smart Africa on the Single Digital Market.',
    '',
  ].join('\n')

  it('ends the partner at a heading of the note itself ("Next steps")', () => {
    const briefing = briefingOf(note)
    expect(briefing.partners.map((p) => [p.id, p.paragraphs.length])).toEqual([['kenya', 1]])
    expect(briefing.overview.map((p) => p.text)).toEqual([
      'AU-EU Digital Cooperation — Note to the Director',
      'Next steps',
      'Agree on the date of the 2nd AU-EU Digital Ministerial.',
      'Follow up with Smart Africa on the Single Digital Market.',
    ])
  })

  it('counts what a verb of size follows ("accounts exceed 38 million")', () => {
    expect(figures('Mobile money accounts exceed 38 million.')).toEqual([[38000000, 'mobile money accounts', null]])
    expect(figures('The number of internet users reached 100 million.')).toEqual([[100000000, 'internet users', null]])
    expect(figures('This reached 5 million.')).toEqual([])
  })

  it('takes a label that starts with a digit ("5G coverage: 85%"), not a year alone', () => {
    const texts = (text: string) => findFigures(text, findDates(text)).map((f) => f.text)
    expect(texts('5G coverage: 85% of the population')).toEqual(['5G coverage: 85%'])
    expect(texts('2023: 85% of households')).toEqual(['85%'])
  })

  it('reads letters defined with the last word of their name ("Digital4Development Hub (D4D Hub)")', () => {
    const text = 'Start-ups take part in the Digital4Development Hub (D4D Hub) and in Horizon Europe.'
    expect(findDefinitions(text).map((d) => [d.acronym, d.expansion])).toEqual([['D4D Hub', 'Digital4Development Hub']])
    expect(findDefinitions('We met the President (Mr Smith) in Lagos.')).toEqual([])
    expect(glossaryOf('The D4D Hub and BELLA')).toEqual([
      ['BELLA', 'Building the Europe Link with Latin America'],
      ['D4D', 'Digital for Development'],
    ])
  })
})

describe('names a Southern Neighbourhood note writes twice or with a possessive', () => {
  it('keeps one dialogue a section names with and without "EU-<partner>"', () => {
    const briefing = briefingOf(
      'Morocco\n\nA Digital Dialogue was launched in 2024. The EU-Morocco Digital Dialogue meets twice a year.\n',
    )
    expect(briefing.partners[0]?.mechanisms.map((m) => m.name)).toEqual(['Digital Dialogue'])
  })

  it('keeps one dialogue named "<partner>-EU" too, with any dash and a name of two words', () => {
    const mechanisms = (text: string) => briefingOf(text).partners[0]?.mechanisms.map((m) => m.name)
    expect(
      mechanisms(
        'Morocco\n\nA Digital Dialogue was launched in 2024. The Morocco–EU Digital Dialogue meets twice a year.\n',
      ),
    ).toEqual(['Digital Dialogue'])
    expect(
      mechanisms(
        'South Korea\n\nA Digital Partnership Council was set up in 2022. The EU‑South Korea Digital Partnership Council met in 2023.\n',
      ),
    ).toEqual(['Digital Partnership Council'])
    // A name that only begins like the partner's is another mechanism.
    expect(
      mechanisms(
        'Niger\n\nA Digital Dialogue was launched in 2024. The EU-Nigeria Digital Dialogue meets once a year.\n',
      ),
    ).toEqual(['Digital Dialogue', 'EU-Nigeria Digital Dialogue'])
  })

  it('ends a body at its possessive, and knows the Council of Europe for no EU body', () => {
    const organisations = (text: string) => findOrganisations(text, [], null).map((o) => [o.name, o.side])
    expect(organisations("It takes part in the Council of Europe's work on data protection.")).toEqual([
      ['Council of Europe', 'international'],
    ])
  })
})

describe('a numbered note whose last part is its own', () => {
  it('hands "5. Next steps" to the overview, and an event in a capital stays there', () => {
    const briefing = briefingOf(
      '1. Chile\nChile signed the Advanced Framework Agreement in December 2023.\n\n5. Next steps\n- Prepare the high-level event in Santo Domingo.\n',
    )
    expect(briefing.partners.map((p) => p.id)).toEqual(['chile'])
    expect(briefing.overview.map((p) => p.text)).toEqual([
      'Next steps',
      'Prepare the high-level event in Santo Domingo.',
    ])
  })

  it("takes the year in brackets that closes a figure's clause for its year, not an event", () => {
    const briefing = briefingOf('Mexico\n\nFixed broadband reaches only 56 per cent of households (2023).\n')
    expect(briefing.partners[0]?.figures.map((f) => [f.text, f.year])).toEqual([['56 per cent', '2023']])
    expect(briefing.partners[0]?.events).toEqual([])
  })
})

describe('a mission report', () => {
  const report = [
    'Mission report: DG INTPA and DG CNECT visit to Nairobi and Kigali, 4–7 March 2024',
    '',
    'Participants: Ms A. Rossi (DG INTPA, Head of Unit), Dr P. Mwangi (EU Delegation to Kenya).',
    '',
    'Kenya, 4-5 March',
    'We met H.E. Eliud Owalo, Cabinet Secretary for ICT. Approx. 40 % of Kenyans use mobile internet.',
    '',
    'Rwanda, 6-7 March',
    'The Centre for the Fourth Industrial Revolution, launched with the World Economic Forum in 2022, works on AI.',
    '',
  ].join('\n')

  it('takes a long first line for the title, and keeps the participants in the overview', () => {
    const file = new VFile({ path: 'source/mission.md', value: report })
    const briefing = extractBriefing(parseTree(file), file)
    expect(briefing.title).toBe(report.split('\n')[0])
    expect(briefing.overview.map((p) => p.text.slice(0, 13))).toEqual(['Mission repor', 'Participants:'])
    // "Kenya, 4-5 March" opens Kenya and stays in its text; the names after a title are no typos.
    expect(briefing.partners.map((p) => [p.id, p.paragraphs[0]?.text])).toEqual([
      ['kenya', 'Kenya, 4-5 March'],
      ['rwanda', 'Rwanda, 6-7 March'],
    ])
    expect(file.messages.filter((m) => m.ruleId === 'spelling').map((m) => m.reason)).toEqual([])
  })

  it('takes the World Economic Forum for a body, not a forum the EU holds', () => {
    const rwanda = briefingOf(report).partners[1]
    expect(rwanda?.mechanisms).toEqual([])
    expect(rwanda?.organisations.map((o) => [o.name, o.acronym, o.side])).toContainEqual([
      'World Economic Forum',
      'WEF',
      'international',
    ])
    expect(glossaryOf('The EUD in Kigali')).toEqual([['EUD', 'EU Delegation']])
  })

  it('opens no partner at a heading that names another after the first ("Kenya, Uganda")', () => {
    const briefing = briefingOf('Kenya, Uganda\n\nThe EU supports the East African data corridor.\n')
    expect(briefing.partners).toEqual([])
  })
})

describe('a heading line that says more than a world region', () => {
  it('keeps "Latin America – overview" in the text, in the overview', () => {
    const briefing = briefingOf(
      'EU digital notes\n\nLatin America – overview\n\nBrazil and the EU hold an annual Digital Dialogue.\n',
    )
    expect(briefing.overview.map((p) => p.text)).toEqual(['EU digital notes', 'Latin America – overview'])
    expect(briefing.partners.map((p) => p.id)).toEqual(['brazil'])
  })
})

describe('a Markdown heading of the note its own', () => {
  it('lets no partner carry on through "## Next steps"', () => {
    const briefing = briefingOf(
      '# Notes\n\n## Kenya\n\nThe EU-Kenya Digital Dialogue met in 2024.\n\n## Next steps\n\n- Invite Kenya to the ministerial.\n- Prepare the joint statement.\n',
    )
    expect(briefing.partners[0]?.paragraphs.map((p) => p.text)).toEqual([
      'The EU-Kenya Digital Dialogue met in 2024.',
      'Invite Kenya to the ministerial.',
    ])
    expect(briefing.overview.map((p) => p.text)).toEqual(['Prepare the joint statement.'])
  })
})

describe('key figures copied from a table, a tab between label and value', () => {
  it('counts each row by its label, within its line', () => {
    const text = 'Internet users\t92%\nPopulation\t19.9 million\nICT share of GDP\t3.8%'
    expect(findFigures(text, findDates(text)).map((f) => [f.value, f.unit, f.text])).toEqual([
      [92, 'percent', 'Internet users 92%'],
      [19900000, 'population', 'Population 19.9 million'],
      [3.8, 'percent', 'ICT share of GDP 3.8%'],
    ])
    // A hand-wrapped sentence still gives its unit from the next line.
    expect(figures('Korea counts 52 million\nmobile subscribers.')).toEqual([[52000000, 'mobile subscribers', null]])
  })

  it('glosses the Development Cooperation Instrument and CAREN', () => {
    expect(glossaryOf('CAREN, financed under DCI')).toEqual([
      ['CAREN', 'Central Asian Research and Education Network'],
      ['DCI', 'Development Cooperation Instrument'],
    ])
  })
})

describe('a GFM table of agreements', () => {
  it('dates each agreement by its own row, and labels each event by its row', () => {
    const briefing = briefingOf(
      '## Singapore\n\n| Item | Status |\n|---|---|\n| Digital Partnership | signed 1 February 2023 |\n| Digital Trade Agreement | concluded July 2024 |\n',
    )
    const singapore = briefing.partners[0]
    expect(singapore?.agreements.map((a) => [a.name, a.date])).toEqual([
      ['Digital Partnership', '2023-02-01'],
      ['Digital Trade Agreement', '2024-07'],
    ])
    expect(singapore?.events.map((e) => e.label)).toEqual([
      'Digital Partnership signed 1 February 2023',
      'Digital Trade Agreement concluded July 2024',
    ])
  })
})

describe('spelling around partner names', () => {
  it('suggests the partner a misspelt name is closest to, and takes a demonym in the plural or one of two', () => {
    const [typos] = findMisspellings(['Phillipines and New Zealanders met an Antiguan delegation in Manila.'])
    expect(typos?.map((t) => [t.word, t.suggestions])).toEqual([['Phillipines', ['Philippines']]])
  })
})

describe('a scale written "m"', () => {
  it('reads "9.9 m inhabitants" as millions, not "a 20 m tower"', () => {
    expect(figures('The UAE counts 9.9 m inhabitants.')).toEqual([[9900000, 'inhabitants', null]])
    expect(figures('A 20 m tower stands there.')).toEqual([])
  })
})

describe("a body's short name in brackets", () => {
  it('reads "National Telecommunications Agency (Anatel)" and "Office of Communications (Ofcom)" as definitions', () => {
    const defs = (text: string) => findDefinitions(text).map((d) => [d.acronym, d.expansion])
    expect(defs("Brazil's National Telecommunications Agency (Anatel) signed it.")).toEqual([
      ['Anatel', 'National Telecommunications Agency'],
    ])
    expect(defs('The Office of Communications (Ofcom) regulates.')).toEqual([['Ofcom', 'Office of Communications']])
    expect(defs('The European Commission (Brussels) met.')).toEqual([])
    expect(defs('The Federal Network Agency (Bundesnetzagentur) is the regulator.')).toEqual([])
  })

  it('gives the body its short name, glosses it and flags it as no typo', () => {
    const file = new VFile({
      path: 'source/brazil.md',
      value: "Brazil\n\nBrazil's National Telecommunications Agency (Anatel) signed an arrangement with BEREC.\n",
    })
    const briefing = extractBriefing(parseTree(file), file)
    expect(briefing.partners[0]?.organisations.map((o) => [o.name, o.acronym])).toContainEqual([
      'National Telecommunications Agency',
      'Anatel',
    ])
    expect(briefing.glossary.map((g) => g.acronym)).toContain('Anatel')
    expect(file.messages.filter((m) => m.ruleId === 'spelling')).toEqual([])
  })
})

describe('a partnership that is a body', () => {
  it('lists the Global Partnership on Artificial Intelligence as a body only, not also as an agreement', () => {
    const india = briefingOf(
      'India\n\nThe EU and India also work together in the Global Partnership on Artificial Intelligence (GPAI), which India chaired in 2023.\n',
    ).partners[0]
    expect(india?.organisations.map((o) => o.acronym)).toEqual(['GPAI'])
    expect(india?.agreements).toEqual([])
  })
})

describe('an ordinal before a head', () => {
  it('takes "the Third Council in Brussels" for no body and no mechanism of its own, and no ordinal for part of a name', () => {
    expect(findOrganisations('The Third Council in Brussels in 2025.', [], null)).toEqual([])
    expect(findMechanisms('The Third Council will meet in Brussels in 2025.')).toEqual([])
    expect(findMechanisms('The Third Digital Partnership Council will meet in 2025.').map((m) => m.name)).toEqual([
      'Digital Partnership Council',
    ])
  })
})

describe('a country fiche of labelled facts, a line each', () => {
  const fiche =
    '# Country fiche: Kenya\n\n**Capital:** Nairobi\n**Population:** 54 million (2023)\n**Internet users:** 42% of the population\n**EU Delegation:** Nairobi; Head of Delegation: Ambassador Henriette Geiger\n'

  it('reads each labelled line as a sentence of its own, and a name after a title as no typo', () => {
    const file = new VFile({ path: 'source/kenya.md', value: fiche })
    const kenya = extractBriefing(parseTree(file), file).partners[0]
    expect(kenya?.figures.map((f) => [f.text, f.year])).toEqual([
      ['Population: 54 million', '2023'],
      ['Internet users: 42%', null],
    ])
    expect(file.messages.filter((m) => m.ruleId === 'spelling')).toEqual([])
  })

  it('tells rows from prose: every line a tab or a label, two lines or more', () => {
    expect(isRows('Capital: Nairobi\nPopulation: 54 million')).toBe(true)
    expect(isRows('Internet users\t92%\nPopulation\t19.9 million')).toBe(true)
    expect(isRows('Capital: Nairobi')).toBe(false)
    expect(isRows('The EU and Kenya signed: the EPA\nin 2023, after years of talks.')).toBe(false)
  })
})

describe('a first line like a title that names one partner', () => {
  it('opens the partner and stays in the overview, its date no event of the partner', () => {
    const briefing = briefingOf(
      'Flash report — EU–Indonesia Digital Dialogue, Jakarta, 14 November 2024\n\nThe two sides held their first Digital Dialogue on 14 November 2024 in Jakarta.\n',
    )
    expect(briefing.overview.map((p) => p.text)).toEqual([
      'Flash report — EU–Indonesia Digital Dialogue, Jakarta, 14 November 2024',
    ])
    expect(briefing.partners.map((p) => [p.id, p.paragraphs.length, p.events.length])).toEqual([['indonesia', 1, 1]])
  })
})

describe('the title of a text whose first line is a partner', () => {
  it('is made from the file name, not "Japan", for a text that treats three partners', () => {
    const value = 'Japan\n\nThe EU and Japan met.\n\nKorea\n\nThe EU and Korea met.\n\nIndia\n\nThe EU and India met.\n'
    expect(briefingOf(value, 'source/eu-asia.md').title).toBe('EU–Asia')
    expect(briefingOf('## Japan\n\nThe EU and Japan met.\n', 'source/eu-asia.md').title).toBe('EU–Asia')
    expect(briefingOf('# Japan\n\nThe EU and Japan met.\n', 'source/eu-asia.md').title).toBe('Japan')
  })
})

describe('agreements and partnerships written in lower case or named for both sides', () => {
  it('finds "an association agreement", and no body in "the Africa-EU Digital Economy Partnership"', () => {
    expect(findAgreements('Georgia signed an association agreement with the EU in 2014.').map((a) => a.name)).toEqual([
      'association agreement',
    ])
    expect(findAgreements('It is negotiating a free trade agreement.').map((a) => a.name)).toEqual([
      'free trade agreement',
    ])
    const organisations = (text: string) => findOrganisations(text, [], null).map((o) => o.name)
    expect(organisations('Niger joined the Africa-EU Digital Economy Partnership in 2023.')).toEqual([])
  })
})

describe('a range of quarters', () => {
  it('reads "Q2–Q3 2024" from April to September', () => {
    expect(dates('5G covers 85% of Bangkok since Q2–Q3 2024.')).toEqual([['2024-04', '2024-09']])
    expect(dates('in Q1 to Q4 2023')).toEqual([['2023-01', '2023-12']])
  })
})

describe("an EU act's number", () => {
  it('takes no date from "Regulation (EU) 2016/679", and still reads "2023/24" as two years', () => {
    expect(dates('It follows the GDPR, Regulation (EU) 2016/679, and Directive (EU) 2022/2555.')).toEqual([])
    expect(dates('A Digital Envoy was appointed in 2023/24.')).toEqual([['2023', '2024']])
  })
})

describe('ranges whose ends each say their month', () => {
  it('reads "March 2024 – June 2025" and "between 1 and 3 March 2022" as ranges', () => {
    expect(dates('It ran March 2024 – June 2025.')).toEqual([['2024-03', '2025-06']])
    expect(dates('Talks took place between 1 and 3 March 2022.')).toEqual([['2022-03-01', '2022-03-03']])
  })
})

describe('programmes the data list knows', () => {
  it('finds EU4Digital, CEF Digital and the Marie Skłodowska-Curie Actions', () => {
    const names = (text: string) => findProgrammes(text).map((p) => p.name)
    expect(names('Armenia takes part in EU4Digital and in the Marie Skłodowska-Curie Actions.')).toEqual([
      'EU4Digital',
      'Marie Skłodowska-Curie Actions',
    ])
    expect(names('The cable is co-funded by CEF Digital.')).toEqual(['CEF Digital'])
  })
})
