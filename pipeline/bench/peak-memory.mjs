/**
 * Preloaded by the benchmark into every Node process it starts (`NODE_OPTIONS=--import …`): on exit,
 * appends the process's entry script and peak resident memory (kB) to `BRIEFING_PEAK_MEMORY_FILE`.
 * Plain JavaScript, so it costs nothing to load and needs no compiling.
 */
import { appendFileSync } from 'node:fs'

const file = process.env.BRIEFING_PEAK_MEMORY_FILE
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.argv[1] ?? ''}\t${process.resourceUsage().maxRSS}\n`)
  })
}
