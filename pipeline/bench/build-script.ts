/**
 * How `npm run build`'s script in package.json starts Node: the variables it sets
 * (`NAME=value node …`) and Node's flags, so that the bench and the tests start the build as
 * people do.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../cache/code-hash.cjs'

/** The build script's variables and Node flags. */
export function buildScript(): { env: Record<string, string>; flags: string[] } {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }
  const [, assignments = '', flags = ''] = /^((?:\w+=\S*\s+)*)node\s+((?:--\S+\s+)*)/.exec(scripts.build) ?? []
  const words = (text: string) => text.trim().split(/\s+/).filter(Boolean)
  return { env: Object.fromEntries(words(assignments).map((pair) => pair.split('=', 2))), flags: words(flags) }
}
