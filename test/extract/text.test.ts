import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findDefinitions } from '../../pipeline/extract/acronyms.ts'
import { findDates } from '../../pipeline/extract/dates.ts'
import { DIGITS, digitMatches, findFigures } from '../../pipeline/extract/figures.ts'
import { splitSentences } from '../../pipeline/extract/sentences.ts'

const dates = (text: string) => findDates(text).map((d) => [text.slice(d.start, d.end), d.date, d.endDate, d.since])
const figures = (text: string) => findFigures(text, findDates(text)).map((f) => [f.value, f.unit, f.qualifier])

describe('acronym definitions', () => {
  it('finds long forms by initials and by Schwartz–Hearst alignment', () => {
    const text =
      'The European External Action Service (EEAS), the Asia-Europe Meeting (ASEM), the Ministry of Internal Affairs and Communications (MIC), Internet of Things (IoT) and MIC (Ministry of Information and Communications).'
    expect(findDefinitions(text).map((d) => [d.acronym, d.expansion])).toEqual([
      ['EEAS', 'European External Action Service'],
      ['ASEM', 'Asia-Europe Meeting'],
      ['MIC', 'Ministry of Internal Affairs and Communications'],
      ['IoT', 'Internet of Things'],
      ['MIC', 'Ministry of Information and Communications'],
    ])
  })

  it('takes no list of acronyms for a definition', () => {
    expect(
      findDefinitions(
        'the European standardisation organisations (CEN, CENELEC and ETSI) and associations (5GPPP and ARIB)',
      ),
    ).toEqual([])
  })
})

describe('dates', () => {
  it('reads each style at the precision written', () => {
    expect(dates('signed on June 16, 2014, on 25 March 2015, on 15/03/2024, on 2023-07-20, in July 2011')).toEqual([
      ['June 16, 2014', '2014-06-16', null, false],
      ['25 March 2015', '2015-03-25', null, false],
      ['15/03/2024', '2024-03-15', null, false],
      ['2023-07-20', '2023-07-20', null, false],
      ['July 2011', '2011-07', null, false],
    ])
  })

  it('reads ranges and "since"', () => {
    expect(dates('of 26-27 April 2012, for 2016-2017, run since 2009')).toEqual([
      ['26-27 April 2012', '2012-04-26', '2012-04-27', false],
      ['2016-2017', '2016', '2017', false],
      ['2009', '2009', null, true],
    ])
  })

  it('never reads names, technologies, ordinals or durations as dates', () => {
    expect(dates('Horizon 2020, FP7, 5G, the 7th Summit, Vision 2030 and more than 20 years')).toEqual([])
  })
})

describe('figures', () => {
  it('reads amounts with scale, unit and qualifier', () => {
    expect(figures('more than 900 million mobile subscribers')).toEqual([
      [900000000, 'mobile subscribers', 'more than'],
    ])
    expect(figures('a 20% increase')).toEqual([[20, 'percent', null]])
    expect(figures('around one-fifth of which')).toEqual([[0.2, 'share', 'around']])
    expect(figures('25 participations under FP7')).toEqual([[25, 'participations', null]])
    expect(figures('worth EUR 10 million')).toEqual([[10000000, 'EUR', null]])
  })

  it('takes no figure from names, technologies, ordinals or dates', () => {
    expect(figures('the 7th EU-Korea Summit on November 8, 2013 on 5G, FP7, Horizon 2020 and Industry 4.0')).toEqual([])
  })
})

describe('amounts in digits', () => {
  it('are found from near each digit as from every character', () => {
    const piece = fc.constantFrom(
      ...[
        'about',
        'just under',
        'approx.',
        'c.',
        'over',
        'EUR',
        '€',
        'US$',
        '$',
        'USD',
        'x',
        'million',
        'bn',
        'm',
        '%',
      ],
      ...['per cent', '5', '12,5', '1,250,000', '250 000', '3.4', '2024', ' ', '  ', '\n', '.', ',', '-'],
    )
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''))
    const read = (matches: Iterable<RegExpExecArray>) => [...matches].map((match) => `${match.index}:${match[0]}`)
    fc.assert(
      fc.property(text, (sample) => {
        expect(read(digitMatches(sample))).toEqual(read(sample.matchAll(DIGITS)))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('sentences', () => {
  it('splits at stops but not after abbreviations', () => {
    expect(
      splitSentences('The U.S. and the EU met, e.g. in Tokyo. Dr. Smith left. "Next," he said. 5G came.').map(
        (s) => s.text,
      ),
    ).toEqual(['The U.S. and the EU met, e.g. in Tokyo.', 'Dr. Smith left.', '"Next," he said.', '5G came.'])
  })
})
