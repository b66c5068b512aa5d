/**
 * Texts that cost time to make and depend on nothing but their key, kept between runs in
 * `node_modules/.cache/briefing/<kind>/<hash of key>.txt` and read back instead of made again. The
 * key must name everything the text depends on (for a text our code makes, the code's hash). Only a
 * shortcut: a memo that cannot be read is made anew, one that cannot be written is not kept.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ROOT } from './code-hash.cjs'
import { hashParts } from './hash.ts'

const CACHE = join(ROOT, 'node_modules', '.cache', 'briefing')

/** Past this many texts of one kind, the oldest go: every change of the code leaves its texts behind. */
const MOST_TEXTS = 200

/** `make()`, or what it made before for the same `key`. */
export function remembered(kind: string, key: readonly string[], make: () => string): string {
  const known = recall(kind, key)
  if (known !== null) return known
  const text = make()
  keep(kind, key, text)
  return text
}

/** What was kept for `key`, or `null`. */
export function recall(kind: string, key: readonly string[]): string | null {
  try {
    return readFileSync(memoFile(kind, key), 'utf8')
  } catch {
    return null
  }
}

/** Keep `text` for `key`. */
export function keep(kind: string, key: readonly string[], text: string): void {
  const file = memoFile(kind, key)
  try {
    mkdirSync(dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    writeFileSync(temporary, text)
    renameSync(temporary, file)
    keepNewest(dirname(file), MOST_TEXTS)
  } catch {
    // Only a shortcut for the next run.
  }
}

function memoFile(kind: string, key: readonly string[]): string {
  return join(CACHE, kind, `${hashParts(key)}.txt`)
}

/** Remove all but the `most` most recently written files of `folder`. */
export function keepNewest(folder: string, most: number): void {
  const names = readdirSync(folder)
  if (names.length <= most) return
  const byAge = names
    .map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => a.time - b.time)
  for (const { name } of byAge.slice(0, names.length - most)) rmSync(join(folder, name), { force: true })
}
