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
