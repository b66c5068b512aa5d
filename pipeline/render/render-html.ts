/**
 * Stage 4: the pages. Renders the briefing data with Handlebars: one layout, a partial per part of
 * the page, helpers registered in one place, CSS inlined. Source text only ever reaches templates
 * as data (escaped by `{{…}}`), never as a template.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Handlebars from 'handlebars'
import type { Briefing } from '../briefing-schema.ts'
import { registerHelpers } from './helpers.ts'

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

/** Compile the layout and partials once per process, on first use. */
function layout(): Handlebars.TemplateDelegate {
  if (compiled) return compiled
  const handlebars = Handlebars.create()
  registerHelpers(handlebars)
  const partialsDir = join(TEMPLATES_DIR, 'partials')
  for (const name of readdirSync(partialsDir).sort()) {
    if (name.endsWith('.hbs'))
      handlebars.registerPartial(basename(name, '.hbs'), readFileSync(join(partialsDir, name), 'utf8'))
  }
  compiled = handlebars.compile(readFileSync(join(TEMPLATES_DIR, 'layout.hbs'), 'utf8'), {
    strict: true,
    noEscape: false,
  })
  return compiled
}

/** Render the self-contained HTML briefing. */
export function renderHtml(briefing: Briefing, meta: PageMeta): string {
  const css = readFileSync(join(TEMPLATES_DIR, 'style.css'), 'utf8')
  return layout()({ briefing, meta, css, fingerprint: briefing.source.sha256.slice(0, 12) })
}
