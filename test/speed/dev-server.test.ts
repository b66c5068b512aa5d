/**
 * The dev server: the output folder on 127.0.0.1, live reload added to HTML as it is sent and never
 * to the file, nothing outside the folder, and a reload event for open pages; PDFs printed in the
 * background, by a browser started anew when the last one is gone.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BUILD_V8_FLAGS } from '../../pipeline/cache/v8-flags.ts'
import { EVENTS_PATH, injectLiveReload } from '../../pipeline/dev/live-reload.ts'
import { type DevServer, serve } from '../../pipeline/dev/serve.ts'

const PAGE = '<!doctype html>\n<html><body><p>Briefing</p></body></html>\n'

/** GET `path` as sent, without the client normalising `..` away. */
function get(server: DevServer, path: string): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(server.url)
  return new Promise((done, fail) => {
    request({ host: url.hostname, port: url.port, path }, (response) => {
      let body = ''
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type']) }),
      )
    })
      .on('error', fail)
      .end()
  })
}

describe('injectLiveReload', () => {
  it('puts the script before the last </body>', () => {
    const html = injectLiveReload(PAGE)
    expect(html).toMatch(/<script>new EventSource\("\/__dev\/events"\)[^<]*<\/script>\n<\/body><\/html>\n$/)
  })

  it('appends it to a page without </body>', () => {
    expect(injectLiveReload('<p>x</p>')).toMatch(/^<p>x<\/p>\n<script>.*<\/script>\n$/)
  })
})

describe('serve', () => {
  let dir: string
  let server: DevServer

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speed-dev-'))
    await mkdtemp(join(dir, 'sub-'))
    await writeFile(join(dir, 'index.html'), PAGE)
    await writeFile(join(dir, 'a.json'), '{"a":1}\n')
    await writeFile(join(tmpdir(), 'speed-dev-secret.txt'), 'secret\n')
    server = await serve(dir, 0)
  })
  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
    await rm(join(tmpdir(), 'speed-dev-secret.txt'), { force: true })
  })

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('adds live reload to the HTML it sends, not to the file', async () => {
    const page = await get(server, '/')
    expect(page.status).toBe(200)
    expect(page.type).toMatch(/^text\/html/)
    expect(page.body).toContain(EVENTS_PATH)
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(PAGE)
  })

  it('sends other files as they are', async () => {
    const json = await get(server, '/a.json')
    expect(json.body).toBe('{"a":1}\n')
    expect(json.type).toMatch(/^application\/json/)
  })

  it('serves nothing outside the folder', async () => {
    for (const path of ['/../speed-dev-secret.txt', '/..%2fspeed-dev-secret.txt', '/%2e%2e/speed-dev-secret.txt']) {
      const response = await get(server, path)
      expect(response.status, path).not.toBe(200)
      expect(response.body).not.toContain('secret')
    }
    expect((await get(server, '/missing.html')).status).toBe(404)
  })

  it('tells open pages to reload', async () => {
    const url = new URL(server.url)
    const event = await new Promise<string>((done, fail) => {
      const req = request({ host: url.hostname, port: url.port, path: EVENTS_PATH }, (response) => {
        let text = ''
        response.on('data', (chunk) => {
          text += chunk
          if (text.includes('data: reload')) {
            req.destroy()
            done(text)
          }
        })
        server.reload()
      })
      req.on('error', fail).end()
    })
    expect(event).toContain('data: reload')
  })
})

describe('npm run dev', () => {
  it("starts Node with the build's V8 flags, on its command line: it builds from its first moment", async () => {
    const { scripts } = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'))
    const flags = /\bnode((?:\s+--\S+)*)/.exec(scripts.dev)?.[1]?.trim().split(/\s+/)
    expect(flags).toEqual(expect.arrayContaining([...BUILD_V8_FLAGS]))
  })
})

describe('npm run dev, printing in the background', () => {
  it('prints the PDF after a save, and starts a new browser when its browser is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'speed-dev-print-'))
    await mkdir(join(dir, 'source'))
    const source = join(dir, 'source', 'brief.md')
    await writeFile(source, 'Japan\n\nThe EU-Japan Digital Partnership was signed in May 2022.\n')
    const root = join(import.meta.dirname, '..', '..')
    const dev = spawn(
      process.execPath,
      [join(root, 'pipeline/cache/run-compiled.cjs'), join(root, 'pipeline/dev/dev.ts'), '--port', '0'],
      { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } },
    )
    let log = ''
    dev.stdout.on('data', (chunk) => {
      log += chunk
    })
    const printed = (count: number) =>
      vi.waitFor(() => expect(log.match(/^pdf .*brief\.md \(background\)$/gm)?.length).toBe(count), {
        timeout: 30_000,
        interval: 100,
      })
    try {
      await printed(1)
      // Kill the browser (a process group of its own under the dev server) as a crash would.
      const children = execFileSync('pgrep', ['-P', String(dev.pid), '-f', 'briefing-chromium-'], {
        encoding: 'utf8',
      }).split('\n')
      for (const child of children.filter(Boolean)) process.kill(-Number(child), 'SIGKILL')
      await writeFile(source, 'Japan\n\nThe EU-Japan Digital Partnership was signed in May 2023.\n')
      await printed(2)
      const pdf = await readFile(join(dir, 'output', 'brief.pdf'))
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    } finally {
      dev.kill('SIGTERM')
      await new Promise((done) => dev.once('exit', done))
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
