/**
 * A paragraph's offsets are kept as runs (`Offsets` in `text-map.ts`): whatever is pushed, reading
 * them back gives what an array of one offset per character would, in and out of range.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Offsets } from '../../pipeline/extract/text-map.ts'

/** A push: one offset, or a run of `count` offsets from it. */
const push = fc.record({ offset: fc.nat({ max: 60 }), count: fc.integer({ min: 0, max: 5 }) })

describe('the offsets of a mapped text', () => {
  it('read back as the array of one offset per character they stand for', () => {
    fc.assert(
      fc.property(fc.array(push, { maxLength: 40 }), (pushes) => {
        const offsets = new Offsets()
        const array: number[] = []
        for (const { offset, count } of pushes) {
          offsets.push(offset, count)
          for (let at = 0; at < count; at++) array.push(offset + at)
        }
        expect(offsets.length).toBe(array.length)
        for (let index = -2; index <= array.length + 1; index++) expect(offsets.at(index)).toBe(array[index])
        expect(offsets.last()).toBe(array.at(-1))
      }),
    )
  })

  it('keep one entry for characters that stand in the source one after another', () => {
    const offsets = new Offsets()
    offsets.push(10, 5)
    offsets.push(15)
    offsets.push(16, 4)
    offsets.push(30, 2)
    expect(offsets.length).toBe(12)
    expect(offsets.at(9)).toBe(19)
    expect(offsets.at(10)).toBe(30)
    expect((offsets as unknown as { textStarts: number[] }).textStarts).toEqual([0, 10])
  })
})
