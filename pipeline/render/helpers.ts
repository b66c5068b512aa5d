/**
 * Every Handlebars helper, registered in one place. Helpers return escaped strings or
 * `SafeString`s built only from escaped parts.
 */
import type Handlebars from 'handlebars'
import type { Segment } from './prose.ts'

/** A CSS string literal that no text can break out of: every character but a few safe ones escaped. */
export function cssString(value: string): string {
  return `"${Array.from(value, (char) => (/[A-Za-z0-9 .,()-]/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `)).join('')}"`
}

/** Longest `<title>` that tabs, bookmarks and html-validate's `long-title` rule take whole. */
export const TITLE_LIMIT = 70

/**
 * `title` cut at a word boundary to fit `TITLE_LIMIT`, with an ellipsis; the page's h1 keeps it
 * whole. The limit holds for the title as written into the page, after `escapeText` (html-validate
 * counts "Commissioner's" with its `&#x27;`): the result is escaped.
 */
export function pageTitle(title: string, escapeText: (text: string) => string = (text) => text): string {
  if (escapeText(title).length <= TITLE_LIMIT) return escapeText(title)
  let cut = title
  while (cut && escapeText(cut).length > TITLE_LIMIT - 1) {
    const space = cut.lastIndexOf(' ')
    cut = space > TITLE_LIMIT / 2 ? cut.slice(0, space) : cut.slice(0, -1)
    cut = cut.replace(/[\s,;:–-]+$/u, '')
  }
  return `${escapeText(cut)}…`
}

/** Register the helpers the templates use on `handlebars`. */
export function registerHelpers(handlebars: typeof Handlebars): void {
  // Our own stylesheet and font rules; `</` cannot end the style element early.
  handlebars.registerHelper('css', (css: string) => new handlebars.SafeString(css.replaceAll('</', '<\\/')))
  handlebars.registerHelper('cssString', (value: string) => new handlebars.SafeString(cssString(value)))
  // Pictures come from `render/svg/*`, which escape every text they take from the data.
  handlebars.registerHelper('svg', (svg: string) => new handlebars.SafeString(svg))
  handlebars.registerHelper(
    'pageTitle',
    (title: string) => new handlebars.SafeString(pageTitle(title, handlebars.escapeExpression)),
  )
  // Text as segments (`prose.ts`), each run escaped, a glossary acronym in an `<abbr>` with its
  // expansion: a helper, since a partial per name and per paragraph is most of a large page's time.
  handlebars.registerHelper('prose', (segments: Segment[] | null) => {
    const escaped = handlebars.escapeExpression
    let html = ''
    for (const { text, expansion } of segments ?? [])
      html += expansion ? `<abbr title="${escaped(expansion)}">${escaped(text)}</abbr>` : escaped(text)
    return new handlebars.SafeString(html)
  })
}
