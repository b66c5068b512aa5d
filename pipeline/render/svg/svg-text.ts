/**
 * Escaping for text and attribute values in hand-written SVG and HTML strings. Everything from the
 * source passes through here before it reaches a picture.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escape `value` for text content or a double-quoted attribute. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** A number for SVG coordinates: at most one decimal, no `-0`, so output is stable and short. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return String(Object.is(rounded, -0) ? 0 : rounded)
}
