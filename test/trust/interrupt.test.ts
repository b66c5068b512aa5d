/**
 * Nothing lost, nothing left behind. A folder holds the outputs of an earlier build; a build of a new
 * version of the source is then stopped in the PDF stage (SIGINT, SIGTERM) or fails there (render
 * time limit), or cannot start its browser (launch time limit). Each time: the exit code and one
 * line say what happened, every earlier output is byte-identical, no temporary file is left, and no
 * process of the build's browser survives. The browser is told apart from other builds' browsers by
 * the build's own TMPDIR (its profile is there) and then by its process group (all its helpers).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  eventually,
  groupOf,
  lines,
  processesMatching,
  processGroup,
  type RunningBuild,
  runBuild,
  startBuild,
  temporaryDir,
} from './support.ts'

/** Wait (bounded) for `processes` to list none, and fail naming those that are left. */
async function expectNoneLeft(processes: () => number[]): Promise<void> {
  expect(await eventually(processes, (left) => left.length === 0)).toEqual([])
}

/** Name → SHA-256 of every file in `dir`, hidden ones included. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort()
  const entries = await Promise.all(
    names.map(async (name) => [
      name,
      createHash('sha256')
        .update(await readFile(join(dir, name)))
        .digest('hex'),
    ]),
  )
  return Object.fromEntries(entries)
}

/** A long source, so that printing it takes a while: many paragraphs about a few partners. */
function longSource(paragraphs: number): string {
  const sentences = [
    'The EU and Japan hold an annual ICT Dialogue on digital policy.',
    'India and the EU cooperate on research, standards and 5G.',
    'A Joint Declaration on data flows was signed in Seoul on 16 June 2014.',
    'The Commission supports cloud computing and cybersecurity projects with China.',
  ]
  const body = Array.from(
    { length: paragraphs },
    (_, index) => `${sentences[index % 4]} ${sentences[(index + 1) % 4]} Paragraph ${index + 1}.`,
  )
  return `---\ntitle: A long briefing\n---\n\n${body.join('\n\n')}\n`
}

/** Wait for the build to be printing, then its browser's process group. */
async function browserGroupWhilePrinting(build: RunningBuild): Promise<number> {
  await build.waitFor(/^html\s/m)
  const pids = await eventually(
    () => processesMatching(build.tmp),
    (found) => found.length > 0,
  )
  const group = pids.map(groupOf).find((value) => value !== null)
  if (!group) throw new Error(`no browser found for ${build.tmp}`)
  return group
}

describe('a build that is stopped or fails', () => {
  let out: string
  let source: string
  let before: Record<string, string>

  beforeAll(async () => {
    out = await temporaryDir('interrupt-out')
    const dir = await temporaryDir('interrupt-source')
    source = join(dir, 'brief.md')
    await writeFile(source, longSource(40))
    const first = await runBuild(['--source', source, '--out', out, '--quiet'])
    expect(first.code).toBe(0)
    before = await snapshot(out)
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['brief.html', 'brief.json', 'brief.pdf']))
    // The next builds have something new to write, and a long PDF to print.
    await writeFile(source, longSource(1800))
  }, 180_000)

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s in the PDF stage: exit %i, one line, outputs unchanged, no browser left', async (signal, code) => {
    const build = await startBuild(['--source', source, '--out', out])
    const group = await browserGroupWhilePrinting(build)
    expect(processGroup(group).length).toBeGreaterThan(0)
    build.child.kill(signal)
    const run = await build.done

    expect(run.code).toBe(code)
    expect(run.stdout).not.toMatch(/^write\s/m) // it really was stopped before writing
    expect(lines(run.stderr).filter((line) => !line.includes(': warning: '))).toEqual([
      `build: stopped by ${signal}; browser closed; earlier outputs unchanged`,
    ])
    expect(await snapshot(out)).toEqual(before)
    await expectNoneLeft(() => processGroup(group))
    expect(processesMatching(build.tmp)).toEqual([])
  })

  it('a render that trips its time limit: exit 1, one line, outputs unchanged, no browser left', async () => {
    const run = await runBuild(['--source', source, '--out', out, '--quiet'], { BRIEFING_RENDER_TIMEOUT_MS: '50' })
    expect(run.code).toBe(1)
    expect(lines(run.stderr).filter((line) => !line.includes(': warning: '))).toEqual([
      'build: the PDF did not render within 50 ms (set BRIEFING_RENDER_TIMEOUT_MS to allow more)',
    ])
    expect(await snapshot(out)).toEqual(before)
    await expectNoneLeft(() => processesMatching(run.tmp))
  })

  it('a browser that does not start in time: exit 1, one line, outputs unchanged, no browser left', async () => {
    const run = await runBuild(['--source', source, '--out', out, '--quiet'], { BRIEFING_LAUNCH_TIMEOUT_MS: '1' })
    expect(run.code).toBe(1)
    expect(lines(run.stderr).filter((line) => !line.includes(': warning: '))).toEqual([
      expect.stringMatching(
        /^build: Chromium \S+ did not start within 1 ms \(set BRIEFING_LAUNCH_TIMEOUT_MS to allow more\)$/,
      ),
    ])
    expect(await snapshot(out)).toEqual(before)
    await expectNoneLeft(() => processesMatching(run.tmp))
  })

  it.each([
    ['that cannot start', 'echo "Chromium 1.0"', 'cannot start the zygote'],
    ['that cannot even say its version', 'echo "no version here" >&2; exit 3', 'no version here'],
  ])('a browser %s: exit 1, one line with what it said, outputs unchanged', async (_, onVersion, said) => {
    const dir = await temporaryDir('broken-browser')
    // Named for the cache: each run is a browser of its own, not one whose version is remembered.
    const browser = join(dir, `chromium-${Math.random().toString(36).slice(2)}`)
    await writeFile(
      browser,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then ${onVersion}; exit 0; fi\necho "${said}" >&2\nexit 3\n`,
      { mode: 0o755 },
    )
    const run = await runBuild(['--source', source, '--out', out, '--quiet'], { PUPPETEER_EXECUTABLE_PATH: browser })
    expect(run.code).toBe(1)
    expect(lines(run.stderr).filter((line) => !line.includes(': warning: '))).toEqual([
      `build: Chromium ${browser} could not start: ${said}`,
    ])
    expect(await snapshot(out)).toEqual(before)
    await expectNoneLeft(() => processesMatching(run.tmp))
  })
})
