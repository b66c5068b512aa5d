/**
 * Regional organisations and fora the data lists do not know, recognised by their definition:
 * "Trans-Eurasia Information Network (TEIN)", "Mekong River Commission (MRC)", "African Union (AU)",
 * "Economic Community of West African States (ECOWAS)". Europe's own bodies are not partners.
 */
import type { Definition } from './acronyms.ts'
import { type PartnerRef, partnerId, resolveName } from './gazetteer.ts'

const REGIONAL =
  /\b(Asia|Asian|Eurasia|Eurasian|Pacific|Asia-Pacific|Indo-Pacific|Mekong|Gulf|Bengal|ASEAN|Africa|African|America|Americas|American|Inter-American|Caribbean|Andean|Arab|Sahel|Atlantic|Arctic)\b/
const FORUM =
  /\b(Meeting|Forum|Network|Association|Organi[sz]ation|Cooperation|Co-operation|Community|Initiative|Telecommunity|Union|Council|Commission|Group|States)$/

/** The executive of a body: "African Union Commission" is the African Union's, "ASEAN Secretariat" ASEAN's. */
const EXECUTIVE = /\s+(Commission|Secretariat)$/

/** The regional body `definition` introduces, if it is one; the body itself for its executive ("AUC"). */
export function regionalBody(definition: Definition): PartnerRef | undefined {
  const { acronym, expansion } = definition
  if (!REGIONAL.test(expansion) || !FORUM.test(expansion) || /^Ministry|^Department/.test(expansion)) return undefined
  const body = EXECUTIVE.test(expansion) ? resolveName(expansion.replace(EXECUTIVE, '')) : undefined
  if (body?.kind === 'region') return body
  return { id: partnerId(acronym), name: acronym, kind: 'region', iso: null }
}
