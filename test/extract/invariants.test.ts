import fc from 'fast-check'
import type { Paragraph as MdParagraph } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { extractBriefing } from '../../pipeline/extract/extract-briefing.ts'
import { resolveName } from '../../pipeline/extract/gazetteer.ts'
import { assertValidBriefing } from '../../pipeline/output/write-outputs.ts'
import { parseTree } from '../../pipeline/tree/parse-tree.ts'

function run(markdown: string) {
  const file = new VFile({ path: 'source/random.md', value: markdown })
  file.data.sha256 = '0'.repeat(64)
  const tree = parseTree(file)
  return { tree, file, briefing: extractBriefing(tree, file) }
}

/** Every paragraph of the source is in exactly one place, except bare lines consumed as headings. */
function checkParagraphs(markdown: string): void {
  const { tree, briefing } = run(markdown)
  const placed = [...briefing.overview, ...briefing.partners.flatMap((p) => p.paragraphs)]
  const offsets = placed.map((p) => p.position.start.offset)
  expect(new Set(offsets).size).toBe(offsets.length)
  const nodes: MdParagraph[] = []
  visit(tree, 'paragraph', (node) => {
    nodes.push(node)
  })
  for (const node of nodes) {
    const here = placed.filter((p) => p.position.start.offset === node.position?.start.offset)
    if (here.length === 1) {
      expect(here[0]?.text).toBe(nodeText(node).trim())
      continue
    }
    // Consumed as a section heading: its text names one of the partners.
    expect(here).toHaveLength(0)
    const ref = resolveName(nodeText(node).trim())
    expect(briefing.partners.some((p) => p.id === ref?.id || p.name === nodeText(node).trim())).toBe(true)
  }
  assertValidBriefing(briefing)
  expect(JSON.stringify(run(markdown).briefing)).toBe(JSON.stringify(briefing))
}

const FRAGMENTS = [
  '',
  'South Korea',
  'Japan',
  'ASEAN',
  '## Japan',
  '# Title',
  '### Research',
  '## Regional cooperation',
  'Japan and the EU signed a Joint Declaration on 5G on 25 March 2015.',
  'An ICT Counsellor is based at the EU Delegation in Hanoi.',
  'The Vietnamese Ministry of Information and Communications (MIC) met in 2019.',
  'It covers 20% of exports and more than 900 million users.',
  'No partner is named here.',
  '- a list item about Korea\n- another item',
  '1. first\n2. second',
  '> A quote about India.\n> Second line.',
  '```\ncode block with Japan\n```',
  '<div>html about China</div>',
  '| a | b |\n| - | - |\n| China | 2019 |',
  'Text with *emphasis*, `code` and a [link](https://example.org) about Taiwan.',
  '***',
  'Line one  \nline two with a break, in Seoul.',
  '\\*escaped\\* &amp; entities in Canberra.',
]

describe('extractBriefing on any Markdown', () => {
  it('handles empty and heading-only sources', () => {
    expect(run('').briefing.partners).toEqual([])
    const onlyHeadings = run('# Briefing\n\n## Japan\n\n## Regional cooperation\n').briefing
    expect(onlyHeadings.overview).toEqual([])
    expect(onlyHeadings.partners.map((p) => p.id)).toEqual(['japan'])
  })

  it('places every paragraph exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (parts) =>
        checkParagraphs(parts.join('\n\n')),
      ),
      { numRuns: 150 },
    )
  })

  it('survives any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => checkParagraphs(text)),
      { numRuns: 150 },
    )
  })

  it('warns about unknown words at their place, with a suggestion', () => {
    const { file } = run('Japan\n\nFollowing Vice Presient Ansip’s visit, a regular dialogue on secrity was set up.\n')
    const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.reason} (${m.ruleId})`)
    expect(messages).toEqual([
      '3:16 Unknown word `Presient`, did you mean `Prescient` or `President` or `Present`? (spelling)',
      '3:62 Unknown word `secrity`, did you mean `security`? (spelling)',
    ])
  })
})
