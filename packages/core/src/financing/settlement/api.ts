import { localizedTextSchema } from '../../common/labels.js';
import { isoDateSchema } from '../../common/iso-date.js';
import { requestTextSchema } from '../../common/wire.js';
import { z } from '../../common/zod.js';
import { moneySchema } from '../amounts.js';
import { directionSchema } from '../programme.js';
import { billingMonthSchema, settlementStatusSchema } from './months.js';

/**
 * Schema of the path of the payer's month routes (`/api/payer/months/:month/…`).
 *
 * @example
 * ```ts
 * import { settlementMonthParamsSchema } from '@eduset/core/financing';
 * settlementMonthParamsSchema.parse({ month: '2026-10' });
 * ```
 */
export const settlementMonthParamsSchema = z.object({ month: billingMonthSchema });

/**
 * Schema of the query of `GET /api/payer/months/:month/preview`: `provider` narrows the
 * contracts listed to one provider (the providers' lines are always all there);
 * `summary=true` lists no contract (the providers' lines only — for a large region, ask for
 * the contracts provider by provider).
 *
 * @example
 * ```ts
 * import { settlementPreviewQuerySchema } from '@eduset/core/financing';
 * settlementPreviewQuerySchema.parse({ provider: 'cdt' });
 * settlementPreviewQuerySchema.parse({ summary: 'true' });
 * ```
 */
export const settlementPreviewQuerySchema = z.strictObject({
  provider: z.optional(requestTextSchema(120)),
  summary: z.enum(['true', 'false']).optional(),
});

/**
 * Schema of the query of the payment register downloads: the language of its headers
 * (Russian by default).
 *
 * @example
 * ```ts
 * import { settlementRegisterQuerySchema } from '@eduset/core/financing';
 * settlementRegisterQuerySchema.parse({ lang: 'en' });
 * ```
 */
export const settlementRegisterQuerySchema = z.strictObject({
  lang: z.enum(['ru', 'en']).optional(),
});

const completenessSchema = z.number().min(0).max(100);

/** A civil date as an answer carries it (`YYYY-MM-DD`). */
const dayTextSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Schema of one step of the explanation of a contract's month.
 *
 * @example
 * ```ts
 * import { settlementStepSchema } from '@eduset/core/financing';
 * settlementStepSchema.parse({ kind: 'advance', text: { ru: 'Аванс', en: 'Advance' }, amount: '470.82' });
 * ```
 */
export const settlementStepSchema = z.object({
  kind: z.enum([
    'contract',
    'termination',
    'pro-rata',
    'monthly',
    'advance',
    'completeness',
    'settlement',
    'refund',
    'release',
    'family',
    'adjustment',
    'payer',
  ]),
  text: localizedTextSchema,
  amount: moneySchema.optional(),
});

/**
 * Schema of one contract's month in the settlement (core's `ContractSettlement`): the
 * certificate's number, never the family's contacts.
 *
 * @example
 * ```ts
 * import { contractSettlementSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * contractSettlementSchema.parse(json).payer.toString();
 * ```
 */
export const contractSettlementSchema = z.object({
  contractId: z.string().min(1),
  certificateNumber: z.string().min(1),
  programmeId: z.string().min(1),
  programmeName: z.string().min(1),
  providerId: z.string().min(1),
  start: dayTextSchema,
  end: dayTextSchema,
  monthly: moneySchema,
  family: moneySchema,
  advancePercent: completenessSchema,
  advance: moneySchema,
  completeness: completenessSchema,
  paidInFull: z.boolean(),
  settled: moneySchema,
  settlement: moneySchema,
  refunded: moneySchema,
  released: moneySchema,
  adjustment: moneySchema,
  payer: moneySchema,
  steps: z.array(settlementStepSchema),
});

const sumsShape = {
  contracts: z.number().int().min(0),
  advance: moneySchema,
  settlement: moneySchema,
  refunded: moneySchema,
  adjustment: moneySchema,
  payer: moneySchema,
  family: moneySchema,
  total: moneySchema,
};

/**
 * Schema of one provider's line of a month's settlement.
 *
 * @example
 * ```ts
 * import { providerSettlementSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * providerSettlementSchema.parse(json).total.toString();
 * ```
 */
export const providerSettlementSchema = z.object({
  providerId: z.string().min(1),
  providerName: z.string().min(1),
  ...sumsShape,
});

/**
 * Schema of a month's settlement totals.
 *
 * @example
 * ```ts
 * import { settlementTotalsSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * settlementTotalsSchema.parse(json).payer.toString();
 * ```
 */
export const settlementTotalsSchema = z.object(sumsShape);

/**
 * Schema of an adjustment as the API shows it: a correction of a paid month, paid in a later
 * one, with who made it (a staff member's name) and when.
 *
 * @example
 * ```ts
 * import { settlementAdjustmentSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * settlementAdjustmentSchema.parse(json).targetMonth;
 * ```
 */
export const settlementAdjustmentSchema = z.object({
  id: z.string().min(1),
  contractId: z.string().min(1),
  certificateNumber: z.string().min(1),
  providerId: z.string().min(1),
  month: billingMonthSchema,
  targetMonth: billingMonthSchema,
  completenessBefore: completenessSchema,
  completenessAfter: completenessSchema,
  settledBefore: moneySchema,
  settledAfter: moneySchema,
  amount: moneySchema,
  reason: z.string().min(1),
  status: z.enum(['pending', 'applied']),
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
});

/** An adjustment as the API shows it. @example `declare const a: SettlementAdjustmentView; a.amount;` */
export type SettlementAdjustmentView = z.infer<typeof settlementAdjustmentSchema>;

const stampSchema = z.object({ at: z.string().min(1), by: z.string().min(1) }).nullable();

/**
 * Schema of a month in the payer's list: its status and version, the contracts billed, the
 * adjustments waiting to be paid in it, the totals once approved, and who approved, paid and
 * closed it, when.
 *
 * @example
 * ```ts
 * import { settlementMonthSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * settlementMonthSchema.parse(json).status;
 * ```
 */
export const settlementMonthSchema = z.object({
  month: billingMonthSchema,
  status: settlementStatusSchema,
  version: z.number().int().min(0),
  contracts: z.number().int().min(0),
  pendingAdjustments: z.number().int().min(0),
  totals: settlementTotalsSchema.nullable(),
  approved: stampSchema,
  paid: stampSchema,
  closed: stampSchema,
});

/** A month in the payer's list. @example `declare const month: SettlementMonth; month.status;` */
export type SettlementMonth = z.infer<typeof settlementMonthSchema>;

/**
 * Schema of the answer of `GET /api/payer/months`: every month with something billed, a
 * settlement or an adjustment, newest first, and the current month.
 *
 * @example
 * ```ts
 * import { settlementMonthListSchema } from '@eduset/core/financing';
 * settlementMonthListSchema.parse({ current: '2026-10', months: [] });
 * ```
 */
export const settlementMonthListSchema = z.object({
  current: billingMonthSchema,
  months: z.array(settlementMonthSchema),
});

/** The answer of `GET /api/payer/months`. @example `declare const list: SettlementMonthList; list.months;` */
export type SettlementMonthList = z.infer<typeof settlementMonthListSchema>;

/**
 * Schema of the answer of `GET /api/payer/months/:month/preview`: the month, every
 * provider's line with the totals, the contracts (one provider's when `provider` is asked,
 * else all) each with the explanation of its amounts, the adjustments paid in this month and
 * those made for it, and the completeness used.
 *
 * @example
 * ```ts
 * import { settlementPreviewSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * settlementPreviewSchema.parse(json).totals.payer.toString();
 * ```
 */
export const settlementPreviewSchema = z.object({
  month: settlementMonthSchema,
  providers: z.array(providerSettlementSchema),
  totals: settlementTotalsSchema,
  provider: z.string().nullable(),
  contracts: z.array(contractSettlementSchema),
  adjustmentsIn: z.array(settlementAdjustmentSchema),
  adjustmentsOut: z.array(settlementAdjustmentSchema),
});

/** The answer of the preview. @example `declare const preview: SettlementPreview; preview.providers;` */
export type SettlementPreview = z.infer<typeof settlementPreviewSchema>;

/**
 * Schema of the answer of `POST …/approve`, `…/pay` and `…/close`: the month after the step,
 * whether this request changed it (`false` when the step was already done: the same answer,
 * nothing new posted) and how many ledger movements this request posted.
 *
 * @example
 * ```ts
 * import { settlementStepAnswerSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * settlementStepAnswerSchema.parse(json).changed;
 * ```
 */
export const settlementStepAnswerSchema = z.object({
  month: settlementMonthSchema,
  changed: z.boolean(),
  posted: z.number().int().min(0),
});

/** The answer of a settlement step. @example `declare const answer: SettlementStepAnswer; answer.month.status;` */
export type SettlementStepAnswer = z.infer<typeof settlementStepAnswerSchema>;

/**
 * Schema of the body of `POST /api/payer/months/:month/corrections`: the contract, the
 * completeness the paid month should have had (whole percent) and why.
 *
 * @example
 * ```ts
 * import { settlementCorrectionSchema } from '@eduset/core/financing';
 * settlementCorrectionSchema.parse({ contractId: 'k1', completeness: 80, reason: 'Табель исправлен' });
 * ```
 */
export const settlementCorrectionSchema = z.strictObject({
  contractId: requestTextSchema(128),
  completeness: z.number().int().min(0).max(100),
  reason: requestTextSchema(500),
});

/** The body of a correction. @example `declare const body: SettlementCorrection; body.completeness;` */
export type SettlementCorrection = z.infer<typeof settlementCorrectionSchema>;

/**
 * Schema of the answer of a correction (201): the adjustment and the month it is paid in.
 *
 * @example
 * ```ts
 * import { settlementCorrectionAnswerSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * settlementCorrectionAnswerSchema.parse(json).adjustment.targetMonth;
 * ```
 */
export const settlementCorrectionAnswerSchema = z.object({
  adjustment: settlementAdjustmentSchema,
  target: settlementMonthSchema,
});

/** The answer of a correction. @example `declare const answer: SettlementCorrectionAnswer; answer.target.month;` */
export type SettlementCorrectionAnswer = z.infer<typeof settlementCorrectionAnswerSchema>;

/**
 * Schema of the query of `GET /api/reports/coverage` (and `.csv`): the financing period (the
 * latest by default), the date (today within the period by default), and optionally one
 * direction and one provider.
 *
 * @example
 * ```ts
 * import { financingReportQuerySchema } from '@eduset/core/financing';
 * financingReportQuerySchema.parse({ period: '2026-2027', direction: 'technical' });
 * ```
 */
export const financingReportQuerySchema = z.strictObject({
  period: z.optional(requestTextSchema(60)),
  on: z.optional(isoDateSchema),
  direction: z.optional(directionSchema),
  provider: z.optional(requestTextSchema(120)),
  lang: z.enum(['ru', 'en']).optional(),
});

/** The query of the coverage report. @example `declare const q: FinancingReportQuery; q.period;` */
export type FinancingReportQuery = z.infer<typeof financingReportQuerySchema>;

const shareSchema = z.string().regex(/^\d{1,3}\.\d{2}$/);

/**
 * Schema of one row of the coverage and uptake report.
 *
 * @example
 * ```ts
 * import { financingReportRowSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * financingReportRowSchema.parse(json).fundedShare;
 * ```
 */
export const financingReportRowSchema = z.object({
  key: z.string().min(1),
  name: localizedTextSchema,
  programmes: z.number().int().min(0),
  places: z.number().int().min(0),
  applications: z.number().int().min(0),
  contracts: z.number().int().min(0),
  placesTaken: z.number().int().min(0),
  placesShare: shareSchema,
  attendingFunded: z.number().int().min(0),
  attendingAny: z.number().int().min(0),
  fundedShare: shareSchema,
  certificate: moneySchema,
  family: moneySchema,
  paid: moneySchema,
});

/**
 * Schema of the answer of `GET /api/reports/coverage`: the coverage of the certificate
 * holders, the uptake of certificates, places and money, overall, by direction and by
 * provider; the periods that can be asked for, and the providers' names.
 *
 * @example
 * ```ts
 * import { financingReportSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * financingReportSchema.parse(json).total.contracts;
 * ```
 */
export const financingReportSchema = z.object({
  on: dayTextSchema,
  period: z.string().min(1),
  periods: z.array(z.object({ id: z.string().min(1), start: dayTextSchema, end: dayTextSchema })),
  providers: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })),
  direction: z.nullable(directionSchema),
  provider: z.string().nullable(),
  coverage: z.object({
    children: z.number().int().min(0),
    funded: z.number().int().min(0),
    fundedShare: shareSchema,
    anyProgramme: z.number().int().min(0),
    certificatesIssued: z.number().int().min(0),
    certificatesUsed: z.number().int().min(0),
    certificatesUsedShare: shareSchema,
  }),
  balances: z
    .object({
      nominal: moneySchema,
      available: moneySchema,
      reserved: moneySchema,
      spent: moneySchema,
    })
    .nullable(),
  total: financingReportRowSchema,
  byDirection: z.array(financingReportRowSchema),
  byProvider: z.array(financingReportRowSchema),
});

/** The answer of the coverage report. @example `declare const r: FinancingReportAnswer; r.byProvider;` */
export type FinancingReportAnswer = z.infer<typeof financingReportSchema>;
