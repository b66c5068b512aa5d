/**
 * Stage 2, tables: a GFM table (`| Item | Status |` rows) is read as a table copied as text is, one
 * paragraph whose lines are its rows and whose cells are parted by tabs ("Digital Partnership	signed
 * 1 February 2023"). Every later stage then treats both alike: a row is a sentence, its first cell
 * the label of a figure in it, and the page shows the rows a line each. Positions still point into the
 * file as it is on disk; the parting tabs and line breaks stand for the pipes and breaks between.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, Table } from 'mdast'
import type { Position } from 'unist'

/** Replace every table of `tree` by its rows as a paragraph. */
export function tablesAsRows(tree: Root): void {
  replaceTables(tree)
}

function replaceTables(node: Nodes): void {
  if (!('children' in node)) return
  const children = node.children as Nodes[]
  for (const [index, child] of children.entries()) {
    if (child.type === 'table') children[index] = rowsParagraph(child)
    else replaceTables(child)
  }
}

/** The paragraph of `table`'s rows: cells parted by a tab, rows by a line break. */
function rowsParagraph(table: Table): Paragraph {
  const children: PhrasingContent[] = []
  for (const [rowIndex, row] of table.children.entries()) {
    for (const [index, cell] of row.children.entries()) {
      // What parts this cell from the one before it (a tab), or this row from the one before (a break).
      if (index > 0) children.push(parting('\t', row.children[index - 1]?.position, cell.position))
      else if (rowIndex > 0) children.push(parting('\n', table.children[rowIndex - 1]?.position, cell.position))
      children.push(...cell.children)
    }
  }
  return { type: 'paragraph', children, ...(table.position ? { position: table.position } : {}) }
}

/** A text node `value` that stands for the source between `before`'s end and `after`'s start. */
function parting(value: string, before: Position | undefined, after: Position | undefined): PhrasingContent {
  return before && after
    ? { type: 'text', value, position: { start: before.end, end: after.start } }
    : { type: 'text', value }
}
