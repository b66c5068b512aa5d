/**
 * Handlebars templates compiled once per content, not once per run: the output of
 * `Handlebars.precompile` is kept (`disk-memo.ts`, kind `templates`) and loaded with
 * `handlebars.template`, which skips parsing and compiling (55–235 ms for the briefing's
 * templates, measured on this machine, on every run).
 */
import Handlebars from 'handlebars'
import { remembered } from './disk-memo.ts'

/** `handlebars.compile(source, options)`, from the compiled cache when the same source was compiled before. */
export function compileTemplate(
  handlebars: typeof Handlebars,
  source: string,
  options: CompileOptions,
): Handlebars.TemplateDelegate {
  const key = ['handlebars', Handlebars.VERSION, JSON.stringify(options), source]
  const spec = remembered('templates', key, () => String(handlebars.precompile(source, options)))
  // The spec is the JavaScript object literal Handlebars itself generated for this source.
  return handlebars.template(new Function(`return ${spec}`)())
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>
