/**
 * What `stat` says of a file, as one string: its size, inode and change time. The cache keeps a
 * file's stamp beside the hash of its bytes, and a file whose stamp is the same is taken to hold the
 * same bytes, as git's index does: a rebuild of nothing stats its code, source and outputs instead
 * of reading and hashing them (the 1 MB source's outputs are 22 MB). The change time (`ctime`) is
 * set by the kernel on every write and rename, and no tool can set it back (`touch` and `utimes`
 * set the others); a file replaced is another inode.
 *
 * What a stamp cannot tell, and so is never trusted:
 * - a change in the same tick of the kernel's clock as the one before, which leaves the same time:
 *   a file read to be hashed is remembered by its stamp only if it had been left alone for
 *   `SETTLED_MS` when it was looked at (`settled`), and a file system that keeps whole seconds
 *   gives no stamps;
 * - a crash of the machine, which can lose bytes not yet on disk and keep the stamp (outputs are
 *   not flushed: `writeAtomic`): stamps are kept with the boot they were taken in (`bootId`).
 * Plain JavaScript, so the launcher can use it before any TypeScript is compiled.
 */
const { readFileSync } = require('node:fs')

/**
 * How long a file must have been left alone before a change to it is sure to change its time: the
 * kernel stamps changes with a clock that moves in ticks of 1-10 ms.
 */
const SETTLED_MS = 50

/** The stamp of a file from its `stat` (taken with `bigint: true`); `null` on a file system that keeps whole seconds. */
function stampOf(info) {
  if (info.ctimeNs % 1_000_000_000n === 0n) return null
  return `${info.size}:${info.ino}:${info.ctimeNs}`
}

/** Whether the file `info` describes had been left alone for `SETTLED_MS` at `nowMs`, when it was looked at. */
function settled(info, nowMs) {
  return Number(info.ctimeNs / 1_000_000n) < nowMs - SETTLED_MS
}

let boot

/** Which boot of the machine this is (Linux's `boot_id`); `null` where the system does not say, and then no stamp is kept. */
function bootId() {
  if (boot === undefined) {
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
    } catch {
      boot = null
    }
  }
  return boot
}

module.exports = { bootId, SETTLED_MS, settled, stampOf }
