/**
 * Every Handlebars helper, registered in one place. Helpers return escaped strings or
 * `SafeString`s built only from escaped parts.
 */
import type Handlebars from 'handlebars'

/** Register the helpers the templates use on `handlebars`. */
export function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('css', (css: string) => new handlebars.SafeString(css.replaceAll('</', '<\\/')))
  handlebars.registerHelper('count', (list: unknown[]) => list.length)
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b)
}
