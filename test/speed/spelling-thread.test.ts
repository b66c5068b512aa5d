/**
 * The spelling check runs on a thread of its own in the compiled build (`spelling-thread.ts`) and
 * on the calling thread from TypeScript: both must report the same words at the same places.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { $ } from 'zx'
import { runBuild } from './run-build.ts'

const SEED = 'source/eu-asia-digital-cooperation.md'
const spellingLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes(': warning: Unknown word'))

describe('spelling on its own thread', () => {
  let dir: string
  let source: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spelling-thread-'))
    // Large enough for the thread (`SPELLING_THREAD_FROM`): the seed's text, many times over.
    const seed = await readFile(SEED, 'utf8')
    const body = seed.replace(/^---\n[\s\S]*?\n---\n/, '')
    source = join(dir, 'large.md')
    await writeFile(source, `---\ntitle: A large briefing\n---\n${body.repeat(Math.ceil((300 * 1024) / body.length))}`)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('reports what the check on the build thread reports, at the same places', async () => {
    const compiled = await runBuild(['--source', source, '--out', join(dir, 'compiled'), '--no-pdf'])
    expect(compiled.code).toBe(0)
    const direct = await $({
      nothrow: true,
      quiet: true,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
    })`npx tsx pipeline/build.ts --source ${source} --out ${join(dir, 'direct')} --no-pdf`
    expect(direct.exitCode).toBe(0)
    const lines = spellingLines(compiled.stderr)
    expect(
      lines.some((line) =>
        line.endsWith('large.md:31:508: warning: Unknown word `ineterst`, did you mean `interest`?'),
      ),
    ).toBe(true)
    expect(lines.length).toBeGreaterThan(7 * 30)
    expect(spellingLines(direct.stderr)).toEqual(lines)
  }, 120_000)
})
