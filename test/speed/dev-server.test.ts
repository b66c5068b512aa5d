/**
 * The dev server: the output folder on 127.0.0.1, live reload added to HTML as it is sent and never
 * to the file, nothing outside the folder, and a reload event for open pages.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
