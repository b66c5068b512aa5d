/**
 * Stage 2: the tree. Parses the source with unified + remark-parse into mdast; a YAML front matter
 * block (remark-frontmatter) is read as data only, into `file.data.frontmatter`. The tree is made
 * safe (`sanitizeTree`: no raw HTML, images, unsafe links or control characters) before anyone reads it,
 * a table is read as its rows (`tablesAsRows`), and a heading line right above its paragraph is a
 * paragraph of its own (`splitHeadingLines`).
 */
import type { Root } from 'mdast'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { type Processor, unified } from 'unified'
import type { VFile } from 'vfile'
import { type Frontmatter, readFrontmatter } from './frontmatter.ts'
import { splitHeadingLines } from './heading-lines.ts'
import { parseInPieces } from './parse-in-pieces.ts'
import { sanitizeTree } from './sanitize-tree.ts'
import { tablesAsRows } from './table-rows.ts'

declare module 'vfile' {
  interface DataMap {
    frontmatter: Frontmatter
  }
}

/** GFM tables (`| Item | Status |`): micromark's extension and mdast's, as `remark-gfm` adds them, without the rest of GFM. */
export function remarkGfmTables(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()]
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()
const withTables = processor().use(remarkGfmTables).freeze()

/**
 * A line that may be a table's delimiter row (`|---|:--|`, `-:`): without one there is no table, and the
 * table extension (which reads every line's start, a third of the tree's time on a large text) is
 * left out, for the same tree.
 */
const DELIMITER_ROW = /^(?=[^\n]*[|:])[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/m

/** Whether `text` may hold a GFM table: a line that may be a delimiter row, with a pipe or a colon (":" over "-:" is a table; "---" never is). */
export function mayHoldTable(text: string): boolean {
  return DELIMITER_ROW.test(text)
}

/** Parse `file` into an mdast tree (positions point into the file as it is on disk). */
export function parseTree(file: VFile): Root {
  const text = String(file.value ?? '')
  const tree = parseInPieces(mayHoldTable(text) ? withTables : processor, text)
  sanitizeTree(tree, file)
  tablesAsRows(tree)
  splitHeadingLines(tree, text)
  const first = tree.children[0]
  file.data.frontmatter = first?.type === 'yaml' ? readFrontmatter(first, file) : {}
  return tree
}
