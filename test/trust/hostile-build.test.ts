/**
 * The hostile fixture through the real command line and real Chromium, pointing at a local HTTP
 * server in every way it can (scripts, images, frames, styles, links, references, meta refresh):
 * the build completes with positioned warnings, the server receives zero requests, and the HTML
 * holds no active content, only the legitimate text, template syntax included, as literal text.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfPages } from '../support/pdf-text.ts'
import { cssLoads, cssOf, hostileSource } from './hostile.ts'
import { listeningServer } from './local-server.ts'
import { type BuildRun, lines, processesMatching, runBuild, temporaryDir } from './support.ts'

const TEMPLATE_TEXT = "{{constructor.constructor 'alert(1)'}}"

/** The text of an HTML document's body as a reader sees it (tags out, entities decoded). */
function visibleText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '')
  return decodeEntities(body.replace(/<svg[\s\S]*?<\/svg>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return named[name.toLowerCase()] ?? entity
  })
}

/** Every paragraph text in a briefing, overview and partners alike. */
function paragraphTexts(briefing: {
  overview: { text: string }[]
  partners: { paragraphs: { text: string }[] }[]
}): string[] {
  return [...briefing.overview, ...briefing.partners.flatMap((partner) => partner.paragraphs)].map((p) => p.text)
}

describe('a hostile source, built to PDF', () => {
  let local: Awaited<ReturnType<typeof listeningServer>>
  let out: string
  let run: BuildRun & { tmp: string }
  let html: string

  beforeAll(async () => {
    local = await listeningServer()
    out = await temporaryDir('hostile')
    const source = join(out, 'hostile.md')
    await writeFile(source, await hostileSource(local.origin))
    run = await runBuild(['--source', source, '--out', out, '--quiet'], { SOURCE_DATE_EPOCH: '1700000000' })
    html = await readFile(join(out, 'hostile.html'), 'utf8')
  }, 120_000)

  afterAll(() => {
    local?.server.close()
  })

  it('completes, warning about each thing removed at its place, with no stack trace', () => {
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.code).toBe(0)
    const warnings = lines(run.stderr)
    expect(warnings).toContainEqual(expect.stringMatching(/hostile\.md:8:1: warning: Raw HTML dropped: `<script src=/))
    expect(warnings).toContainEqual(expect.stringMatching(/hostile\.md:26:5: warning: Link to `javascript:/))
    expect(warnings).toContainEqual(expect.stringMatching(/hostile\.md:36:69: warning: Removed U\+202E/))
    expect(warnings).toContainEqual(expect.stringMatching(/hostile\.md:40:1: warning: Token of 100000 characters/))
    // Whatever a warning echoes of the source, it prints no control or bidi character.
    expect(run.stderr).not.toMatch(/(?![\n\t])[\p{Cc}\u202A-\u202E\u2066-\u2069]/u)
  })

  it('the local server received zero requests, through the whole build and the PDF', () => {
    expect(local.requests).toEqual([])
  })

  it('closed its browser: no process of it is left', () => {
    expect(processesMatching(run.tmp)).toEqual([])
  })

  it('writes HTML with no script, no event handler, no frame, object, embed or link, no remote url()', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/<(iframe|object|embed|link|base|meta\s+http-equiv|form|img)\b/i)
    expect(cssLoads(cssOf(html))).toEqual([])
    // The local address may be read as text (an autolink reduced to its text), never used as one.
    expect(html).not.toMatch(/=\s*["']?http:\/\/127\.0\.0\.1/)
  })

  it('links only to safe addresses: its own anchors, public http(s), mailto', () => {
    const targets = [...html.matchAll(/\s(?:href|src|xlink:href|action|poster|srcset)\s*=\s*["']?([^"'\s>]*)/gi)].map(
      (match) => decodeEntities(match[1] ?? ''),
    )
    for (const target of targets) expect(target).toMatch(/^(#|https:\/\/commission\.europa\.eu\/|mailto:|data:)/)
    expect(html).not.toMatch(/=\s*["']?\s*javascript:/i)
  })

  it('shows the legitimate text, template syntax as literal text, nothing of the removed markup', () => {
    const text = visibleText(html)
    // Inline markup (abbreviations, say) splits text into pieces: compare without spaces.
    const squashed = text.replace(/\s+/g, '')
    expect(squashed).toContain('JapanisapartneroftheEU.')
    expect(squashed).toContain(TEMPLATE_TEXT.replace(/\s+/g, ''))
    expect(squashed).toContain('{{#eachthis}}x{{/each}}')
    expect(text).not.toMatch(/(?![\n\t])[\p{Cc}\u202A-\u202E\u2066-\u2069]/u)
    expect(text).not.toMatch(/x{61}/)
  })

  it('writes JSON whose paragraphs hold the text and nothing unsafe', async () => {
    const briefing = JSON.parse(await readFile(join(out, 'hostile.json'), 'utf8'))
    const texts = paragraphTexts(briefing)
    expect(texts.some((text) => text.includes(TEMPLATE_TEXT))).toBe(true)
    for (const text of texts) {
      expect(text).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u)
      expect(text).not.toMatch(/<script|onerror=|<iframe/i)
      expect(text.length).toBeLessThan(2000)
    }
  })

  it('prints a PDF with the legitimate text and the template syntax as text', async () => {
    const text = (await pdfPages(join(out, 'hostile.pdf'))).join(' ').replace(/\s+/g, '')
    expect(text).toContain('JapanisapartneroftheEU.')
    expect(text).toContain(TEMPLATE_TEXT.replace(/\s+/g, ''))
  })
})
