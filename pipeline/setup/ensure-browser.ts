/**
 * Part of `npm install`: make sure a Chromium is there to print PDFs. On Debian as root it installs
 * `chromium-headless-shell` (saying so); elsewhere it says exactly what to install. It never
 * downloads a browser build of its own, and it never fails the install.
 */
import { existsSync } from 'node:fs'
import { $ } from 'zx'
import { findBrowser, INSTALL_HINT } from '../print/find-browser.ts'

const found = await findBrowser().catch((error: Error) => {
  console.warn(`setup: ${error.message}`)
  return null
})
if (found) {
  console.log(`setup: printing with ${found.executablePath} (${found.origin})`)
} else if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('setup: no Chromium found; installing Debian package chromium-headless-shell (apt-get)')
  const apt = $({ quiet: true, nothrow: true, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  const update = await apt`apt-get update -qq`
  const install = update.ok ? await apt`apt-get install -y -qq chromium-headless-shell` : update
  if (install.ok) console.log('setup: installed /usr/bin/chromium-headless-shell')
  else console.warn(`setup: apt-get failed (${install.stderr.trim().split('\n').at(-1)}). ${INSTALL_HINT}`)
} else {
  console.warn(`setup: ${INSTALL_HINT} PDFs cannot be printed until then; \`npm run build -- --no-pdf\` works without.`)
}
