/** The pure pieces of the render and print stages. */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { pdfDate, renumberStructureIds, undoubled } from '../../pipeline/print/finish-pdf.ts'
import { contentBox, PAGE_MM } from '../../pipeline/print/paginate.ts'
import { decodePdfString, encodePdfString, encodePdfStringShort } from '../../pipeline/print/pdf-file.ts'
import { outlinePages, samePages } from '../../pipeline/print/print-pdf.ts'
import { anchorParagraphs, paragraphOf } from '../../pipeline/render/anchors.ts'
import { parseUnicodeRange } from '../../pipeline/render/fonts.ts'
import { cssString } from '../../pipeline/render/helpers.ts'
import { proseSplitter } from '../../pipeline/render/prose.ts'
import { TEMPLATES_DIR } from '../../pipeline/render/render-html.ts'
import { formatDate, formatRange, fractionalYear } from '../../pipeline/render/svg/dates.ts'
import { compactPath, regionMapSvg } from '../../pipeline/render/svg/region-map.ts'
import { escapeXml, num } from '../../pipeline/render/svg/svg-text.ts'

const at = (start: number, end: number) => ({
  start: { line: 1, column: start + 1, offset: start },
  end: { line: 1, column: end + 1, offset: end },
})

describe('prose', () => {
  const split = proseSplitter([
    { acronym: 'MIC', expansion: 'Ministry of Internal Affairs and Communications', position: at(0, 3) },
    { acronym: 'ICT', expansion: 'information and communications technology', position: at(0, 3) },
  ])
  test('marks whole-word acronyms only', () => {
    expect(split('The MIC runs ICT, not MICRO or dynamic.')).toEqual([
      { text: 'The ', expansion: null },
      { text: 'MIC', expansion: 'Ministry of Internal Affairs and Communications' },
      { text: ' runs ', expansion: null },
      { text: 'ICT', expansion: 'information and communications technology' },
      { text: ', not MICRO or dynamic.', expansion: null },
    ])
  })
  test('leaves text alone without a glossary', () => {
    expect(proseSplitter([])('ICT')).toEqual([{ text: 'ICT', expansion: null }])
  })
  test('marks what a pattern that looks behind each acronym marks', () => {
    const acronyms = ['AB', 'B', 'ICT', 'MIC', 'MICT', '5G']
    const glossary = acronyms.map((acronym) => ({ acronym, expansion: acronym.toLowerCase(), position: at(0, 1) }))
    const marked = (text: string) =>
      proseSplitter(glossary)(text)
        .filter((segment) => segment.expansion)
        .map((segment) => segment.text)
    const plain = /(?<![\p{L}\p{N}])(?:MICT|ICT|MIC|AB|5G|B)(?![\p{L}\p{N}])/gu
    expect(marked('xAB B AB 𝐀MIC MICT 5GB')).toEqual(['B', 'AB', 'MICT'])
    const text = fc
      .array(fc.constantFrom(...acronyms, 'x', '𝐀', ' ', '-', '.', '1', 'é'), { maxLength: 30 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (sample) => {
        expect(
          proseSplitter(glossary)(sample)
            .map((segment) => segment.text)
            .join(''),
        ).toBe(sample)
        expect(marked(sample)).toEqual([...sample.matchAll(plain)].map((match) => match[0]))
      }),
      { numRuns: 500 },
    )
  })
})

describe('anchors', () => {
  const paragraphs = anchorParagraphs('japan', [
    { text: 'a', position: at(0, 10) },
    { text: 'b', position: at(20, 30) },
  ])
  test('are the section and the ordinal', () => {
    expect(paragraphs.map((paragraph) => paragraph.id)).toEqual(['japan-p1', 'japan-p2'])
  })
  test('find the paragraph an item came from, else the one before', () => {
    expect(paragraphOf(at(22, 25), paragraphs)?.id).toBe('japan-p2')
    expect(paragraphOf(at(15, 16), paragraphs)?.id).toBe('japan-p1')
    expect(paragraphOf(at(0, 1), [])).toBeNull()
  })
  test('find what a look at each paragraph in turn finds, among any number of them', () => {
    // The definition: the paragraph that holds the offset, else the last before it, else the first.
    const byLooking = (offset: number, list: typeof paragraphs) =>
      list.find((p) => offset >= p.position.start.offset && offset <= p.position.end.offset) ??
      list.filter((p) => p.position.start.offset <= offset).at(-1) ??
      list[0] ??
      null
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 40 }),
        fc.nat(900),
        (gapsAndLengths, offset) => {
          // Paragraphs in source order, apart: each starts after the one before it ends.
          let end = -1
          const list = anchorParagraphs(
            'japan',
            gapsAndLengths.map(([gap, length]) => {
              const start = end + 1 + gap
              end = start + length
              return { text: 'x', position: at(start, end) }
            }),
          )
          expect(paragraphOf(at(offset, offset + 1), list)).toBe(byLooking(offset, list))
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('dates', () => {
  test('keep the precision the text gave', () => {
    expect(formatDate('2009')).toBe('2009')
    expect(formatDate('2011-07')).toBe('Jul 2011')
    expect(formatDate('2014-06-16')).toBe('16 Jun 2014')
    expect(formatRange('2012-04-26', '2012-04-27')).toBe('26 Apr 2012 – 27 Apr 2012')
    expect(fractionalYear('2009')).toBe(2009.5)
  })
  test('PDF dates come from the source day, never the clock', () => {
    expect(pdfDate('2014-11-25')).toBe("D:20141125000000+00'00'")
    expect(pdfDate('')).toBe("D:19700101000000+00'00'")
  })
})

describe('escaping', () => {
  test('SVG text and CSS strings cannot break out', () => {
    expect(escapeXml('<script>"&\'')).toBe('&lt;script&gt;&quot;&amp;&#39;')
    expect(cssString('Côte "d\'Ivoire" </style>')).toBe('"C\\f4 te \\22 d\\27 Ivoire\\22  \\3c \\2f style\\3e "')
    expect(num(-0.04)).toBe('0')
  })
})

describe('PDF strings and repairs', () => {
  test('round-trip text strings', () => {
    expect(decodePdfString(encodePdfString('日本 – Japan'))).toBe('日本 – Japan')
    expect(decodePdfString('(a\\(b\\) c)')).toBe('a(b) c')
    expect(encodePdfStringShort('China')).toBe('(China)')
  })
  test('undo doubled bookmark titles only', () => {
    expect(undoubled('ChinaChina')).toBe('China')
    expect(undoubled('Papua New Guinea')).toBe('Papua New Guinea')
    expect(undoubled('')).toBe('')
  })
  test('number structure ids in order, same width', () => {
    expect(renumberStructureIds('(node00000110) (node00000007) (node00000110)')).toBe(
      '(node00000001) (node00000002) (node00000001)',
    )
  })
})

describe('layout numbers', () => {
  test('the page measured is the page the stylesheet prints', () => {
    const css = readFileSync(join(TEMPLATES_DIR, 'style.css'), 'utf8')
    const page = /@page \{\s*size: A4;\s*margin: (\d+)mm (\d+)mm (\d+)mm;/.exec(css)
    expect(page?.slice(1).map(Number)).toEqual([PAGE_MM.top, PAGE_MM.right, PAGE_MM.bottom])
    expect(PAGE_MM.left).toBe(PAGE_MM.right)
  })
  test('the A4 content box matches the print CSS', () => {
    const box = contentBox()
    expect(Math.round(box.width)).toBe(658)
    expect(Math.round(box.height)).toBe(964)
  })
  test('unicode ranges parse, junk tokens are skipped', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+LICENSE')).toEqual([
      [0, 255],
      [0x131, 0x131],
    ])
  })
  test('map paths drop repeated points and collapsed rings', () => {
    expect(compactPath('M1,1L1,1L2,1L2,2ZM5,5L5,5Z')).toBe('M1,1L2,1L2,2Z')
  })
})

describe('checking the contents against the bookmarks', () => {
  const outline = [
    { title: 'Title', page: 1 },
    { title: 'Japan', page: 5 },
    { title: 'Topics', page: 5 },
    { title: 'China', page: 7 },
    { title: 'Topics', page: 8 },
  ]
  test('takes each heading in order, so repeated titles do not confuse it', () => {
    const pages = outlinePages(outline, [
      { id: 'japan', title: 'Japan' },
      { id: 'china', title: 'China' },
    ])
    expect(pages).toEqual({ japan: 5, china: 7 })
    expect(samePages({ japan: 5, china: 7 }, pages)).toBe(true)
    expect(samePages({ japan: 5, china: 6 }, pages)).toBe(false)
  })
})

describe('the map of the partners', () => {
  const titles = (svg: string) => [...svg.matchAll(/<title>([^<]+)<\/title><\/path>/g)].map((match) => match[1])

  test('frames partners of any continent, and says which', () => {
    const svg = regionMapSvg(
      [
        { id: 'brazil', name: 'Brazil', kind: 'country', iso: ['BR'] },
        { id: 'kenya', name: 'Kenya', kind: 'country', iso: ['KE'] },
      ],
      'm',
      'Where',
    )
    expect(svg).toContain('A map of the region with the partners highlighted: Brazil; Kenya.')
    expect(titles(svg)).toEqual(expect.arrayContaining(['Brazil', 'Kenya', 'Nigeria']))
    expect(titles(svg)).not.toContain('Japan')
  })

  test("keys a body's members as members, and a world region's countries as places", () => {
    const svg = regionMapSvg(
      [
        { id: 'au', name: 'AU', kind: 'region', iso: ['KE', 'NG'] },
        { id: 'latin-america', name: 'Latin America', kind: 'world-region', iso: ['BR'] },
      ],
      'm',
      'Where',
    )
    expect(svg).toContain('>Member of AU; countries of Latin America</text>')
    expect(svg).toContain('AU (members shaded: Kenya, Nigeria); Latin America (countries shaded: Brazil)')
  })

  test('shows the whole world when no partner has a place on it', () => {
    const svg = regionMapSvg([{ id: 'au', name: 'AU', kind: 'region', iso: [] }], 'm', 'Where')
    expect(svg).toContain('A map of the world; no partner of this briefing has a place on it.')
    expect(titles(svg)).toEqual(expect.arrayContaining(['Brazil', 'Canada', 'Kenya', 'Japan', 'Australia']))
  })
})
