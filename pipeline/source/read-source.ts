/**
 * Stage 1: the source. Reads a file from disk into a VFile that keeps its path, and refuses what is
 * not a briefing text (missing, empty, binary, not UTF-8, far too large) with a positioned message.
 */
import { readFile, stat } from 'node:fs/promises'
import { relative } from 'node:path'
import { VFile } from 'vfile'

/** A briefing is a few pages; anything far above this is not one. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024

declare module 'vfile' {
  interface DataMap {
    /** SHA-256 of the bytes on disk. */
    sha256: string
    /** The date the source speaks for, `YYYY-MM-DD` (see `sourceDate`). */
    sourceDate: string
  }
}

/** Read `path` into a VFile; `file.path` is relative to `cwd` so outputs do not depend on where the repo lives. */
export async function readSource(path: string, cwd = process.cwd()): Promise<VFile> {
  const file = new VFile({ path: relative(cwd, path) || path, cwd })
  let bytes: Buffer
  try {
    const info = await stat(path)
    if (info.isDirectory()) file.fail('Expected a source file, found a directory')
    if (info.size > MAX_SOURCE_BYTES)
      file.fail(`Source is ${info.size} bytes; a briefing should be under ${MAX_SOURCE_BYTES} bytes`)
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') file.fail('No such source file')
    if (code === 'EACCES') file.fail('Source file is not readable')
    throw error
  }
  file.value = decodeText(bytes, file)
  if (file.value.trim() === '') file.fail('Source is empty')
  const { createHash } = await import('node:crypto')
  file.data.sha256 = createHash('sha256').update(bytes).digest('hex')
  return file
}

/** Decode UTF-8 strictly; name the line of the first byte that is binary or not UTF-8. */
export function decodeText(bytes: Uint8Array, file: VFile): string {
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1
    file.fail('Source looks binary (it contains a NUL byte)', { place: { line, column: 1 } })
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return file.fail('Source is not valid UTF-8; save it as UTF-8', { place: firstInvalidUtf8(bytes) })
  }
}

/** Line and column of the first character that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const strict = new TextDecoder('utf-8', { fatal: true })
  const lenient = new TextDecoder('utf-8')
  let line = 1
  let start = 0
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    const chunk = bytes.subarray(start, end)
    try {
      strict.decode(chunk)
    } catch {
      return { line, column: lenient.decode(chunk).indexOf('\uFFFD') + 1 }
    }
    line++
    start = end + 1
  }
  return { line: 1, column: 1 }
}
