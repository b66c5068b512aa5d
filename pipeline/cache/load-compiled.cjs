/**
 * Load a compiled CommonJS bundle (`run-compiled.cjs`) through V8's code cache, kept beside it as
 * `<file>.v8-cache`. The cache is made at the end of the first run (or when that run changes V8's
 * flags: `setV8Flags`), so it holds the bytecode of every function the run used, not only the top
 * level: a later run neither parses the bundle nor compiles those functions again (callgrind,
 * Node's instructions for a seed build: with the PDF 5.26 G → 4.79 G, with `--no-pdf`
 * 4.78 G → 4.58 G).
 * Node 22 does this itself (`module.enableCompileCache`); Node 20 has only `vm.Script`'s
 * `cachedData`. `v8-compile-cache` makes its cache when a file is compiled, before the functions a
 * run uses are, so it saves the parse and little else. A cache V8 rejects (another V8, other
 * flags) is made anew. Also the entry of worker threads: `workerData.compiled` names the bundle.
 */
const { readFileSync, renameSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname } = require('node:path')
const { Script } = require('node:vm')

/**
 * How the entry's bundle asks for a module of its later bundle (`run-compiled.cjs`):
 * `require(LATER + n)`, answered with the later bundle's `l<n>` export.
 */
const LATER = 'briefing-later:'

/** The argument a worker thread started on this loader is given (`compiled-code.ts`). */
const COMPILED_WORKER = 'briefing:compiled-worker'

/** The key (`Symbol.for`) under which the entry's bundle registers its modules for its later bundle. */
const SHARED = 'briefing.shared'

/** Run the CommonJS bundle `file` as the entry of this thread. */
function loadCompiled(file) {
  runBundle(file)
}

/** Run the CommonJS bundle `file`, through its code cache; its exports. */
function runBundle(file) {
  const cacheFile = `${file}.v8-cache`
  let cachedData
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // None yet: this run makes it.
  }
  const source = readFileSync(file, 'utf8')
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  })
  if (!cachedData || script.cachedDataRejected) unsaved.set(cacheFile, script)
  const module = { exports: {} }
  script.runInThisContext()(module.exports, requireFor(file), module, file, dirname(file))
  return module.exports
}

/** Node's `require` for the bundle `file`, which also answers for its later bundle (`LATER`). */
function requireFor(file) {
  const require = createRequire(file)
  let later
  const answer = (id) => {
    if (typeof id !== 'string' || !id.startsWith(LATER)) return require(id)
    later ??= runBundle(file.replace(/\.cjs$/, '.later.cjs'))
    return later[`l${id.slice(LATER.length)}`]
  }
  return Object.assign(answer, { resolve: require.resolve, cache: require.cache })
}

/** Code caches to make, by file: for bundles whose cache was missing or rejected. */
const unsaved = new Map()
process.once('exit', saveCaches)

/** Make the code caches still to be made. */
function saveCaches() {
  for (const [cacheFile, script] of unsaved) saveCache(cacheFile, script)
  unsaved.clear()
}

/**
 * Where a run sets V8's flags (`v8-flags.ts`): through this loader, which first makes the code caches
 * of the bundles already loaded. V8 accepts a code cache only under the flags it was made with, so
 * the cache of a bundle loaded before the flags changed is made before they change: the next run
 * loads it at the same point, under the same flags.
 */
const SET_V8_FLAGS = Symbol.for('briefing.set-v8-flags')

/** Set each of `flags` (V8's syntax, `--name=value`) for the rest of the process. */
function setV8Flags(flags) {
  saveCaches()
  // Loaded here, not at the top: a run that sets no flags need not load it (~2 ms).
  const { setFlagsFromString } = require('node:v8')
  for (const flag of flags) setFlagsFromString(flag)
}
globalThis[SET_V8_FLAGS] = setV8Flags

function saveCache(cacheFile, script) {
  try {
    const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    writeFileSync(temporary, script.createCachedData())
    renameSync(temporary, cacheFile)
  } catch {
    // Only a shortcut for the next run.
  }
}

// Started as a worker thread's entry: the bundle to run is named in its data.
// (Told by its arguments, so that no other thread loads `worker_threads` for nothing: `compiled-code.ts`.)
if (process.argv[2] === COMPILED_WORKER) loadCompiled(require('node:worker_threads').workerData.compiled)

module.exports = { LATER, loadCompiled, SHARED }
