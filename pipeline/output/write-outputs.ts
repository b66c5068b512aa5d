/**
 * Stage 6: the files. Validates the briefing against the schema generated from the code's types,
 * then writes each output atomically (temporary file, then rename), so a failed or interrupted build
 * leaves earlier outputs as they were. Nothing is ever written into a `source/` folder.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, open, realpath, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { type Briefing, BriefingSchema } from '../briefing-schema.ts'
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

/** The JSON text of a briefing: stable key order (the schema's), two-space indent, final newline. */
export function briefingJson(briefing: Briefing): string {
  return `${JSON.stringify(briefing, null, 2)}\n`
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

/**
 * Write `data` to `path` atomically: a temporary file in the same folder, flushed to disk, then
 * renamed over `path`. A failure or an interruption leaves `path` as it was and no temporary behind.
 * Refuses to write into a `source/` folder.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(resolve(path))
  await refuseSourceFolder(folder)
  await mkdir(folder, { recursive: true })
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  pending.add(temporary)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
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
