/**
 * Test probe, preloaded with `--import`: appends a line to `BRIEFING_BROWSER_PROBE` for every
 * Chromium the process starts, so a test can count browsers without trusting the build's word.
 */
import { appendFileSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'

const probe = process.env.BRIEFING_BROWSER_PROBE
if (probe) {
  const childProcess = createRequire(import.meta.url)('node:child_process')
  const spawn = childProcess.spawn
  childProcess.spawn = function (command, args, ...rest) {
    // A launch, not the cache asking for the browser's version.
    if (/chrom/i.test(String(command)) && !(Array.isArray(args) && args.includes('--version')))
      appendFileSync(probe, `${command}\n`)
    return spawn.call(this, command, args, ...rest)
  }
  syncBuiltinESMExports()
}
