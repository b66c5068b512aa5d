/**
 * Stage 4: the pages. Renders the briefing data with Handlebars: one layout, a partial per part of
 * the page, helpers registered in one place, CSS, fonts and pictures inlined. Source text only ever
 * reaches templates as data (escaped by `{{…}}`), never as a template.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Handlebars from 'handlebars'
import type { Briefing } from '../briefing-schema.ts'
import { codeHash } from '../cache/code-hash.cjs'
import { compileTemplate } from '../cache/compile-template.ts'
import { remembered } from '../cache/disk-memo.ts'
import { fontFaces } from './fonts.ts'
import { registerHelpers } from './helpers.ts'
import { defaultKeywords } from './keywords.ts'
import { locateCountry, mapPartners } from './region-members.ts'
import { formatDate } from './svg/dates.ts'
import { type MapPartner, regionMapSvg } from './svg/region-map.ts'
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
/** The Handlebars environment the layout was compiled in, with its helpers. */
let environment: typeof Handlebars | undefined

/** Partials are compiled with the layout's options, as Handlebars would when it compiles them lazily. */
const TEMPLATE_OPTIONS = { strict: true, noEscape: false }

/** Compile the layout and partials once per process, on first use (from the compiled cache when unchanged). */
function layout(): Handlebars.TemplateDelegate {
  if (compiled) return compiled
  const handlebars = Handlebars.create()
  registerHelpers(handlebars)
  environment = handlebars
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
    map: regionMap(mapPartners(briefing.partners)),
  }
}

/**
 * The map of `partners`: projecting the world's countries costs 50–100 ms a build (most of the
 * pictures' time), and a briefing's partners seldom change between builds, so a map drawn before by
 * the same code is read back (`disk-memo.ts`).
 */
function regionMap(partners: MapPartner[]): string {
  const key = ['region-map', codeHash(), JSON.stringify(partners)]
  return remembered('pictures', key, () => regionMapSvg(partners, 'fig-map', 'Map of the partners', locateCountry))
}

/** Render the self-contained HTML briefing. */
export async function renderHtml(briefing: Briefing, meta: PageMeta): Promise<string> {
  return (await renderPage(briefing, meta)).join('')
}

/**
 * The self-contained HTML briefing in pieces, whose concatenation is the page: pieces of one long
 * text, not copies of it. A megabyte source's page is 8 MB of text (16 MB in memory): written from
 * its pieces, it is never copied whole again (`writeAtomic`).
 */
export async function renderPage(briefing: Briefing, meta: PageMeta): Promise<string[]> {
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
  // The fonts carry only the glyphs the page uses, so render once, with a marker where the font
  // rules go, to learn them; then the rules take the marker's place, as a second render would put them.
  const marker = `font-rules-${randomBytes(16).toString('hex')}`
  context.fonts = [marker]
  const draft = layout()(context)
  const fonts = await fontFaces(outsideStyles(draft))
  const at = draft.indexOf(marker)
  const cssHelper = environment?.helpers.css as ((text: string) => unknown) | undefined
  if (at === -1 || draft.indexOf(marker, at + 1) !== -1 || draft[at + marker.length] !== '\n' || !cssHelper) {
    context.fonts = fonts
    return [layout()(context)]
  }
  const rules = fonts.map((font) => `${String(cssHelper(font))}\n`).join('')
  return [draft.slice(0, at), rules, draft.slice(at + marker.length + 1)]
}

const STYLE_ELEMENT = /<style>[\s\S]*?<\/style>/g

/** The pieces of `html` outside its `<style>` elements (the page's text and markup, not its CSS). */
function outsideStyles(html: string): string[] {
  const pieces: string[] = []
  let last = 0
  for (const style of html.matchAll(STYLE_ELEMENT)) {
    pieces.push(html.slice(last, style.index))
    last = style.index + style[0].length
  }
  pieces.push(html.slice(last))
  return pieces
}
