/**
 * The source's date from git, kept for the commit the checkout is at: the same answer without asking
 * git again while the checkout stays at that commit, the new answer as soon as it moves, and git
 * asked every time where its `.git` folder cannot be read plainly. Real repositories, real git.
 */
import { execFileSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headOf, NO_REPOSITORY, sourceTime } from '../../pipeline/source/source-date.ts'

const { SOURCE_DATE_EPOCH: _, ...ENV } = process.env
/** Git cannot be started: only a kept answer, or else the file's time, can answer. */
const NO_GIT = { ...ENV, PATH: '' }

describe('the date of a committed source', () => {
  let dir: string
  let source: string
  const git = (args: string[], seconds = 1_600_000_000) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...ENV, GIT_AUTHOR_DATE: `@${seconds} +0000`, GIT_COMMITTER_DATE: `@${seconds} +0000` },
      stdio: 'pipe',
    })
  const seconds = async (env: NodeJS.ProcessEnv = ENV) => (await sourceTime(source, env)).getTime() / 1000

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'source-date-'))
    source = join(dir, 'brief.md')
    git(['init', '-q', '-b', 'main'])
    git(['config', 'user.email', 'desk@example.org'])
    git(['config', 'user.name', 'Desk'])
    await writeFile(source, 'Japan.\n')
    git(['add', 'brief.md'])
    git(['commit', '-q', '-m', 'first'], 1_600_000_000)
    // The file's own time, far from its commit's: the answer when git is not asked.
    await utimes(source, 1_000_000_000, 1_000_000_000)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('is the last commit of the file, kept while the checkout stays at its commit', async () => {
    expect(await seconds()).toBe(1_600_000_000)
    expect(await seconds(NO_GIT)).toBe(1_600_000_000)
  })

  it('follows a new commit at once, whether it touches the file or not', async () => {
    await writeFile(source, 'Japan and Korea.\n')
    git(['commit', '-q', '-am', 'second'], 1_700_000_000)
    // Not the answer kept for the first commit: without git, only the file's time is left.
    expect(await seconds(NO_GIT)).not.toBe(1_600_000_000)
    expect(await seconds()).toBe(1_700_000_000)
    await writeFile(join(dir, 'other.md'), 'India.\n')
    git(['add', 'other.md'])
    git(['commit', '-q', '-m', 'third'], 1_750_000_000)
    expect(await headOf(dir, NO_GIT)).not.toBeNull()
    expect(await seconds()).toBe(1_700_000_000)
    expect(await seconds(NO_GIT)).toBe(1_700_000_000)
  })

  it('reads the commit from packed refs too', async () => {
    const before = await headOf(dir, ENV)
    git(['pack-refs', '--all'])
    expect(await headOf(dir, ENV)).toEqual(before)
  })

  it('asks git every time where its folder is not plain to read', async () => {
    expect(await headOf(dir, { ...ENV, GIT_DIR: join(dir, '.git') })).toBeNull()
    const worktree = join(dir, 'tree')
    git(['worktree', 'add', '-q', worktree])
    expect(await headOf(worktree, ENV)).toBeNull()
    git(['replace', '--graft', 'HEAD'])
    expect(await headOf(dir, ENV)).toBeNull()
  })
})

describe('the date of a source outside any repository', () => {
  let dir: string
  let marker: string
  /** A `git` that says a date of its own and leaves a mark: whether the build asked it shows. */
  let fakeGit: NodeJS.ProcessEnv

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'source-date-outside-'))
    const bin = join(dir, 'bin')
    marker = join(dir, 'asked')
    await mkdir(bin)
    await writeFile(join(bin, 'git'), `#!/bin/sh\ntouch '${marker}'\necho 1234567890\n`)
    await chmod(join(bin, 'git'), 0o755)
    fakeGit = { ...ENV, PATH: `${bin}:${ENV.PATH ?? ''}` }
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it("is the file's own time, without asking git", async () => {
    const source = join(dir, 'notes', 'brief.md')
    await mkdir(join(dir, 'notes'))
    await writeFile(source, 'Japan.\n')
    await utimes(source, 1_000_000_000, 1_000_000_000)
    expect(await headOf(join(dir, 'notes'), fakeGit)).toBe(NO_REPOSITORY)
    expect((await sourceTime(source, fakeGit)).getTime() / 1000).toBe(1_000_000_000)
    await expect(stat(marker)).rejects.toThrow()
  })

  it('asks git in a folder that may be a bare repository, or where a variable moves git', async () => {
    const bare = join(dir, 'bare')
    await mkdir(bare)
    await writeFile(join(bare, 'HEAD'), 'ref: refs/heads/main\n')
    await writeFile(join(bare, 'brief.md'), 'Japan.\n')
    expect(await headOf(bare, fakeGit)).toBeNull()
    expect((await sourceTime(join(bare, 'brief.md'), fakeGit)).getTime() / 1000).toBe(1_234_567_890)
    expect(await headOf(join(dir, 'notes'), { ...fakeGit, GIT_DIR: bare })).toBeNull()
  })
})
