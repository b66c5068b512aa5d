/**
 * Where the running code was compiled to, when it runs compiled (`run-compiled.cjs` says so
 * before it loads the entry), and the worker threads compiled beside the entry.
 */
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { workerThreads } from './on-demand.ts'

/** The key `run-compiled.cjs` sets the folder of the compiled code under. */
const COMPILED_CODE = Symbol.for('briefing.compiled-code')

/** The loader every compiled thread starts with (`load-compiled.cjs`). */
const LOADER = join(import.meta.dirname, 'load-compiled.cjs')

/** What tells `load-compiled.cjs` it runs a worker thread's entry (`COMPILED_WORKER` there). */
const COMPILED_WORKER = 'briefing:compiled-worker'

/**
 * Start the worker thread compiled from `pipeline/…/<name>.ts` with `data` (its `workerData.data`),
 * or `null` when the code runs from TypeScript and there is no compiled worker to start. A worker
 * should end by itself when its work is done (its code cache is saved as it ends).
 */
export function startCompiledWorker(name: string, data?: unknown): Worker | null {
  const folder = compiledFolder()
  if (folder === null) return null
  const workerData = { compiled: join(folder, `${name}.cjs`), data }
  return new (workerThreads().Worker)(LOADER, { workerData, argv: [COMPILED_WORKER] })
}

/** Whether the code runs compiled, with worker threads to start. */
export function runsCompiled(): boolean {
  return compiledFolder() !== null
}

function compiledFolder(): string | null {
  const folder = (globalThis as Record<symbol, unknown>)[COMPILED_CODE]
  return typeof folder === 'string' ? folder : null
}
