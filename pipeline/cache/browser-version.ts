/**
 * The version of the browser that prints, for the cache: a new Chromium may lay out a page
 * differently, so PDFs printed by the old one are not reused.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** What `executablePath --version` says (e.g. `Chromium 156.0.8078.79`), plus the path itself. */
export async function browserVersion(executablePath: string): Promise<string> {
  const { stdout } = await run(executablePath, ['--version'], { timeout: 10_000 })
  return `${executablePath} ${stdout.trim()}`
}
