/**
 * The locked-down page on its own, with real Chromium, given HTML far worse than the pipeline can
 * make (the tree stage drops raw HTML, so this is the last line): a document that points at a local
 * HTTP server, and at local files, in every way HTML and CSS allow. The server must see no request,
 * no local file may reach the PDF, and no script may run.
 */

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../pipeline/print/launch-browser.ts'
import { loadLockedDown } from '../../pipeline/print/lock-down-page.ts'
import { pdfPages } from '../support/pdf-text.ts'
import { listeningServer } from './local-server.ts'
import { temporaryDir } from './support.ts'

/** Every way a document can ask for something, at `origin` and at local files under `secrets`. */
function hostileHtml(origin: string, secrets: string): string {
  const file = `file://${secrets}`
  return `<!doctype html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=${origin}/refresh">
<link rel="stylesheet" href="${origin}/link.css">
<link rel="stylesheet" href="${file}/secret.css">
<link rel="preload" href="${origin}/preload" as="fetch">
<link rel="prefetch" href="${origin}/prefetch">
<link rel="icon" href="${origin}/favicon.ico">
<link rel="manifest" href="${origin}/manifest.json">
<style>
@import url("${origin}/import.css");
@import url("${file}/secret.css");
@font-face { font-family: Remote; src: url(${origin}/font.woff2); }
body { background: url(${origin}/background.png); font-family: Remote, sans-serif; }
h1::before { content: url(${origin}/content.png); }
</style>
<script src="${origin}/script.js"></script>
<script>document.title = 'SCRIPT-RAN'; fetch('${origin}/fetch'); new Image().src = '${origin}/js-image'</script>
</head><body>
<h1>Visible text MARKER-OK</h1>
<img src="${origin}/image.png" onerror="fetch('${origin}/onerror')">
<img srcset="${origin}/srcset.png 2x" alt="">
<picture><source srcset="${origin}/source.png"><img src="${origin}/picture.png" alt=""></picture>
<img src="${file}/secret.png" alt="">
<iframe src="${origin}/iframe"></iframe>
<iframe src="${file}/secret.html"></iframe>
<iframe src="data:text/html,<p>DATA-IFRAME<img src=${origin}/data-iframe></p>"></iframe>
<iframe srcdoc="<p>inline frame</p><img src=${origin}/srcdoc><link rel=stylesheet href=${origin}/srcdoc.css>"></iframe>
<object data="${origin}/object"></object>
<object data="${file}/secret.html"></object>
<embed src="${origin}/embed">
<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>
<audio src="${origin}/audio.mp3" autoplay></audio>
<svg width="10" height="10"><image href="${origin}/svg-image.png" width="10" height="10"/></svg>
<div style="background-image: url(${origin}/inline-style.png)">styled</div>
<form action="${origin}/form"><input type="image" src="${origin}/input.png" alt="go"></form>
<a href="${origin}/link" ping="${origin}/ping">a link</a>
</body></html>`
}

describe.each([
  ['for several pages', false],
  ['for one page (a build of one source)', true],
])('a locked-down page, in a browser %s', (_, onePage) => {
  let browser: Browser
  let local: Awaited<ReturnType<typeof listeningServer>>
  let secrets: string

  beforeAll(async () => {
    // Launched as a build launches it: for one source's page (in one process, as root), or for several.
    ;[browser, local, secrets] = await Promise.all([
      launchBrowser({ onePage }),
      listeningServer(),
      temporaryDir('secrets'),
    ])
    await writeFile(join(secrets, 'secret.html'), '<p>LEAKED-FILE</p>')
    await writeFile(join(secrets, 'secret.css'), 'h1::after { content: "LEAKED-FILE-CSS" }')
    await writeFile(join(secrets, 'secret.png'), 'not really a png')
  })

  afterAll(async () => {
    await browser?.close()
    local?.server.close()
  })

  /** Load the hostile document (under `policy`), print it; what the page showed and what it refused. */
  async function printHostile(policy?: string) {
    const page = await browser.newPage()
    const refused = await loadLockedDown(page, hostileHtml(local.origin, secrets), 30_000, policy)
    const title = await page.title()
    const pdf = await page.pdf({ timeout: 30_000 })
    await page.close()
    const path = join(secrets, `out-${policy === undefined ? 'policy' : 'no-policy'}.pdf`)
    await writeFile(path, pdf)
    return { title, refused, text: (await pdfPages(path)).join(' ') }
  }

  it('prints the document, runs nothing, and asks nothing of the network or the disk', async () => {
    const { title, text } = await printHostile()
    expect(local.requests).toEqual([])
    expect(text).toContain('MARKER-OK')
    expect(text).not.toMatch(/LEAKED|SCRIPT-RAN|DATA-IFRAME/)
    expect(title).not.toBe('SCRIPT-RAN')
  })

  it('still refuses every request when the policy is taken away: interception holds on its own', async () => {
    const { title, text, refused } = await printHostile('')
    expect(local.requests).toEqual([])
    expect(text).toContain('MARKER-OK')
    expect(text).not.toMatch(/LEAKED|SCRIPT-RAN/)
    expect(title).not.toBe('SCRIPT-RAN')
    // Every request went to the interceptor and stopped there, `data:` ones too (the data: frame, the
    // video controls' icons). Chromium refuses `file:` from an https document before any request is
    // made: those never reach the interceptor, nor the PDF.
    expect(refused).toEqual(expect.arrayContaining([`${local.origin}/link.css`, `${local.origin}/image.png`]))
    expect(refused).toContainEqual(expect.stringMatching(/^data:text\/html,/))
    expect(refused.filter((url) => !url.startsWith(local.origin) && !url.startsWith('data:'))).toEqual([])
  })
})
