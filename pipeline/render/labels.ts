/** Words the briefing uses for the data's codes; kept as data, in one place. */
import type { AgreementKind, MechanismKind } from '../briefing-schema.ts'

export const PARTNER_KIND: Record<'country' | 'region' | 'world-region', string> = {
  country: 'Country',
  region: 'Regional body',
  'world-region': 'Region',
}

export const MECHANISM_KIND: Record<MechanismKind, string> = {
  dialogue: 'dialogue',
  'working-group': 'working group',
  taskforce: 'taskforce',
  committee: 'committee',
  summit: 'summit',
  meeting: 'meeting',
  council: 'council',
  programme: 'programme',
  other: 'mechanism',
}

export const AGREEMENT_KIND: Record<AgreementKind, string> = {
  'joint-declaration': 'joint declaration',
  memorandum: 'memorandum',
  agreement: 'agreement',
  partnership: 'partnership',
  plan: 'plan',
  other: 'agreement',
}

export const SIDE: Record<'eu' | 'partner' | 'international', string> = {
  eu: 'EU side',
  partner: 'partner side',
  international: 'international',
}

/** Mechanisms counted as "dialogues" in the at-a-glance table: every kind but programmes. */
export const DIALOGUE_KINDS: ReadonlySet<MechanismKind> = new Set([
  'dialogue',
  'working-group',
  'taskforce',
  'committee',
  'summit',
  'meeting',
  'council',
  'other',
])
