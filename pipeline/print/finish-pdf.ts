/**
 * The PDF's last step: document metadata Chromium does not write (subject, keywords, language),
 * dates from the source instead of the clock, so two builds of one source give the same bytes,
 * and a look at the outline, to check where the headings really fell.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

/** What the PDF says about itself. */
export interface PdfMeta {
  title: string
  subject: string
  keywords: string[]
  lang: string
  /** `YYYY-MM-DD`: creation and modification date, and the seed of the document ID. */
  sourceDate: string
}

/** One bookmark: its title and the 1-based page it points to. */
export interface OutlineEntry {
  title: string
  page: number
  depth: number
}

/** Open Chromium's PDF for finishing. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  // Parse in one go: the default yields to the event loop every 100 objects, which costs more than it saves here.
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
}

function text(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : ''
}

/**
 * `ChinaChina` to `China`. Chromium (m156) names the bookmark of a heading that starts a page
 * after a forced break twice over; a title that is one text repeated is that text.
 */
export function undoubled(title: string): string {
  const half = title.length / 2
  return Number.isInteger(half) && half > 0 && title.slice(0, half) === title.slice(half) ? title.slice(0, half) : title
}

/** Put right bookmark titles that Chromium doubled (see `undoubled`). */
export function repairOutline(pdf: PDFDocument): void {
  const walk = (ref: unknown) => {
    let current = ref
    for (let guard = 0; current instanceof PDFRef && guard < 10_000; guard++) {
      const item = pdf.context.lookup(current, PDFDict)
      const title = text(item.lookup(PDFName.of('Title')))
      if (undoubled(title) !== title) item.set(PDFName.of('Title'), PDFHexString.fromText(undoubled(title)))
      walk(item.get(PDFName.of('First')))
      current = item.get(PDFName.of('Next'))
    }
  }
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  if (outlines) walk(outlines.get(PDFName.of('First')))
}

/** The bookmarks of `pdf`, depth first, in document order. */
export function readOutline(pdf: PDFDocument): OutlineEntry[] {
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]))
  const entries: OutlineEntry[] = []
  const walk = (ref: unknown, depth: number) => {
    let current = ref
    for (let guard = 0; current instanceof PDFRef && guard < 10_000; guard++) {
      const item = pdf.context.lookup(current, PDFDict)
      const dest = item.lookup(PDFName.of('Dest'))
      const target = dest instanceof PDFArray ? dest.get(0) : undefined
      entries.push({
        title: text(item.lookup(PDFName.of('Title'))),
        page: target instanceof PDFRef ? (pageIndex.get(target.toString()) ?? 0) : 0,
        depth,
      })
      walk(item.get(PDFName.of('First')), depth + 1)
      current = item.get(PDFName.of('Next'))
    }
  }
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  if (outlines) walk(outlines.get(PDFName.of('First')), 0)
  return entries
}

/** Set the metadata of `pdf` and return its bytes; the same input gives the same bytes. */
export async function finishPdf(pdf: PDFDocument, meta: PdfMeta): Promise<Uint8Array> {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(meta.sourceDate) ? new Date(`${meta.sourceDate}T00:00:00Z`) : new Date(0)
  repairOutline(pdf)
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setSubject(meta.subject)
  pdf.setKeywords(meta.keywords)
  pdf.setLanguage(meta.lang)
  pdf.setCreator('briefing-pipeline')
  pdf.setProducer('briefing-pipeline (Chromium, pdf-lib)')
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  return renumberStructureIds(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY }))
}

/**
 * Chromium names tagged table cells after the page's DOM nodes (`/ID (node00000110)`), and those
 * numbers depend on what the browser rendered before. Number them in order of appearance instead;
 * the same width keeps every byte offset, so the cross-reference table stays right.
 */
export function renumberStructureIds(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1')
  const numbers = new Map<string, string>()
  const renumbered = text.replace(/\(node(\d{8})\)/g, (_match, id: string) => {
    let number = numbers.get(id)
    if (!number) {
      number = String(numbers.size + 1).padStart(8, '0')
      numbers.set(id, number)
    }
    return `(node${number})`
  })
  return new Uint8Array(Buffer.from(renumbered, 'latin1'))
}
