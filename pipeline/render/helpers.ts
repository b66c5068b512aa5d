/**
 * Every Handlebars helper, registered in one place. Helpers return escaped strings or
 * `SafeString`s built only from escaped parts.
 */
import type Handlebars from 'handlebars'

/** A CSS string literal that no text can break out of: every character but a few safe ones escaped. */
export function cssString(value: string): string {
  return `"${Array.from(value, (char) => (/[A-Za-z0-9 .,()-]/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `)).join('')}"`
}

/** Register the helpers the templates use on `handlebars`. */
export function registerHelpers(handlebars: typeof Handlebars): void {
  // Our own stylesheet and font rules; `</` cannot end the style element early.
  handlebars.registerHelper('css', (css: string) => new handlebars.SafeString(css.replaceAll('</', '<\\/')))
  handlebars.registerHelper('cssString', (value: string) => new handlebars.SafeString(cssString(value)))
  // Pictures come from `render/svg/*`, which escape every text they take from the data.
  handlebars.registerHelper('svg', (svg: string) => new handlebars.SafeString(svg))
  handlebars.registerHelper('count', (list: unknown[]) => list.length)
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b)
}
