/**
 * The floor of issue 6, (b) in `bench.ts`: a bare Puppeteer script, as anyone would write it, that
 * launches the build's browser, loads a finished HTML and prints it with the build's PDF options
 * (the issue measured about 1.2 s). Plain JavaScript run by plain `node`: no bundle, no code cache,
 * Puppeteer's own `launch`. `bench.ts` reports the build's own print (`floor.ts`) beside it.
 *
 * `node pipeline/bench/bare-floor.mjs <browser> <file.html> <out.pdf>`
 */
import { pathToFileURL } from 'node:url'
import puppeteer from 'puppeteer-core'

const [executablePath, htmlPath, pdfPath] = process.argv.slice(2)
if (!executablePath || !htmlPath || !pdfPath) {
  console.error('usage: bare-floor.mjs <browser> <file.html> <out.pdf>')
  process.exit(2)
}
const browser = await puppeteer.launch({
  executablePath,
  headless: 'shell',
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
})
try {
  const page = await browser.newPage()
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' })
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
} finally {
  await browser.close()
}
