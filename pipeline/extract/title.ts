/**
 * The briefing's title: the front matter's, else the first heading, else a short first line,
 * else one made from the file name.
 */
import type { Root } from 'mdast'
import { toString as nodeText } from 'mdast-util-to-string'
import type { VFile } from 'vfile'

/** The title of the briefing in `tree`. */
export function titleOf(tree: Root, file: VFile): string {
  const fromMatter = file.data.frontmatter?.title
  if (fromMatter) return fromMatter
  const heading = tree.children.find((node) => node.type === 'heading')
  if (heading) {
    const text = nodeText(heading).trim()
    if (text) return text
  }
  const first = tree.children.find((node) => node.type === 'paragraph')
  const line = first ? nodeText(first).trim() : ''
  if (line && line.length <= 80 && !line.includes('\n') && !/[.!?]$/.test(line)) return line
  const stem = (file.stem ?? 'briefing').replace(/[-_]+/g, ' ').trim()
  return stem ? stem[0]?.toUpperCase() + stem.slice(1) : 'Briefing'
}
