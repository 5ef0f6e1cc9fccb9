import { z } from '../common/zod.js';
import { localizedTextSchema } from '../common/labels.js';
import { identifierSchema } from './syntax.js';
import { periodIdSchema } from './period.js';
import { submissionStateSchema } from './submission.js';
import { validationRuleSchema } from './validation-rules.js';
import { dataElementSchema } from './dataset.js';

// The wire contracts of the data entry routes (`/api/staff/data-entry…`).

/**
 * Schema of the query naming one submission: the data set, the period and the organization.
 *
 * @example
 * ```ts
 * import { submissionQuerySchema } from '@eduset/core/indicators';
 * submissionQuerySchema.parse({ dataSet: 'udomlya-courses', period: '2025-2026', organization: 'school-1' });
 * ```
 */
export const submissionQuerySchema = z.strictObject({
  dataSet: identifierSchema,
  period: periodIdSchema,
  organization: z.string().min(1).max(200),
});

/**
 * Schema of the query of the completeness of a data set and period.
 *
 * @example
 * ```ts
 * import { completenessQuerySchema } from '@eduset/core/indicators';
 * completenessQuerySchema.parse({ dataSet: 'udomlya-courses', period: '2025-2026' });
 * ```
 */
export const completenessQuerySchema = submissionQuerySchema.omit({ organization: true });

/**
 * Schema of the body of a save: the fields' values as typed (an empty text clears a field)
 * and, optionally, the version the form was loaded at (a save over a newer version is
 * refused, 409 `stale-version`).
 *
 * @example
 * ```ts
 * import { saveSubmissionBodySchema } from '@eduset/core/indicators';
 * saveSubmissionBodySchema.parse({ values: { 'senior-students': '87' }, version: 2 });
 * ```
 */
export const saveSubmissionBodySchema = z.strictObject({
  values: z.record(z.string().min(1).max(200), z.string().max(1000)),
  version: z.number().int().min(0).optional(),
});

/**
 * Schema of the body of a submit.
 *
 * @example
 * ```ts
 * import { submitSubmissionBodySchema } from '@eduset/core/indicators';
 * submitSubmissionBodySchema.parse({ version: 3 });
 * ```
 */
export const submitSubmissionBodySchema = z.strictObject({
  version: z.number().int().min(0).optional(),
});

/**
 * Schema of the coordinator's decision: return with a comment, approve, or unlock an
 * approved submission with a reason.
 *
 * @example
 * ```ts
 * import { reviewSubmissionBodySchema } from '@eduset/core/indicators';
 * reviewSubmissionBodySchema.parse({ decision: 'return', comment: 'Проверьте число старшеклассников' });
 * ```
 */
export const reviewSubmissionBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('return'),
    comment: z.string().trim().min(1).max(2000),
    version: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    decision: z.literal('approve'),
    version: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    decision: z.literal('unlock'),
    reason: z.string().trim().min(1).max(2000),
    version: z.number().int().min(0).optional(),
  }),
]);

const namedSchema = z.object({ id: z.string(), name: localizedTextSchema });

/**
 * Schema of the answer about one submission: the data set, period and organization (with
 * names), the form's fields, the submission (state with its name, values, the coordinator's
 * comment, version, when submitted and approved), every problem of its values with the
 * reason in Russian and English, and the due date.
 *
 * @example
 * ```ts
 * import { submissionViewSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * submissionViewSchema.parse(json).submission.state;
 * ```
 */
export const submissionViewSchema = z.object({
  dataSet: namedSchema,
  period: z.string(),
  organization: namedSchema,
  dueDate: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      dataElement: z.string(),
      disaggregation: z.string().optional(),
      name: localizedTextSchema,
      valueType: z.enum(['number', 'text']),
    }),
  ),
  /** The checks the browser runs as one types: the rules and the fields' data elements. */
  rules: z.array(validationRuleSchema),
  dataElements: z.array(dataElementSchema),
  submission: z.object({
    state: submissionStateSchema,
    stateLabel: localizedTextSchema,
    values: z.record(z.string(), z.string()),
    comment: z.string().optional(),
    version: z.number().int(),
    submittedAt: z.string().optional(),
    approvedAt: z.string().optional(),
  }),
  problems: z.array(
    z.object({
      field: z.string(),
      rule: z.string().optional(),
      importance: z.enum(['high', 'medium', 'low']),
      text: localizedTextSchema,
    }),
  ),
  /** Whether the asker may return, approve or unlock it. */
  canReview: z.boolean(),
});

/**
 * The answer about one submission (see {@link submissionViewSchema}).
 *
 * @example
 * ```ts
 * import type { SubmissionView } from '@eduset/core/indicators';
 * declare const view: SubmissionView;
 * view.fields.map((field) => field.name.ru);
 * ```
 */
export type SubmissionView = z.infer<typeof submissionViewSchema>;

/**
 * Schema of the completeness of a data set and period: every organization asked to report
 * (by name), where it stands — reported (on time or not), late, or not yet due — and its
 * submission's state, with the counts.
 *
 * @example
 * ```ts
 * import { completenessReportSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * completenessReportSchema.parse(json).counts.late;
 * ```
 */
export const completenessReportSchema = z.object({
  dataSet: namedSchema,
  period: z.string(),
  dueDate: z.string(),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      status: z.enum(['reported', 'late', 'pending']),
      statusLabel: localizedTextSchema,
      state: z.enum(['none', 'draft', 'submitted', 'returned', 'approved']),
      stateLabel: localizedTextSchema,
      onTime: z.boolean().optional(),
      submittedAt: z.string().optional(),
      comment: z.string().optional(),
      version: z.number().int().optional(),
    }),
  ),
  counts: z.object({
    expected: z.number().int(),
    reported: z.number().int(),
    approved: z.number().int(),
    late: z.number().int(),
    pending: z.number().int(),
  }),
});

/**
 * The completeness of a data set and period (see {@link completenessReportSchema}).
 *
 * @example
 * ```ts
 * import type { CompletenessReport } from '@eduset/core/indicators';
 * declare const report: CompletenessReport;
 * report.organizations.filter((o) => o.status === 'late').map((o) => o.name.ru);
 * ```
 */
export type CompletenessReport = z.infer<typeof completenessReportSchema>;

/**
 * Schema of what the asker may enter: each data set with the periods offered and the
 * organizations the asker reports for (or, for a coordinator, every organization asked),
 * and whether the asker reviews.
 *
 * @example
 * ```ts
 * import { dataEntryOverviewSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * dataEntryOverviewSchema.parse(json).dataSets[0]?.periods;
 * ```
 */
export const dataEntryOverviewSchema = z.object({
  dataSets: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      periods: z.array(z.string()),
      organizations: z.array(namedSchema),
    }),
  ),
  canReview: z.boolean(),
});

/**
 * What the asker may enter (see {@link dataEntryOverviewSchema}).
 *
 * @example
 * ```ts
 * import type { DataEntryOverview } from '@eduset/core/indicators';
 * declare const overview: DataEntryOverview;
 * overview.canReview;
 * ```
 */
export type DataEntryOverview = z.infer<typeof dataEntryOverviewSchema>;

/**
 * Schema of a submission's change log: every changed value with its old and new value and
 * every step with its comment, who and when.
 *
 * @example
 * ```ts
 * import { submissionLogSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * submissionLogSchema.parse(json).entries.length;
 * ```
 */
export const submissionLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      kind: z.enum(['value', 'submit', 'return', 'approve', 'unlock']),
      field: z.string().optional(),
      fieldName: z.optional(localizedTextSchema),
      oldValue: z.string().optional(),
      newValue: z.string().optional(),
      comment: z.string().optional(),
    }),
  ),
});

/**
 * A submission's change log (see {@link submissionLogSchema}).
 *
 * @example
 * ```ts
 * import type { SubmissionLog } from '@eduset/core/indicators';
 * declare const log: SubmissionLog;
 * log.entries.filter((entry) => entry.kind === 'value');
 * ```
 */
export type SubmissionLog = z.infer<typeof submissionLogSchema>;

/**
 * Names of the completeness statuses, Russian and English.
 *
 * @example
 * ```ts
 * import { completenessStatusLabels } from '@eduset/core/indicators';
 * completenessStatusLabels.late.ru; // 'Просрочили'
 * ```
 */
export const completenessStatusLabels = Object.freeze({
  reported: { ru: 'Сдали', en: 'Reported' },
  late: { ru: 'Просрочили', en: 'Late' },
  pending: { ru: 'Ещё не сдали', en: 'Not yet reported' },
} as const);

/**
 * Schema of the body of `POST /api/staff/data-entry/reminders`: the data set and period whose
 * late organizations are reminded by e-mail.
 *
 * @example
 * ```ts
 * import { remindLateBodySchema } from '@eduset/core/indicators';
 * remindLateBodySchema.parse({ dataSet: 'udomlya-courses', period: '2025-2026' });
 * ```
 */
export const remindLateBodySchema = completenessQuerySchema;

/**
 * Schema of one addressee of a reminder in the answer: a name in people's words (an
 * organization, or the person responsible) and, for overdue measures, what they are.
 *
 * @example
 * ```ts
 * import { reminderAddresseeSchema } from '@eduset/core/indicators';
 * reminderAddresseeSchema.parse({ name: { ru: 'СОШ № 1', en: 'School No. 1' } });
 * ```
 */
export const reminderAddresseeSchema = z.object({
  name: localizedTextSchema,
  /** The overdue measures (their titles and schools), for a support reminder. */
  items: z.array(z.string()).optional(),
});

/**
 * Schema of the answer of a reminder request: whom a message was queued for now, who has no
 * e-mail address (nobody is silently left out) and who was already reminded today (sending
 * twice on one day does not mail twice).
 *
 * @example
 * ```ts
 * import { reminderResultSchema } from '@eduset/core/indicators';
 * reminderResultSchema.parse({ queued: [], noAddress: [], alreadySent: [] });
 * ```
 */
export const reminderResultSchema = z.object({
  queued: z.array(reminderAddresseeSchema),
  noAddress: z.array(reminderAddresseeSchema),
  alreadySent: z.array(reminderAddresseeSchema),
});

/**
 * The answer of a reminder request. @example `declare const r: ReminderResult; r.queued.length;`
 */
export type ReminderResult = z.infer<typeof reminderResultSchema>;
