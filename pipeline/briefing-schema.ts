/**
 * The briefing data contract (`../shared/spec/briefing-json.md`), written once as TypeBox schemas.
 * The TypeScript types the code uses are derived from these schemas, so the JSON Schema shipped
 * with every build and the types can never drift apart.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** A point in the source file: 1-based line and column, 0-based offset (unist). */
export const PointSchema = Type.Object(
  {
    line: Type.Integer({ minimum: 1 }),
    column: Type.Integer({ minimum: 1 }),
    offset: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
)

/** Where an item came from in the source, as unist positions. */
export const PositionSchema = Type.Object({ start: PointSchema, end: PointSchema }, { additionalProperties: false })

/** ISO 8601 date at the precision the text gives: `2009`, `2011-07`, `2014-06-16`. */
export const IsoDateSchema = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })

export const ParagraphSchema = Type.Object(
  { text: Type.String(), position: PositionSchema },
  { additionalProperties: false },
)

export const OrganisationSchema = Type.Object(
  {
    name: Type.String(),
    acronym: Nullable(Type.String()),
    side: Nullable(Type.Union([Type.Literal('eu'), Type.Literal('partner'), Type.Literal('international')])),
    position: PositionSchema,
  },
  { additionalProperties: false },
)

export const MechanismKindSchema = Type.Union(
  ['dialogue', 'working-group', 'taskforce', 'committee', 'summit', 'meeting', 'council', 'programme', 'other'].map(
    (kind) => Type.Literal(kind),
  ),
)

export const MechanismSchema = Type.Object(
  {
    name: Type.String(),
    kind: MechanismKindSchema,
    frequency: Nullable(Type.Union([Type.Literal('annual'), Type.Literal('biennial'), Type.Literal('regular')])),
    since: Nullable(IsoDateSchema),
    participants: Type.Array(Type.String()),
    position: PositionSchema,
  },
  { additionalProperties: false },
)

export const AgreementKindSchema = Type.Union(
  ['joint-declaration', 'memorandum', 'agreement', 'partnership', 'plan', 'other'].map((kind) => Type.Literal(kind)),
)

export const AgreementSchema = Type.Object(
  {
    name: Type.String(),
    kind: AgreementKindSchema,
    date: Nullable(IsoDateSchema),
    place: Nullable(Type.String()),
    position: PositionSchema,
  },
  { additionalProperties: false },
)

export const RepresentationSchema = Type.Object(
  { role: Type.String(), post: Type.String(), city: Nullable(Type.String()), position: PositionSchema },
  { additionalProperties: false },
)

export const FigureSchema = Type.Object(
  {
    value: Type.Number(),
    unit: Nullable(Type.String()),
    qualifier: Nullable(Type.String()),
    year: Nullable(IsoDateSchema),
    text: Type.String(),
    position: PositionSchema,
  },
  { additionalProperties: false },
)

export const TopicSchema = Type.Object(
  { id: Type.String(), label: Type.String(), positions: Type.Array(PositionSchema) },
  { additionalProperties: false },
)

export const EventSchema = Type.Object(
  {
    date: IsoDateSchema,
    endDate: Nullable(IsoDateSchema),
    label: Type.String(),
    position: PositionSchema,
  },
  { additionalProperties: false },
)

export const ProgrammeSchema = Type.Object(
  { name: Type.String(), position: PositionSchema },
  { additionalProperties: false },
)

export const PartnerSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    name: Type.String(),
    kind: Type.Union([Type.Literal('country'), Type.Literal('region')]),
    iso: Nullable(Type.String({ pattern: '^[A-Z]{2}$' })),
    paragraphs: Type.Array(ParagraphSchema),
    organisations: Type.Array(OrganisationSchema),
    mechanisms: Type.Array(MechanismSchema),
    agreements: Type.Array(AgreementSchema),
    representation: Type.Array(RepresentationSchema),
    figures: Type.Array(FigureSchema),
    topics: Type.Array(TopicSchema),
    events: Type.Array(EventSchema),
    programmes: Type.Array(ProgrammeSchema),
  },
  { additionalProperties: false },
)

export const TimelineEventSchema = Type.Composite([EventSchema, Type.Object({ partner: Type.String() })], {
  additionalProperties: false,
})

export const GlossaryEntrySchema = Type.Object(
  { acronym: Type.String(), expansion: Type.String(), position: PositionSchema },
  { additionalProperties: false },
)

/** The whole `<name>.json`. */
export const BriefingSchema = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    title: Type.String(),
    source: Type.Object(
      { path: Type.String(), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
      { additionalProperties: false },
    ),
    overview: Type.Array(ParagraphSchema),
    partners: Type.Array(PartnerSchema),
    timeline: Type.Array(TimelineEventSchema),
    glossary: Type.Array(GlossaryEntrySchema),
  },
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'briefing.schema.json',
    title: 'Briefing data',
    additionalProperties: false,
  },
)

export type Point = Static<typeof PointSchema>
export type Position = Static<typeof PositionSchema>
export type IsoDate = Static<typeof IsoDateSchema>
export type Paragraph = Static<typeof ParagraphSchema>
export type Organisation = Static<typeof OrganisationSchema>
export type MechanismKind = Static<typeof MechanismKindSchema>
export type Mechanism = Static<typeof MechanismSchema>
export type AgreementKind = Static<typeof AgreementKindSchema>
export type Agreement = Static<typeof AgreementSchema>
export type Representation = Static<typeof RepresentationSchema>
export type Figure = Static<typeof FigureSchema>
export type Topic = Static<typeof TopicSchema>
export type BriefingEvent = Static<typeof EventSchema>
export type Programme = Static<typeof ProgrammeSchema>
export type Partner = Static<typeof PartnerSchema>
export type TimelineEvent = Static<typeof TimelineEventSchema>
export type GlossaryEntry = Static<typeof GlossaryEntrySchema>
export type Briefing = Static<typeof BriefingSchema>
