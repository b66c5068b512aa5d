/**
 * The spelling check of a build, with what earlier builds decided about each token kept between
 * them (`SpellingMemo`), in `node_modules/.cache/briefing/spelling/<code hash>.json`: the code
 * hash covers the word lists under `pipeline/` and, through the lock file, the dictionary, so a
 * memo is only ever read by the code that wrote it. Briefings reuse most of their words, so a
 * build asks the dictionary about the few new ones: an edit, not the whole text.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { codeHash, ROOT } from '../cache/code-hash.cjs'
import { findMisspellings, type Misspelling, type SpellingMemo } from './spelling.ts'

/** Past this many tokens the memo starts again, so it stays a few megabytes at most. */
const MOST_TOKENS = 200_000

/** The misspellings of each of `texts`, asking the dictionary only about tokens no build has judged. */
export function checkSpelling(texts: readonly string[]): Misspelling[][] {
  const file = join(ROOT, 'node_modules', '.cache', 'briefing', 'spelling', `${codeHash()}.json`)
  const memo = readMemo(file)
  const before = memo.size
  const found = findMisspellings(texts, memo)
  if (memo.size !== before) writeMemo(file, memo.size > MOST_TOKENS ? new Map() : memo)
  return found
}

function readMemo(file: string): SpellingMemo {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, boolean | string[]>))
  } catch {
    return new Map()
  }
}

/** Write `memo` atomically; the memos of other versions of the code go (none of them is read again). */
function writeMemo(file: string, memo: SpellingMemo): void {
  try {
    const folder = dirname(file)
    mkdirSync(folder, { recursive: true })
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(memo)))
    renameSync(temporary, file)
    for (const name of readdirSync(folder))
      if (name.endsWith('.json') && name !== basename(file)) rmSync(join(folder, name), { force: true })
  } catch {
    // Only a shortcut for the next build.
  }
}
