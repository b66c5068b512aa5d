/**
 * The V8 flags a build runs its stages with, set once the run knows it has something to build,
 * not on Node's command line. V8 accepts a code cache only under the flags it was made with, Node's
 * own for its built-in modules among them: with these flags on the command line, every built-in
 * module a run loads (`node:crypto`, `node:fs/promises`, …) was compiled from its source, about
 * 10 ms of a rebuild of nothing's 60 (its Node process: 64 → 55 ms, medians of 30 runs in pairs,
 * faster in 29). A rebuild of nothing never sets them.
 *
 * `npm run dev` sets the same flags on its command line (a test holds it to that): it builds from
 * its first moment, and its one bundle's code cache, made as it ends, would otherwise hold only
 * what ran before they were set.
 *
 * - `--no-regexp-tier-up`: V8 compiles each regular expression once, to machine code, instead of
 *   first for its interpreter and again on its second use; the extraction's patterns run thousands
 *   of times, and the seed's data stage takes about half as long (134 → 69 ms, medians of 7).
 * - `--max-inlined-bytecode-size-cumulative=100` (V8's default is 920): a build runs once, so an
 *   optimised function is worth less than the time V8 takes to make it, on the core the build
 *   shares with it; inlining less makes each optimised function sooner and smaller (the 1 MB
 *   source: 2.09 → 1.88 s, medians of 9 alternating runs).
 *
 * Both are read by V8 when it compiles, so setting them mid-run changes what is compiled after.
 */

/** The flags, in V8's syntax. */
export const BUILD_V8_FLAGS = ['--no-regexp-tier-up', '--max-inlined-bytecode-size-cumulative=100'] as const

/** Where `load-compiled.cjs` offers to set V8's flags (it first makes the code caches they would void). */
const SET_V8_FLAGS = Symbol.for('briefing.set-v8-flags')

let tuned = false

/**
 * Set `BUILD_V8_FLAGS`, once. Only in code run compiled (`run-compiled.cjs`), whose loader keeps its
 * code caches right; from TypeScript (tests, `tsx`) the process is left as it is.
 */
export function tuneForBuilding(): void {
  const setFlags = (globalThis as Record<symbol, unknown>)[SET_V8_FLAGS]
  if (tuned || typeof setFlags !== 'function') return
  tuned = true
  setFlags(BUILD_V8_FLAGS)
}
