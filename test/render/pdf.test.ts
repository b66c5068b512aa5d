/**
 * The PDF briefing, printed by real Chromium: contents whose page numbers are where the headings
 * really are, bookmarks, running header and footer, metadata, embedded fonts, same bytes twice.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../../pipeline/print/launch-browser.ts'
import { type PrintReport, printPdf } from '../../pipeline/print/print-pdf.ts'
import { pdfMake } from '../support/pdf-text.ts'
import { type Case, render, richCase, sourceCases } from './render-support.ts'

const cases: Case[] = [richCase(), ...(await sourceCases())]
let browser: Browser

beforeAll(async () => {
  // Launched as a build of one source launches it (`ownArguments`), since most builds print one.
  browser = await launchBrowser({ onePage: true })
})
afterAll(async () => {
  await browser?.close()
})

/** Text per page, outline (title → 1-based page) and document info, read with pdfjs. */
async function readPdf(bytes: Uint8Array) {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    const lines: { text: string; y: number; size: number }[][] = []
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent()
      lines.push(
        content.items.flatMap((item) =>
          'str' in item && item.str.trim()
            ? [
                {
                  text: item.str.trim(),
                  y: item.transform[5] as number,
                  size: Math.hypot(item.transform[0], item.transform[1]),
                },
              ]
            : [],
        ),
      )
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
    }
    const outline: { title: string; page: number }[] = []
    const walk = async (items: Awaited<ReturnType<typeof document.getOutline>>) => {
      for (const item of items ?? []) {
        const dest = typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest
        const ref = dest?.[0]
        const page = ref && typeof ref === 'object' ? (await document.getPageIndex(ref)) + 1 : 0
        outline.push({ title: item.title, page })
        await walk(item.items)
      }
    }
    await walk(await document.getOutline())
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> }
    return { pages, lines, outline, info }
  } finally {
    await document.destroy()
  }
}

/** A one-page PDF, untagged, whose one font (Arial) is named but not embedded. */
function untaggedPdfWithoutFontFile(): Uint8Array {
  const text = 'BT /F1 12 Tf 20 100 Td (Hello) Tj ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >> stream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((object, index) => {
    const offset = pdf.length
    pdf += `${index + 1} 0 obj ${object} endobj\n`
    return offset
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf)
}

test('the font check sees a PDF that is untagged and does not embed its font', async () => {
  expect(await pdfMake(untaggedPdfWithoutFontFile())).toEqual({
    tagged: false,
    fonts: [{ name: 'Arial', embedded: false }],
  })
})

describe('rich fixture, other scripts', () => {
  test('draws 日本, 中国 and 총무성 with real glyphs from the shipped fonts', async () => {
    const test_ = richCase()
    const bytes = await printPdf(browser, await render(test_), {
      title: test_.briefing.title,
      subject: '',
      keywords: [],
      lang: 'en',
      sourceDate: test_.meta.sourceDate,
    })
    const text = (await readPdf(bytes)).pages.join('').replace(/\s+/g, '')
    for (const name of ['日本', '中国', '총무성', '과학기술정보통신부']) expect(text).toContain(name)
    const fonts = (await pdfMake(bytes)).fonts.map(({ name }) => name).join('\n')
    expect(fonts).toMatch(/NotoSansJP/)
    expect(fonts).toMatch(/NotoSansKR/)
  })
})

describe.each(cases)('$name', (test_) => {
  let bytes: Uint8Array
  let report: PrintReport
  let pdf: Awaited<ReturnType<typeof readPdf>>
  const meta = () => ({
    title: test_.briefing.title,
    subject: test_.meta.subtitle ?? '',
    keywords: test_.meta.keywords,
    lang: test_.meta.lang,
    sourceDate: test_.meta.sourceDate,
  })

  beforeAll(async () => {
    const html = await render(test_)
    bytes = await printPdf(browser, html, meta(), (result) => {
      report = result
    })
    pdf = await readPdf(bytes)
  })

  test('names every partner', () => {
    const text = pdf.pages.join(' ')
    for (const partner of test_.briefing.partners) expect(text).toContain(partner.name)
  })

  test('contents give the pages the headings are on, as the bookmarks say', () => {
    const contents = pdf.pages[0] ?? ''
    const headings = [
      ...(test_.briefing.overview.length > 0 ? ['Overview'] : []),
      'At a glance',
      'In pictures',
      ...test_.briefing.partners.map((partner) => partner.name),
      'Glossary',
    ]
    for (const heading of headings) {
      const bookmark = pdf.outline.find((entry) => entry.title === heading)
      expect(bookmark, `bookmark "${heading}"`).toBeDefined()
      const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const listed = new RegExp(`${escaped} (\\d+)`).exec(contents)?.[1]
      expect(Number(listed), `contents entry "${heading}"`).toBe(bookmark?.page)
      // And the heading really is on that page.
      expect(pdf.pages[(bookmark?.page ?? 1) - 1]).toContain(heading)
    }
    expect(report.reprinted).toBe(false)
  })

  test('has a running header and "page X of Y", but not on the cover', () => {
    const total = pdf.pages.length
    expect(pdf.pages[0]).not.toMatch(/page 1 of/)
    pdf.pages.slice(1).forEach((text, index) => {
      expect(text).toContain(`page ${index + 2} of ${total}`)
      expect(text).toContain(test_.briefing.title)
    })
    for (const partner of test_.briefing.partners) {
      const page = pdf.outline.find((entry) => entry.title === partner.name)?.page ?? 0
      expect(pdf.pages[page - 1]?.startsWith(`${test_.briefing.title} ${partner.name}`)).toBe(true)
    }
  })

  test('leaves no heading alone at the bottom of a page', () => {
    for (const bookmark of pdf.outline.filter((entry) => entry.page > 1)) {
      const lines = (pdf.lines[bookmark.page - 1] ?? []).filter((line) => !/^page \d+ of \d+$/.test(line.text))
      // The heading is the largest run of its text on the page (an acronym in a paragraph may repeat it).
      const heading = lines
        .filter((line) => line.text === bookmark.title)
        .reduce<(typeof lines)[number] | undefined>(
          (big, line) => (big && big.size >= line.size ? big : line),
          undefined,
        )
      if (!heading) continue
      // PDF y grows upwards: something must follow the heading further down the page.
      expect(
        lines.some((line) => line.y < heading.y - 4),
        `"${bookmark.title}" is the last thing on page ${bookmark.page}`,
      ).toBe(true)
    }
  })

  test('carries title, subject, keywords and language', () => {
    expect(pdf.info.Title).toBe(test_.briefing.title)
    expect(pdf.info.Subject).toBe(test_.meta.subtitle ?? '')
    expect(pdf.info.Keywords).toBe(test_.meta.keywords.join(', '))
    expect(pdf.info.Language).toBe(test_.meta.lang)
  })

  test('is tagged, embeds every font, and uses only the shipped ones', async () => {
    const { tagged, fonts } = await pdfMake(bytes)
    expect(tagged).toBe(true)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts)
      expect(font).toEqual({ name: expect.stringMatching(/^[A-Z]{6}\+NotoSans/), embedded: true })
  })

  test('prints the same bytes twice', async () => {
    const again = await printPdf(browser, await render(test_), meta())
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true)
  })
})
