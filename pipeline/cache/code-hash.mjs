/**
 * One hash for everything the pipeline's code is made of: every file under `pipeline/`, the
 * locked dependency versions, the TypeScript settings and Node's version. Plain JavaScript, so the
 * launcher can use it before any TypeScript is compiled.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The repository this module lives in. */
export const ROOT = join(import.meta.dirname, '..', '..')

/** Files outside `pipeline/` that change what the code does. */
const EXTRA_FILES = ['package-lock.json', 'tsconfig.json']

let memo

/** SHA-256 (hex) over the pipeline's code, dependency lock and Node version; computed once per process. */
export function codeHash() {
  if (memo) return memo
  const hash = createHash('sha256').update(`${process.version}\0${ROOT}\0`)
  const pipeline = join(ROOT, 'pipeline')
  const files = readdirSync(pipeline, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath ?? entry.path, entry.name)))
  for (const file of [...files.sort(), ...EXTRA_FILES]) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update('\0')
  }
  memo = hash.digest('hex')
  return memo
}
