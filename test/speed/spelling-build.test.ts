/**
 * The compiled build checks spelling with the memo of earlier builds (`spelling-memo.ts`), the
 * build from TypeScript with the same memo then: both, and a second compiled build (the memo
 * warm), must report the same words at the same places as a check without any memo.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { $ } from 'zx'
import { runBuild } from './run-build.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'
const spellingLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes(': warning: Unknown word'))

describe('spelling in the build, with the memo of earlier builds', () => {
  let dir: string
  let source: string
  /** A word no build has seen before this test, so the first build judges it cold. */
  const fresh = `Zqv${Date.now().toString(36).replace(/\d/g, 'q')}ern`
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spelling-build-'))
    const seed = await readFile(SEED, 'utf8')
    source = join(dir, 'typos.md')
    await writeFile(source, `${seed}\nThe ${fresh} dialogue met in Tokyo.\n`)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('reports the same words at the same places, cold, warm and from TypeScript', async () => {
    const cold = await runBuild(['--source', source, '--out', join(dir, 'cold'), '--no-pdf'])
    const warm = await runBuild(['--source', source, '--out', join(dir, 'warm'), '--no-pdf'])
    expect([cold.code, warm.code]).toEqual([0, 0])
    const direct = await $({
      nothrow: true,
      quiet: true,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
    })`npx tsx pipeline/build.ts --source ${source} --out ${join(dir, 'direct')} --no-pdf`
    expect(direct.exitCode).toBe(0)
    const lines = spellingLines(cold.stderr)
    expect(
      lines.some((line) => line.endsWith(':33:508: warning: Unknown word `ineterst`, did you mean `interest`?')),
    ).toBe(true)
    expect(lines.some((line) => line.includes(`Unknown word \`${fresh}\``))).toBe(true)
    expect(lines).toHaveLength(8)
    expect(spellingLines(warm.stderr)).toEqual(lines)
    expect(spellingLines(direct.stderr)).toEqual(lines)
  }, 120_000)
})
