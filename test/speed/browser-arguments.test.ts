/**
 * The build starts Chromium itself, before Puppeteer is loaded (`spawn-browser.ts`), so it keeps
 * Puppeteer's own arguments in a list: that list must stay what Puppeteer would pass, flags for the
 * tagged PDF and its bookmarks among them, or an upgrade would quietly change the PDF.
 */
import puppeteer from 'puppeteer-core'
import { describe, expect, it } from 'vitest'
import { browserArguments, ownArguments } from '../../pipeline/print/spawn-browser.ts'

const PROFILE = '/tmp/briefing-chromium-test'

describe('the browser command line', () => {
  for (const shell of [true, false]) {
    it(`is Puppeteer's own for a ${shell ? 'headless shell' : 'full Chromium'}, with ours and a pipe`, () => {
      const choice = { executablePath: '/usr/bin/chromium', origin: 'system' as const, shell }
      const puppeteers = puppeteer.defaultArgs({
        headless: shell ? 'shell' : true,
        userDataDir: PROFILE,
        args: ownArguments(),
      })
      expect(new Set(browserArguments(choice, PROFILE))).toEqual(new Set([...puppeteers, '--remote-debugging-pipe']))
    })
  }

  it('asks for a tagged PDF with bookmarks, and for no network of its own', () => {
    const line = browserArguments({ executablePath: '/usr/bin/chromium', origin: 'system', shell: true }, PROFILE)
    for (const flag of ['--export-tagged-pdf', '--generate-pdf-document-outline', '--disable-background-networking'])
      expect(line).toContain(flag)
    expect(line).toContain('--host-resolver-rules=MAP * ~NOTFOUND')
  })
})

describe('a browser for one page', () => {
  const shell = { executablePath: '/usr/bin/chromium-headless-shell', origin: 'system' as const, shell: true }
  const root = process.getuid?.() === 0

  it('runs its renderer in its own process only without a sandbox, and only for one page', () => {
    const one = browserArguments({ ...shell, onePage: true }, PROFILE)
    expect(one.includes('--single-process')).toBe(root)
    expect(one.includes('--no-zygote')).toBe(root)
    for (const choice of [shell, { ...shell, onePage: false }, { ...shell, shell: false, onePage: true }])
      expect(browserArguments(choice, PROFILE)).not.toContain('--single-process')
  })
})
