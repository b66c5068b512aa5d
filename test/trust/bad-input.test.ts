/**
 * Bad input through the real command line: each case gets one line naming the file (and the line
 * where there is one), no stack trace, and the right exit code. Fixtures are
 * `test/fixtures/trust/bad-input/<case>/input.md` beside `expected.txt` (`exit N`, then stderr);
 * `UPDATE=1` rewrites the expected files. Cases that need the disk or environment in a certain state
 * (a missing file, a file over the size limit, a bad `SOURCE_DATE_EPOCH`) are built here.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_SOURCE_BYTES } from '../../pipeline/source/read-source.ts'
import { type BuildRun, FIXTURES, lines, REPO, runBuild, temporaryDir } from './support.ts'

const CASES = join(FIXTURES, 'bad-input')

/** What a run showed a person: its exit code and its stderr, one line each. */
function transcript(run: BuildRun): string {
  return [`exit ${run.code}`, ...lines(run.stderr)].join('\n')
}

/** No line of a transcript looks like a stack frame. */
function expectNoStack(run: BuildRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m)
  expect(run.stderr).not.toMatch(/Error:/)
}

describe('bad input, each case from its fixture', async () => {
  const names = (await readdir(CASES, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name !== 'no-sources')
    .map((entry) => entry.name)
    .sort()

  it.concurrent.each(names)('%s', async (name) => {
    const out = await temporaryDir(`bad-${name}`)
    const input = relative(REPO, join(CASES, name, 'input.md'))
    const run = await runBuild(['--source', input, '--out', out, '--no-pdf', '--quiet'])
    expectNoStack(run)
    const expectedPath = join(CASES, name, 'expected.txt')
    if (process.env.UPDATE === '1') await writeFile(expectedPath, `${transcript(run)}\n`)
    expect(transcript(run)).toBe((await readFile(expectedPath, 'utf8')).trimEnd())
  })
})

describe('bad input made on the spot', () => {
  it('a source with no partner at all: a warning naming the file, not a crash, exit 0', async () => {
    const out = await temporaryDir('no-partner')
    const input = relative(REPO, join(CASES, 'no-partner', 'input.md'))
    const run = await runBuild(['--source', input, '--out', out, '--no-pdf', '--quiet'])
    expectNoStack(run)
    expect(run.code).toBe(0)
    expect(lines(run.stderr)).toContainEqual(
      expect.stringMatching(/^test\/fixtures\/.*input\.md:\d+:\d+: warning: .*partner/i),
    )
    const briefing = JSON.parse(await readFile(join(out, 'input.json'), 'utf8'))
    expect(briefing.partners).toEqual([])
    expect(briefing.overview).toHaveLength(2)
  })

  it('a missing file: one line naming it, exit 1', async () => {
    const run = await runBuild(['--source', 'source/no-such-briefing.md', '--no-pdf', '--quiet'])
    expectNoStack(run)
    expect(transcript(run)).toBe('exit 1\nsource/no-such-briefing.md:1:1: error: No such source file')
  })

  it('a file far too large for a briefing: one line with its size, exit 1', async () => {
    const dir = await temporaryDir('huge')
    const path = join(dir, 'huge.md')
    await writeFile(path, 'Japan is a partner. '.repeat(Math.ceil((MAX_SOURCE_BYTES + 1) / 20)))
    const run = await runBuild(['--source', path, '--out', dir, '--no-pdf', '--quiet'])
    expectNoStack(run)
    expect(transcript(run)).toBe(
      `exit 1\n${relative(REPO, path)}:1:1: error: Source is ${Math.ceil((MAX_SOURCE_BYTES + 1) / 20) * 20} bytes, too large for a briefing (at most ${MAX_SOURCE_BYTES} bytes)`,
    )
  })

  // Note: a build that reads /dev/zero runs until memory runs out; the run limit in `support.ts` stops it.
  it('a device instead of a file: refused without reading it', async () => {
    const run = await runBuild(['--source', '/dev/zero', '--no-pdf', '--quiet'], {}, REPO, 15_000)
    expectNoStack(run)
    expect(transcript(run)).toBe(
      `exit 1\n${relative(REPO, '/dev/zero')}:1:1: error: Expected a source file, found a device, pipe or socket`,
    )
  })

  it('a folder with no sources: one line, exit 2', async () => {
    const cwd = await temporaryDir('no-sources')
    await mkdir(join(cwd, 'source'))
    await writeFile(join(cwd, 'source', 'notes.pdf'), 'not a source\n')
    const run = await runBuild(['--no-pdf', '--quiet'], {}, cwd)
    expectNoStack(run)
    expect(transcript(run)).toBe('exit 2\nbuild: source: no sources (*.md, *.txt) to build')
  })

  it('two sources with the same name (a.md, a.txt): one line naming both, exit 2, nothing written', async () => {
    const cwd = await temporaryDir('same-names')
    await mkdir(join(cwd, 'source'))
    await writeFile(join(cwd, 'source', 'notes.md'), 'Japan\n\nThe EU and Japan met.\n')
    await writeFile(join(cwd, 'source', 'notes.txt'), 'Korea\n\nThe EU and Korea met.\n')
    const run = await runBuild(['--no-pdf', '--quiet'], {}, cwd)
    expectNoStack(run)
    expect(transcript(run)).toBe(
      'exit 2\nbuild: source/notes.md and source/notes.txt would both be written as notes.json, .html and .pdf: rename one',
    )
    expect(existsSync(join(cwd, 'output'))).toBe(false)
  })

  it('no folder of sources at all: one line, exit 2', async () => {
    const run = await runBuild(['--no-pdf', '--quiet'], {}, await temporaryDir('no-folder'))
    expectNoStack(run)
    expect(transcript(run)).toBe('exit 2\nbuild: source: no such folder of sources')
  })

  it('a SOURCE_DATE_EPOCH that is no date: one line, exit 1', async () => {
    const out = await temporaryDir('epoch')
    const run = await runBuild(
      ['--source', 'source/eu-asia-digital-cooperation.md', '--out', out, '--no-pdf', '--quiet'],
      {
        SOURCE_DATE_EPOCH: 'yesterday',
      },
    )
    expectNoStack(run)
    expect(transcript(run)).toBe(
      'exit 1\nbuild: SOURCE_DATE_EPOCH="yesterday" is not a number of seconds since 1970 (up to 253402300799)',
    )
    expect(await readdir(out)).toEqual([])
  })

  it('an output folder inside source/: refused before anything is written there', async () => {
    const before = await readdir(join(REPO, 'source'))
    const run = await runBuild([
      '--source',
      'source/eu-asia-digital-cooperation.md',
      '--out',
      'source/built',
      '--no-pdf',
      '--quiet',
    ])
    expectNoStack(run)
    expect(transcript(run)).toBe('exit 1\nbuild: refusing to write into the sources folder source/built')
    expect(await readdir(join(REPO, 'source'))).toEqual(before)
  })
})
