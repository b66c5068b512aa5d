/**
 * Which files are sources, and which would clash: the build and the dev server list `source/` alike.
 */
import { basename, extname, resolve } from 'node:path'

/** The extensions of a source's file name. */
export const SOURCE_EXTENSIONS = new Set(['.md', '.markdown', '.txt'])

/**
 * Two of `sources` that would write the same outputs ("notes.md" and "notes.txt" are both
 * `notes.json`), with the name they share; `null` when there are none.
 */
export function sameOutputs(sources: readonly string[]): { first: string; second: string; name: string } | null {
  const seen = new Map<string, string>()
  for (const path of sources) {
    const name = basename(path, extname(path))
    const first = seen.get(name)
    if (first !== undefined && resolve(first) !== resolve(path)) return { first, second: path, name }
    seen.set(name, path)
  }
  return null
}

/** What to say of `clash` (`sameOutputs`). */
export function sameOutputsMessage(clash: { first: string; second: string; name: string }): string {
  return `${clash.first} and ${clash.second} would both be written as ${clash.name}.json, .html and .pdf: rename one`
}
