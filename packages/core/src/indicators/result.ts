import { z } from '../common/zod-mini.js';
import { localizedTextSchema } from '../common/labels.js';

/**
 * Why an indicator has no value (never NaN, 0 or Infinity in its place):
 * - `denominator-zero` — the denominator is 0;
 * - `division-by-zero` — a division inside a formula by 0;
 * - `missing-data` — the missing-value strategy skipped it;
 * - `unknown-constant` — a `C{…}` has no value;
 * - `level-not-allowed` — the definition is not reported at this org unit's level;
 * - `period-type-mismatch` — the period is not of the definition's type;
 * - `not-valid-in-period` — the definition's validity does not cover the period;
 * - `unknown-org-unit`, `unknown-period` — the query names something that does not exist;
 * - `indicator-cycle` — indicators refer to each other in a circle;
 * - `unknown-indicator` — an `I{…}` names an indicator nobody defined (the message names it
 *   and its place in the formula).
 *
 * @example
 * ```ts
 * import { noValueReasonSchema } from '@eduset/core/indicators';
 * noValueReasonSchema.parse('denominator-zero');
 * ```
 */
export const noValueReasonSchema = z.enum([
  'denominator-zero',
  'division-by-zero',
  'missing-data',
  'unknown-constant',
  'level-not-allowed',
  'period-type-mismatch',
  'not-valid-in-period',
  'unknown-org-unit',
  'unknown-period',
  'indicator-cycle',
  'unknown-indicator',
]);

/**
 * A no-value reason (see {@link noValueReasonSchema}).
 *
 * @example
 * ```ts
 * import type { NoValueReason } from '@eduset/core/indicators';
 * const reason: NoValueReason = 'denominator-zero';
 * ```
 */
export type NoValueReason = z.infer<typeof noValueReasonSchema>;

/**
 * Schema of one input used by a formula: a reference as written (`#{element}`,
 * `#{element.disaggregation}`, `sum(#{…})`, `C{…}`, `I{…}`), its aggregated value (exact
 * decimal text, or null when missing) and the org units that reported it.
 *
 * @example
 * ```ts
 * import { explanationInputSchema } from '@eduset/core/indicators';
 * explanationInputSchema.parse({ reference: '#{parents-satisfied}', value: '47', reportingUnits: ['a', 'b'] });
 * ```
 */
export const explanationInputSchema = z.object({
  reference: z.string(),
  /** What the reference names, in people's words: the data element's or indicator's name. */
  name: z.optional(localizedTextSchema),
  value: z.nullable(z.string()),
  reportingUnits: z.optional(z.array(z.string())),
});

/**
 * One input of an explanation (see {@link explanationInputSchema}).
 *
 * @example
 * ```ts
 * import type { ExplanationInput } from '@eduset/core/indicators';
 * const input: ExplanationInput = { reference: '#{parents-satisfied}', value: '47', reportingUnits: ['a', 'b'] };
 * ```
 */
export type ExplanationInput = z.infer<typeof explanationInputSchema>;

/**
 * Schema of one side (numerator or denominator) of an explanation: the formula, the formula
 * with every reference replaced by its value (`∅` when missing), and its value.
 *
 * @example
 * ```ts
 * import { explanationSideSchema } from '@eduset/core/indicators';
 * explanationSideSchema.parse({ formula: '#{a} + #{b}', substituted: '45 + 2', value: '47' });
 * ```
 */
export const explanationSideSchema = z.object({
  formula: z.string(),
  substituted: z.string(),
  value: z.nullable(z.string()),
});

/**
 * One side of an explanation (see {@link explanationSideSchema}).
 *
 * @example
 * ```ts
 * import type { ExplanationSide } from '@eduset/core/indicators';
 * const side: ExplanationSide = { formula: '#{a} + #{b}', substituted: '45 + 2', value: '47' };
 * ```
 */
export type ExplanationSide = z.infer<typeof explanationSideSchema>;

/**
 * Schema of how a value was obtained: the definition version, every input, the org units
 * that did not report, and the formula with numbers substituted — for a report or a tooltip.
 *
 * @example
 * ```ts
 * import { indicatorExplanationSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * indicatorExplanationSchema.parse(json).text.ru;
 * ```
 */
export const indicatorExplanationSchema = z.object({
  definition: z.object({ id: z.string(), version: z.int() }),
  orgUnit: z.string(),
  period: z.string(),
  numerator: explanationSideSchema,
  denominator: explanationSideSchema,
  factor: z.string(),
  /** Days in the year and in the period, when the indicator is annualized. */
  annualization: z.optional(z.object({ daysInYear: z.int(), daysInPeriod: z.int() })),
  inputs: z.array(explanationInputSchema),
  /** References with no data. */
  missing: z.array(z.string()),
  /**
   * Reporting units (organizations; sites only where no organization is above them) of the
   * subtree that reported none of the data elements — an annex site of a school that
   * reported is not listed.
   */
  unitsNotReporting: z.array(z.string()),
  /** The same units with their names, for people. */
  notReporting: z.optional(z.array(z.object({ id: z.string(), name: localizedTextSchema }))),
  missingValueStrategy: z.enum(['skip-if-any-missing', 'skip-if-all-missing', 'never-skip']),
  /** One line in Russian and English: the computation with numbers. */
  text: localizedTextSchema,
});

/**
 * An explanation (see {@link indicatorExplanationSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorExplanation } from '@eduset/core/indicators';
 * declare const e: IndicatorExplanation;
 * e.text.ru; // 'Доля (в. 1): 47 / 60 × 100 = 78.3'
 * ```
 */
export type IndicatorExplanation = z.infer<typeof indicatorExplanationSchema>;

/**
 * Schema of the reporting coverage of a result: how many of the reporting units asked for
 * the data (`expected`: organizations of the subtree, sites only where no organization is
 * above them) have at least one value of the data elements the formula refers to
 * (`reported`). A unit that did not report is then never silently a zero nor silently
 * absent from a denominator: `reported < expected` says so next to the value.
 *
 * @example
 * ```ts
 * import { reportingCoverageSchema } from '@eduset/core/indicators';
 * reportingCoverageSchema.parse({ reported: 18, expected: 21 });
 * ```
 */
export const reportingCoverageSchema = z
  .object({ reported: z.int().check(z.gte(0)), expected: z.int().check(z.gte(0)) })
  .check(
    z.refine((coverage) => coverage.reported <= coverage.expected, {
      message: 'reported ≤ expected',
    }),
  );

/**
 * Reporting coverage (see {@link reportingCoverageSchema}).
 *
 * @example
 * ```ts
 * import type { ReportingCoverage } from '@eduset/core/indicators';
 * const coverage: ReportingCoverage = { reported: 18, expected: 21 };
 * ```
 */
export type ReportingCoverage = z.infer<typeof reportingCoverageSchema>;

const resultBase = {
  indicator: z.string(),
  version: z.int(),
  orgUnit: z.string(),
  period: z.string(),
  explanation: z.optional(indicatorExplanationSchema),
  /** Reporting units with data / reporting units asked, when the formula refers to data. */
  coverage: z.optional(reportingCoverageSchema),
};

/**
 * Schema of a computed value. `value` is rounded for presentation with the definition's
 * decimals and rounding mode; `exact` is the unrounded result (a decimal, or a fraction such as
 * `235/3` when it has no finite decimal expansion); `partial` says some inputs were
 * missing and counted as 0 (strategy `skip-if-all-missing`); `capped` that the value exceeded
 * the definition's cap; `meetsTarget` whether it reaches the target in the definition's
 * direction, when a target is set.
 *
 * @example
 * ```ts
 * import { indicatorValueSchema } from '@eduset/core/indicators';
 * indicatorValueSchema.parse({
 *   status: 'value', indicator: 'share', version: 1, orgUnit: 'town', period: '2024-2025',
 *   value: '78.3', exact: '235/3', numerator: '47', denominator: '60',
 *   partial: false, capped: false,
 * });
 * ```
 */
export const indicatorValueSchema = z.object({
  ...resultBase,
  status: z.literal('value'),
  value: z.string(),
  exact: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  partial: z.boolean(),
  capped: z.boolean(),
  meetsTarget: z.optional(z.boolean()),
});

/**
 * A computed value (see {@link indicatorValueSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorValue } from '@eduset/core/indicators';
 * declare const v: IndicatorValue;
 * v.value; // '78.3'
 * ```
 */
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/**
 * Schema of "no value", with its reason and the reason's text.
 *
 * @example
 * ```ts
 * import { indicatorNoValueSchema } from '@eduset/core/indicators';
 * indicatorNoValueSchema.parse({
 *   status: 'no-value', indicator: 'share', version: 1, orgUnit: 'a', period: '2024-2025',
 *   reason: 'denominator-zero', message: { ru: 'Знаменатель равен нулю', en: 'The denominator is zero' },
 * });
 * ```
 */
export const indicatorNoValueSchema = z.object({
  ...resultBase,
  status: z.literal('no-value'),
  reason: noValueReasonSchema,
  message: localizedTextSchema,
});

/**
 * No value, with the reason (see {@link indicatorNoValueSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorNoValue } from '@eduset/core/indicators';
 * declare const v: IndicatorNoValue;
 * v.reason; // 'denominator-zero'
 * ```
 */
export type IndicatorNoValue = z.infer<typeof indicatorNoValueSchema>;

/**
 * Schema of the result of computing one indicator for one org unit and period.
 *
 * @example
 * ```ts
 * import { indicatorResultSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * const result = indicatorResultSchema.parse(json);
 * ```
 */
export const indicatorResultSchema = z.discriminatedUnion('status', [
  indicatorValueSchema,
  indicatorNoValueSchema,
]);

/**
 * The result of computing one indicator for one org unit and period.
 *
 * @example
 * ```ts
 * import type { IndicatorResult } from '@eduset/core/indicators';
 * declare const result: IndicatorResult;
 * const shown = result.status === 'value' ? result.value : result.message.ru;
 * ```
 */
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
