/**
 * The map of the region: Natural Earth countries (`world-atlas`, 1:110m, which is finer than the
 * picture can show and projects several times faster than 1:50m) drawn with d3-geo at build time
 * and cropped to the partners' extent. States too small for that scale (Singapore) are dots. Partner countries are filled, member states of
 * regional partners shaded, everything else drawn faint for context. Static SVG, one path per line.
 */
import { createRequire } from 'node:module'
import {
  type GeoPermissibleObjects,
  type GeoProjection,
  geoArea,
  geoBounds,
  geoCentroid,
  geoMercator,
  geoPath,
} from 'd3-geo'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson'
// The library without its 80 languages (900 kB of names, loaded on every run); English only.
import countries from 'i18n-iso-countries/index.js'
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { escapeXml, num } from './svg-text.ts'

countries.registerLocale(english)

/** A partner on the map: its own country (`iso`) or the member states of a region. */
export interface MapPartner {
  id: string
  name: string
  /** A world region ("Latin America") is a place its countries are in, not a body they are members of. */
  kind: 'country' | 'region' | 'world-region'
  /** ISO 3166-1 alpha-2 codes of the land that stands for the partner. */
  iso: string[]
}

/** Where a state is, for those the world geometry has no shape for: alpha-2 to `[latitude, longitude]`. */
export type Locator = (alpha2: string) => [number, number] | undefined

const WIDTH = 720
const PAD = 24
const MIN_HEIGHT = 300
const MAX_HEIGHT = 560
/** Degrees of land shown around the outermost partners. */
const FRAME = 5
/** When no partner has a place on the map: the inhabited world (framed by `box`), for a briefing may be about any of it. */
const WORLD: [number, number][] = [
  [-165, -50],
  [175, 70],
]

const require = createRequire(import.meta.url)
let world: Feature<Geometry, { name: string }>[] | undefined
let worldBoxes: Map<Feature, LonLatBox> | undefined

/** Natural Earth countries as GeoJSON features, read once per process. */
function worldFeatures(): Feature<Geometry, { name: string }>[] {
  if (!world) {
    const topology = require('world-atlas/countries-110m.json') as Topology<{
      countries: GeometryCollection<{ name: string }>
    }>
    world = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features
  }
  return world
}

/** Each country's `lonLatBox`, computed once per process. */
function boxOf(shape: Feature): LonLatBox {
  worldBoxes ??= new Map()
  let found = worldBoxes.get(shape)
  if (!found) {
    found = lonLatBox(shape.geometry)
    worldBoxes.set(shape, found)
  }
  return found
}

/** The world-atlas id (ISO 3166-1 numeric, zero-padded) of an alpha-2 code, from `i18n-iso-countries`. */
export function numericId(alpha2: string): string | undefined {
  return countries.alpha2ToNumeric(alpha2)
}

/** The main landmass of a country, so overseas territories do not stretch the frame. */
function mainland(shape: Feature): Feature {
  const geometry = shape.geometry
  if (geometry?.type !== 'MultiPolygon') return shape
  const polygons = (geometry as MultiPolygon).coordinates.map(
    (coordinates): Polygon => ({ type: 'Polygon', coordinates }),
  )
  const largest = polygons.reduce((best, polygon) => (geoArea(polygon) > geoArea(best) ? polygon : best))
  return { ...shape, geometry: largest }
}

/**
 * A frame around `points` (longitude, latitude) with room for the land around them: a ring along
 * parallels and meridians, densified so its edges do not cut across the pole as great circles
 * would, and clockwise, as d3-geo wants.
 */
function box(points: [number, number][]): Feature {
  const lons = points.map(([lon]) => lon)
  const lats = points.map(([, lat]) => lat)
  const [west, east] = [Math.max(-180, Math.min(...lons) - FRAME), Math.min(180, Math.max(...lons) + FRAME)]
  const [south, north] = [Math.max(-80, Math.min(...lats) - FRAME), Math.min(80, Math.max(...lats) + FRAME)]
  const steps = 24
  const along = (from: number, to: number) =>
    Array.from({ length: steps + 1 }, (_, index) => from + ((to - from) * index) / steps)
  const ring: [number, number][] = [
    ...along(south, north).map((lat): [number, number] => [west, lat]),
    ...along(west, east).map((lon): [number, number] => [lon, north]),
    ...along(north, south).map((lat): [number, number] => [east, lat]),
    ...along(east, west).map((lon): [number, number] => [lon, south]),
  ]
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }
}

/** Draw the partners of `partners` on a map cropped to them; `id` prefixes the SVG's element ids. */
export function regionMapSvg(
  partners: MapPartner[],
  id: string,
  title: string,
  locate: Locator = () => undefined,
): string {
  const features = worldFeatures()
  const role = new Map<string, 'partner' | 'member'>()
  for (const partner of partners) {
    for (const iso of partner.iso) {
      const numeric = numericId(iso)
      if (!numeric) continue
      if (partner.kind === 'country') role.set(numeric, 'partner')
      else if (!role.has(numeric)) role.set(numeric, 'member')
    }
  }
  const byId = (numeric: string) => features.find((shape) => shape.id === numeric)
  const dots = new Map<string, { role: 'partner' | 'member'; at: [number, number] }>()
  for (const partner of partners) {
    for (const iso of partner.iso) {
      const numeric = numericId(iso)
      const at = locate(iso)
      if (!numeric || byId(numeric) || !at || dots.has(iso)) continue
      dots.set(iso, { role: role.get(numeric) ?? 'member', at: [at[1], at[0]] })
    }
  }
  // Partner countries are framed whole; members of regions by their centre, so one vast member
  // (Russia in ASEM) does not turn the map into a world map.
  const centres: [number, number][] = [
    ...[...role.entries()].flatMap(([numeric, kind]): [number, number][] => {
      const shape = byId(numeric)
      if (!shape) return []
      if (kind === 'member') return [geoCentroid(mainland(shape))]
      const [[west, south], [east, north]] = geoBounds(mainland(shape))
      return [
        [west, south],
        [east, north],
      ]
    }),
    ...[...dots.values()].map((dot) => dot.at),
  ]
  const frame: FeatureCollection = {
    type: 'FeatureCollection',
    features: [box(centres.length > 0 ? centres : WORLD)],
  }
  // Centre the projection on the frame, so the antimeridian falls far from the partners.
  const [centre = 0] = geoCentroid(frame)
  const projection = geoMercator()
    .rotate([-centre, 0])
    .fitWidth(WIDTH - 2 * PAD, frame)
  const [[, top], [, bottom]] = geoPath(projection).bounds(frame)
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, bottom - top + 2 * PAD)))
  projection.fitExtent(
    [
      [PAD, PAD],
      [WIDTH - PAD, height - PAD],
    ],
    frame,
  )
  projection.clipExtent([
    [0, 0],
    [WIDTH, height],
  ])
  const path = geoPath(projection).digits(0)
  const visible = visibleBox(projection, height)
  const lines = [
    `<svg class="chart map" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(partners))}</desc>`,
    `<rect class="sea" width="${WIDTH}" height="${height}"/>`,
  ]
  for (const shape of features) {
    // Projecting and clipping a country that cannot reach the picture would only draw nothing.
    if (!overlap(boxOf(shape), visible)) continue
    const d = compactPath(path(shape as GeoPermissibleObjects) ?? '')
    if (!d) continue
    const kind = role.get(String(shape.id)) ?? 'land'
    lines.push(`<path class="${kind}" d="${d}"><title>${escapeXml(shape.properties.name)}</title></path>`)
  }
  for (const [iso, dot] of dots) {
    const point = projection(dot.at)
    if (!point) continue
    const name = countries.getName(iso, 'en') ?? iso
    lines.push(
      `<circle class="${dot.role}" cx="${num(point[0])}" cy="${num(point[1])}" r="4"><title>${escapeXml(name)}</title></circle>`,
    )
  }
  const placed: Box[] = []
  for (const partner of partners) {
    // Countries are named on the map; regions are named in the legend, their members shaded.
    if (partner.kind !== 'country') continue
    const shapes = partner.iso.flatMap((iso) => {
      const shape = byId(numericId(iso) ?? '')
      return shape ? [mainland(shape)] : []
    })
    if (shapes.length === 0) continue
    const point = projection(geoCentroid({ type: 'FeatureCollection', features: shapes }))
    if (!point) continue
    const [cx, cy] = point
    if (cx < 0 || cx > WIDTH || cy < 0 || cy > height) continue
    // A plate behind the name keeps it readable on any fill; its width is estimated from the name's length.
    const box = freeSpot(
      { x: cx - (partner.name.length * 7.6 + 10) / 2, y: cy - 13, width: partner.name.length * 7.6 + 10, height: 18 },
      placed,
    )
    placed.push(box)
    lines.push(
      `<rect class="map-plate" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="18" rx="3"/>`,
    )
    lines.push(
      `<text class="map-label" x="${num(box.x + box.width / 2)}" y="${num(box.y + 13)}" text-anchor="middle">${escapeXml(partner.name)}</text>`,
    )
  }
  lines.push(...legend(partners, height))
  lines.push('</svg>')
  return lines.join('\n')
}

/**
 * Where a shape can be, in degrees: longitudes `west` to `east` going east (`east` may exceed 180
 * when the box crosses the antimeridian), latitudes `south` to `north`.
 */
interface LonLatBox {
  west: number
  east: number
  south: number
  north: number
}

const WHOLE_EARTH: LonLatBox = { west: -180, east: 180, south: -90, north: 90 }
/** Degrees added around the visible area: far more than a pixel, at any scale the map is drawn at. */
const MARGIN = 2

/**
 * A box that holds every point of `geometry` as d3-geo draws it. Its edges are great-circle arcs:
 * an arc keeps to the longitudes between its ends (going the short way), but bulges towards the
 * pole, at most to `asin(sin(φ) / cos(θ / 2))` for an end at latitude φ and an arc of length θ,
 * and θ is at most the difference in latitude plus the difference in longitude. A shape with an
 * edge across the antimeridian gets every longitude.
 */
export function lonLatBox(geometry: Geometry): LonLatBox {
  const rings: number[][][] =
    geometry.type === 'Polygon'
      ? geometry.coordinates
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat()
        : []
  if (rings.length === 0) return WHOLE_EARTH
  let [west, east, south, north] = [180, -180, 90, -90]
  let longestStep = 0
  // Indexed reads: destructuring each of the world's ten thousand points costs more than drawing them.
  for (const ring of rings) {
    for (let index = 0; index < ring.length; index++) {
      const point = ring[index] as number[]
      const next = ring[index + 1] ?? point
      const lon = point[0] ?? 0
      const lat = point[1] ?? 0
      longestStep = Math.max(longestStep, Math.abs((next[0] ?? 0) - lon) + Math.abs((next[1] ?? 0) - lat))
      west = Math.min(west, lon)
      east = Math.max(east, lon)
      south = Math.min(south, lat)
      north = Math.max(north, lat)
    }
  }
  const bulge = 1 / Math.cos(Math.min(longestStep, 180) * (RADIANS / 2))
  const latitudes = {
    south: Math.min(south, awayFromEquator(south, bulge)),
    north: Math.max(north, awayFromEquator(north, bulge)),
  }
  return longestStep > 180 ? { ...WHOLE_EARTH, ...latitudes } : { west, east, ...latitudes }
}

const RADIANS = Math.PI / 180

/** `latitude` (degrees) moved away from the equator as far as an arc can bulge: its sine times `factor`. */
function awayFromEquator(latitude: number, factor: number): number {
  const sine = Math.sin(latitude * RADIANS) * factor
  return Math.asin(Math.max(-1, Math.min(1, sine))) / RADIANS
}

/**
 * The part of the earth the picture shows, with a `MARGIN`. The projection is a Mercator turned
 * about the poles only, so the picture's edges are meridians and parallels: its corners give it.
 */
function visibleBox(projection: GeoProjection, height: number): LonLatBox {
  const [west = -180, north = 90] = projection.invert?.([0, 0]) ?? []
  const [east = 180, south = -90] = projection.invert?.([WIDTH, height]) ?? []
  const latitudes = { south: Math.max(-90, south - MARGIN), north: Math.min(90, north + MARGIN) }
  // A picture wider than the earth shows every longitude.
  if (WIDTH >= 2 * Math.PI * projection.scale()) return { ...WHOLE_EARTH, ...latitudes }
  return { west: west - MARGIN, east: (east < west ? east + 360 : east) + MARGIN, ...latitudes }
}

/** Whether two boxes share a point, longitudes compared around the circle. */
function overlap(a: LonLatBox, b: LonLatBox): boolean {
  if (a.south > b.north || b.south > a.north) return false
  if (a.east - a.west >= 360 || b.east - b.west >= 360) return true
  // Each box's western edge, in the turn of the circle that starts at the other's western edge.
  const aFromB = (((a.west - b.west) % 360) + 360) % 360
  const bFromA = (((b.west - a.west) % 360) + 360) % 360
  return aFromB <= b.east - b.west || bFromA <= a.east - a.west
}

/**
 * Drop points that rounding made equal to the one before, and rings that collapsed to a point:
 * at the map's scale most of the coast's detail is below a pixel.
 */
export function compactPath(d: string): string {
  const rings = d.split('Z').filter((ring) => ring.trim() !== '')
  const kept: string[] = []
  for (const ring of rings) {
    const points = ring.split(/[ML]/).filter(Boolean)
    const unique = points.filter((point, index) => index === 0 || point !== points[index - 1])
    if (new Set(unique).size < 3) continue
    kept.push(`M${unique.join('L')}Z`)
  }
  return kept.join('')
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** The first spot at or below (then above) `box` that no placed label covers. */
function freeSpot(box: Box, placed: Box[]): Box {
  for (let step = 0; step < 12; step++) {
    for (const dy of step === 0 ? [0] : [step * 20, -step * 20]) {
      const candidate = { ...box, y: box.y + dy }
      if (!placed.some((other) => overlaps(candidate, other))) return candidate
    }
  }
  return box
}

/** A key in the lower left: what the two fills mean, and which regions the shading stands for. */
function legend(partners: MapPartner[], height: number): string[] {
  const shaded = (kind: MapPartner['kind']) =>
    partners.filter((partner) => partner.kind === kind && partner.iso.length > 0).map((partner) => partner.name)
  const [bodies, places] = [shaded('region'), shaded('world-region')]
  const rows: [string, string][] = [['partner', 'Partner country']]
  const shading = [
    bodies.length > 0 ? `Member of ${bodies.join(', ')}` : '',
    places.length > 0 ? `${bodies.length > 0 ? 'countries' : 'Countries'} of ${places.join(', ')}` : '',
  ]
  if (bodies.length + places.length > 0) rows.push(['member', shading.filter(Boolean).join('; ')])
  const width = Math.max(...rows.map(([, label]) => label.length * 6.6 + 40))
  const top = height - 12 - rows.length * 20
  const lines = [
    `<rect class="legend" x="8" y="${top - 6}" width="${num(width)}" height="${rows.length * 20 + 10}" rx="3"/>`,
  ]
  rows.forEach(([kind, label], index) => {
    const y = top + index * 20
    lines.push(`<rect class="${kind}" x="16" y="${y + 2}" width="14" height="12"/>`)
    lines.push(`<text class="legend-label" x="38" y="${y + 12}">${escapeXml(label)}</text>`)
  })
  return lines
}

/** The text alternative: which partners are shown, and which states stand for each region. */
function describe(partners: MapPartner[]): string {
  const placed = partners.filter((partner) => partner.iso.length > 0)
  if (placed.length === 0) return 'A map of the world; no partner of this briefing has a place on it.'
  const names = (codes: string[]) => codes.map((code) => countries.getName(code, 'en') ?? code).join(', ')
  const parts = placed.map((partner) =>
    partner.kind === 'country'
      ? partner.name
      : `${partner.name} (${partner.kind === 'region' ? 'members' : 'countries'} shaded: ${names(partner.iso)})`,
  )
  return `A map of the region with the partners highlighted: ${parts.join('; ')}.`
}
