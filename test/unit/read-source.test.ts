import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../pipeline/source/messages.ts'
import { readSource } from '../../pipeline/source/read-source.ts'

async function sourceWith(bytes: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'read-source-'))
  const path = join(dir, 'brief.md')
  await writeFile(path, bytes)
  return path
}

async function failure(path: string): Promise<string> {
  try {
    await readSource(path, '/')
  } catch (error) {
    return formatMessage(error as never)
  }
  throw new Error('expected readSource to fail')
}

describe('readSource', () => {
  it('keeps the path and hashes the bytes', async () => {
    const path = await sourceWith('Japan is a partner.\n')
    const file = await readSource(path, '/')
    expect(file.path).toBe(path.slice(1))
    expect(String(file.value)).toBe('Japan is a partner.\n')
    expect(file.data.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('names the line and column of the first byte that is not UTF-8', async () => {
    const path = await sourceWith(Buffer.from('fine\nstill fine\nbad \xff here\n', 'latin1'))
    expect(await failure(path)).toMatch(/brief\.md:3:5: error: Source is not valid UTF-8/)
  })

  it('refuses binary, empty and missing files with one line each', async () => {
    expect(await failure(await sourceWith(new Uint8Array([1, 0, 2])))).toMatch(/:1:1: error: Source looks binary/)
    expect(await failure(await sourceWith('  \n\n'))).toMatch(/error: Source is empty/)
    expect(await failure('/nowhere/brief.md')).toBe('nowhere/brief.md:1:1: error: No such source file')
  })
})
