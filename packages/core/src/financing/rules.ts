import { parse, ValidationError, type ValidationIssue } from '../common/index.js';
import { z } from '../common/zod.js';
import { certificateGroupSchema } from './certificate.js';
import {
  computeNormativeCost,
  normativeCostDefinitionSchema,
  type NormativeCostDefinition,
} from './normative-cost.js';
import { directionLabels, directions, directionSchema, type Direction } from './programme.js';

/**
 * Schema of a region's voucher-financing rules in one JSON document: the region's name, its
 * normative-cost definition (coefficients for urban and rural sites), its certificate groups
 * (nominal, period, funded places, hours per week) and the payer's limits of enrolments per
 * direction. Group ids must be distinct. `examples/data/tutaev-financing-rules.json` is an
 * example.
 *
 * @example
 * ```ts
 * import { financingRulesSchema } from '@eduset/core/financing';
 * financingRulesSchema.shape.directionLimits.parse({ technical: 400 }); // { technical: 400 }
 * ```
 */
export const financingRulesSchema = z.strictObject({
  region: z.string().trim().min(1),
  normativeCost: normativeCostDefinitionSchema,
  certificateGroups: z
    .array(certificateGroupSchema)
    .min(1)
    .superRefine((groups, context) => {
      const seen = new Set<string>();
      groups.forEach((group, index) => {
        if (seen.has(group.id)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'id'],
            params: {
              text: {
                ru: `Группа сертификатов «${group.id}» указана дважды`,
                en: `Certificate group "${group.id}" is listed twice`,
              },
            },
          });
        }
        seen.add(group.id);
      });
    }),
  directionLimits: z.partialRecord(directionSchema, z.number().int().min(0)),
});

/** A region's financing rules. @example `declare const rules: FinancingRules; rules.region;` */
export type FinancingRules = z.infer<typeof financingRulesSchema>;

/**
 * Reads a region's financing rules from outside data (parsed JSON), or throws a
 * `ValidationError` listing every problem with its path.
 *
 * @example
 * ```ts
 * import { parseFinancingRules } from '@eduset/core/financing';
 * declare const json: unknown;
 * const rules = parseFinancingRules(json);
 * rules.certificateGroups.length;
 * ```
 */
export function parseFinancingRules(input: unknown): FinancingRules {
  return parse(financingRulesSchema, input);
}

/**
 * The normative cost of a sample programme in one direction at one kind of site, as
 * {@link checkFinancingRules} lists it (whole roubles, as text).
 *
 * @example
 * ```ts
 * import type { SampleNormativeCost } from '@eduset/core/financing';
 * const row: SampleNormativeCost = { direction: 'technical', location: 'urban', value: '14811.00' };
 * ```
 */
export interface SampleNormativeCost {
  readonly direction: Direction;
  readonly location: 'urban' | 'rural';
  readonly value: string;
}

/**
 * What a region's rules give for a sample programme (by default 144 hours in a group of 10,
 * the usual one-year programme): its normative cost in every direction at urban and rural
 * sites. A direction without a coefficient (and no `dirDefault`) is a problem only when the
 * payer has a limit for it — a programme of that direction could be enrolled but not priced;
 * then a `ValidationError` names every such direction and site.
 *
 * @example
 * ```ts
 * import { checkFinancingRules, parseFinancingRules } from '@eduset/core/financing';
 * declare const json: unknown;
 * const costs = checkFinancingRules(parseFinancingRules(json));
 * costs.find((row) => row.direction === 'technical' && row.location === 'urban')?.value;
 * ```
 */
export function checkFinancingRules(
  rules: {
    readonly normativeCost: NormativeCostDefinition;
    readonly directionLimits: FinancingRules['directionLimits'];
  },
  sample: { readonly hours: number; readonly groupSize: number } = { hours: 144, groupSize: 10 },
): SampleNormativeCost[] {
  const costs: SampleNormativeCost[] = [];
  const issues: ValidationIssue[] = [];
  for (const location of ['urban', 'rural'] as const) {
    for (const direction of directions) {
      const set = rules.normativeCost.coefficients[location];
      if (set.dir[direction] === undefined && set.dirDefault === undefined) {
        if (rules.directionLimits[direction] !== undefined) {
          issues.push({
            path: ['normativeCost', 'coefficients', location, 'dir', direction],
            code: 'missing_coefficient',
            message: {
              ru: `У направленности «${directionLabels[direction].ru}» есть лимит, но нет коэффициента (${location === 'urban' ? 'город' : 'село'}) — ни в dir, ни dirDefault`,
              en: `The ${directionLabels[direction].en} direction has a limit but no coefficient (${location}): neither in dir nor dirDefault`,
            },
          });
        }
        continue;
      }
      const cost = computeNormativeCost(rules.normativeCost, { ...sample, direction, location });
      costs.push({ direction, location, value: cost.value.toString() });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return costs;
}
