import { z } from '../common/zod.js';
import { localizedTextSchema } from '../common/labels.js';
import { isoDateSchema } from '../common/iso-date.js';
import { parse } from '../common/parse.js';
import { isDecimalText } from './exact.js';
import { FormulaSyntaxError } from './formula-error.js';
import { parseFormula } from './parser.js';
import { periodIdSchema } from './period.js';
import { indicatorUnitSchema, orgUnitLevelSchema, periodTypeSchema } from './vocabulary.js';
import { identifierSchema } from './syntax.js';

/**
 * The format tag of an indicator definition document; a future incompatible format gets a new
 * tag, so a file says which reader it needs.
 *
 * @example
 * ```ts
 * import { INDICATOR_FORMAT } from '@eduset/core/indicators';
 * INDICATOR_FORMAT; // 'eduset.indicator/1'
 * ```
 */
export const INDICATOR_FORMAT = 'eduset.indicator/1';

/** @internal Decimal text such as `100` or `0.5` (exported for the JSON Schema). */
export const decimalTextSchema = z.string().refine(isDecimalText, {
  params: {
    text: {
      ru: 'Ожидается число, например 100 или 0.5',
      en: 'Expected a number such as 100 or 0.5',
    },
  },
});

/**
 * @internal A formula written as text, checked by parsing it; a syntax error becomes an issue
 * at its path (exported for the JSON Schema).
 */
export const formulaTextSchema = z.string().superRefine((text, context) => {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) {
      context.addIssue({ code: 'custom', message: error.text.en, params: { text: error.text } });
    } else {
      throw error;
    }
  }
});

/**
 * What to do when data referred to by a formula are missing (DHIS2's strategies), applied to
 * the numerator and the denominator separately:
 * - `skip-if-any-missing` — no value if any referenced value is missing;
 * - `skip-if-all-missing` — no value if all are missing; otherwise missing ones count as 0 and
 *   the value is flagged partial;
 * - `never-skip` — missing values count as 0.
 *
 * @example
 * ```ts
 * import { missingValueStrategySchema } from '@eduset/core/indicators';
 * missingValueStrategySchema.parse('never-skip');
 * ```
 */
export const missingValueStrategySchema = z.enum([
  'skip-if-any-missing',
  'skip-if-all-missing',
  'never-skip',
]);

/**
 * A missing-value strategy (see {@link missingValueStrategySchema}).
 *
 * @example
 * ```ts
 * import type { MissingValueStrategy } from '@eduset/core/indicators';
 * const strategy: MissingValueStrategy = 'skip-if-all-missing';
 * ```
 */
export type MissingValueStrategy = z.infer<typeof missingValueStrategySchema>;

/**
 * Schema of a test case that travels with a definition: input values for one org unit and
 * period (keys `element` or `element.disaggregation`, values decimal text) and the expected
 * presented value, or the expected reason for no value.
 *
 * @example
 * ```ts
 * import { indicatorTestCaseSchema } from '@eduset/core/indicators';
 * indicatorTestCaseSchema.parse({ name: '45 of 50', inputs: { satisfied: '45', surveyed: '50' }, expected: { value: '90.0' } });
 * ```
 */
export const indicatorTestCaseSchema = z
  .object({
    name: z.string().min(1),
    /** The period id; default: a period of the definition's type in 2024. */
    period: periodIdSchema.optional(),
    inputs: z.record(z.string(), decimalTextSchema),
    constants: z.record(identifierSchema, decimalTextSchema).optional(),
    expected: z.union([
      z
        .object({
          value: decimalTextSchema,
          partial: z.boolean().optional(),
          capped: z.boolean().optional(),
        })
        .strict(),
      z.object({ noValue: z.string().min(1) }).strict(),
    ]),
  })
  .strict();

/**
 * A definition test case (see {@link indicatorTestCaseSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorTestCase } from '@eduset/core/indicators';
 * const test: IndicatorTestCase = { name: '0/0', inputs: { a: '0', b: '0' }, expected: { noValue: 'denominator-zero' } };
 * ```
 */
export type IndicatorTestCase = z.infer<typeof indicatorTestCaseSchema>;

/**
 * Schema of a portable, versioned indicator definition. The same JSON gives the same numbers
 * in the browser, in Node and in another region. Formulas are validated by parsing; a syntax
 * error is reported at `numerator` / `denominator` with its line and column.
 *
 * @example
 * ```ts
 * import { indicatorDefinitionSchema } from '@eduset/core/indicators';
 * indicatorDefinitionSchema.parse({
 *   format: 'eduset.indicator/1',
 *   id: 'parents-satisfied-share',
 *   version: 1,
 *   name: { ru: 'Доля удовлетворённых родителей', en: 'Share of satisfied parents' },
 *   unit: 'percent',
 *   numerator: '#{parents-satisfied}',
 *   denominator: '#{parents-surveyed}',
 *   levels: ['site', 'organization', 'municipality'],
 *   periodType: 'school-year',
 * });
 * ```
 */
export const indicatorDefinitionSchema = z
  .object({
    format: z.literal(INDICATOR_FORMAT).default(INDICATOR_FORMAT),
    id: identifierSchema,
    /** Increases with every change to the formulas or the presentation. */
    version: z.number().int().positive(),
    name: localizedTextSchema,
    description: z.optional(localizedTextSchema),
    /** Where the indicator comes from (a programme, a seed document). */
    source: z.string().optional(),
    unit: indicatorUnitSchema,
    numerator: formulaTextSchema,
    denominator: formulaTextSchema.default('1'),
    /** Multiplier of numerator/denominator; default by unit (1, 100, 1000). */
    factor: decimalTextSchema.optional(),
    /** Multiply by days in the year / days in the period (per-year rates from quarters). */
    annualized: z.boolean().default(false),
    decimals: z.number().int().min(0).max(12).default(1),
    rounding: z.enum(['half-up', 'half-even', 'down', 'up']).default('half-up'),
    levels: z.array(orgUnitLevelSchema).min(1),
    periodType: periodTypeSchema,
    missingValueStrategy: missingValueStrategySchema.default('skip-if-all-missing'),
    /** An upper bound (e.g. 100 for a net rate); larger values are shown capped and flagged. */
    cap: decimalTextSchema.optional(),
    target: decimalTextSchema.optional(),
    direction: z.enum(['higher-is-better', 'lower-is-better']).default('higher-is-better'),
    validFrom: z.optional(isoDateSchema),
    validTo: z.optional(isoDateSchema),
    tests: z.array(indicatorTestCaseSchema).default([]),
  })
  .strict();

/**
 * A validated indicator definition (defaults filled in).
 *
 * @example
 * ```ts
 * import { parseIndicatorDefinition, type IndicatorDefinition } from '@eduset/core/indicators';
 * declare const json: unknown;
 * const definition: IndicatorDefinition = parseIndicatorDefinition(json);
 * ```
 */
export type IndicatorDefinition = z.output<typeof indicatorDefinitionSchema>;

/**
 * A definition as written in a JSON file (defaults may be left out).
 *
 * @example
 * ```ts
 * import type { IndicatorDefinitionInput } from '@eduset/core/indicators';
 * const input: IndicatorDefinitionInput = {
 *   id: 'consultations', version: 1, name: { ru: 'Консультации', en: 'Consultations' },
 *   unit: 'number', numerator: '#{consultations}', levels: ['municipality'], periodType: 'school-year',
 * };
 * ```
 */
export type IndicatorDefinitionInput = z.input<typeof indicatorDefinitionSchema>;

/**
 * Validates one indicator definition (a JSON document).
 *
 * @throws ValidationError listing every problem (formula errors with line and column).
 * @example
 * ```ts
 * import { parseIndicatorDefinition } from '@eduset/core/indicators';
 * const definition = parseIndicatorDefinition({
 *   id: 'consultations', version: 1, name: { ru: 'Консультации', en: 'Consultations' },
 *   unit: 'number', numerator: '#{consultations}', levels: ['municipality'], periodType: 'school-year',
 * });
 * definition.denominator; // '1'
 * ```
 */
export function parseIndicatorDefinition(input: unknown): IndicatorDefinition {
  return parse(indicatorDefinitionSchema, input);
}

/**
 * The factor of a definition: its own, or the default of its unit.
 *
 * @example
 * ```ts
 * import { definitionFactor, parseIndicatorDefinition } from '@eduset/core/indicators';
 * declare const json: unknown;
 * definitionFactor(parseIndicatorDefinition(json)); // '100' for a percent
 * ```
 */
export function definitionFactor(definition: Pick<IndicatorDefinition, 'factor' | 'unit'>): string {
  if (definition.factor !== undefined) return definition.factor;
  return definition.unit === 'percent' ? '100' : definition.unit === 'per-thousand' ? '1000' : '1';
}
