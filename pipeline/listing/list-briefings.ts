/**
 * The briefings in an output folder, for its index page: every `<name>.json` that is a briefing,
 * with its title, partners and which of `<name>.html` / `<name>.pdf` are beside it. Read from the
 * folder itself, so the index lists what is there, whichever run built it.
 */
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'

/** One line of the index. */
export interface ListedBriefing {
  name: string
  title: string
  partners: string[]
  /** Links, relative to the folder and URL-encoded; `null` when that file is not there. */
  json: string
  html: string | null
  pdf: string | null
}

/** What the index takes from a briefing's JSON. */
export interface Listing {
  title: string
  partners: string[]
}

/**
 * Every briefing in `outDir`, sorted by file name. `known` holds, by JSON file name, the listing of
 * briefings whose JSON the build knows (`null`: not a briefing): those it has just written, and those
 * found unchanged since it wrote them, so they are not read back (a megabyte source's JSON takes a
 * tenth of a second to parse); every other JSON in the folder is read.
 */
export async function listBriefings(
  outDir: string,
  known: ReadonlyMap<string, Listing | null> = new Map(),
): Promise<ListedBriefing[]> {
  const names = new Set(await readdir(outDir).catch(() => [] as string[]))
  const listed: ListedBriefing[] = []
  for (const file of [...names].filter((name) => name.endsWith('.json')).sort()) {
    const listing = known.has(file) ? known.get(file) : listingOf(await readJson(join(outDir, file)))
    if (!listing) continue
    const name = basename(file, '.json')
    listed.push({
      name,
      ...listing,
      json: encodeURIComponent(file),
      html: names.has(`${name}.html`) ? encodeURIComponent(`${name}.html`) : null,
      pdf: names.has(`${name}.pdf`) ? encodeURIComponent(`${name}.pdf`) : null,
    })
  }
  return listed
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return null
  }
}

/** What the index lists of the JSON `data`; `null` when it is not a briefing (the schema file is not). */
export function listingOf(data: unknown): Listing | null {
  return isBriefing(data) ? { title: data.title, partners: data.partners.map((partner) => partner.name) } : null
}

/** Just enough of the briefing contract to list it. */
function isBriefing(data: unknown): data is { title: string; partners: { name: string }[] } {
  const record = data as { schemaVersion?: unknown; title?: unknown; partners?: unknown } | null
  return (
    record?.schemaVersion === 1 &&
    typeof record.title === 'string' &&
    Array.isArray(record.partners) &&
    record.partners.every((partner) => typeof (partner as { name?: unknown })?.name === 'string')
  )
}
