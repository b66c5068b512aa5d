/**
 * What the last build of an output folder made: per source, the hash of every input (its key) and
 * of every file written. An output is reused only when its key is the same and every file it wrote
 * is still there with the same content, so an edited or deleted output is rebuilt, never served.
 * Kept in `node_modules/.cache/briefing/outputs/`, out of the repository: a fresh clone simply
 * builds everything.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Listing } from '../listing/list-briefings.ts'
import { ROOT } from './code-hash.cjs'
import { keepNewest } from './disk-memo.ts'
import { bootId, settled, stampOf } from './file-stamps.cjs'
import { hashFile, sha256 } from './hash.ts'

/** One cached unit of work (a source, the index, the schema) and the files it wrote. */
export interface CacheEntry {
  /** Hash of everything the files depend on. */
  key: string
  /** Path → SHA-256 of its content as written. */
  files: Record<string, string>
  /**
   * Path → the stamp (`file-stamps.cjs`) the file had with that content: while it has the same, it is
   * not read again. A file without one is read and hashed.
   */
  stamps?: Record<string, string>
  /** For a source: the SHA-256 of its bytes as built. Bytes that differ make it stale before its key is known. */
  source?: string
  /** For a source: the stamp of the file those bytes were read from. */
  sourceStamp?: string
  /** For a source: what the index lists of its JSON, so that a rebuild of nothing need not read the JSON back. */
  listing?: Listing | null
}

/** The record of one output folder. */
export interface Manifest {
  version: 1
  /** The boot of the machine its stamps were taken in (`bootId`): those of another are dropped as it is read. */
  boot?: string | null
  entries: Record<string, CacheEntry>
}

/** Past this many output folders' records, the least recently written go: their folders are built afresh if they come back. */
const MOST_RECORDS = 200

/** Where the record of `outDir` is kept. */
export function manifestPath(outDir: string): string {
  const folder = resolve(outDir)
  return join(ROOT, 'node_modules', '.cache', 'briefing', 'outputs', `${sha256(folder).slice(0, 16)}.json`)
}

/** The text each record was read from, so that one nothing changed is not written again. */
const readAs = new WeakMap<Manifest, string>()

/** The record of `outDir`; empty when there is none or it is unreadable (then everything is rebuilt). */
export async function loadManifest(outDir: string): Promise<Manifest> {
  try {
    const text = await readFile(manifestPath(outDir), 'utf8')
    const manifest = JSON.parse(text) as Manifest
    if (manifest.version === 1 && typeof manifest.entries === 'object') {
      readAs.set(manifest, text)
      if (manifest.boot !== bootId() || manifest.boot === null) forgetStamps(manifest)
      return manifest
    }
  } catch {
    // No record yet, or a broken one: build everything.
  }
  return { version: 1, entries: {} }
}

/** Drop every stamp of `manifest`: its files are read and hashed again. */
function forgetStamps(manifest: Manifest): void {
  for (const entry of Object.values(manifest.entries)) {
    delete entry.stamps
    delete entry.sourceStamp
  }
}

/**
 * Save `manifest` for `outDir` (atomically, so a concurrent build never reads half of it), unless it
 * says what it said when it was read: a rebuild of nothing writes nothing.
 */
export async function saveManifest(outDir: string, manifest: Manifest): Promise<void> {
  manifest.boot = bootId()
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  if (readAs.get(manifest) === text) return
  const path = manifestPath(outDir)
  await mkdir(join(path, '..'), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
  // Every folder ever built into leaves its record (the tests' and the bench's temporary ones too).
  keepNewest(join(path, '..'), MOST_RECORDS)
}

/**
 * Whether `entry` was made from inputs with hash `key` and all its files are still as written: each
 * known by its stamp, or else read and hashed (and then its stamp is kept in `entry`, when it can be
 * trusted, for the next run).
 */
export async function isFresh(entry: CacheEntry | undefined, key: string): Promise<boolean> {
  if (!entry || entry.key !== key || Object.keys(entry.files).length === 0) return false
  const holding = await Promise.all(Object.entries(entry.files).map(([path, hash]) => holds(entry, path, hash)))
  return holding.every(Boolean)
}

/** Whether the file at `path` of `entry` still holds the bytes whose hash is `hash`. */
async function holds(entry: CacheEntry, path: string, hash: string): Promise<boolean> {
  const now = Date.now()
  const info = await stat(path, { bigint: true }).catch(() => null)
  if (!info?.isFile()) return false
  const stamp = stampOf(info)
  if (stamp !== null && entry.stamps?.[path] === stamp) return true
  if ((await hashFile(path)) !== hash) return false
  if (stamp !== null && settled(info, now)) entry.stamps = { ...entry.stamps, [path]: stamp }
  return true
}
