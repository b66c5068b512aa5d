/**
 * Stage 1: the source. Reads a file from disk into a VFile that keeps its path, and refuses what is
 * not a briefing text (missing, not a regular file, empty, binary, UTF-16, not UTF-8, far too large)
 * with a positioned message. Whatever the bytes, it throws nothing but a `VFileMessage`.
 */
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { relative } from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

/**
 * A briefing is a few pages (the seed is 11 kB); a source above 1 MiB is something else. Note: the
 * limit also bounds the parser's worst cases, Markdown built to be slow (thousands of unclosed links,
 * lists nested hundreds deep), whose remark-parse time grows with the square of its size: some 20 s
 * at 256 KiB, minutes at 1 MiB.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024

declare module 'vfile' {
  interface DataMap {
    /** SHA-256 of the bytes on disk. */
    sha256: string
    /** The date the source speaks for, `YYYY-MM-DD` (see `sourceDate`). */
    sourceDate: string
  }
}

/** Why reading failed, for the error codes a person can act on. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'No such source file',
  ENOTDIR: 'No such source file (a folder on its path is a file)',
  EACCES: 'Source file is not readable (permission denied)',
  EPERM: 'Source file is not readable (operation not permitted)',
  ELOOP: 'Source file is a symbolic link that loops',
  EISDIR: 'Expected a source file, found a directory',
}

/** Read `path` into a VFile; `file.path` is relative to `cwd` so outputs do not depend on where the repo lives. */
export async function readSource(path: string, cwd = process.cwd()): Promise<VFile> {
  const file = new VFile({ path: relative(cwd, path) || path, cwd })
  const bytes = await readBytes(path, file)
  file.value = decodeText(bytes, file)
  if (file.value.trim() === '') file.fail('Source is empty')
  file.data.sha256 = createHash('sha256').update(bytes).digest('hex')
  return file
}

/**
 * The bytes of the source at `path`, read the same careful way (a regular file, at most
 * `MAX_SOURCE_BYTES`, never a device that reads forever); throws a `VFileMessage` otherwise.
 */
export function readSourceBytes(path: string): Promise<Uint8Array> {
  return readBytes(path, new VFile({ path }))
}

/** The bytes of a regular file of at most `MAX_SOURCE_BYTES`, or a fatal message on `file`. */
async function readBytes(path: string, file: VFile): Promise<Uint8Array> {
  try {
    // Open once and check what was opened, so the file checked is the file read.
    const handle = await open(path, 'r')
    try {
      const info = await handle.stat()
      if (info.isDirectory()) file.fail('Expected a source file, found a directory')
      if (!info.isFile()) file.fail('Expected a source file, found a device, pipe or socket')
      if (info.size > MAX_SOURCE_BYTES) file.fail(tooLarge(info.size))
      // Read one byte more than allowed, in case the file grew since `stat`.
      const buffer = new Uint8Array(MAX_SOURCE_BYTES + 1)
      let length = 0
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
        if (bytesRead === 0) break
        length += bytesRead
        if (length > MAX_SOURCE_BYTES) file.fail(tooLarge(length))
      }
      return buffer.subarray(0, length)
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (error instanceof VFileMessage) throw error
    const code = (error as NodeJS.ErrnoException).code ?? ''
    return file.fail(READ_ERRORS[code] ?? `Cannot read source file (${code || String(error)})`)
  }
}

function tooLarge(size: number): string {
  return `Source is ${size} bytes, too large for a briefing (at most ${MAX_SOURCE_BYTES} bytes)`
}

/** Decode UTF-8 strictly; name the line of the first byte that is binary or not UTF-8. */
export function decodeText(bytes: Uint8Array, file: VFile): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    file.fail('Source is UTF-16; save it as UTF-8', { place: { line: 1, column: 1 } })
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
  let line = 1
  let start = 0
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    const chunk = bytes.subarray(start, end)
    if (!isUtf8(chunk)) return { line, column: invalidColumn(chunk) }
    line++
    start = end + 1
  }
  return { line: 1, column: 1 }
}

/** Column (UTF-16 units, as unist counts) of the first invalid sequence in `chunk`, one line of bytes. */
function invalidColumn(chunk: Uint8Array): number {
  // The longest prefix that decodes (an unfinished sequence at its end allowed) ends where the fault is.
  let low = 0
  let high = chunk.length
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (isUtf8(chunk.subarray(0, middle), true)) low = middle
    else high = middle - 1
  }
  // The fault begins where the sequence left unfinished at `low` began (at most 3 bytes back).
  let start = low
  while (start > 0 && !isUtf8(chunk.subarray(0, start))) start--
  return new TextDecoder().decode(chunk.subarray(0, start)).length + 1
}

function isUtf8(bytes: Uint8Array, unfinishedEnd = false): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: unfinishedEnd })
    return true
  } catch {
    return false
  }
}
