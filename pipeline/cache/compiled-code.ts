/**
 * Where the running code was compiled to, when it runs compiled (`run-compiled.mjs` says so
 * before it loads the entry): the files compiled beside the entry (worker threads) are found there.
 */

/** The key `run-compiled.mjs` sets the folder of the compiled code under. */
export const COMPILED_CODE = Symbol.for('briefing.compiled-code')

/** The compiled file `name` beside the running entry, or `null` when the code runs from TypeScript. */
export function compiledFile(name: string): string | null {
  const folder = (globalThis as Record<symbol, unknown>)[COMPILED_CODE]
  return typeof folder === 'string' ? `${folder}/${name}` : null
}
