/**
 * Stage 2: the tree. Parses the source with unified + remark-parse into mdast; a YAML front matter
 * block (remark-frontmatter) is read as data only, into `file.data.frontmatter`.
 */
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { type Frontmatter, readFrontmatter } from './frontmatter.ts'

declare module 'vfile' {
  interface DataMap {
    frontmatter: Frontmatter
  }
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()

/** Parse `file` into an mdast tree (positions point into the file as it is on disk). */
export function parseTree(file: VFile): Root {
  const tree = processor.parse(file)
  const first = tree.children[0]
  file.data.frontmatter = first?.type === 'yaml' ? readFrontmatter(first, file) : {}
  return tree
}
