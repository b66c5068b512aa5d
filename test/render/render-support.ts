/** Shared by the render tests: the briefings to render, and how to render them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Briefing } from '../../pipeline/briefing-schema.ts'
import { extractBriefing } from '../../pipeline/extract/extract-briefing.ts'
import { type PageMeta, renderHtml } from '../../pipeline/render/render-html.ts'
import { readSource } from '../../pipeline/source/read-source.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'

const ROOT = join(import.meta.dirname, '..', '..')

/** A briefing to render, with its page meta. */
export interface Case {
  name: string
  briefing: Briefing
  meta: PageMeta
}

const META: PageMeta = { sourceDate: '2026-11-20', subtitle: null, lang: 'en', keywords: [] }

/** The hand-made rich fixture. */
export function richCase(): Case {
  const briefing = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/render/rich/briefing.json'), 'utf8')) as Briefing
  return {
    name: 'rich fixture',
    briefing,
    meta: {
      ...META,
      subtitle: 'Dialogues, agreements and partners in the ICT field',
      keywords: ['digital policy', 'Asia'],
    },
  }
}

/** A source text through the real stages up to the data. */
async function sourceCase(name: string, path: string): Promise<Case> {
  const file = await readSource(path, ROOT)
  const briefing = extractBriefing(parseTree(file), file)
  const frontmatter = file.data.frontmatter ?? {}
  return {
    name,
    briefing,
    meta: {
      ...META,
      subtitle: frontmatter.subtitle ?? null,
      lang: frontmatter.lang ?? 'en',
      keywords: frontmatter.keywords ?? [],
    },
  }
}

/** The seed, and every text fixture of the extraction stage. */
export async function sourceCases(): Promise<Case[]> {
  const cases = [await sourceCase('seed', join(ROOT, 'source/eu-asia-digital-cooperation.md'))]
  const dir = join(ROOT, 'test/fixtures/extract')
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const input = join(dir, name, 'input.md')
      if (existsSync(input)) cases.push(await sourceCase(`extract/${name}`, input))
    }
  }
  return cases
}

export async function render(test: Case): Promise<string> {
  return renderHtml(test.briefing, test.meta)
}
