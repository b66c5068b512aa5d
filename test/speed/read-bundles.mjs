/**
 * Test probe, preloaded with `--import`: appends to `BRIEFING_BUNDLE_PROBE` the path of every
 * compiled bundle (`*.cjs`) the process reads, and at exit to `<probe>.node` the Node modules it
 * loaded, so a test can see which code a run loaded.
 */
import { appendFileSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'

const probe = process.env.BRIEFING_BUNDLE_PROBE
if (probe) {
  const fs = createRequire(import.meta.url)('node:fs')
  const readFileSync = fs.readFileSync
  fs.readFileSync = function (path, ...rest) {
    if (/\.cjs$/.test(String(path))) appendFileSync(probe, `${path}\n`)
    return readFileSync.call(this, path, ...rest)
  }
  syncBuiltinESMExports()
  process.on('exit', () => appendFileSync(`${probe}.node`, `${process.moduleLoadList.join('\n')}\n`))
}
