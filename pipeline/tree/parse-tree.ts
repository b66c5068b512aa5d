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
import { sanitizeTree } from './sanitize-tree.ts'
import { tablesAsRows } from './table-rows.ts'

declare module 'vfile' {
  interface DataMap {
    frontmatter: Frontmatter
  }
}

/** GFM tables (`| Item | Status |`): micromark's extension and mdast's, as `remark-gfm` adds them, without the rest of GFM. */
function remarkGfmTables(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()]
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTables).freeze()

/** Parse `file` into an mdast tree (positions point into the file as it is on disk). */
export function parseTree(file: VFile): Root {
  const tree = processor.parse(file)
  sanitizeTree(tree, file)
  tablesAsRows(tree)
  splitHeadingLines(tree, String(file.value ?? ''))
  const first = tree.children[0]
  file.data.frontmatter = first?.type === 'yaml' ? readFrontmatter(first, file) : {}
  return tree
}
