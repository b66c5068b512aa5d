import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { extractView } from '../../pipeline/eval/eval.ts'
import type { EvalView } from '../../pipeline/eval/project.ts'
import { scoreView } from '../../pipeline/eval/score.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/extract/', import.meta.url))
const cases = readdirSync(FIXTURES).sort()

describe('extraction fixtures (hand-checked expected views)', () => {
  it('has the seed and at least three texts of its genre', () => {
    expect(cases).toContain('seed')
    expect(cases.length).toBeGreaterThanOrEqual(4)
  })

  for (const name of cases) {
    it(`${name} meets the macro-F1 bar`, async () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as EvalView
      const found = await extractView(join(FIXTURES, name, 'input.md'))
      const { scores, macroF1 } = scoreView(expected, found)
      const problems = scores.flatMap((s) => [
        ...s.missed.map((m) => `missed ${s.category}: ${m}`),
        ...s.wrong.map((w) => `wrong ${s.category}: ${w}`),
      ])
      expect({ macroF1: macroF1 >= (name === 'seed' ? 0.95 : 0.9), problems }).toMatchObject({ macroF1: true })
      // Partners and paragraph ownership are the backbone of every table: they must be exact.
      expect(scores.find((s) => s.category === 'partners')?.f1).toBe(1)
      expect(scores.find((s) => s.category === 'paragraphs')?.f1).toBe(1)
    })
  }
})
