/**
 * Node modules loaded when first used, not when a build starts: a rebuild of nothing starts no
 * process and no thread, and Node compiling these for it (`child_process` brings `net`, `dgram` and
 * their streams) took 7-8 ms of its 70.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const childProcess = (): typeof import('node:child_process') => require('node:child_process')
export const net = (): typeof import('node:net') => require('node:net')
export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads')
