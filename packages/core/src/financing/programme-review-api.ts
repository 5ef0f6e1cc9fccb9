import { requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { instantSchema } from '../schedule/instant.js';
import { nonNegativeMoneySchema } from './amounts.js';
import { directionSchema, fundingKindSchema, providerSchema } from './programme.js';
import {
  programmeChangeSchema,
  programmeDraftInputSchema,
  programmeReviewSchema,
  programmeReviewStateSchema,
  programmeReviewStates,
} from './programme-review.js';

const revisionSchema = z.number().int().min(1).max(1_000_000_000);

/**
 * Schema of a programme in a desk's list: its name, state and revision, whether a version is
 * public in the navigator, when it last changed and — while returned — the operator's
 * remarks.
 *
 * @example
 * ```ts
 * import { programmeReviewSummarySchema } from '@eduset/core/financing';
 * programmeReviewSummarySchema.parse({
 *   programmeId: 'mich-353', providerId: 'cdt', providerName: 'ЦДТ', name: 'Робототехника',
 *   fundingKind: 'funded', direction: 'technical', state: 'approved', revision: 1, published: true,
 * });
 * ```
 */
export const programmeReviewSummarySchema = z.object({
  programmeId: z.string().min(1),
  providerId: z.string().min(1),
  providerName: z.string().min(1),
  name: z.string().min(1),
  fundingKind: fundingKindSchema,
  direction: directionSchema,
  state: programmeReviewStateSchema,
  revision: revisionSchema,
  /** Whether an approved version is in the navigator (it stays there while a new one is reviewed). */
  published: z.boolean(),
  /** When the last review step happened (absent for a programme imported as approved). */
  updatedAt: z.optional(instantSchema),
  /** The operator's remarks, while the programme is returned. */
  remarks: z.string().optional(),
});

/** A programme in a desk's list. @example `declare const item: ProgrammeReviewSummary; item.state;` */
export type ProgrammeReviewSummary = z.infer<typeof programmeReviewSummarySchema>;

/**
 * Schema of the answer of `GET /api/provider/programmes`: the signed-in provider's programmes
 * (every state) and the providers it works for (to pick one for a new programme).
 *
 * @example
 * ```ts
 * import { providerProgrammeListSchema } from '@eduset/core/financing';
 * providerProgrammeListSchema.parse({ programmes: [], providers: [] });
 * ```
 */
export const providerProgrammeListSchema = z.object({
  programmes: z.array(programmeReviewSummarySchema),
  providers: z.array(providerSchema),
});

/** The answer of `GET /api/provider/programmes`. @example `declare const list: ProviderProgrammeList; list.programmes;` */
export type ProviderProgrammeList = z.infer<typeof providerProgrammeListSchema>;

/**
 * Schema of one programme's review as a desk shows it: the review (working version,
 * published version, history), its provider, the places taken in each group of the
 * published version (group id → places) and what changed since the published version.
 *
 * @example
 * ```ts
 * import { programmeReviewDetailSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * programmeReviewDetailSchema.parse(json).review.state;
 * ```
 */
export const programmeReviewDetailSchema = z.object({
  review: programmeReviewSchema,
  provider: providerSchema,
  taken: z.record(z.string(), z.number().int().min(0)),
  changes: z.array(programmeChangeSchema),
  /** The inventory rooms its groups name (room id → name, address, organization). */
  rooms: z
    .record(
      z.string(),
      z.object({ name: z.string(), address: z.string(), organizationName: z.string() }),
    )
    .optional(),
});

/** One programme's review as a desk shows it. @example `declare const detail: ProgrammeReviewDetail; detail.taken;` */
export type ProgrammeReviewDetail = z.infer<typeof programmeReviewDetailSchema>;

/**
 * Schema of the path of the routes on one programme: its id.
 *
 * @example
 * ```ts
 * import { programmeIdParamsSchema } from '@eduset/core/financing';
 * programmeIdParamsSchema.parse({ id: 'mich-353' });
 * ```
 */
export const programmeIdParamsSchema = z.object({ id: requestTextSchema(120) });

/**
 * Schema of the body of `POST /api/provider/programmes`: the new programme as the provider
 * enters it, and which of its providers offers it (needed only by someone working for
 * several).
 *
 * @example
 * ```ts
 * import { programmeCreateSchema } from '@eduset/core/financing';
 * declare const programme: unknown;
 * programmeCreateSchema.safeParse({ providerId: 'cdt', programme });
 * ```
 */
export const programmeCreateSchema = z.strictObject({
  providerId: z.optional(requestTextSchema(120)),
  programme: programmeDraftInputSchema,
});

/** The body of `POST /api/provider/programmes`. @example `declare const body: ProgrammeCreate; body.programme.name;` */
export type ProgrammeCreate = z.output<typeof programmeCreateSchema>;

/**
 * Schema of the body of `PUT /api/provider/programmes/:id`: the revision the provider edited
 * and the new working version.
 *
 * @example
 * ```ts
 * import { programmeUpdateSchema } from '@eduset/core/financing';
 * declare const programme: unknown;
 * programmeUpdateSchema.safeParse({ revision: 2, programme });
 * ```
 */
export const programmeUpdateSchema = z.strictObject({
  revision: revisionSchema,
  programme: programmeDraftInputSchema,
});

/** The body of `PUT /api/provider/programmes/:id`. @example `declare const body: ProgrammeUpdate; body.revision;` */
export type ProgrammeUpdate = z.output<typeof programmeUpdateSchema>;

/**
 * Schema of the body of a step that only names the revision it was decided on: submit and
 * withdraw (`POST /api/provider/programmes/:id/submit|withdraw`).
 *
 * @example
 * ```ts
 * import { programmeRevisionSchema } from '@eduset/core/financing';
 * programmeRevisionSchema.parse({ revision: 3 });
 * ```
 */
export const programmeRevisionSchema = z.strictObject({ revision: revisionSchema });

/**
 * Schema of the body of `POST /api/operator/programme-reviews/:id/approve`: the revision the
 * operator reviewed and, optionally, the normative cost of modules (module id → roubles).
 *
 * @example
 * ```ts
 * import { programmeApproveSchema } from '@eduset/core/financing';
 * programmeApproveSchema.parse({ revision: 3, normativeCosts: { 'cdt-robot-m1': '9500' } });
 * ```
 */
export const programmeApproveSchema = z.strictObject({
  revision: revisionSchema,
  normativeCosts: z.record(requestTextSchema(120), nonNegativeMoneySchema).optional(),
});

/** The body of the approval. @example `declare const body: ProgrammeApprove; body.revision;` */
export type ProgrammeApprove = z.output<typeof programmeApproveSchema>;

/**
 * Schema of the body of `POST /api/operator/programme-reviews/:id/return`: the revision the
 * operator reviewed and the remarks for the provider (required).
 *
 * @example
 * ```ts
 * import { programmeReturnSchema } from '@eduset/core/financing';
 * programmeReturnSchema.parse({ revision: 3, remarks: 'Укажите время занятий групп' });
 * ```
 */
export const programmeReturnSchema = z.strictObject({
  revision: revisionSchema,
  remarks: requestTextSchema(4000),
});

/** The body of the return. @example `declare const body: ProgrammeReturn; body.remarks;` */
export type ProgrammeReturn = z.output<typeof programmeReturnSchema>;

/**
 * Schema of the query of `GET /api/operator/programme-reviews`: the states to list, comma
 * separated (`submitted` by default; `all` for every state).
 *
 * @example
 * ```ts
 * import { programmeReviewQuerySchema } from '@eduset/core/financing';
 * programmeReviewQuerySchema.parse({ state: 'submitted,returned' }).state; // ['submitted', 'returned']
 * ```
 */
export const programmeReviewQuerySchema = z.strictObject({
  state: z
    .string()
    .max(200)
    .transform((value) =>
      value === 'all'
        ? [...programmeReviewStates]
        : value
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== ''),
    )
    .pipe(z.array(programmeReviewStateSchema))
    .optional(),
});

/** The query of the review list. @example `declare const query: ProgrammeReviewQuery; query.state;` */
export type ProgrammeReviewQuery = z.output<typeof programmeReviewQuerySchema>;

/**
 * Schema of the answer of `GET /api/operator/programme-reviews`: the programmes in the asked
 * states, the longest waiting first.
 *
 * @example
 * ```ts
 * import { programmeReviewListSchema } from '@eduset/core/financing';
 * programmeReviewListSchema.parse({ reviews: [] });
 * ```
 */
export const programmeReviewListSchema = z.object({
  reviews: z.array(programmeReviewSummarySchema),
});

/** The answer of the review list. @example `declare const list: ProgrammeReviewList; list.reviews;` */
export type ProgrammeReviewList = z.infer<typeof programmeReviewListSchema>;
