/**
 * Front matter is data, never code: YAML's core schema only (no custom tags), a few known keys,
 * each checked, and a positioned message for anything else.
 */
import type { Yaml } from 'mdast'
import type { VFile } from 'vfile'
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'

/** What a source may say about itself. */
export interface Frontmatter {
  title?: string
  subtitle?: string
  /** BCP 47 language of the text; `en` when absent. */
  lang?: string
  /** Free keywords for the PDF metadata. */
  keywords?: string[]
}

const STRING_KEYS = ['title', 'subtitle', 'lang'] as const

/** Read and check a `yaml` node; fatal on invalid YAML, warnings on unknown or ill-typed keys. */
export function readFrontmatter(node: Yaml, file: VFile): Frontmatter {
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, {
    schema: 'core',
    customTags: [],
    uniqueKeys: true,
    prettyErrors: true,
    lineCounter,
  })
  /** Where the key `key` is, in the source file. */
  const placeOf = (key: string) => {
    const pair = isMap(document.contents)
      ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === key)
      : undefined
    const offset = isScalar(pair?.key) ? (pair.key.range?.[0] ?? 0) : 0
    const at = lineCounter.linePos(offset)
    return { place: { line: firstLine + at.line - 1, column: at.col } }
  }
  const error = document.errors[0]
  if (error) {
    const at = error.linePos?.[0]
    // YAML's own "at line 2, column 20" counts from the front matter, not the file: the place says it.
    file.fail(`Invalid front matter: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, {
      place: { line: firstLine + (at ? at.line - 1 : 0), column: at?.col ?? 1 },
    })
  }
  let data: unknown
  try {
    // Aliases can multiply a few lines into gigabytes ("billion laughs"): YAML stops them, we say so.
    data = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    file.fail(`Invalid front matter: ${(error as Error).message}`, { place: node.position })
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.fail('Invalid front matter: expected `key: value` lines', { place: node.position })
  }
  const result: Frontmatter = {}
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'string' && value.trim()) result[key as (typeof STRING_KEYS)[number]] = value.trim()
      else file.message(`Front matter \`${key}\` should be text`, placeOf(key))
    } else if (key === 'keywords') {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null
      if (list?.every((item) => typeof item === 'string'))
        result.keywords = list.map((item) => item.trim()).filter(Boolean)
      else file.message('Front matter `keywords` should be a list of words', placeOf(key))
    } else {
      file.message(`Unknown front matter key \`${key}\` (known: title, subtitle, lang, keywords)`, placeOf(key))
    }
  }
  return result
}
