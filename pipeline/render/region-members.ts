/**
 * Which states stand for a partner on the map: its own `iso`, or for a regional body the members
 * listed in `pipeline/data/regions.json` or `world-regions.json` (kept by the extraction stage),
 * found by id or name.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Partner } from '../briefing-schema.ts'
import type { MapPartner } from './svg/region-map.ts'

interface Region {
  id: string
  name: string
  longName?: string
  aliases?: string[]
  members: string[]
}

const DATA = join(import.meta.dirname, '..', 'data')
const WORLD_REGIONS_PATH = join(DATA, 'world-regions.json')
const REGIONS_PATHS = [join(DATA, 'regions.json'), WORLD_REGIONS_PATH]
const COUNTRIES_PATH = join(import.meta.dirname, '..', 'data', 'countries.generated.json')
let regions: Region[] | undefined
let worldRegionIds: Set<string> | undefined
let places: Map<string, [number, number]> | undefined

/** Where a country is (`[latitude, longitude]`), from the country table the extraction stage keeps. */
export function locateCountry(alpha2: string): [number, number] | undefined {
  if (!places) {
    const table = JSON.parse(readFileSync(COUNTRIES_PATH, 'utf8')) as { iso: string; latlng?: number[] }[]
    places = new Map(
      table.flatMap((country) => {
        const [lat, lng] = country.latlng ?? []
        return lat === undefined || lng === undefined ? [] : [[country.iso, [lat, lng] as [number, number]]]
      }),
    )
  }
  return places.get(alpha2)
}

function loadRegions(): Region[] {
  regions ??= REGIONS_PATHS.flatMap((path) => JSON.parse(readFileSync(path, 'utf8')) as Region[])
  return regions
}

/** Whether `partner` is one of the world's regions ("Latin America"), not a regional body. */
export function isWorldRegion(partner: Pick<Partner, 'id' | 'kind'>): boolean {
  if (partner.kind !== 'region') return false
  worldRegionIds ??= new Set((JSON.parse(readFileSync(WORLD_REGIONS_PATH, 'utf8')) as Region[]).map((r) => r.id))
  return worldRegionIds.has(partner.id)
}

/** The region of the data that `partner` is, if any. */
export function regionOf(partner: Pick<Partner, 'id' | 'name'>, known: Region[] = loadRegions()): Region | undefined {
  const name = partner.name.toLowerCase()
  return known.find(
    (region) =>
      region.id === partner.id ||
      [region.name, region.longName ?? '', ...(region.aliases ?? [])].some((alias) => alias.toLowerCase() === name),
  )
}

/** The partners as the map draws them. */
export function mapPartners(partners: Partner[]): MapPartner[] {
  return partners.map((partner) => ({
    id: partner.id,
    name: partner.name,
    kind: isWorldRegion(partner) ? 'world-region' : partner.kind,
    iso: partner.iso ? [partner.iso] : partner.kind === 'region' ? (regionOf(partner)?.members ?? []) : [],
  }))
}
