/**
 * Test probe, preloaded with `--import`: appends to `BRIEFING_BUNDLE_PROBE` the path of every
 * compiled bundle (`*.cjs`) the process reads, to `<probe>.caches` what became of each bundle's
 * code cache (`<bundle> accepted`, `rejected` or `none`), and at exit to `<probe>.node` the Node
 * modules it loaded, so a test can see which code a run loaded and how.
 */
import { appendFileSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'

const probe = process.env.BRIEFING_BUNDLE_PROBE
if (probe) {
  const require = createRequire(import.meta.url)
  const fs = require('node:fs')
  const readFileSync = fs.readFileSync
  fs.readFileSync = function (path, ...rest) {
    if (/\.cjs$/.test(String(path))) appendFileSync(probe, `${path}\n`)
    return readFileSync.call(this, path, ...rest)
  }
  // `load-compiled.cjs` takes `Script` from `node:vm` when it loads, after this probe.
  const vm = require('node:vm')
  const Script = vm.Script
  vm.Script = class extends Script {
    constructor(code, options = {}) {
      super(code, options)
      if (!/\.cjs$/.test(options.filename ?? '')) return
      const fate = !options.cachedData ? 'none' : this.cachedDataRejected ? 'rejected' : 'accepted'
      appendFileSync(`${probe}.caches`, `${options.filename} ${fate}\n`)
    }
  }
  syncBuiltinESMExports()
  process.on('exit', () => appendFileSync(`${probe}.node`, `${process.moduleLoadList.join('\n')}\n`))
}
