import { z } from '../common/zod-mini.js';
import { localizedTextSchema } from '../common/labels.js';

// The small shared vocabulary of indicators (units, period types, levels, org units), kept
// apart so that a client validating a report does not pull in the formula engine.

/**
 * Units of an indicator and their default factor: `number` ×1, `percent` ×100,
 * `per-thousand` ×1000.
 *
 * @example
 * ```ts
 * import { indicatorUnitSchema } from '@eduset/core/indicators';
 * indicatorUnitSchema.parse('percent');
 * ```
 */
export const indicatorUnitSchema = z.enum(['number', 'percent', 'per-thousand']);

/**
 * An indicator unit (see {@link indicatorUnitSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorUnit } from '@eduset/core/indicators';
 * const unit: IndicatorUnit = 'per-thousand';
 * ```
 */
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

/**
 * The period types an indicator can be computed for. DHIS2 has no school year; eduset does.
 * `as-of-date` is a single day ("coverage on 1 September 2020").
 *
 * @example
 * ```ts
 * import { periodTypeSchema } from '@eduset/core/indicators';
 * periodTypeSchema.parse('school-year');
 * ```
 */
export const periodTypeSchema = z.enum([
  'school-year',
  'calendar-year',
  'quarter',
  'month',
  'as-of-date',
]);

/**
 * A period type (see {@link periodTypeSchema}).
 *
 * @example
 * ```ts
 * import type { PeriodType } from '@eduset/core/indicators';
 * const type: PeriodType = 'quarter';
 * ```
 */
export type PeriodType = z.infer<typeof periodTypeSchema>;

/**
 * The reporting levels, smallest first.
 *
 * @example
 * ```ts
 * import { orgUnitLevelSchema } from '@eduset/core/indicators';
 * orgUnitLevelSchema.options; // ['site', 'organization', 'municipality', 'region']
 * ```
 */
export const orgUnitLevelSchema = z.enum(['site', 'organization', 'municipality', 'region']);

/**
 * A reporting level (see {@link orgUnitLevelSchema}).
 *
 * @example
 * ```ts
 * import type { OrgUnitLevel } from '@eduset/core/indicators';
 * const level: OrgUnitLevel = 'municipality';
 * ```
 */
export type OrgUnitLevel = z.infer<typeof orgUnitLevelSchema>;

/**
 * Schema of an org unit: a site, organization, municipality or region, with its parent.
 *
 * @example
 * ```ts
 * import { orgUnitSchema } from '@eduset/core/indicators';
 * orgUnitSchema.parse({ id: 'udomlya', name: { ru: 'Удомля', en: 'Udomlya' }, level: 'municipality' });
 * ```
 */
export const orgUnitSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: localizedTextSchema,
  level: orgUnitLevelSchema,
  parent: z.optional(z.string().check(z.minLength(1))),
});

/**
 * An org unit (see {@link orgUnitSchema}).
 *
 * @example
 * ```ts
 * import type { OrgUnit } from '@eduset/core/indicators';
 * const school: OrgUnit = { id: 'school-1', name: { ru: 'Школа №1', en: 'School 1' }, level: 'organization', parent: 'udomlya' };
 * ```
 */
export type OrgUnit = z.infer<typeof orgUnitSchema>;
