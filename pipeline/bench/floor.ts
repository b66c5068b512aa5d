/**
 * The build's own print, (l) in `bench.ts`: the least a build that prints could cost with its own
 * browser arguments. Launches the build's browser the way a build of one source does
 * (`launchBrowser`: same binary, same arguments), loads a finished HTML and prints it once with the
 * build's PDF options, then closes the browser. Nothing else. Stricter than the floor (a bare
 * Puppeteer script, `bare-floor.mjs`): the arguments make the printing itself faster.
 *
 * `node pipeline/cache/run-compiled.cjs pipeline/bench/floor.ts <file.html> <out.pdf>`
 */
import { readFile, writeFile } from 'node:fs/promises'
import { tuneForBuilding } from '../cache/v8-flags.ts'
import { launchBrowser } from '../print/launch-browser.ts'

async function main(htmlPath: string, pdfPath: string): Promise<void> {
  // V8 as a build that prints has it when it starts its browser (`build.ts`).
  tuneForBuilding()
  const html = await readFile(htmlPath, 'utf8')
  // One page, as the bench's build of one source prints it (`ownArguments`).
  const browser = await launchBrowser({ onePage: true })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    // The options of `print/print-pdf.ts`.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
    await writeFile(pdfPath, pdf)
  } finally {
    await browser.close()
  }
}

const [htmlPath, pdfPath] = process.argv.slice(2)
if (!htmlPath || !pdfPath) {
  console.error('usage: floor.ts <file.html> <out.pdf>')
  process.exit(2)
}
void main(htmlPath, pdfPath)
