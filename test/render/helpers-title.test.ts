import Handlebars from 'handlebars'
import { describe, expect, it } from 'vitest'
import { pageTitle, TITLE_LIMIT } from '../../pipeline/render/helpers.ts'

describe('pageTitle', () => {
  it('keeps a short title whole', () => {
    expect(pageTitle('EU–Asia digital cooperation')).toBe('EU–Asia digital cooperation')
  })

  it('cuts a long title at a word boundary, within the limit', () => {
    const title = 'Note to the file: digital cooperation in the Mekong and the Pacific islands'
    const short = pageTitle(title)
    expect(short).toBe('Note to the file: digital cooperation in the Mekong and the Pacific…')
    expect(short.length).toBeLessThanOrEqual(TITLE_LIMIT)
  })

  it('fits the limit as the page writes the title, escaped ("&#x27;" counts six)', () => {
    const title = "Southern Neighbourhood – digital briefing for the Commissioner's visit"
    expect(title.length).toBe(TITLE_LIMIT)
    const short = pageTitle(title, Handlebars.escapeExpression)
    expect(short).toBe('Southern Neighbourhood – digital briefing for the Commissioner&#x27;s…')
    expect(short.length).toBeLessThanOrEqual(TITLE_LIMIT)
  })
})
