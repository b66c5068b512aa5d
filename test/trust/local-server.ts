/** A local HTTP server on 127.0.0.1 and a random port, that counts what it is asked. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A server that answers everything and remembers what it was asked. */
export async function listeningServer(): Promise<{ server: Server; origin: string; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    response.setHeader('content-type', request.url?.endsWith('.css') ? 'text/css' : 'text/html')
    response.end(request.url?.endsWith('.css') ? 'p::after { content: "LEAKED-CSS" }' : '<p>LEAKED-HTML</p>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://127.0.0.1:${port}`, requests }
}
