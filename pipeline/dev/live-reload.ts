/**
 * Live reload for `npm run dev`: a few lines of script, added to HTML only as the dev server sends
 * it (never to the built files, which have no script at all), that reload the page when the server
 * says a build finished.
 */

/** The path the dev server streams its reload events on (server-sent events). */
export const EVENTS_PATH = '/__dev/events'

const SNIPPET = `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).onmessage = function () { location.reload() }</script>`

/** `html` with the live-reload script before its last `</body>` (or at its end when there is none). */
export function injectLiveReload(html: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>')
  return at === -1 ? `${html}\n${SNIPPET}\n` : `${html.slice(0, at)}${SNIPPET}\n${html.slice(at)}`
}
