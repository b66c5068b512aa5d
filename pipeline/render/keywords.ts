/** Keywords for the HTML and PDF metadata when the source's front matter gives none. */
import type { Briefing } from '../briefing-schema.ts'

/** The partners' names, then the topics the text treats, most often named first. */
export function defaultKeywords(briefing: Briefing): string[] {
  const mentions = new Map<string, number>()
  for (const partner of briefing.partners)
    for (const topic of partner.topics)
      mentions.set(topic.label, (mentions.get(topic.label) ?? 0) + topic.positions.length)
  const topics = [...mentions.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
    .map(([label]) => label)
  return [...new Set([...briefing.partners.map((partner) => partner.name), ...topics])]
}
