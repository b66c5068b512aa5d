/**
 * `npm run eval`: runs the extraction on every fixture in `test/fixtures/extract/<case>/`
 * (`input.md` beside a hand-checked `expected.json`) and prints, per fixture and category,
 * precision, recall and F1, then what was missed and what was wrong, then the macro-F1 table.
 * Exits 1 when a fixture is below its bar (0.95 for the seed, 0.90 for the others).
 * `--case NAME` scores one fixture; `--print NAME` prints the found view (to help write an
 * expected file by hand, never to copy it).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractBriefing } from '../extract/extract-briefing.ts'
import { readSource } from '../source/read-source.ts'
import { parseTree } from '../tree/parse-tree.ts'
import { type EvalView, project } from './project.ts'
import { REPORTED, SCORED, scoreView } from './score.ts'

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/extract/', import.meta.url))
const pct = (n: number) => n.toFixed(2).padStart(5)

/** The evaluation view of the extraction of `input`. */
export async function extractView(input: string): Promise<EvalView> {
  const file = await readSource(input)
  const tree = parseTree(file)
  return project(extractBriefing(tree, file))
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const printed = args[args.indexOf('--print') + 1]
  if (args.includes('--print') && printed) {
    console.log(JSON.stringify(await extractView(join(FIXTURES, printed, 'input.md')), null, 2))
    return
  }
  const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined
  const cases = readdirSync(FIXTURES)
    .filter((name) => !only || name === only)
    .sort()
  const summary: [string, number, number, Record<string, number>][] = []
  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as EvalView
    const found = await extractView(join(FIXTURES, name, 'input.md'))
    const { scores, macroF1 } = scoreView(expected, found)
    const bar = name === 'seed' ? 0.95 : 0.9
    console.log(`\n## ${name}  macro-F1 ${macroF1.toFixed(3)} (bar ${bar})\n`)
    console.log('| category      |    P  |    R  |   F1  | exp | found |')
    console.log('| ------------- | ----- | ----- | ----- | --- | ----- |')
    for (const s of scores) {
      const mark = (REPORTED as readonly string[]).includes(s.category) ? '*' : ' '
      console.log(
        `| ${(s.category + mark).padEnd(13)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${String(s.expected).padStart(3)} | ${String(s.found).padStart(5)} |`,
      )
    }
    for (const s of scores) {
      for (const item of s.missed) console.log(`  missed ${s.category}: ${item}`)
      for (const item of s.wrong) console.log(`  wrong  ${s.category}: ${item}`)
    }
    summary.push([name, macroF1, bar, Object.fromEntries(scores.map((s) => [s.category, s.f1]))])
  }
  console.log('\n## Summary (F1 per category; * = reported, not in the macro-F1)\n')
  const columns = [...SCORED, ...REPORTED]
  console.log(
    `| fixture | ${columns.map((c) => ((REPORTED as readonly string[]).includes(c) ? `${c}*` : c)).join(' | ')} | macro-F1 | bar |`,
  )
  console.log(`| --- | ${columns.map(() => '---').join(' | ')} | --- | --- |`)
  let failed = false
  for (const [name, macro, bar, f1] of summary) {
    if (macro < bar) failed = true
    console.log(
      `| ${name} | ${columns.map((c) => (f1[c] ?? 0).toFixed(2)).join(' | ')} | ${macro.toFixed(3)} | ${macro >= bar ? 'ok' : 'BELOW'} ${bar} |`,
    )
  }
  if (failed) process.exitCode = 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
