/** The hostile fixture and a check that a tree holds nothing unsafe, shared by the trust tests. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { unsafeUrlReason } from '../../pipeline/tree/safe-url.ts'
import { MAX_TOKEN_LENGTH } from '../../pipeline/tree/sanitize-tree.ts'
import { FIXTURES } from './support.ts'

/** The hostile fixture, with its placeholders filled: a local origin and a 100 kB token. */
export async function hostileSource(origin = 'http://127.0.0.1:9'): Promise<string> {
  const template = await readFile(join(FIXTURES, 'hostile.md'), 'utf8')
  return template.replaceAll('ORIGIN', origin).replace('TOKEN', 'x'.repeat(100_000))
}

/** Every way a tree could still hold something unsafe, as readable findings. */
export function unsafeFindings(tree: Root): string[] {
  const findings: string[] = []
  visit(tree, (node) => {
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference')
      findings.push(`${node.type} node`)
    if ((node.type === 'link' || node.type === 'definition') && unsafeUrlReason(node.url))
      findings.push(`${node.type} to ${node.url}`)
    if ('value' in node && /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(node.value))
      findings.push(`unsafe character in ${node.type}`)
    if ('value' in node && node.type !== 'yaml' && new RegExp(`\\S{${MAX_TOKEN_LENGTH + 1}}`).test(node.value))
      findings.push(`enormous token in ${node.type}`)
  })
  return findings
}

/** The CSS of an HTML document: what is inside `<style>` and `style="…"` (the same words in text are only text). */
export function cssOf(html: string): string {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|\sstyle\s*=\s*"([^"]*)"/gi)]
    .map((match) => match[1] ?? match[2] ?? '')
    .join('\n')
}

/** What in `css` could load something: `url()` to anything but `data:` or `#`, `@import`; strings skipped. */
export function cssLoads(css: string): string[] {
  const findings: string[] = []
  const tokens =
    /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)]*))|@import\b|image-set\(/gi
  for (const match of css.matchAll(tokens)) {
    const token = match[0]
    if (/^["'/]/.test(token)) continue
    if (/^@import/i.test(token) || /^image-set/i.test(token)) findings.push(token)
    else {
      const target = (match[1] ?? match[2] ?? match[3] ?? '').trim()
      if (!/^(data:|#)/i.test(target)) findings.push(`url(${target})`)
    }
  }
  return findings
}
