import { parse } from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { ageOn, dayNumber } from './calendar.js';
import { fundingKindSchema, type FundingKind } from './programme.js';

/**
 * Schema of the coverage report's input: the children living in the municipality, their
 * enrolments (with the programme's funding kind) and the certificates issued.
 *
 * @example
 * ```ts
 * import { coverageInputSchema } from '@eduset/core/financing';
 * coverageInputSchema.parse({ on: '2018-09-01', children: [], enrolments: [] });
 * ```
 */
export const coverageInputSchema = z.object({
  on: isoDateSchema,
  children: z.array(z.object({ id: z.string().min(1), birthDate: isoDateSchema })),
  enrolments: z.array(
    z.object({
      childId: z.string().min(1),
      programmeId: z.string().min(1),
      fundingKind: fundingKindSchema,
      start: isoDateSchema,
      end: isoDateSchema,
    }),
  ),
  certificates: z
    .array(
      z.object({ id: z.string().min(1), childId: z.string().min(1), status: z.string().min(1) }),
    )
    .default([]),
  ageFrom: z.number().int().min(0).default(5),
  ageTo: z.number().int().min(0).default(18),
});

/** Input of {@link coverageReport}. @example `declare const input: CoverageInput;` */
export type CoverageInput = z.input<typeof coverageInputSchema>;

/**
 * Coverage of children on a date: how many children aged `ageFrom` to `ageTo` (the upper
 * bound excluded: 5–18 means 5 to 17 full years) live in the municipality, how many of them
 * attend funded programmes (each child counted once, however many programmes), the share in
 * percent (exact to two decimals, and whole as the reports print it), the same count per
 * funding kind, and the certificates issued and used.
 *
 * @example
 * ```ts
 * import type { Coverage } from '@eduset/core/financing';
 * declare const coverage: Coverage;
 * `${coverage.funded} (${coverage.fundedPercent} %)`; // '504 (5 %)'
 * ```
 */
export interface Coverage {
  readonly on: string;
  readonly children: number;
  readonly funded: number;
  readonly fundedShare: string;
  readonly fundedPercent: number;
  readonly byFundingKind: Readonly<Record<FundingKind, number>>;
  readonly anyProgramme: number;
  readonly certificatesIssued: number;
  readonly certificatesUsed: number;
}

/**
 * Computes the coverage of children by programmes on a date (see {@link Coverage}).
 * Enrolments of children outside the age range, or not running on the date, are not
 * counted; a certificate is "used" when its child has any enrolment running on the date.
 *
 * @example
 * ```ts
 * import { coverageReport } from '@eduset/core/financing';
 * const coverage = coverageReport({
 *   on: '2018-09-01',
 *   children: [{ id: 'a', birthDate: '2010-01-01' }, { id: 'b', birthDate: '2011-01-01' }],
 *   enrolments: [{ childId: 'a', programmeId: 'p', fundingKind: 'funded', start: '2018-09-01', end: '2019-05-31' }],
 * });
 * coverage.fundedPercent; // 50
 * ```
 */
export function coverageReport(input: CoverageInput): Coverage {
  const value = parse(coverageInputSchema, input);
  const day = dayNumber(value.on);
  const inRange = new Set<string>();
  for (const child of value.children) {
    const age = ageOn(child.birthDate, value.on);
    if (age >= value.ageFrom && age < value.ageTo) inRange.add(child.id);
  }
  const byKind: Record<FundingKind, Set<string>> = {
    budget: new Set(),
    paid: new Set(),
    funded: new Set(),
  };
  const any = new Set<string>();
  for (const enrolment of value.enrolments) {
    if (!inRange.has(enrolment.childId)) continue;
    if (dayNumber(enrolment.start) > day || dayNumber(enrolment.end) < day) continue;
    byKind[enrolment.fundingKind].add(enrolment.childId);
    any.add(enrolment.childId);
  }
  const funded = byKind.funded.size;
  const children = inRange.size;
  // Exact share in hundredths of a percent, rounded half up: integer arithmetic.
  const hundredths =
    children === 0 ? 0 : Math.floor((funded * 10000 * 2 + children) / (2 * children));
  const share = `${String(Math.floor(hundredths / 100))}.${String(hundredths % 100).padStart(2, '0')}`;
  const whole = children === 0 ? 0 : Math.floor((funded * 100 * 2 + children) / (2 * children));
  return {
    on: value.on,
    children,
    funded,
    fundedShare: share,
    fundedPercent: whole,
    byFundingKind: { budget: byKind.budget.size, paid: byKind.paid.size, funded },
    anyProgramme: any.size,
    certificatesIssued: value.certificates.length,
    certificatesUsed: value.certificates.filter((certificate) => any.has(certificate.childId))
      .length,
  };
}
