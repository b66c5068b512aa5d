/**
 * The spelling check runs on a thread of its own in the compiled build (`spelling-thread.ts`) and
 * on the calling thread from TypeScript: both must report the same words at the same places.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { $ } from 'zx'
import { runBuild } from './run-build.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'
const spellingLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes(': warning: Unknown word'))

describe('spelling on its own thread', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spelling-thread-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('reports what the check on the build thread reports, at the same places', async () => {
    const compiled = await runBuild(['--source', SEED, '--out', join(dir, 'compiled'), '--no-pdf'])
    expect(compiled.code).toBe(0)
    const direct = await $({
      nothrow: true,
      quiet: true,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
    })`npx tsx pipeline/build.ts --source ${SEED} --out ${join(dir, 'direct')} --no-pdf`
    expect(direct.exitCode).toBe(0)
    const lines = spellingLines(compiled.stderr)
    expect(lines).toContain(`${SEED}:33:508: warning: Unknown word \`ineterst\`, did you mean \`interest\`?`)
    expect(lines).toHaveLength(7)
    expect(spellingLines(direct.stderr)).toEqual(lines)
  }, 120_000)
})
