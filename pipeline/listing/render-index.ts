/**
 * `index.html` of an output folder: a page listing every briefing in it (`listBriefings`), from
 * `templates/index.hbs` with the render stage's helpers. Self-contained and deterministic: no
 * date, no script, no network, so rebuilding an unchanged folder gives the same bytes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Handlebars from 'handlebars'
import { TEMPLATES_DIR } from '../cache/build-inputs.ts'
import { compileTemplate } from '../cache/compile-template.ts'
import { registerHelpers } from '../render/helpers.ts'
import type { ListedBriefing } from './list-briefings.ts'

/** Render the index page for `briefings`. */
export function renderIndex(briefings: readonly ListedBriefing[]): string {
  const handlebars = Handlebars.create()
  registerHelpers(handlebars)
  const template = compileTemplate(handlebars, readFileSync(join(TEMPLATES_DIR, 'index.hbs'), 'utf8'), { strict: true })
  return template({ briefings })
}
