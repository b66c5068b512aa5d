/**
 * End to end: the seed through the real command line and real Chromium. What a reader gets must
 * hold every partner (PDF) and every paragraph of the source (HTML).
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { $ } from 'zx'
import { findBrowser } from '../../pipeline/print/find-browser.ts'
import { pdfPages } from '../support/pdf-text.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'
const PARTNERS = ['China', 'India', 'Japan', 'South Korea', 'ASEAN', 'ASEM', 'TEIN']

const fold = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The paragraphs of the seed as a person wrote them: blocks between blank lines, front matter left out. */
async function sourceParagraphs(): Promise<string[]> {
  const text = await readFile(SEED, 'utf8')
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '')
  return body
    .split(/\n\s*\n/)
    .map(fold)
    .filter(Boolean)
}

describe('npm run build on the seed', () => {
  let out: string
  let stdout: string

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'e2e-seed-'))
    const result = await $({ nothrow: true, quiet: true })`npx tsx pipeline/build.ts --source ${SEED} --out ${out}`
    expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(result.exitCode).toBe(0)
    stdout = result.stdout
  }, 120_000)

  it('prints one line per stage with its time', () => {
    for (const stage of ['source', 'tree', 'data', 'html', 'pdf', 'write'])
      expect(stdout).toMatch(new RegExp(`^${stage}\\s+\\d+ ms`, 'm'))
  })

  it('writes JSON that names every partner of the seed', async () => {
    const briefing = JSON.parse(await readFile(join(out, 'eu-asia-digital-cooperation.json'), 'utf8'))
    expect(briefing.schemaVersion).toBe(1)
    expect(briefing.partners.map((partner: { name: string }) => partner.name)).toEqual(PARTNERS)
  })

  it('prints a PDF whose text holds each partner name', async () => {
    const text = (await pdfPages(join(out, 'eu-asia-digital-cooperation.pdf'))).join(' ')
    for (const name of PARTNERS) expect(text).toContain(name)
  })

  it('writes HTML that holds each paragraph of the source, as a reader sees it', async () => {
    const html = await readFile(join(out, 'eu-asia-digital-cooperation.html'), 'utf8')
    const found = await findBrowser()
    if (!found) throw new Error('no browser')
    const browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: 'shell',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    try {
      const page = await browser.newPage()
      await page.setJavaScriptEnabled(false)
      await page.setContent(html)
      const visible = fold(await page.$eval('body', (body) => body.textContent ?? ''))
      for (const paragraph of await sourceParagraphs()) expect(visible).toContain(paragraph)
    } finally {
      await browser.close()
    }
  })
})
