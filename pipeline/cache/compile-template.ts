/**
 * Handlebars templates compiled once per content, not once per run: the output of
 * `Handlebars.precompile` is kept in `node_modules/.cache/briefing/templates/<hash>.js` and loaded
 * with `handlebars.template`, which skips parsing and compiling (55–235 ms for the briefing's
 * templates, measured on this machine, on every run).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Handlebars from 'handlebars'
import { ROOT } from './code-hash.mjs'
import { hashParts } from './hash.ts'

const CACHE = join(ROOT, 'node_modules', '.cache', 'briefing', 'templates')

/** `handlebars.compile(source, options)`, from the compiled cache when the same source was compiled before. */
export function compileTemplate(
  handlebars: typeof Handlebars,
  source: string,
  options: CompileOptions,
): Handlebars.TemplateDelegate {
  const path = join(CACHE, `${hashParts(['handlebars', Handlebars.VERSION, JSON.stringify(options), source])}.js`)
  let spec: string
  try {
    spec = readFileSync(path, 'utf8')
  } catch {
    spec = String(handlebars.precompile(source, options))
    mkdirSync(CACHE, { recursive: true })
    const temporary = `${path}.${process.pid}.tmp`
    writeFileSync(temporary, spec)
    renameSync(temporary, path)
  }
  // The spec is the JavaScript object literal Handlebars itself generated for this source.
  return handlebars.template(new Function(`return ${spec}`)())
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>
