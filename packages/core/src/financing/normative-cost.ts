import type { Decimal } from 'decimal.js';
import { Money, MoneyDecimal, ValidationError, parse } from '../common/index.js';
import { z } from '../common/zod.js';
import { directionSchema, type Direction } from './programme.js';

const coefficient = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
const positiveCoefficient = coefficient.refine((value) => Number(value) > 0, {
  params: {
    text: { ru: 'Коэффициент должен быть больше нуля', en: 'The coefficient must be positive' },
  },
});

/**
 * Schema of one set of normative-cost coefficients (urban or rural). Names follow the
 * formula of the reference rules: `zp` average teacher salary a month, `kT`/`kA` main and
 * second teacher category coefficients, `stav` positions per teacher, `norm` weekly norm
 * hours, `weekMonth` weeks a month, `dop` extra-teacher coefficient, `uvel` other-staff
 * uplift, `otch` payroll charges, `otpusk` holiday pay, `polezn` useful room hours a week,
 * `dir` the direction coefficient (per direction), `prov` equipment level, `nopc` base
 * purchases, `pc` professional-development purchases, `pk` professional-development period
 * in years, `weekYear` weeks a year.
 *
 * @example
 * ```ts
 * import { coefficientSetSchema } from '@eduset/core/financing';
 * coefficientSetSchema.shape.zp.parse(30000);
 * ```
 */
export const coefficientSetSchema = z.object({
  zp: positiveCoefficient,
  kT: coefficient.default(1),
  kA: coefficient.default(1),
  stav: positiveCoefficient,
  norm: positiveCoefficient,
  weekMonth: positiveCoefficient,
  dop: coefficient,
  uvel: coefficient,
  otch: coefficient,
  otpusk: coefficient,
  polezn: positiveCoefficient,
  dir: z.partialRecord(directionSchema, coefficient),
  /** Direction coefficient used for a direction missing from `dir`. */
  dirDefault: coefficient.optional(),
  prov: coefficient,
  nopc: coefficient,
  pc: coefficient,
  pk: positiveCoefficient,
  weekYear: positiveCoefficient,
});

/** One set of coefficients. @example `declare const set: CoefficientSet; set.zp;` */
export type CoefficientSet = z.infer<typeof coefficientSetSchema>;

/**
 * Schema of a versioned normative-cost definition: the coefficients a municipality supplies,
 * one set for urban and one for rural locations. The same document gives the same numbers
 * anywhere.
 *
 * @example
 * ```ts
 * import { normativeCostDefinitionSchema } from '@eduset/core/financing';
 * normativeCostDefinitionSchema.shape.version.parse('2017.1');
 * ```
 */
export const normativeCostDefinitionSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  municipality: z.string().min(1).optional(),
  validFrom: z.string().optional(),
  coefficients: z.object({ urban: coefficientSetSchema, rural: coefficientSetSchema }),
});

/** A normative-cost definition. @example `declare const definition: NormativeCostDefinition; definition.version;` */
export type NormativeCostDefinition = z.infer<typeof normativeCostDefinitionSchema>;

/**
 * Reads a normative-cost definition from outside data (JSON), or throws a `ValidationError`.
 *
 * @example
 * ```ts
 * import { parseNormativeCostDefinition } from '@eduset/core/financing';
 * declare const json: unknown;
 * const definition = parseNormativeCostDefinition(json);
 * ```
 */
export function parseNormativeCostDefinition(input: unknown): NormativeCostDefinition {
  return parse(normativeCostDefinitionSchema, input);
}

/**
 * Schema of the programme facts the formula needs: hours `hours` (H), individual hours
 * `individualHours` (Hi), hours with a second teacher `secondTeacherHours` (Hd), the average
 * group size (or min and max, averaged), its direction and whether it runs at a rural site.
 *
 * @example
 * ```ts
 * import { normativeCostInputSchema } from '@eduset/core/financing';
 * normativeCostInputSchema.parse({ hours: 144, groupSize: 12, direction: 'technical' });
 * ```
 */
export const normativeCostInputSchema = z.object({
  hours: z.number().positive(),
  individualHours: z.number().nonnegative().default(0),
  secondTeacherHours: z.number().nonnegative().default(0),
  groupSize: z.union([
    z.number().positive(),
    z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  ]),
  direction: directionSchema,
  location: z.enum(['urban', 'rural']).default('urban'),
  /** Overrides the set's main-teacher category coefficient. */
  kT: coefficient.optional(),
  /** Overrides the set's second-teacher category coefficient. */
  kA: coefficient.optional(),
});

/** Input of {@link computeNormativeCost}. @example `const input: NormativeCostInput = { hours: 144, groupSize: 12, direction: 'artistic' };` */
export type NormativeCostInput = z.input<typeof normativeCostInputSchema>;

/**
 * A normative cost and how it was obtained: the three terms of the formula (teachers'
 * pay, room and equipment, professional development), their exact sum and the value
 * rounded to whole roubles (half up), with the definition's id and version.
 *
 * @example
 * ```ts
 * import type { NormativeCost } from '@eduset/core/financing';
 * declare const cost: NormativeCost;
 * cost.value.toString(); // e.g. '7802.00'
 * ```
 */
export interface NormativeCost {
  readonly value: Money;
  readonly exact: string;
  readonly definition: { readonly id: string; readonly version: string };
  readonly location: 'urban' | 'rural';
  readonly breakdown: {
    readonly teachers: string;
    readonly premisesAndEquipment: string;
    readonly professionalDevelopment: string;
    readonly groupSize: string;
    readonly direction: Direction;
    readonly directionCoefficient: string;
  };
}

const d = (value: number | string): Decimal => new MoneyDecimal(value);

/**
 * Computes the normative cost of a programme with the formula of the reference rules:
 *
 * ```
 * NC = ZP·[(kT·(H−Hi) + kA·Hd)/N + kT·Hi] / (STAV·NORM·WEEKMONTH) · DOP·(1+UVEL)·OTCH·OTPUSK
 *    + ((H−Hi) + Hi·N)/(POLEZN·N) · (DIR·PROV + NOPC)
 *    + ((H−Hi) + Hd + Hi·N)·OTPUSK·DOP / (PK·WEEKYEAR·STAV·NORM·N) · PC
 * ```
 *
 * exactly (decimal), rounding once at the end to whole roubles, half up.
 *
 * @example
 * ```ts
 * import { computeNormativeCost, type NormativeCostDefinition } from '@eduset/core/financing';
 * declare const definition: NormativeCostDefinition;
 * computeNormativeCost(definition, { hours: 144, groupSize: 12, direction: 'technical' }).value.toString();
 * ```
 */
export function computeNormativeCost(
  definition: NormativeCostDefinition,
  input: NormativeCostInput,
): NormativeCost {
  parse(normativeCostDefinitionSchema, definition);
  const facts = parse(normativeCostInputSchema, input);
  const set = definition.coefficients[facts.location];
  const H = d(facts.hours);
  const Hi = d(facts.individualHours);
  const Hd = d(facts.secondTeacherHours);
  const N =
    typeof facts.groupSize === 'number'
      ? d(facts.groupSize)
      : d(facts.groupSize.min).plus(facts.groupSize.max).dividedBy(2);
  const kT = d(facts.kT ?? set.kT);
  const kA = d(facts.kA ?? set.kA);
  const stavNorm = d(set.stav).times(set.norm);
  const dirValue = set.dir[facts.direction] ?? set.dirDefault;
  if (dirValue === undefined) {
    throw new ValidationError([
      {
        path: ['coefficients', facts.location, 'dir', facts.direction],
        code: 'missing_coefficient',
        message: {
          ru: `Нет коэффициента направленности «${facts.direction}»`,
          en: `No direction coefficient for "${facts.direction}"`,
        },
      },
    ]);
  }
  const DIR = d(dirValue);
  const groupHours = H.minus(Hi);

  const teachers = d(set.zp)
    .times(kT.times(groupHours).plus(kA.times(Hd)).dividedBy(N).plus(kT.times(Hi)))
    .dividedBy(stavNorm.times(set.weekMonth))
    .times(set.dop)
    .times(d(1).plus(set.uvel))
    .times(set.otch)
    .times(set.otpusk);
  const premisesAndEquipment = groupHours
    .plus(Hi.times(N))
    .dividedBy(d(set.polezn).times(N))
    .times(DIR.times(set.prov).plus(set.nopc));
  const professionalDevelopment = groupHours
    .plus(Hd)
    .plus(Hi.times(N))
    .times(set.otpusk)
    .times(set.dop)
    .dividedBy(d(set.pk).times(set.weekYear).times(stavNorm).times(N))
    .times(set.pc);
  const exact = teachers.plus(premisesAndEquipment).plus(professionalDevelopment);
  return {
    value: Money.of(exact).round('half-up', 0),
    exact: exact.toFixed(6),
    definition: { id: definition.id, version: definition.version },
    location: facts.location,
    breakdown: {
      teachers: teachers.toFixed(6),
      premisesAndEquipment: premisesAndEquipment.toFixed(6),
      professionalDevelopment: professionalDevelopment.toFixed(6),
      groupSize: N.toFixed(),
      direction: facts.direction,
      directionCoefficient: DIR.toFixed(),
    },
  };
}
