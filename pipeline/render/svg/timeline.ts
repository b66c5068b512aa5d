/**
 * The timeline picture: one lane per partner, one mark per dated event, years along the bottom.
 * Static SVG, one element per line; the events themselves are listed as text beside it.
 */
import type { TimelineEvent } from '../../briefing-schema.ts'
import { fractionalYear } from './dates.ts'
import { escapeXml, num } from './svg-text.ts'

/** A lane of the timeline. */
export interface Lane {
  id: string
  name: string
}

const WIDTH = 720
const LABEL = 150
const LANE = 28
const TOP = 10
const AXIS = 30
const RIGHT = 16

/** Draw `events` in `lanes` (partners in briefing order); `id` prefixes the SVG's element ids. */
export function timelineSvg(events: TimelineEvent[], lanes: Lane[], id: string, title: string): string {
  const used = lanesWithEvents(events, lanes)
  // Each lane's row, the first of its id (a lookup per event, not a search of the lanes).
  const row = new Map<string, number>()
  for (const [index, lane] of used.entries()) if (!row.has(lane.id)) row.set(lane.id, index)
  const starts = events.map((event) => fractionalYear(event.date))
  const ends = events.map((event) => fractionalYear(event.endDate ?? event.date))
  const first = Math.floor(Math.min(...starts))
  const last = Math.floor(Math.max(...ends)) + 1
  const span = Math.max(1, last - first)
  const x = (year: number) => LABEL + ((year - first) / span) * (WIDTH - LABEL - RIGHT)
  const height = TOP + used.length * LANE + AXIS
  const axisY = TOP + used.length * LANE
  const step = span > 24 ? 5 : span > 12 ? 2 : 1
  const lines = [
    `<svg class="chart timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(events, lanes))}</desc>`,
  ]
  used.forEach((lane, index) => {
    const y = TOP + index * LANE + LANE / 2
    lines.push(
      `<text class="lane-label" x="${LABEL - 10}" y="${num(y + 4)}" text-anchor="end">${escapeXml(lane.name)}</text>`,
    )
    lines.push(`<line class="lane" x1="${LABEL}" y1="${num(y)}" x2="${WIDTH - RIGHT}" y2="${num(y)}"/>`)
  })
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    lines.push(`<line class="tick" x1="${num(x(year))}" y1="${TOP}" x2="${num(x(year))}" y2="${axisY + 4}"/>`)
    lines.push(`<text class="tick-label" x="${num(x(year))}" y="${axisY + 18}" text-anchor="middle">${year}</text>`)
  }
  for (const [index, event] of events.entries()) {
    const lane = row.get(event.partner)
    if (lane === undefined) continue
    const y = TOP + lane * LANE + LANE / 2
    const from = x(starts[index] ?? 0)
    const to = x(ends[index] ?? 0)
    const label = escapeXml(`${event.date}: ${event.label}`)
    if (to - from > 8)
      lines.push(
        `<rect class="mark" x="${num(from)}" y="${num(y - 6)}" width="${num(to - from)}" height="12" rx="6"><title>${label}</title></rect>`,
      )
    else
      lines.push(
        `<circle class="mark" cx="${num((from + to) / 2)}" cy="${num(y)}" r="6"><title>${label}</title></circle>`,
      )
  }
  lines.push('</svg>')
  return lines.join('\n')
}

/** The lanes that have an event, in their order. */
function lanesWithEvents(events: TimelineEvent[], lanes: Lane[]): Lane[] {
  const partners = new Set(events.map((event) => event.partner))
  return lanes.filter((lane) => partners.has(lane.id))
}

/** The text alternative: how many events, over which years, for whom. */
function describe(events: TimelineEvent[], lanes: Lane[]): string {
  if (events.length === 0) return 'No dated events.'
  const years = events.map((event) => event.date.slice(0, 4)).sort()
  const names = lanesWithEvents(events, lanes).map((lane) => lane.name)
  return `${events.length} dated events from ${years[0]} to ${years.at(-1)}, for ${names.join(', ')}. Each event is listed in the table below the picture.`
}
