/**
 * Stage 6: the files. Validates the briefing against the schema generated from the code's types,
 * then writes each output atomically (temporary file, then rename), so a failed or interrupted build
 * leaves earlier outputs as they were. Nothing is ever written into a `source/` folder.
 */
import { createHash, randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, open, realpath, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { type Briefing, BriefingSchema } from '../briefing-schema.ts'
import { stampOf } from '../cache/file-stamps.cjs'
import { BuildFailure } from '../source/messages.ts'

let checker: ReturnType<typeof TypeCompiler.Compile<typeof BriefingSchema>> | undefined

/** Throw (a bug in our code, not in the source) when `briefing` breaks its own contract. */
export function assertValidBriefing(briefing: Briefing): void {
  // Compiled on first use, not when the module loads; the errors are looked for only when the check fails.
  checker ??= TypeCompiler.Compile(BriefingSchema)
  if (checker.Check(briefing)) return
  const first = checker.Errors(briefing).First()
  if (first) throw new Error(`Briefing data breaks its schema at ${first.path || '/'}: ${first.message}`)
}

/**
 * The JSON text of a briefing (stable key order, the schema's; two-space indent; final newline):
 * `${JSON.stringify(value, null, 2)}\n` of a plain object, in pieces: an element of a top-level
 * array at a time. A megabyte source's JSON is 14 MB: made whole, it is one long string (28 MB in
 * memory) and its 14 MB of bytes side by side. Written in pieces, the 1 MB source's build peaks at
 * 213-221 MB instead of 270-286 MB, in the same time (9 alternating builds: medians 2757 and
 * 2750 ms). Each piece is stringified as it stands in the whole (wrapped as deep, the wrappers cut
 * off), so it comes indented: stringifying it alone and indenting its lines with `replaceAll` took
 * ~380 ms of the 1 MB source's 14 MB of JSON, where the wrapped `JSON.stringify` takes ~70 ms.
 */
export function* jsonChunks(value: object): Generator<string> {
  // What `JSON.stringify` leaves out of an object.
  const entries = Object.entries(value).filter(([, item]) => !['undefined', 'function', 'symbol'].includes(typeof item))
  yield entries.length > 0 ? '{\n' : '{'
  for (const [index, [key, item]] of entries.entries()) {
    const end = index < entries.length - 1 ? ',\n' : '\n'
    if (!Array.isArray(item) || item.length === 0) {
      yield JSON.stringify({ [key]: item }, null, 2).slice(2, -2)
      yield end
      continue
    }
    yield `  ${JSON.stringify(key)}: [\n`
    for (const [at, element] of item.entries()) {
      yield JSON.stringify([[element]], null, 2).slice(6, -6)
      yield at < item.length - 1 ? ',\n' : '\n'
    }
    yield `  ]${end}`
  }
  yield '}\n'
}

/** The JSON Schema text shipped beside the outputs. */
export function schemaJson(): string {
  return `${JSON.stringify(BriefingSchema, null, 2)}\n`
}

/** Temporary files being written, removed if the process ends before they are renamed. */
const pending = new Set<string>()
process.on('exit', () => {
  for (const temporary of pending) rmSync(temporary, { force: true })
})

/** Folders no build may write into: the sources, where the build is run and in the repository. */
const SOURCE_DIRS = [resolve('source'), join(import.meta.dirname, '..', '..', 'source')]

/** Pieces of a text are encoded into a buffer of this many bytes, written whenever it is full. */
const BATCH = 1 << 20
/** The most UTF-16 units of a piece encoded at once: as many as surely fit an empty batch. */
const PART = Math.floor(BATCH / 3)

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff

/** What `writeAtomic` wrote: the SHA-256 of the bytes, and the stamp of the file (`null`: it gives none). */
export interface Written {
  hash: string
  stamp: string | null
}

/**
 * Write `data` (bytes, a text, or a text in pieces, as UTF-8) to `path` atomically: a temporary file
 * in the same folder, then renamed over `path`. A failure or an interruption leaves `path` as it was
 * and no temporary behind. Refuses to write into a `source/` folder. Returns the SHA-256 of the
 * bytes written, and the stamp (`file-stamps.cjs`) of the file they are in, taken from the file
 * itself once it is in place (so never another's that replaced it meanwhile). Text in pieces is
 * encoded a piece at a time, a long one in parts, into one buffer: no copy of the whole text is
 * made, in UTF-16 or in UTF-8. No piece may end inside a surrogate pair.
 *
 * Not flushed to disk (`fsync`) before the rename: an output is made again from its source, and one
 * that a crash of the machine left short or empty no longer has the hash the cache recorded, so the
 * next build makes it again (`isFresh`; stamps from before a restart of the machine are not
 * trusted: `bootId`). The flush cost the 1 MB source's build 30 ms (its 23 MB of outputs) for
 * nothing a build needs.
 */
export async function writeAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<Written> {
  const folder = dirname(resolve(path))
  await refuseSourceFolder(folder)
  await mkdir(folder, { recursive: true })
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  pending.add(temporary)
  try {
    const hash = createHash('sha256')
    const handle = await open(temporary, 'wx')
    try {
      const write = async (bytes: Uint8Array) => {
        hash.update(bytes)
        await handle.writeFile(bytes)
      }
      if (typeof data === 'string') await write(Buffer.from(data))
      else if (data instanceof Uint8Array) await write(data)
      else {
        // One buffer, reused: no joined copy of the pieces, no fresh memory for each batch's bytes.
        const batch = Buffer.allocUnsafe(BATCH)
        let used = 0
        for (const piece of data) {
          // A long piece goes in parts (slices share its memory), never between the halves of a surrogate pair.
          for (let at = 0; at < piece.length; ) {
            let end = Math.min(piece.length, at + PART)
            if (end < piece.length && isHighSurrogate(piece.charCodeAt(end - 1))) end--
            const part = at === 0 && end === piece.length ? piece : piece.slice(at, end)
            // A UTF-16 unit is at most three bytes of UTF-8: a part that may not fit is written after the batch.
            if (used + part.length * 3 > BATCH) {
              await write(batch.subarray(0, used))
              used = 0
            }
            used += batch.write(part, used)
            at = end
          }
        }
        await write(batch.subarray(0, used))
      }
      await rename(temporary, path)
      // After the rename, which sets the file's change time.
      return { hash: hash.digest('hex'), stamp: stampOf(await handle.stat({ bigint: true })) }
    } finally {
      await handle.close()
    }
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  } finally {
    pending.delete(temporary)
  }
}

/** Throw when `folder` (after following links) is, or would be, inside a folder of sources. */
async function refuseSourceFolder(folder: string): Promise<void> {
  const real = await realpathOfNearest(folder)
  for (const sources of SOURCE_DIRS) {
    const forbidden = await realpathOfNearest(sources)
    if (real === forbidden || real.startsWith(`${forbidden}${sep}`))
      throw new BuildFailure(`refusing to write into the sources folder ${relative(process.cwd(), folder) || '.'}`)
  }
}

/** The real path of `path`, resolved through its nearest existing ancestor when it does not exist yet. */
async function realpathOfNearest(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : join(await realpathOfNearest(parent), basename(path))
  }
}
