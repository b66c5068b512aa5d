/**
 * Properties over random input (fast-check), through the pure stages only (parse → extract →
 * render, no browser), so they stay quick:
 *
 * - random Markdown, hostile parts included, never crashes but with a positioned `VFileMessage`;
 * - every paragraph of the (sanitised) tree appears exactly once in the JSON, in the overview or
 *   one partner, except a bare line consumed as a section heading, whose text is a partner's name;
 * - the HTML holds no active content;
 * - random bytes, read as a source, give text or a `VFileMessage`, never anything else.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Paragraph } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { extractBriefing } from '../../pipeline/extract/extract-briefing.ts'
import { renderHtml } from '../../pipeline/render/render-html.ts'
import { decodeText, readSource } from '../../pipeline/source/read-source.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'
import { cssLoads, cssOf } from './hostile.ts'
import { temporaryDir } from './support.ts'

const RUNS = Number(process.env.FC_RUNS ?? 100)

// Markdown made of parts a briefing has, and parts an attacker would add.
const name = fc.constantFrom('Japan', 'China', 'India', 'South Korea', 'ASEAN', 'Brazil', 'Kenya', 'the EU')
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('cooperation', 'dialogue', 'signed', 'in', '2014', '5G', 'ICT', 'on', 'DG') },
  { weight: 3, arbitrary: name },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
)
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'http://127.0.0.1:9/x',
    '//evil.example/x',
    '#anchor',
    'images/x.png',
    'mailto:desk@example.org',
  ),
  fc.string({ maxLength: 12 }),
)
const inline = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 1, arbitrary: word.map((text) => `*${text}*`) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([text, target]) => `[${text}](${target})`) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([text, target]) => `![${text}](${target})`) },
  { weight: 1, arbitrary: url.map((target) => `<${target}>`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="file:///etc/passwd"></iframe>',
      '<style>@import url(http://127.0.0.1:9/x.css)</style>',
      '<svg onload=alert(1)>',
      '<!-- a note -->',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom("{{constructor.constructor 'alert(1)'}}", '{{> partial}}', '{{{raw}}}') },
  { weight: 1, arbitrary: fc.constantFrom('\u202e', '\u2066', '\u0007', '\u001b[31m', '\u0085', '\u200f') },
  { weight: 1, arbitrary: fc.integer({ min: 301, max: 5000 }).map((length) => 'x'.repeat(length)) },
  { weight: 1, arbitrary: word.map((text) => `\`${text}\``) },
)
const line = fc.array(inline, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '))
const block = fc.oneof(
  { weight: 6, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
  { weight: 2, arbitrary: name },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(line, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((item) => `- ${item}`).join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(line, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  },
  { weight: 1, arbitrary: line.map((text) => `> ${text}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<div onclick="x()">\n<p>raw block</p>\n</div>', '<script>\nalert(1)\n</script>'),
  },
  { weight: 1, arbitrary: line.map((text) => `\`\`\`\n${text}\n\`\`\``) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([label, target]) => `[${label}]: ${target}`) },
  { weight: 1, arbitrary: fc.constant('---') },
)
const frontmatter = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: line.map((title) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((yaml) => `---\n${yaml}\n---\n\n`) },
)
const markdown = fc
  .tuple(frontmatter, fc.array(block, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n\n', '\n\n\n', '\r\n\r\n'))
  .map(([front, blocks, gap]) => `${front}${blocks.join(gap)}\n`)

/** The pure stages, as the build runs them. */
async function build(value: string) {
  const file = new VFile({ path: 'source/random.md', value })
  file.data.sha256 = '0'.repeat(64)
  file.data.sourceDate = '2023-11-14'
  const tree = parseTree(file)
  const briefing = extractBriefing(tree, file)
  const frontmatter = file.data.frontmatter ?? {}
  const html = await renderHtml(briefing, {
    sourceDate: '2023-11-14',
    subtitle: frontmatter.subtitle ?? null,
    lang: frontmatter.lang ?? 'en',
    keywords: frontmatter.keywords ?? [],
  })
  return { tree, briefing, html }
}

/** What in `html` could run or load, as readable findings. */
function activeContent(html: string): string[] {
  const findings: string[] = []
  const checks: [string, RegExp][] = [
    ['script element', /<script/i],
    ['event handler attribute', /<[^>]*\son[a-z]+\s*=/i],
    ['frame, object, embed, link, base or form', /<(iframe|frame|object|embed|link|base|form|meta\s+http-equiv)\b/i],
    ['javascript: in an attribute', /=\s*["']?\s*(?:javascript|vbscript|data:text\/html)/i],
  ]
  for (const [finding, pattern] of checks) if (pattern.test(html)) findings.push(finding)
  findings.push(...cssLoads(cssOf(html)))
  // Attributes of the document's tags, not text that reads like one (a code span can hold `<a href="…">`,
  // which the HTML shows escaped): text never holds a raw `<`, so a tag starts at one.
  for (const [tag] of html.matchAll(/<[a-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    for (const match of tag.matchAll(/\s(href|src|xlink:href)\s*=\s*["']?([^"'\s>]*)/gi)) {
      const target = (match[2] ?? '').replaceAll('&amp;', '&').replaceAll('&#x3D;', '=')
      if (!/^(#|https?:\/\/|mailto:|data:(image|font)\/)/i.test(target)) findings.push(`${match[1]}=${target}`)
    }
  }
  return findings
}

/** Source paragraphs (as the extractor reads them) minus JSON paragraphs, and the other way round. */
function paragraphDifference(
  tree: ReturnType<typeof parseTree>,
  briefing: Awaited<ReturnType<typeof build>>['briefing'],
) {
  const source: string[] = []
  visit(tree, 'paragraph', (node: Paragraph) => {
    const text = nodeText(node).trim()
    if (text) source.push(text)
  })
  const json = [...briefing.overview, ...briefing.partners.flatMap((partner) => partner.paragraphs)].map((p) => p.text)
  const missing = [...source]
  const extra: string[] = []
  for (const text of json) {
    const index = missing.indexOf(text)
    if (index === -1) extra.push(text)
    else missing.splice(index, 1)
  }
  return { missing, extra }
}

describe('random Markdown through parse → extract → render', () => {
  it('takes a link inside a code span as the text it is (a counterexample fast-check found)', async () => {
    const value = '<`> Japan {{x}}\n<a href="javascript:alert(1)">x</a> [2014](javascript:alert(1)) `cooperation`\n'
    const { html } = await build(value)
    expect(html).toContain('href=&quot;javascript:alert(1)&quot;')
    expect(activeContent(html)).toEqual([])
  })

  // One run of the stages per sample, three properties checked on it (the stages are the slow part).
  it('never crashes, keeps every paragraph exactly once, and writes HTML with no active content', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (value) => {
        let result: Awaited<ReturnType<typeof build>>
        try {
          result = await build(value)
        } catch (error) {
          // The only way to stop: a problem in the source, at a place in it.
          if (!(error instanceof VFileMessage)) throw error
          expect(error.line).toBeGreaterThan(0)
          return
        }
        const { missing, extra } = paragraphDifference(result.tree, result.briefing)
        const names = new Set(result.briefing.partners.map((partner) => partner.name))
        expect(extra).toEqual([])
        expect(missing.filter((text) => !names.has(text))).toEqual([])
        expect(activeContent(result.html)).toEqual([])
      }),
      { numRuns: RUNS },
    )
  }, 300_000)
})

describe('random bytes read as a source', () => {
  it('decode to text or stop with a VFileMessage', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 100 }).map((text) => new TextEncoder().encode(text)),
      fc
        .tuple(
          fc.string({ maxLength: 50 }),
          fc.uint8Array({ minLength: 1, maxLength: 4 }),
          fc.string({ maxLength: 50 }),
        )
        .map(([before, middle, after]) => Buffer.concat([Buffer.from(before), middle, Buffer.from(after)])),
    )
    fc.assert(
      fc.property(bytes, (value) => {
        const file = new VFile({ path: 'random.md' })
        try {
          const text = decodeText(value, file)
          expect(typeof text).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(VFileMessage)
          expect((error as VFileMessage).line).toBeGreaterThan(0)
        }
      }),
      { numRuns: RUNS * 4 },
    )
  })

  it('from disk, through readSource and the pure stages: a result or a VFileMessage', async () => {
    const dir = await temporaryDir('random-bytes')
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (value) => {
        const path = join(dir, 'random.md')
        await writeFile(path, value)
        try {
          const file = await readSource(path, dir)
          file.data.sourceDate = '2023-11-14'
          const tree = parseTree(file)
          const briefing = extractBriefing(tree, file)
          await renderHtml(briefing, { sourceDate: '2023-11-14', subtitle: null, lang: 'en', keywords: [] })
        } catch (error) {
          if (!(error instanceof VFileMessage)) throw error
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    )
  })
})
