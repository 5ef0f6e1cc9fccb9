import { isoDateSchema } from '../common/iso-date.js';
import { localizedTextSchema } from '../common/labels.js';
import { requestIdSchema, requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import { instantSchema } from '../schedule/instant.js';
import {
  measureReviews,
  measureStatuses,
  monitoringIndicatorSchema,
  riskFactorSchema,
  riskLevelSchema,
} from './support.js';

// The wire contract of `/api/staff/support/…`: support programmes of flagged schools (issue
// 16 §4), their road maps, status updates with evidence, the coordinator's review and the
// input and final monitoring.

/**
 * Schema of a measure's status. @example `measureStatusSchema.parse('done');`
 */
export const measureStatusSchema = z.enum(measureStatuses);

/**
 * Schema of a measure's review state. @example `measureReviewSchema.parse('pending');`
 */
export const measureReviewSchema = z.enum(measureReviews);

const evidenceUrlSchema = requestTextSchema(1000).check(
  z.refine((value: string) => /^https?:\/\/\S+$/.test(value), {
    params: {
      text: {
        ru: 'Ссылка на подтверждение должна начинаться с http:// или https://',
        en: 'The evidence link must start with http:// or https://',
      },
    },
  }),
);

/**
 * Schema of a measure as the coordinator writes it: what, who is responsible (a name, and an
 * e-mail for reminders), the deadline, the expected effect and on which monitoring indicator.
 *
 * @example
 * ```ts
 * import { supportMeasureInputSchema } from '@eduset/core/schools';
 * supportMeasureInputSchema.parse({
 *   title: 'Консультации родителей', responsible: 'Завуч Иванова', deadline: '2027-03-31',
 *   indicatorId: 'below-minimum', expectedEffect: 'Доля ниже минимума снизится до 10 %',
 * });
 * ```
 */
export const supportMeasureInputSchema = z.strictObject({
  title: requestTextSchema(500),
  responsible: requestTextSchema(200),
  responsibleEmail: z.string().trim().email().max(200).optional(),
  deadline: isoDateSchema,
  indicatorId: z.optional(requestIdSchema),
  expectedEffect: z.optional(requestTextSchema(1000)),
  factor: riskFactorSchema.optional(),
  /** The measure's revision the coordinator edited (when editing). */
  revision: z.number().int().min(1).optional(),
});

/**
 * A measure as written. @example `declare const m: SupportMeasureInput; m.deadline;`
 */
export type SupportMeasureInput = z.infer<typeof supportMeasureInputSchema>;

/**
 * Schema of one entry of a measure's history: created, edited, a status update (with its
 * evidence) or a review (with its comment), who and when, and the measure's revision after it.
 *
 * @example
 * ```ts
 * import { measureEventSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * measureEventSchema.parse(json).kind;
 * ```
 */
export const measureEventSchema = z.object({
  revision: z.number().int().min(1),
  kind: z.enum(['created', 'edited', 'status', 'review']),
  status: measureStatusSchema.optional(),
  review: measureReviewSchema.optional(),
  evidence: z.string().optional(),
  evidenceUrl: z.string().optional(),
  comment: z.string().optional(),
  by: z.string(),
  at: instantSchema,
});

/**
 * An entry of a measure's history. @example `declare const e: MeasureEvent; e.by;`
 */
export type MeasureEvent = z.infer<typeof measureEventSchema>;

/**
 * Schema of a stored measure with its status, review, revision and history (oldest first).
 *
 * @example
 * ```ts
 * import { supportMeasureSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * supportMeasureSchema.parse(json).status;
 * ```
 */
export const supportMeasureSchema = z.object({
  id: z.string(),
  title: z.string(),
  responsible: z.string(),
  responsibleEmail: z.string().optional(),
  deadline: isoDateSchema,
  indicatorId: z.string().optional(),
  expectedEffect: z.string().optional(),
  factor: riskFactorSchema.optional(),
  status: measureStatusSchema,
  review: measureReviewSchema,
  reviewComment: z.string().optional(),
  evidence: z.string().optional(),
  evidenceUrl: z.string().optional(),
  revision: z.number().int().min(1),
  overdue: z.boolean(),
  history: z.array(measureEventSchema),
});

/**
 * A stored measure. @example `declare const m: SupportMeasure; m.overdue;`
 */
export type SupportMeasure = z.infer<typeof supportMeasureSchema>;

/**
 * Schema of a monitoring round: the date and the values by indicator id.
 *
 * @example
 * ```ts
 * import { monitoringRoundSchema } from '@eduset/core/schools';
 * monitoringRoundSchema.parse({ date: '2026-09-15', values: { 'below-minimum': 18 } });
 * ```
 */
export const monitoringRoundSchema = z.object({
  date: isoDateSchema,
  values: z.record(z.string(), z.number().finite()),
});

/**
 * Schema of a school's stored support programme.
 *
 * @example
 * ```ts
 * import { supportProgrammeRecordSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * supportProgrammeRecordSchema.parse(json).measures.length;
 * ```
 */
export const supportProgrammeRecordSchema = z.object({
  id: z.number().int(),
  districtId: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  year: z.number().int(),
  runId: z.number().int(),
  risks: z.object({
    flags: z.array(
      z.object({ flag: z.string(), title: localizedTextSchema, rule: localizedTextSchema }),
    ),
    factors: z.array(
      z.object({
        factor: riskFactorSchema,
        level: riskLevelSchema,
        source: z.enum(['data', 'survey', 'unknown']),
        figure: z.number().optional(),
        title: localizedTextSchema,
      }),
    ),
  }),
  indicators: z.array(monitoringIndicatorSchema),
  inputMonitoring: monitoringRoundSchema.optional(),
  finalMonitoring: monitoringRoundSchema.optional(),
  measures: z.array(supportMeasureSchema),
  createdBy: z.string(),
  createdAt: instantSchema,
});

/**
 * A stored support programme. @example `declare const p: SupportProgrammeRecord; p.schoolName;`
 */
export type SupportProgrammeRecord = z.infer<typeof supportProgrammeRecordSchema>;

/**
 * Schema of the list of programmes: per programme the school, the year and counts.
 *
 * @example
 * ```ts
 * import { supportProgrammeListSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * supportProgrammeListSchema.parse(json).programmes.length;
 * ```
 */
export const supportProgrammeListSchema = z.object({
  programmes: z.array(
    z.object({
      id: z.number().int(),
      districtId: z.string(),
      schoolId: z.string(),
      schoolName: z.string(),
      year: z.number().int(),
      measures: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      pending: z.number().int(),
    }),
  ),
});

/**
 * Schema of the list query: the district, and a school (school staff see their own only).
 *
 * @example
 * ```ts
 * import { supportListQuerySchema } from '@eduset/core/schools';
 * supportListQuerySchema.parse({ district: 'tutaev' });
 * ```
 */
export const supportListQuerySchema = z.strictObject({
  district: requestIdSchema,
  school: z.optional(requestIdSchema),
});

/**
 * Schema of the creation of a programme: the district and the flagged school (from the
 * district's latest identification run), the indicators to monitor (default: a standard set).
 *
 * @example
 * ```ts
 * import { supportCreateSchema } from '@eduset/core/schools';
 * supportCreateSchema.parse({ district: 'tutaev', school: 'school-3' });
 * ```
 */
export const supportCreateSchema = z.strictObject({
  district: requestIdSchema,
  school: requestIdSchema,
  indicators: z.array(monitoringIndicatorSchema).min(1).max(30).optional(),
});

/**
 * Schema of the path of a programme. @example `supportProgrammeParamsSchema.parse({ id: '3' });`
 */
export const supportProgrammeParamsSchema = z.strictObject({ id: z.coerce.number().int().min(1) });

/**
 * Schema of the path of a measure. @example `supportMeasureParamsSchema.parse({ id: '3', measure: 'm1' });`
 */
export const supportMeasureParamsSchema = z.strictObject({
  id: z.coerce.number().int().min(1),
  measure: requestIdSchema,
});

/**
 * Schema of a status update by the school: the status, the evidence (what was done, and/or a
 * link), and the revision of the measure it updates (a stale revision is refused, 409).
 *
 * @example
 * ```ts
 * import { measureStatusUpdateSchema } from '@eduset/core/schools';
 * measureStatusUpdateSchema.parse({
 *   status: 'done', evidence: 'Проведено 3 консультации, 47 родителей', revision: 1,
 * });
 * ```
 */
export const measureStatusUpdateSchema = z
  .strictObject({
    status: measureStatusSchema,
    evidence: z.optional(requestTextSchema(4000)),
    evidenceUrl: z.optional(evidenceUrlSchema),
    revision: z.number().int().min(1),
  })
  .refine(
    (update) =>
      update.status !== 'done' || update.evidence !== undefined || update.evidenceUrl !== undefined,
    {
      path: ['evidence'],
      params: {
        text: {
          ru: 'Чтобы отметить мероприятие выполненным, опишите, что сделано, или дайте ссылку на подтверждение',
          en: 'To mark a measure done, describe what was done or give a link to the evidence',
        },
      },
    },
  );

/**
 * A status update. @example `declare const u: MeasureStatusUpdate; u.status;`
 */
export type MeasureStatusUpdate = z.infer<typeof measureStatusUpdateSchema>;

/**
 * Schema of the coordinator's review: accept, or return with a comment (required).
 *
 * @example
 * ```ts
 * import { measureReviewInputSchema } from '@eduset/core/schools';
 * measureReviewInputSchema.parse({ decision: 'return', comment: 'Приложите протокол', revision: 2 });
 * ```
 */
export const measureReviewInputSchema = z
  .strictObject({
    decision: z.enum(['accept', 'return']),
    comment: z.optional(requestTextSchema(2000)),
    revision: z.number().int().min(1),
  })
  .refine((review) => review.decision === 'accept' || review.comment !== undefined, {
    path: ['comment'],
    params: {
      text: {
        ru: 'Возвращая мероприятие, напишите, что доработать',
        en: 'When returning a measure, say what to rework',
      },
    },
  });

/**
 * A review. @example `declare const r: MeasureReviewInput; r.decision;`
 */
export type MeasureReviewInput = z.infer<typeof measureReviewInputSchema>;

/**
 * Schema of a monitoring entry: the round (input or final), its date and values by indicator.
 *
 * @example
 * ```ts
 * import { monitoringEntrySchema } from '@eduset/core/schools';
 * monitoringEntrySchema.parse({ round: 'input', date: '2026-09-15', values: { 'below-minimum': 18 } });
 * ```
 */
export const monitoringEntrySchema = z.strictObject({
  round: z.enum(['input', 'final']),
  date: isoDateSchema,
  values: z.record(requestIdSchema, z.number().finite()),
});

/**
 * A monitoring entry. @example `declare const e: MonitoringEntry; e.round;`
 */
export type MonitoringEntry = z.infer<typeof monitoringEntrySchema>;

/**
 * The indicators a new programme monitors unless the coordinator names others: the share of
 * pupils below the minimum, the mean score, the share of teachers trained and of parents
 * involved.
 *
 * @example
 * ```ts
 * import { defaultSupportIndicators } from '@eduset/core/schools';
 * defaultSupportIndicators.map((i) => i.id);
 * ```
 */
export const defaultSupportIndicators = [
  {
    id: 'below-minimum',
    title: {
      ru: 'Доля обучающихся ниже минимального балла',
      en: 'Share of pupils below the minimum',
    },
    unit: 'percent',
    direction: 'decrease',
  },
  {
    id: 'mean-score',
    title: { ru: 'Средний балл ОГЭ', en: 'Mean exam score' },
    unit: 'score',
    direction: 'increase',
  },
  {
    id: 'teachers-trained',
    title: {
      ru: 'Доля педагогов, прошедших повышение квалификации',
      en: 'Share of teachers trained',
    },
    unit: 'percent',
    direction: 'increase',
  },
  {
    id: 'parents-involved',
    title: { ru: 'Доля родителей, вовлечённых в мероприятия', en: 'Share of parents involved' },
    unit: 'percent',
    direction: 'increase',
  },
] as const satisfies readonly z.input<typeof monitoringIndicatorSchema>[];
