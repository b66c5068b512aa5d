/**
 * The inputs every output of a build depends on besides its own source: the pipeline's code (and
 * locked dependencies), the templates, the browser that prints, by version, and the working folder. Each part is a
 * hash; a source's key adds its own bytes and date (`keyOf`).
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readSourceBytes } from '../source/read-source.ts'
import { browserVersion } from './browser-version.ts'
import { codeHash, ROOT } from './code-hash.cjs'
import { settled, stampOf } from './file-stamps.cjs'
import { hashFolder, hashParts, sha256 } from './hash.ts'

/** Where the templates live (the render stage reads them from the same folder). */
export const TEMPLATES_DIR = join(ROOT, 'templates')

/** What a build's outputs depend on besides each source. */
export interface BuildInputs {
  code: string
  templates: string
  /** `Chromium 156.0.…` and its path, or `no-pdf`. */
  browser: string
  /** The working folder: the JSON names its source by a path relative to it. */
  cwd: string
}

/** Hash the shared inputs; `executablePath` is the browser that will print, or `null` for no PDF. */
export async function buildInputs(executablePath: string | null): Promise<BuildInputs> {
  const [templates, browser] = await Promise.all([
    hashFolder(TEMPLATES_DIR),
    executablePath ? browserVersion(executablePath) : 'no-pdf',
  ])
  return { code: codeHash(), templates, browser, cwd: process.cwd() }
}

/** What the last build recorded of a source's bytes: their hash and the stamp of the file they were read from. */
export interface KnownSource {
  hash: string
  stamp: string | null
}

/**
 * SHA-256 of the source at `path`, and the stamp to know it by next time (`file-stamps.cjs`; `null`
 * when it gives none to trust). `recorded` is what the last build recorded of it: while the file
 * has that stamp, it is not read. Otherwise it is read as the source stage reads: a device or a huge
 * file is refused, never read forever.
 */
export async function sourceHash(path: string, recorded?: Partial<KnownSource>): Promise<KnownSource> {
  const now = Date.now()
  const info = await stat(path, { bigint: true }).catch(() => null)
  const stamp = info?.isFile() ? stampOf(info) : null
  if (stamp !== null && recorded?.hash && recorded.stamp === stamp) return { hash: recorded.hash, stamp }
  const hash = sha256(await readSourceBytes(path))
  // Read after the stamp was taken: a change since shows as another stamp next time.
  return { hash, stamp: stamp !== null && info && settled(info, now) ? stamp : null }
}

/**
 * The key of one source's outputs: the hash of its bytes (`sourceHash`), its date (printed in the
 * briefing) and the shared inputs.
 */
export function keyOf(hash: string, date: string, inputs: BuildInputs): string {
  return hashParts(['source', hash, date, inputs.code, inputs.templates, inputs.browser, inputs.cwd])
}
