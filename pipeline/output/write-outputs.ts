/**
 * Stage 6: the files. Validates the briefing against the schema generated from the code's types,
 * then writes each output atomically (temporary file, then rename), so a failed or interrupted build
 * leaves earlier outputs as they were.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { type Briefing, BriefingSchema } from '../briefing-schema.ts'

const checker = TypeCompiler.Compile(BriefingSchema)

/** Throw (a bug in our code, not in the source) when `briefing` breaks its own contract. */
export function assertValidBriefing(briefing: Briefing): void {
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

/** Write `data` to `path` atomically: a temporary file in the same folder, then rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = join(dirname(path), `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
