/**
 * A text parsed a piece at a time (`parse-in-pieces.ts`) gives the tree of the whole text, positions
 * and all: on every source the project has, and on random texts of the blocks that could reach
 * across a cut (lists tight and loose, quotes, indented code, tables, setext headings, fences, HTML,
 * link definitions, front matter, CRLF, a carriage return alone).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { syntheticSource } from '../../pipeline/bench/synthetic-source.ts'
import { cutPoints, PIECE_LENGTH, parseInPieces } from '../../pipeline/tree/parse-in-pieces.ts'
import { remarkGfmTables } from '../../pipeline/tree/parse-tree.ts'

const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()
const withTables = plain().use(remarkGfmTables).freeze()
const PROCESSORS = [plain, withTables] as const

/** The tree as data (positions included), so two parses compare field by field. */
const data = (tree: Root) => JSON.parse(JSON.stringify(tree))

function expectSameTree(text: string, length: number): void {
  for (const processor of PROCESSORS)
    expect(data(parseInPieces(processor as never, text, length))).toEqual(data(processor.parse(text)))
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')
const sources = [
  'source/eu-asia-digital-cooperation.md',
  ...readdirSync(join(FIXTURES, 'extract')).map((name) => join(FIXTURES, 'extract', name, 'input.md')),
  join(FIXTURES, 'render', 'rich', 'input.md'),
  join(FIXTURES, 'trust', 'hostile.md'),
]

describe('parsing in pieces', () => {
  it('gives the tree of the whole text for every source and fixture, cut small and cut as a build cuts', () => {
    for (const path of sources) {
      const text = readFileSync(path, 'utf8')
      for (const length of [16, 64, 512, PIECE_LENGTH]) expectSameTree(text, length)
    }
  })

  it('cuts a large text into pieces of about the length asked for, and gives its tree', () => {
    const text = syntheticSource({ bytes: 200_000 })
    const cuts = cutPoints(text)
    expect(cuts.length).toBeGreaterThan(10)
    for (const [index, cut] of cuts.entries()) expect(cut - (cuts[index - 1] ?? 0)).toBeGreaterThanOrEqual(PIECE_LENGTH)
    expectSameTree(text, PIECE_LENGTH)
  })

  it('never cuts a text where a block may reach across a blank line, or a definition be used from afar', () => {
    const paragraphs = Array.from({ length: 40 }, (_, index) => `Paragraph ${index} on the Digital Partnership.`)
    for (const spanning of ['```\ncode\n\nmore code\n```', '<!--\n\nTitle\n\n-->', '[ref]: https://example.eu'])
      expect(cutPoints([...paragraphs, spanning, ...paragraphs].join('\n\n'), 16)).toEqual([])
  })

  it('gives the tree of the whole text for random texts of blocks', () => {
    const words = fc.constantFrom(
      'Japan',
      'dialogue',
      'signed',
      '2014',
      '5G',
      '*ICT*',
      '**EU**',
      '[link](https://eu.eu)',
    )
    const line = fc.array(words, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '))
    const block = fc.oneof(
      line,
      line.map((text) => `# ${text}`),
      line.map((text) => `${text}\n===`),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
      fc.array(line, { minLength: 2, maxLength: 3 }).map((items) => items.map((item) => `1. ${item}`).join('\n\n')),
      line.map((text) => `- ${text}\n\n  ${text}`),
      line.map((text) => `> ${text}\n${text}`),
      line.map((text) => `    ${text}\n\n    ${text}`),
      line.map((text) => `| a | b |\n| - | - |\n| ${text} | x |`),
      line.map((text) => `\`\`\`\n${text}\n\n${text}\n\`\`\``),
      line.map((text) => `<div>\n\n${text}\n\n</div>`),
      line.map((text) => `[${text.length}]: https://example.eu\n\nSee [${text.length}].`),
      line.map((text) => `${text}  \n${text}`),
    )
    const text = fc
      .tuple(
        fc.boolean(),
        fc.array(block, { minLength: 1, maxLength: 24 }),
        fc.constantFrom('\n\n', '\n\n\n', '\n \n'),
        fc.constantFrom('\n', '\r\n', 'lone \r'),
      )
      .map(([frontMatter, blocks, gap, lineEnd]) => {
        const body = `${frontMatter ? '---\ntitle: T\n\nsubtitle: S\n---\n' : ''}${blocks.join(gap)}\n`
        // A line ended by a carriage return alone: micromark counts it as a line.
        if (lineEnd === 'lone \r') return body.replace('\n', '\r')
        return body.replace(/\n/g, lineEnd)
      })
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 200 }), (source, length) => expectSameTree(source, length)),
      { numRuns: 1000 },
    )
  })
})
