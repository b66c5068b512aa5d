/**
 * Stage 4: the pages. Renders the briefing data with Handlebars: one layout, a partial per part of
 * the page, helpers registered in one place, CSS, fonts and pictures inlined. Source text only ever
 * reaches templates as data (escaped by `{{…}}`), never as a template.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Handlebars from 'handlebars'
import type { Briefing } from '../briefing-schema.ts'
import { compileTemplate } from '../cache/compile-template.ts'
import { fontFaces } from './fonts.ts'
import { registerHelpers } from './helpers.ts'
import { defaultKeywords } from './keywords.ts'
import { locateCountry, mapPartners } from './region-members.ts'
import { formatDate } from './svg/dates.ts'
import { regionMapSvg } from './svg/region-map.ts'
import { timelineSvg } from './svg/timeline.ts'
import { topicMatrixSvg, topicRows } from './svg/topic-matrix.ts'
import { briefingView } from './view-model.ts'

/** Where the templates live, anchored to this module, not to the working directory. */
export const TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates')

/** What the page needs beyond the data itself. */
export interface PageMeta {
  /** `YYYY-MM-DD`, the date the source speaks for. */
  sourceDate: string
  subtitle: string | null
  lang: string
  keywords: string[]
}

let compiled: Handlebars.TemplateDelegate | undefined

/** Partials are compiled with the layout's options, as Handlebars would when it compiles them lazily. */
const TEMPLATE_OPTIONS = { strict: true, noEscape: false }

/** Compile the layout and partials once per process, on first use (from the compiled cache when unchanged). */
function layout(): Handlebars.TemplateDelegate {
  if (compiled) return compiled
  const handlebars = Handlebars.create()
  registerHelpers(handlebars)
  const partialsDir = join(TEMPLATES_DIR, 'partials')
  for (const name of readdirSync(partialsDir).sort()) {
    if (name.endsWith('.hbs'))
      handlebars.registerPartial(
        basename(name, '.hbs'),
        compileTemplate(handlebars, readFileSync(join(partialsDir, name), 'utf8'), TEMPLATE_OPTIONS),
      )
  }
  compiled = compileTemplate(handlebars, readFileSync(join(TEMPLATES_DIR, 'layout.hbs'), 'utf8'), TEMPLATE_OPTIONS)
  return compiled
}

/** Forget the compiled templates, so the next render reads them again (`npm run dev` after a template changes). */
export function forgetTemplates(): void {
  compiled = undefined
}

/** The pictures, drawn at build time. */
function pictures(briefing: Briefing) {
  const lanes = briefing.partners.map(({ id, name }) => ({ id, name }))
  return {
    timeline:
      briefing.timeline.length > 0
        ? timelineSvg(briefing.timeline, lanes, 'fig-timeline', 'Timeline of dated events')
        : null,
    matrix:
      briefing.partners.length > 0
        ? topicMatrixSvg(topicRows(briefing.partners), briefing.partners, 'fig-topics', 'Topics by partner')
        : null,
    map: regionMapSvg(mapPartners(briefing.partners), 'fig-map', 'Map of the partners', locateCountry),
  }
}

/** Render the self-contained HTML briefing. */
export async function renderHtml(briefing: Briefing, meta: PageMeta): Promise<string> {
  const css = readFileSync(join(TEMPLATES_DIR, 'style.css'), 'utf8')
  const context = {
    briefing: briefingView(briefing, meta.subtitle),
    source: briefing.source,
    meta: {
      ...meta,
      keywords: (meta.keywords.length > 0 ? meta.keywords : defaultKeywords(briefing)).join(', '),
      sourceDateText: meta.sourceDate ? formatDate(meta.sourceDate) : '',
    },
    css,
    fonts: [] as string[],
    pictures: pictures(briefing),
    fingerprint: briefing.source.sha256.slice(0, 12),
  }
  // The fonts carry only the glyphs the page uses, so render once to learn them.
  const draft = layout()(context)
  context.fonts = await fontFaces(draft.replace(/<style>[\s\S]*?<\/style>/g, ''))
  return layout()(context)
}
