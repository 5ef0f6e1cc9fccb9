import type { Money } from '../common/index.js';
import { parse } from '../common/index.js';
import { z } from '../common/zod.js';
import { instantSchema } from '../schedule/index.js';
import {
  coefficientSetSchema,
  computeNormativeCost,
  normativeCostDefinitionSchema,
  type NormativeCost,
  type NormativeCostDefinition,
  type NormativeCostInput,
} from './normative-cost.js';
import { RegistryError } from './operator-registry.js';
import { directionLabels, directions, directionSchema, type Direction } from './programme.js';

/**
 * Schema of a financing period's id as the operator's routes take it: `2026-2027`, `2017` —
 * letters, digits, `.`, `_` and `-`, up to 40 characters.
 *
 * @example
 * ```ts
 * import { financingPeriodIdSchema } from '@eduset/core/financing';
 * financingPeriodIdSchema.parse('2026-2027');
 * ```
 */
export const financingPeriodIdSchema = z
  .string()
  .refine((value) => /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/.test(value), {
    params: {
      text: {
        ru: 'Период обозначается буквами, цифрами, точками и дефисами, например 2026-2027',
        en: 'A period is written with letters, digits, dots and dashes, such as 2026-2027',
      },
    },
  });

/**
 * Schema of the two coefficient sets of a normative-cost definition (urban and rural
 * locations), as the operator edits them.
 *
 * @example
 * ```ts
 * import { normativeCoefficientsSchema } from '@eduset/core/financing';
 * normativeCoefficientsSchema.shape.urban.shape.zp.parse(30000);
 * ```
 */
export const normativeCoefficientsSchema = z.object({
  urban: coefficientSetSchema,
  rural: coefficientSetSchema,
});

/** The urban and rural coefficient sets. @example `declare const c: NormativeCoefficients; c.urban.zp;` */
export type NormativeCoefficients = z.infer<typeof normativeCoefficientsSchema>;

/**
 * Schema of who made a version and their name at the time (a staff account).
 *
 * @example
 * ```ts
 * import { versionAuthorSchema } from '@eduset/core/financing';
 * versionAuthorSchema.parse({ accountId: 'acc-1', name: 'МБУ «УМИЦ»' });
 * ```
 */
export const versionAuthorSchema = z.object({
  accountId: z.string().min(1),
  name: z.string().min(1),
});

/** Who made a version. @example `const who: VersionAuthor = { accountId: 'a', name: 'Оператор' };` */
export type VersionAuthor = z.infer<typeof versionAuthorSchema>;

/**
 * Schema of one version of a period's normative-cost parameters: its number (1, 2, …), the
 * definition it gives (the `version` of the definition is that number), who saved it and
 * when, and a note. Versions are never changed: a change is a new version, and a contract
 * keeps the version in force when it was priced.
 *
 * @example
 * ```ts
 * import { parametersVersionSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * parametersVersionSchema.parse(json).version;
 * ```
 */
export const parametersVersionSchema = z.object({
  period: financingPeriodIdSchema,
  version: z.number().int().min(1),
  definition: normativeCostDefinitionSchema,
  changedBy: versionAuthorSchema,
  changedAt: instantSchema,
  note: z.string().optional(),
});

/** A version of normative-cost parameters. @example `declare const v: ParametersVersion; v.definition.coefficients;` */
export type ParametersVersion = z.infer<typeof parametersVersionSchema>;

/**
 * Schema of the payer's limits of funded enrolments per direction for a period (a direction
 * not listed has no limit).
 *
 * @example
 * ```ts
 * import { directionLimitsSchema } from '@eduset/core/financing';
 * directionLimitsSchema.parse({ technical: 200, artistic: 150 });
 * ```
 */
export const directionLimitsSchema = z.partialRecord(
  directionSchema,
  z.number().int().min(0).max(1_000_000),
);

/** Limits per direction. @example `const limits: DirectionLimits = { technical: 200 };` */
export type DirectionLimits = z.infer<typeof directionLimitsSchema>;

/**
 * Schema of one version of a period's direction limits, with who saved it and when.
 *
 * @example
 * ```ts
 * import { directionLimitsVersionSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * directionLimitsVersionSchema.parse(json).limits.technical;
 * ```
 */
export const directionLimitsVersionSchema = z.object({
  period: financingPeriodIdSchema,
  version: z.number().int().min(1),
  limits: directionLimitsSchema,
  changedBy: versionAuthorSchema,
  changedAt: instantSchema,
  note: z.string().optional(),
});

/** A version of direction limits. @example `declare const v: DirectionLimitsVersion; v.limits;` */
export type DirectionLimitsVersion = z.infer<typeof directionLimitsVersionSchema>;

/**
 * The number of the next version when a change is based on `basedOn` (0: on no version):
 * refuses with `RegistryError('version-moved')` when another version was saved meanwhile,
 * so two operators editing at once never overwrite each other.
 *
 * @example
 * ```ts
 * import { nextVersion } from '@eduset/core/financing';
 * nextVersion([{ version: 1 }, { version: 2 }], 2); // 3
 * nextVersion([], 0); // 1
 * ```
 */
export function nextVersion(
  history: readonly { readonly version: number }[],
  basedOn: number,
): number {
  const current = history.reduce((max, entry) => Math.max(max, entry.version), 0);
  if (basedOn !== current) {
    throw new RegistryError('version-moved', {
      ru: `действует версия ${String(current)}, изменение сделано от версии ${String(basedOn)}`,
      en: `version ${String(current)} is in force, the change was made from version ${String(basedOn)}`,
    });
  }
  return current + 1;
}

/**
 * The normative-cost definition of a period's version: id `normative-cost:<period>`, version
 * the version number, the municipality and the two coefficient sets, validated (a
 * `ValidationError` lists every bad coefficient).
 *
 * @example
 * ```ts
 * import { parametersDefinition, type NormativeCoefficients } from '@eduset/core/financing';
 * declare const coefficients: NormativeCoefficients;
 * parametersDefinition('2026-2027', 2, { coefficients }).version; // '2'
 * ```
 */
export function parametersDefinition(
  period: string,
  version: number,
  input: { readonly coefficients: unknown; readonly municipality?: string },
): NormativeCostDefinition {
  return parse(normativeCostDefinitionSchema, {
    id: `normative-cost:${period}`,
    version: String(version),
    ...(input.municipality === undefined ? {} : { municipality: input.municipality }),
    coefficients: input.coefficients,
  });
}

/**
 * A preview of parameters before they are saved: the normative cost they give for a sample
 * programme, the same under the version in force (when there is one) and the difference, and
 * the cost for each direction with the sample's other facts (`null` where a set has no
 * coefficient for the direction).
 *
 * @example
 * ```ts
 * import type { NormativeCostPreview } from '@eduset/core/financing';
 * declare const preview: NormativeCostPreview;
 * preview.proposed.value.toString();
 * ```
 */
export interface NormativeCostPreview {
  readonly proposed: NormativeCost;
  readonly current: NormativeCost | null;
  /** `proposed − current`, in whole roubles (`null` without a version in force). */
  readonly difference: Money | null;
  readonly byDirection: readonly {
    readonly direction: Direction;
    readonly proposed: Money | null;
    readonly current: Money | null;
  }[];
}

function costOrNull(
  definition: NormativeCostDefinition,
  sample: NormativeCostInput,
  direction: Direction,
): Money | null {
  const set = definition.coefficients[sample.location ?? 'urban'];
  if (set.dir[direction] === undefined && set.dirDefault === undefined) return null;
  return computeNormativeCost(definition, { ...sample, direction }).value;
}

/**
 * Computes the preview of {@link NormativeCostPreview} with core's
 * {@link computeNormativeCost}: the proposed definition against the one in force.
 *
 * @example
 * ```ts
 * import { previewNormativeCost, type NormativeCostDefinition } from '@eduset/core/financing';
 * declare const proposed: NormativeCostDefinition;
 * previewNormativeCost(proposed, { hours: 144, groupSize: 12, direction: 'technical' }, null)
 *   .proposed.value.toString();
 * ```
 */
export function previewNormativeCost(
  proposed: NormativeCostDefinition,
  sample: NormativeCostInput,
  current: NormativeCostDefinition | null,
): NormativeCostPreview {
  const proposedCost = computeNormativeCost(proposed, sample);
  let currentCost: NormativeCost | null = null;
  if (current !== null) {
    const set = current.coefficients[proposedCost.location];
    const known = set.dir[sample.direction] !== undefined || set.dirDefault !== undefined;
    currentCost = known ? computeNormativeCost(current, sample) : null;
  }
  return {
    proposed: proposedCost,
    current: currentCost,
    difference: currentCost === null ? null : proposedCost.value.subtract(currentCost.value),
    byDirection: directions.map((direction) => ({
      direction,
      proposed: costOrNull(proposed, sample, direction),
      current: current === null ? null : costOrNull(current, sample, direction),
    })),
  };
}

/**
 * Checks new direction limits against the enrolments already counted in the period: a limit
 * below them is refused with `RegistryError('limit-below-enrolments')` naming each direction.
 *
 * @example
 * ```ts
 * import { checkDirectionLimits } from '@eduset/core/financing';
 * checkDirectionLimits({ technical: 10 }, { technical: 4 }); // passes
 * ```
 */
export function checkDirectionLimits(
  limits: DirectionLimits,
  enrolments: Partial<Record<Direction, number>>,
): void {
  const below = directions.filter((direction) => {
    const max = limits[direction];
    return max !== undefined && max < (enrolments[direction] ?? 0);
  });
  if (below.length === 0) return;
  const list = (lang: 'ru' | 'en') =>
    below
      .map(
        (direction) =>
          `${directionLabels[direction][lang]} — ${String(limits[direction])} < ${String(enrolments[direction] ?? 0)}`,
      )
      .join('; ');
  throw new RegistryError('limit-below-enrolments', { ru: list('ru'), en: list('en') });
}
