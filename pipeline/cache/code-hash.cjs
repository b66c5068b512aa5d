/**
 * One hash for everything the pipeline's code is made of: every file under `pipeline/`, the
 * locked dependency versions, the TypeScript settings and Node's version. Plain JavaScript, so the
 * launcher can use it before any TypeScript is compiled.
 *
 * Reading and hashing the ~90 files costs 25–60 ms; so the last result is kept with each file's
 * stamp (`file-stamps.cjs`: its size, inode and change time) and reused while none of them has
 * changed, for the cost of the `stat` calls.
 */
const { createHash } = require('node:crypto')
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs')
const { join, sep } = require('node:path')
const { bootId, settled, stampOf } = require('./file-stamps.cjs')

/** The repository this module lives in. */
const ROOT = join(__dirname, '..', '..')

/** Files outside `pipeline/` that change what the code does. */
const EXTRA_FILES = ['package-lock.json', 'tsconfig.json']

/** How long `ROOT` is with the separator after it (a repository at `/` has it already). */
const ROOT_PREFIX = ROOT.endsWith(sep) ? ROOT.length : ROOT.length + 1

const MEMO_FILE = join(ROOT, 'node_modules', '.cache', 'briefing', 'code-hash.json')

let memo

/**
 * Where the launcher (`run-compiled.cjs`) leaves the hash it compiled the running code for: the
 * compiled code has its own copy of this module, and hashing again would cost the `stat`s again.
 */
const GIVEN_HASH = Symbol.for('briefing.code-hash')

/** SHA-256 (hex) over the pipeline's code, dependency lock and Node version; computed once per process. */
function codeHash() {
  if (memo) return memo
  const given = globalThis[GIVEN_HASH]
  if (typeof given === 'string') {
    memo = given
    return memo
  }
  const pipeline = join(ROOT, 'pipeline')
  // Paths by concatenation, not `join` and `relative` (~3 ms for a hundred files, on every run):
  // the folders `readdirSync` gives are `pipeline`'s, already absolute and normalised.
  const files = readdirSync(pipeline, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath ?? entry.path}${sep}${entry.name}`.slice(ROOT_PREFIX))
    .sort()
    .concat(EXTRA_FILES)
  const now = Date.now()
  const infos = files.map((file) => statSync(`${ROOT}${sep}${file}`, { bigint: true }))
  const each = infos.map((info) => stampOf(info))
  // No stamps to go by (another boot's are not trusted, see `file-stamps.cjs`): the files are hashed.
  const stamps =
    bootId() !== null && each.every((stamp) => stamp !== null)
      ? `${process.version}\0${ROOT}\0${bootId()}\0${files.map((file, i) => `${file}:${each[i]}`).join('\0')}`
      : null
  const saved = stamps === null ? null : readMemo()
  if (saved && saved.stamps === stamps) {
    memo = saved.hash
    return memo
  }
  const hash = createHash('sha256').update(`${process.version}\0${ROOT}\0`)
  for (const file of files) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update('\0')
  }
  memo = hash.digest('hex')
  // Kept only if no file had changed just before it was looked at (a change in the same tick would not show).
  if (stamps !== null && infos.every((info) => settled(info, now))) writeMemo({ stamps, hash: memo })
  return memo
}

function readMemo() {
  try {
    return JSON.parse(readFileSync(MEMO_FILE, 'utf8'))
  } catch {
    return null
  }
}

function writeMemo(value) {
  try {
    mkdirSync(join(MEMO_FILE, '..'), { recursive: true })
    const temporary = `${MEMO_FILE}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(value))
    renameSync(temporary, MEMO_FILE)
  } catch {
    // Only a shortcut for the next run; the hash itself is right.
  }
}

module.exports = { codeHash, GIVEN_HASH, ROOT }
