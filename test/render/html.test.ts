/**
 * The HTML briefing: valid (html-validate, recommended), accessible (axe-core, WCAG 2.2 AA, in real
 * Chromium), self-contained, diff-friendly, with every item linked to its source paragraph.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { HtmlValidate } from 'html-validate'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from '../../pipeline/print/launch-browser.ts'
import { renderHtml } from '../../pipeline/render/render-html.ts'
import { briefingView } from '../../pipeline/render/view-model.ts'
import { type Case, render, richCase, sourceCases } from './render-support.ts'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })

const cases: Case[] = [richCase(), ...(await sourceCases())]
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** axe-core's violations for `html` at `width` px, WCAG 2.0–2.2 A and AA. */
async function axeViolations(html: string, width: number): Promise<string[]> {
  const page = await browser.newPage()
  try {
    await page.setViewport({ width, height: 900 })
    await page.setContent(html, { waitUntil: 'load' })
    await page.evaluate(AXE)
    const run = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      .then(function (r) { return r.violations.map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' ') }).slice(0, 3).join(', ') }) })`
    return (await page.evaluate(run)) as string[]
  } finally {
    await page.close()
  }
}

describe.each(cases)('$name', (test_) => {
  let html: string
  beforeAll(async () => {
    html = await render(test_)
  })

  test('is valid HTML (html-validate recommended)', async () => {
    const report = await validator.validateString(html)
    const errors = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
    )
    expect(errors).toEqual([])
  })

  test('has no axe violations (WCAG 2.2 AA) on a phone and a wide screen', async () => {
    expect(await axeViolations(html, 390)).toEqual([])
    expect(await axeViolations(html, 1280)).toEqual([])
  })

  test('needs no script and makes no request', () => {
    expect(html).not.toMatch(/<script|<link\b|<iframe|<img\b|\bsrc="(?!data:)|url\((?!data:)/i)
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
  })

  test('asks for nothing when opened in a browser with JavaScript off', async () => {
    const page = await browser.newPage()
    try {
      await page.setJavaScriptEnabled(false)
      await page.setRequestInterception(true)
      const requests: string[] = []
      page.on('request', (request) => {
        if (!request.url().startsWith('data:')) requests.push(request.url())
        void request.abort()
      })
      await page.setContent(html, { waitUntil: 'load' })
      expect(requests).toEqual([])
    } finally {
      await page.close()
    }
  })

  test('links every item to a paragraph that exists', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]))
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1])
    expect(targets.filter((target) => !ids.has(target))).toEqual([])
    expect(ids.size).toBe([...html.matchAll(/\sid="([^"]+)"/g)].length)
  })

  test('is the same bytes twice', async () => {
    expect(await render(test_)).toBe(html)
  })
})

describe('rich fixture', () => {
  test('marks every glossary acronym in the text as <abbr>', async () => {
    const html = await render(richCase())
    // Pictures name acronyms in their <title>s, which cannot hold markup; their text alternatives are checked elsewhere.
    // Headings stay plain text: Chromium (m156) points the bookmark of a heading that holds an <abbr> at the page before.
    const body = html
      .slice(html.indexOf('<body>'))
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<h2[^>]*>[^<]*<\/h2>/g, '')
    const text = body.replace(/<abbr title="[^"]*">[^<]*<\/abbr>/g, '').replace(/<[^>]+>/g, ' ')
    for (const entry of richCase().briefing.glossary) expect(text).not.toMatch(new RegExp(`\\b${entry.acronym}\\b`))
  })

  test('shows a partner section with cards, topics and source paragraphs', async () => {
    const html = await render(richCase())
    expect(html).toContain('<section id="japan" class="partner">')
    expect(html).toContain('[id="japan"] { page: partner-japan; }')
    expect(html).toMatch(/<a class="ref" href="#japan-p2"[^>]*>¶ 2<\/a>/)
    expect(html).toContain('<p id="japan-p3" class="source-paragraph">')
  })

  test('shows the rows of a table copied as text a line each, and a wrapped paragraph as one', async () => {
    const rows = richCase()
    const [first, second] = rows.briefing.partners[1]?.paragraphs ?? []
    if (!first || !second) throw new Error('fixture: Japan has two paragraphs')
    first.text = 'Internet users\t92%\nPopulation\t125 million'
    second.text = 'The EU and Japan signed the\nEconomic Partnership Agreement in 2019.'
    const html = await render(rows)
    expect(html).toContain('<p id="japan-p1" class="source-paragraph rows">')
    expect(html).toContain('<p id="japan-p2" class="source-paragraph">')
    expect(html).toMatch(/\.source-paragraph\.rows \{\s*white-space: pre-line;/)
  })

  test('a one-word edit in a paragraph changes at most a handful of lines', async () => {
    const before = richCase()
    const after = richCase()
    const paragraph = after.briefing.partners[1]?.paragraphs[0]
    if (!paragraph) throw new Error('fixture: Japan has paragraphs')
    paragraph.text = paragraph.text.replace('large', 'big')
    after.briefing.source.sha256 = 'f'.repeat(64)
    const [a, b] = [
      (await renderHtml(before.briefing, before.meta)).split('\n'),
      (await renderHtml(after.briefing, after.meta)).split('\n'),
    ]
    expect(a.length).toBe(b.length)
    const changed = a.filter((line, index) => line !== b[index])
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThanOrEqual(5)
  })
})

describe('a briefing about regions', () => {
  test('calls a world region a region, and a regional body a regional body', async () => {
    const cases = await sourceCases()
    const africa = cases.find((c) => c.name === 'extract/africa-latin-america-bare-region')
    if (!africa) throw new Error('fixture: africa-latin-america-bare-region')
    const kinds = briefingView(africa.briefing).partners.map((partner) => [partner.id, partner.kindLabel])
    expect(kinds).toContainEqual(['latin-america', 'Region'])
    expect(kinds).toContainEqual(['au', 'Regional body'])
    expect(kinds).toContainEqual(['brazil', 'Country'])
  })
})
