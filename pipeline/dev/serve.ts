/**
 * The dev server: the output folder over HTTP on 127.0.0.1 only, HTML with live reload added on
 * the way out, and `reload()` to tell every open page that something was rebuilt.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { EVENTS_PATH, injectLiveReload } from './live-reload.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** A running dev server. */
export interface DevServer {
  url: string
  /** Tell every open page to reload. */
  reload(): void
  close(): Promise<void>
}

/** Serve `outDir` on `127.0.0.1:port` (0 picks a free port). */
export async function serve(outDir: string, port: number): Promise<DevServer> {
  const root = resolve(outDir)
  const clients = new Set<ServerResponse>()
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed')
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
      response.write(': connected\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    let path: string
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)))
    } catch {
      return send(response, 400, 'Bad path')
    }
    // Only files inside the output folder, whatever `..` or encoding the request tries.
    if (path !== root && !path.startsWith(root + sep)) return send(response, 403, 'Forbidden')
    if (path === root || url.pathname.endsWith('/')) path = join(path, 'index.html')
    let body: Buffer
    try {
      body = await readFile(path)
    } catch {
      return send(response, 404, 'Not found')
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream'
    const payload = extname(path) === '.html' ? Buffer.from(injectLiveReload(body.toString('utf8'))) : body
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-length': payload.length })
    response.end(request.method === 'HEAD' ? undefined : payload)
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', done)
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    reload() {
      for (const client of clients) client.write('data: reload\n\n')
    },
    close() {
      for (const client of clients) client.end()
      return new Promise((done) => server.close(() => done()))
    },
  }
}

function send(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(`${message}\n`)
}
