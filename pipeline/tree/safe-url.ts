/**
 * Which link targets a briefing may carry. A briefing leaves the building, so a link is kept only
 * when it is an absolute `http:`/`https:` address of a public host or a `mailto:` address; anything
 * else (`javascript:`, `data:`, `file:`, relative paths, fragments, local or private hosts, addresses
 * with credentials) is refused, with the reason.
 */

/** Longest link target kept; longer ones are not addresses a reader types or checks. */
export const MAX_URL_LENGTH = 2048

/** Why `url` may not be linked from a briefing, or `null` when it may. */
export function unsafeUrlReason(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return `longer than ${MAX_URL_LENGTH} characters`
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`): refuse them outright.
  if (/[\p{Cc}\p{Cf}\s]/u.test(url)) return 'contains control or invisible characters'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not an absolute address'
  }
  if (parsed.protocol === 'mailto:') return null
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `\`${parsed.protocol}\` address`
  if (parsed.username || parsed.password) return 'carries credentials'
  if (isLocalHost(parsed.hostname)) return 'points at a local or private address'
  return null
}

/** Whether `hostname` (as `URL` gives it) names this machine or a private network. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === '' || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true
  if (!host.includes('.') && !host.includes(':')) return true // a bare intranet name
  const v4 = host.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    )
  }
  if (host.includes(':')) {
    // `URL` has already normalised IPv6; IPv4-mapped addresses come out as `::ffff:7f00:1`.
    return host === '::' || host === '::1' || /^(fc|fd|fe[89ab])/.test(host) || host.startsWith('::ffff:')
  }
  return false
}
