/**
 * The tree stage made safe: the hostile fixture (`test/fixtures/trust/hostile.md`) gives exactly
 * the warnings in `hostile.expected.txt` (`UPDATE=1` rewrites it), and the tree it leaves holds no
 * raw HTML, no image, no unsafe link, no control or bidi character and no enormous token.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toString as nodeText } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { formatMessage, formatMessages } from '../../pipeline/source/messages.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'
import { unsafeUrlReason } from '../../pipeline/tree/safe-url.ts'
import { hostileSource, unsafeFindings } from './hostile.ts'
import { FIXTURES } from './support.ts'

describe('sanitizeTree on the hostile fixture', async () => {
  const file = new VFile({ path: 'hostile.md', value: await hostileSource() })
  const tree = parseTree(file)

  it('warns about each thing it removed, at its place in the file', async () => {
    const expectedPath = join(FIXTURES, 'hostile.expected.txt')
    const actual = `${formatMessages(file).join('\n')}\n`
    if (process.env.UPDATE === '1') await writeFile(expectedPath, actual)
    expect(actual).toBe(await readFile(expectedPath, 'utf8'))
  })

  it('leaves nothing that could run, load or mislead', () => {
    expect(unsafeFindings(tree)).toEqual([])
  })

  it('keeps the legitimate text, safe links and template syntax as plain text', () => {
    const text = nodeText(tree)
    expect(text).toContain('Japan is a partner of the EU.')
    expect(text).toContain("Template text: {{constructor.constructor 'alert(1)'}}")
    const links: string[] = []
    visit(tree, 'link', (node) => {
      links.push(node.url)
    })
    expect(links).toEqual(['https://commission.europa.eu/', 'mailto:desk@example.org'])
    expect(file.data.frontmatter?.title).toBe('Hostile briefing  evil')
  })

  it('keeps positions pointing into the file as it is on disk', () => {
    const source = String(file.value)
    visit(tree, 'paragraph', (node) => {
      const { start, end } = node.position ?? {}
      const raw = source.slice(start?.offset, end?.offset)
      const first = nodeText(node).trim().split(/\s+/)[0] ?? ''
      expect(raw).toContain(first.replace('…', ''))
    })
  })
})

describe('sanitizeTree on nesting built to overflow the stack', () => {
  it('stops with a positioned message instead of a stack overflow', () => {
    const file = new VFile({ path: 'deep.md', value: `${'>'.repeat(20_000)} Japan\n` })
    let message = ''
    try {
      parseTree(file)
    } catch (error) {
      message = formatMessage(error as VFileMessage)
    }
    expect(message).toBe(
      'deep.md:1:101: error: Source nests block quotes or lists more than 100 deep; a briefing is not built that way',
    )
  })
})

describe('unsafeUrlReason', () => {
  it.each([
    ['https://commission.europa.eu/', null],
    ['http://example.org/a?b=c#d', null],
    ['mailto:desk@example.org', null],
    ['javascript:alert(1)', '`javascript:` address'],
    ['JaVaScRiPt:alert(1)', '`javascript:` address'],
    ['java\tscript:alert(1)', 'contains control or invisible characters'],
    ['data:text/html,<script>', '`data:` address'],
    ['file:///etc/passwd', '`file:` address'],
    ['vbscript:x', '`vbscript:` address'],
    ['/relative/path', 'not an absolute address'],
    ['#fragment', 'not an absolute address'],
    ['http://127.0.0.1:8080/', 'points at a local or private address'],
    ['http://localhost/', 'points at a local or private address'],
    ['http://[::1]/', 'points at a local or private address'],
    ['http://0x7f000001/', 'points at a local or private address'],
    ['http://2130706433/', 'points at a local or private address'],
    ['http://10.1.2.3/', 'points at a local or private address'],
    ['http://192.168.0.1/', 'points at a local or private address'],
    ['http://169.254.169.254/latest/meta-data', 'points at a local or private address'],
    ['http://intranet/', 'points at a local or private address'],
    ['http://user:pass@example.org/', 'carries credentials'],
    [`https://example.org/${'a'.repeat(3000)}`, 'longer than 2048 characters'],
  ])('%s → %s', (url, reason) => {
    expect(unsafeUrlReason(url)).toBe(reason)
  })
})
