import type { BigIntStats } from 'node:fs'

/** How long a file must have been left alone before a change to it is sure to change its time. */
export declare const SETTLED_MS: number
/** The stamp of a file from its `stat` (taken with `bigint: true`); `null` on a file system that keeps whole seconds. */
export declare function stampOf(info: BigIntStats): string | null
/** Whether the file `info` describes had been left alone for `SETTLED_MS` at `nowMs`, when it was looked at. */
export declare function settled(info: BigIntStats, nowMs: number): boolean
/** Which boot of the machine this is; `null` where the system does not say, and then no stamp is kept. */
export declare function bootId(): string | null
