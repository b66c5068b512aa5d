import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { formatMessage, formatMessages } from '../../pipeline/source/messages.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'

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
