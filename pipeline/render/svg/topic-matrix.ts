/**
 * The topic × partner matrix: a row per topic, a column per partner, a filled dot where the
 * partner's text treats the topic. Static SVG, one element per line.
 */
import type { Partner } from '../../briefing-schema.ts'
import { escapeXml, num } from './svg-text.ts'

/** Room for the longest topic label, estimated at 6.6 px a character. */
const labelWidth = (rows: TopicRow[]) =>
  Math.max(120, Math.ceil(Math.max(0, ...rows.map((row) => row.label.length)) * 6.6) + 16)
const CELL = 54
const HEADER = 96
const ROW = 24

/** A topic and the partners that treat it, in the order the matrix draws them. */
export interface TopicRow {
  id: string
  label: string
  partners: string[]
}

/** Topics of all partners: most widely shared first, then by label; ties stay stable. */
export function topicRows(partners: Partner[]): TopicRow[] {
  const rows = new Map<string, TopicRow>()
  for (const partner of partners) {
    for (const topic of partner.topics) {
      const row = rows.get(topic.id) ?? { id: topic.id, label: topic.label, partners: [] }
      if (!row.partners.includes(partner.id)) row.partners.push(partner.id)
      rows.set(topic.id, row)
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.partners.length - a.partners.length || a.label.localeCompare(b.label, 'en'),
  )
}

/** Draw the matrix of `rows` against `partners`; `id` prefixes the SVG's element ids. */
export function topicMatrixSvg(rows: TopicRow[], partners: Partner[], id: string, title: string): string {
  const LABEL = labelWidth(rows)
  const width = LABEL + partners.length * CELL + 10
  const height = HEADER + rows.length * ROW + 6
  const lines = [
    `<svg class="chart matrix" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(rows, partners))}</desc>`,
  ]
  partners.forEach((partner, column) => {
    const cx = LABEL + column * CELL + CELL / 2
    lines.push(
      `<text class="column-label" transform="translate(${num(cx + 4)} ${HEADER - 8}) rotate(-45)">${escapeXml(partner.name)}</text>`,
    )
  })
  rows.forEach((row, index) => {
    const y = HEADER + index * ROW
    if (index % 2 === 0) lines.push(`<rect class="band" x="0" y="${y}" width="${width}" height="${ROW}"/>`)
    lines.push(
      `<text class="row-label" x="${LABEL - 10}" y="${y + 16}" text-anchor="end">${escapeXml(row.label)}</text>`,
    )
    partners.forEach((partner, column) => {
      const cx = num(LABEL + column * CELL + CELL / 2)
      const has = row.partners.includes(partner.id)
      const label = escapeXml(`${row.label}: ${partner.name}${has ? '' : ' (not mentioned)'}`)
      lines.push(
        `<circle class="${has ? 'on' : 'off'}" cx="${cx}" cy="${y + ROW / 2}" r="${has ? 7 : 2.5}"><title>${label}</title></circle>`,
      )
    })
  })
  lines.push('</svg>')
  return lines.join('\n')
}

/** The text alternative: each topic with the partners that treat it. */
function describe(rows: TopicRow[], partners: Partner[]): string {
  if (rows.length === 0) return 'The text names no topics.'
  const name = (id: string) => partners.find((partner) => partner.id === id)?.name ?? id
  return rows.map((row) => `${row.label}: ${row.partners.map(name).join(', ')}.`).join(' ')
}
