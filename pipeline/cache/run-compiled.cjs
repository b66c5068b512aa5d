/**
 * `node pipeline/cache/run-compiled.cjs pipeline/build.ts [args…]`: run a pipeline entry compiled
 * to JavaScript once per content hash of the code (`codeHash`), kept in
 * `node_modules/.cache/briefing/code/<hash>/`. Running TypeScript through `tsx` transforms and
 * loads through a loader thread on every run (about 0.5 s on a 2-core machine); this costs about
 * 25 ms when the code has not changed, and loads a bundle or two instead of hundreds of package
 * files. CommonJS, as is the loader: an ES module entry starts Node's ESM loader first (~12 ms).
 */
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs')
const { basename, dirname, join, relative, resolve, sep } = require('node:path')
const { pathToFileURL } = require('node:url')
const { codeHash, GIVEN_HASH, ROOT } = require('./code-hash.cjs')
const { LATER, loadCompiled, SHARED } = require('./load-compiled.cjs')

const CACHE = join(ROOT, 'node_modules', '.cache', 'briefing', 'code')

/**
 * Packages bundled into the compiled code (with everything they import), because loading their
 * hundreds of small files costs more than one large one; measured on the seed, bundling these
 * takes a `--no-pdf` build from 0.56 s to 0.40 s and the import of puppeteer-core from ~190 ms to
 * ~80 ms. Only packages that need no files of their own at run time belong here; any other package
 * stays external and is loaded by Node from `node_modules`, as usual. `@puppeteer/browsers` is
 * not among them: only `find-browser.ts` asks for it, and only when Puppeteer's own browser cache
 * exists; bundled, its main module (with its download stack) added 1.3 MB to every bundle. (What
 * puppeteer-core takes from it is bundled with puppeteer-core.)
 */
const BUNDLED = new Set([
  '@sinclair/typebox',
  'd3-geo',
  'github-slugger',
  'handlebars',
  'i18n-iso-countries',
  'leven',
  'mdast-util-gfm-table',
  'mdast-util-to-string',
  'micromark-extension-gfm-table',
  'nspell',
  'puppeteer-core',
  'remark-frontmatter',
  'remark-parse',
  'topojson-client',
  'unified',
  'unist-util-visit',
  'vfile',
  'vfile-location',
  'vfile-message',
  'yaml',
])

/** Entries that run on threads of their own, compiled beside every entry and found by `compiled-code.ts`. */
const WORKERS = ['pipeline/print/print.worker.ts']

/** The package a bare import names: `@scope/name/sub` → `@scope/name`. */
function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * An esbuild plugin that decides what is bundled (see `BUNDLED`; what a bundled package imports is
 * bundled too) and pins `import.meta.{url,dirname,filename}` (in CommonJS, `__dirname` and
 * `__filename`) of every module of ours to its real file, since modules find templates, data and
 * assets relative to themselves.
 */
const pipelinePlugin = {
  name: 'briefing-pipeline',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.kind === 'entry-point') return undefined
      const fromPackage = args.importer.includes(`${sep}node_modules${sep}`)
      return fromPackage || BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true }
    })
    // Our own modules only: the bundled packages need no files of their own (see `BUNDLED`).
    const ours = new RegExp(`^${join(ROOT, 'pipeline').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}.*\\.[cm]?[jt]s$`)
    build.onLoad({ filter: ours }, (args) => {
      const text = readFileSync(args.path, 'utf8')
      const location = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path }
      const contents = text
        .replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => JSON.stringify(location[key]))
        // CommonJS modules of ours (`code-hash.cjs`) find the repository from their own folder too.
        .replace(/\b__(dirname|filename)\b/g, (whole, key) =>
          args.path.endsWith('.cjs') ? JSON.stringify(location[key]) : whole,
        )
      return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' }
    })
  },
}

/** The options every bundle is compiled with. */
function bundleOptions(outdir) {
  return {
    absWorkingDir: ROOT,
    outdir,
    entryNames: '[name]',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    // `import()` of what is left out of the bundle becomes `require`: V8 cannot keep a script's
    // dynamic-import callback with its code cache, and what is left out is CommonJS or built in.
    supported: { 'dynamic-import': false },
    platform: 'node',
    target: `node${process.versions.node}`,
    // No comments or indentation: less to read and parse on every run. Names are kept, and stack
    // traces name the TypeScript lines with `NODE_OPTIONS=--enable-source-maps` (off by default: it costs load time).
    minifyWhitespace: true,
    legalComments: 'none',
    sourcemap: 'linked',
    logLevel: 'error',
  }
}

/**
 * An esbuild plugin that leaves out of the entry's bundle our own modules that the entry itself
 * imports only with `import()` (`later`, in the order met): each becomes `require('<LATER><n>')`,
 * which `load-compiled.cjs` answers from the later bundle.
 */
function laterPlugin(entry, later) {
  return {
    name: 'briefing-later',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.importer !== entry) return undefined
        const path = resolve(args.resolveDir, args.path)
        const index = later.includes(path) ? later.indexOf(path) : later.push(path) - 1
        return { path: `${LATER}${index}`, external: true }
      })
    },
  }
}

/** An esbuild plugin whose `files` (`path` → contents, in `namespace`) are the entries of a build. */
function virtualPlugin(namespace, files) {
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${namespace}:`) }, (args) => ({
        path: args.path.slice(namespace.length + 1),
        namespace,
      }))
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: files[args.path],
        resolveDir: ROOT,
        loader: 'js',
      }))
    },
  }
}

/**
 * An esbuild plugin that takes every module of `shared` (paths relative to `ROOT`) from the running
 * entry's bundle instead of bundling it again: one instance of each module, so that a class (a
 * `VFileMessage`, a `BuildFailure`) is the same on both sides.
 */
function sharedPlugin(shared) {
  return {
    name: 'briefing-shared',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData?.shared || args.path.startsWith('node:')) return undefined
        // A relative import is ours to resolve, which spares esbuild a round trip for each of thousands.
        if (args.path.startsWith('.')) {
          const base = relative(ROOT, resolve(args.resolveDir, args.path))
          const path = ['', '.js', '.cjs', '.mjs', '/index.js'].map((end) => base + end).find((p) => shared.has(p))
          return path ? { path: `${path}.cjs`, namespace: 'briefing-shared' } : undefined
        }
        const found = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { shared: true },
        })
        if (found.errors.length > 0 || found.external) return undefined
        const path = relative(ROOT, found.path)
        // Named `.cjs`, which it is: esbuild would take a `.mjs` for a module with no exports.
        return shared.has(path) ? { path: `${path}.cjs`, namespace: 'briefing-shared' } : undefined
      })
      build.onLoad({ filter: /.*/, namespace: 'briefing-shared' }, (args) => {
        const path = JSON.stringify(args.path.replace(/\.cjs$/, ''))
        return { contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(SHARED)})][${path}]`, loader: 'js' }
      })
    },
  }
}

/**
 * Compile `entry` (an absolute path) into `outDir`, with the worker threads' entries beside it:
 * each one CommonJS bundle with the packages it uses (loading hundreds of small package files costs
 * more than one large one), which `load-compiled.cjs` runs through V8's code cache.
 *
 * What the entry imports only with `import()` (the build's stages) goes into a second bundle,
 * `<name>.later.cjs`, loaded when first imported: a run that needs none of it (a no-op rebuild)
 * reads and deserialises some 30 KB instead of all 1 MB and its code cache. The later bundle takes
 * the modules the entry's bundle already has from it (`sharedPlugin`), which registers them for
 * that under `Symbol.for(SHARED)`.
 */
async function compile(entry, outDir) {
  const { build } = await import('esbuild')
  const temporary = `${outDir}.${process.pid}.tmp`
  const name = basename(entry).replace(/\.[cm]?ts$/, '')
  const options = bundleOptions(temporary)
  const later = []
  const plugins = [laterPlugin(entry, later), pipelinePlugin]
  const workers = build({
    ...options,
    entryPoints: WORKERS.map((worker) => join(ROOT, worker)),
    plugins: [pipelinePlugin],
  })
  // The entry's bundle, which also tells what it holds and what it leaves for later.
  const { metafile } = await build({ ...options, entryPoints: [entry], metafile: true, plugins })
  if (later.length > 0) {
    // Made again: its code as before, then every module it holds registered for the later bundle.
    const modules = Object.keys(metafile.inputs).filter((path) => !path.includes(':'))
    const registry = `${modules.map((path, i) => `import * as m${i} from ${JSON.stringify(join(ROOT, path))}`).join('\n')}
globalThis[Symbol.for(${JSON.stringify(SHARED)})] = {${modules.map((path, i) => `${JSON.stringify(path)}: m${i}`).join(', ')}}`
    const files = { [name]: `import ${JSON.stringify(entry)}\nimport "briefing-entry:registry"`, registry }
    const exports = later.map((path, i) => `export * as l${i} from ${JSON.stringify(path)}`).join('\n')
    await Promise.all([
      build({
        ...options,
        entryPoints: [{ in: `briefing-entry:${name}`, out: name }],
        plugins: [virtualPlugin('briefing-entry', files), ...plugins],
      }),
      build({
        ...options,
        entryPoints: [{ in: `briefing-later:${name}.later`, out: `${name}.later` }],
        plugins: [
          virtualPlugin('briefing-later', { [`${name}.later`]: exports }),
          sharedPlugin(new Set(modules)),
          pipelinePlugin,
        ],
      }),
    ])
  }
  await workers
  for (const file of readdirSync(temporary)) if (file.endsWith('.cjs')) asciiOnly(join(temporary, file))
  try {
    renameSync(temporary, outDir)
  } catch (error) {
    // Another run compiled the same code at the same time: its result is as good as ours.
    rmSync(temporary, { recursive: true, force: true })
    if (!existsSync(outDir)) throw error
  }
  pruneCompilations()
}

/**
 * Make the bundle `file` plain ASCII. esbuild escapes other characters everywhere but in regular
 * expression literals (evanw/esbuild#4205), and one such character (a `’` in a pattern) makes Node
 * decode the whole file the slow way and V8 hold it as two-byte text: reading the 1 MB later bundle
 * took 12-13 ms instead of 2-3. Each becomes `\uXXXX` (a surrogate pair for a character beyond the
 * BMP, which a `u` pattern reads as one character): the same character in a pattern, with or
 * without `u`, in a class or not. Only a pattern's `source` changes. Columns shift on those lines.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8')
  if (!/[\u0080-\uffff]/.test(text)) return
  const escaped = text.replace(/(\\*)([\u0080-\uffff])/g, (_, backslashes, character) => {
    // `\’` (an escaped `’`, outside `u` patterns) is `\u2019` too, not a backslash and then `u2019`.
    const kept = backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes
    return `${kept}\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
  writeFileSync(file, escaped)
}

/** How many compilations to keep: a process still running older code (`npm run dev`) may yet load its chunks. */
const KEEP = 10

/** Remove all but the `KEEP` most recently compiled versions of the code. */
function pruneCompilations() {
  const versions = readdirSync(CACHE)
    .map((name) => ({ name, time: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
  for (const { name } of versions.slice(KEEP)) rmSync(join(CACHE, name), { recursive: true, force: true })
}

const [entryArgument, ...args] = process.argv.slice(2)
if (!entryArgument) {
  console.error('run-compiled: which entry? e.g. `node pipeline/cache/run-compiled.cjs pipeline/build.ts`')
  process.exit(2)
}
const entry = resolve(ROOT, entryArgument)
const name = relative(ROOT, entry)
  .replace(/\.[cm]?ts$/, '')
  .replaceAll(/[\\/]/g, '_')
const hash = codeHash()
const outDir = join(CACHE, hash, name)
/** Run the compiled entry: it sees its own arguments, as if it had been started directly, and finds its workers here. */
function run() {
  process.argv = [process.argv[0], entry, ...args]
  globalThis[Symbol.for('briefing.compiled-code')] = outDir
  globalThis[GIVEN_HASH] = hash
  loadCompiled(join(outDir, `${basename(entry).replace(/\.[cm]?ts$/, '')}.cjs`))
}
if (existsSync(outDir)) run()
else {
  mkdirSync(dirname(outDir), { recursive: true })
  compile(entry, outDir).then(run, (error) => {
    console.error(error)
    process.exitCode = 1
  })
}
