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

/**
 * Every briefing in `outDir`, sorted by file name. `known` holds the briefings this run has just
 * written (the data), by JSON file name, so they are not read back (a megabyte source's JSON takes a tenth
 * of a second to parse); every other JSON in the folder is read.
 */
export async function listBriefings(
  outDir: string,
  known: ReadonlyMap<string, unknown> = new Map(),
): Promise<ListedBriefing[]> {
  const names = new Set(await readdir(outDir).catch(() => [] as string[]))
  const listed: ListedBriefing[] = []
  for (const file of [...names].filter((name) => name.endsWith('.json')).sort()) {
    const data = known.get(file) ?? (await readJson(join(outDir, file)))
    if (!isBriefing(data)) continue
    const name = basename(file, '.json')
    listed.push({
      name,
      title: data.title,
      partners: data.partners.map((partner) => partner.name),
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

/** Just enough of the briefing contract to list it (the schema file itself is not a briefing). */
function isBriefing(data: unknown): data is { title: string; partners: { name: string }[] } {
  const record = data as { schemaVersion?: unknown; title?: unknown; partners?: unknown } | null
  return (
    record?.schemaVersion === 1 &&
    typeof record.title === 'string' &&
    Array.isArray(record.partners) &&
    record.partners.every((partner) => typeof (partner as { name?: unknown })?.name === 'string')
  )
}
