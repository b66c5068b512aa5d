/** Test helpers that read what a person would see in a PDF: its text per page, and its metadata. */
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of each page of the PDF at `path`, items joined by spaces, whitespace folded. */
export async function pdfPages(path: string): Promise<string[]> {
  const data = new Uint8Array(await readFile(path))
  const document = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent()
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ')
      pages.push(text.replace(/\s+/g, ' ').trim())
    }
    return pages
  } finally {
    await document.destroy()
  }
}

/** What a PDF says of itself that a reader's tools check: whether it is tagged, and each font it uses. */
export interface PdfMake {
  /** The catalog's `MarkInfo` says `Marked`: the PDF is tagged. */
  tagged: boolean
  /** Every font its pages use, by name as written (`ABCDEF+NotoSans-Regular`), with whether its file is embedded. */
  fonts: { name: string; embedded: boolean }[]
}

/** Read `bytes` as pdfjs does for display: the fonts are those its pages' drawing loads. */
export async function pdfMake(bytes: Uint8Array): Promise<PdfMake> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise
  try {
    const fonts = new Map<string, boolean>()
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      await page.getOperatorList()
      for (const [, object] of page.commonObjs as unknown as Iterable<[string, unknown]>) {
        const font = object as { name?: unknown; missingFile?: unknown } | null
        if (typeof font?.name === 'string') fonts.set(font.name, font.missingFile !== true)
      }
    }
    const tagged = ((await document.getMarkInfo()) as { Marked?: boolean } | null)?.Marked === true
    return {
      tagged,
      fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })).sort((a, b) => a.name.localeCompare(b.name)),
    }
  } finally {
    await document.destroy()
  }
}
