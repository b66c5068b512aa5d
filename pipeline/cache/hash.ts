/**
 * Content hashes: what the cache compares instead of times, so a file touched but unchanged is not
 * rebuilt and a file changed within the same second is.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/** SHA-256 (hex) of `data`. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** SHA-256 (hex) of `parts`, each kept apart from the next so `['ab', 'c']` and `['a', 'bc']` differ. */
export function hashParts(parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(`${part.length}:${part}\0`)
  return hash.digest('hex')
}

/** One hash over every file under `dir`: their paths and contents, in a stable order. */
export async function hashFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
  const contents = await Promise.all(files.map((file) => readFile(file)))
  return hashParts(files.flatMap((file, index) => [relative(dir, file), sha256(contents[index] as Buffer)]))
}

/** SHA-256 (hex) of the file at `path`, or `null` when there is no such file. */
export async function hashFile(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
