/** Types for `subset-font` (the package ships none): harfbuzz's hb-subset through wasm. */
declare module 'subset-font' {
  /** Cut `font` (TTF, WOFF or WOFF2) down to the glyphs of `text`. */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'woff' | 'woff2'
      preserveNameIds?: number[]
      variationAxes?: Record<string, number>
    },
  ): Promise<Uint8Array>
}
