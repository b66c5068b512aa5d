import fc from 'fast-check'
import { toString as nodeText } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { formatMessage, formatMessages } from '../../pipeline/source/messages.ts'
import { mayHoldTable, parseTree, remarkGfmTables } from '../../pipeline/tree/parse-tree.ts'

const file = (value: string) => new VFile({ path: 'source/brief.md', value })

describe('parseTree', () => {
  it('parses paragraphs with positions into the file as it is on disk', () => {
    const tree = parseTree(file('---\ntitle: T\n---\nFirst.\n\nSecond.\n'))
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph')
    expect(paragraphs.map((node) => node.position?.start.line)).toEqual([4, 6])
  })

  it('reads front matter as data only', () => {
    const source = file('---\ntitle: EU–Japan\nsubtitle: State of play\nkeywords: [ICT, 5G]\n---\nText.\n')
    parseTree(source)
    expect(source.data.frontmatter).toEqual({ title: 'EU–Japan', subtitle: 'State of play', keywords: ['ICT', '5G'] })
    expect(source.messages).toEqual([])
  })

  it('stops on invalid front matter, naming the line in the file', () => {
    const source = file('---\ntitle: ok\nsubtitle: [unclosed\n---\nText.\n')
    let message = ''
    try {
      parseTree(source)
    } catch (error) {
      message = formatMessage(error as never)
    }
    expect(message).toMatch(/^source\/brief\.md:[34]:\d+: error: Invalid front matter/)
  })

  it('warns about keys it does not know, and about ill-typed values', () => {
    const source = file('---\ntitle: 42\nauthor: me\n---\nText.\n')
    parseTree(source)
    expect(source.data.frontmatter).toEqual({})
    expect(formatMessages(source)).toEqual([
      'source/brief.md:2:1: warning: Front matter `title` should be text',
      'source/brief.md:3:1: warning: Unknown front matter key `author` (known: title, subtitle, lang, keywords)',
    ])
  })
})

describe('a heading line right above its paragraph', () => {
  /** The root paragraphs of `value`: their text and where they start and end (line:column:offset). */
  const paragraphs = (value: string) =>
    parseTree(file(value))
      .children.filter((node) => node.type === 'paragraph')
      .map((node) => {
        const { start, end } = node.position ?? { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }
        const at = (p: Point) => `${p.line}:${p.column}:${p.offset}`
        return [value.slice(start.offset, end.offset), at(start), at(end)]
      })

  it('is a paragraph of its own, as with a blank line, with positions into the file', () => {
    const value =
      'Morocco\nThe EU-Morocco Green Partnership was signed in October 2022.\n\nLINES TO TAKE\n  We welcome the association of Tunisia to Horizon Europe.\n'
    expect(paragraphs(value)).toEqual([
      ['Morocco', '1:1:0', '1:8:7'],
      ['The EU-Morocco Green Partnership was signed in October 2022.', '2:1:8', '2:61:68'],
      ['LINES TO TAKE', '4:1:70', '4:14:83'],
      ['We welcome the association of Tunisia to Horizon Europe.', '5:3:86', '5:59:142'],
    ])
  })

  it('ends at a line break written with Windows line ends or as a hard break', () => {
    const value =
      'Morocco\r\nThe EU-Morocco Green Partnership was signed in October 2022.\r\n\r\nTunisia  \r\n   Tunisia joined Horizon Europe, the research programme, in 2023.\r\n'
    expect(paragraphs(value).map(([text]) => text)).toEqual([
      'Morocco',
      'The EU-Morocco Green Partnership was signed in October 2022.',
      'Tunisia',
      'Tunisia joined Horizon Europe, the research programme, in 2023.',
    ])
  })

  it('is told apart when bold, and in a short title or a few words of sentence case', () => {
    expect(
      paragraphs('**Japan**\nThe Digital Partnership was launched in Tokyo in 2022.\n').map(([text]) => text),
    ).toEqual(['**Japan**', 'The Digital Partnership was launched in Tokyo in 2022.'])
    expect(paragraphs('Key figures\nInternet users make up 78% of the population in 2023.\n')).toHaveLength(2)
    expect(
      paragraphs(
        'Digital Cooperation with the Gulf\nThe EU and the Gulf Cooperation Council held their first ministerial dialogue on digital matters in 2023.\n',
      ),
    ).toHaveLength(2)
  })

  it('is told apart over a list of short facts, measured against its longest line', () => {
    const value = 'Kazakhstan\nKey figures\nInternet users\t92%\nPopulation\t19.9 million\n'
    expect(paragraphs(value).map(([text]) => text)).toEqual([
      'Kazakhstan',
      'Key figures',
      'Internet users\t92%\nPopulation\t19.9 million',
    ])
  })

  it('is no heading in a paragraph wrapped by hand, nor when it ends like a sentence or leads a short line', () => {
    for (const value of [
      'The EU and Japan signed the\nEconomic Partnership Agreement in 2019.\n',
      'EU-Japan Economic Partnership\nAgreement entered into force in February 2019.\n',
      'It was signed in Tokyo.\nThe EU and Japan then held their first dialogue in 2019.\n',
      'Japan\nKorea\nChina\n',
      'Morocco\nand Tunisia joined the programme in the course of 2023, both as associated countries.\n',
      'Morocco &amp;\nTunisia joined the programme in the course of 2023, both as associated countries.\n',
    ])
      expect(paragraphs(value)).toHaveLength(1)
  })
})

describe('a GFM table', () => {
  it('is read as a paragraph of its rows, cells parted by tabs, with the position of the table', () => {
    const value = 'Singapore\n\n| Item | Status |\n|---|---|\n| Digital Partnership | signed 1 February 2023 |\n'
    const [, table] = parseTree(file(value)).children
    expect(table?.type).toBe('paragraph')
    expect(table && nodeText(table)).toBe('Item\tStatus\nDigital Partnership\tsigned 1 February 2023')
    expect([table?.position?.start.line, table?.position?.end.line]).toEqual([3, 5])
  })
})

describe('the table extension, used only where a table may be', () => {
  const withTables = unified().use(remarkParse).use(remarkGfmTables)
  const hasTable = (value: string) => JSON.stringify(withTables.parse(value)).includes('"type":"table"')

  it('finds every table a text holds (none without a line that may be a delimiter row)', () => {
    const line = fc.stringMatching(/^[ \t|:a-z-]{0,12}$/)
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const value = lines.join('\n')
        return mayHoldTable(value) || !hasTable(value)
      }),
      { numRuns: 5000 },
    )
    expect(mayHoldTable('| a | b |\n|---|:-:|\n| 1 | 2 |')).toBe(true)
    // Front matter and a thematic break are no delimiter rows.
    expect(mayHoldTable('---\ntitle: A | B\n---\nText.\n\n---\n')).toBe(false)
    expect(hasTable('| a | b |\n|---|:-:|\n| 1 | 2 |')).toBe(true)
  })
})
