import { Money, parse } from '../common/index.js';
import { z } from '../common/zod.js';
import { moneySchema, nonNegativeMoneySchema } from './amounts.js';

/**
 * Schema of the head-of-organization bonus rule (Udomlya): a bonus of up to `maxPercent` %
 * (10 by default) of salary for hosting a municipal site.
 *
 * @example
 * ```ts
 * import { headBonusRuleSchema } from '@eduset/core/financing';
 * headBonusRuleSchema.parse({ id: 'udomlya-head-bonus', version: '2020', maxPercent: 10 });
 * ```
 */
export const headBonusRuleSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  maxPercent: z.number().min(0).max(100).default(10),
});

/** A head bonus rule. @example `declare const rule: HeadBonusRule; rule.maxPercent;` */
export type HeadBonusRule = z.infer<typeof headBonusRuleSchema>;

/**
 * The head's bonus: `salary × percent / 100` rounded half up to the kopeck, refused with a
 * `ValidationError` when the percent exceeds the rule's maximum or the salary is negative.
 *
 * @example
 * ```ts
 * import { headBonus } from '@eduset/core/financing';
 * headBonus({ id: 'udomlya-head-bonus', version: '2020', maxPercent: 10 }, { salary: '45000', percent: 10 })
 *   .toString(); // '4500.00'
 * ```
 */
export function headBonus(
  rule: z.input<typeof headBonusRuleSchema>,
  input: { readonly salary: string | number; readonly percent: number },
): Money {
  const parsedRule = parse(headBonusRuleSchema, rule);
  const facts = parse(
    z.object({
      salary: nonNegativeMoneySchema,
      percent: z
        .number()
        .min(0)
        .refine((percent) => percent <= parsedRule.maxPercent, {
          params: {
            text: {
              ru: `Надбавка не может превышать ${String(parsedRule.maxPercent)} % оклада`,
              en: `The bonus may not exceed ${String(parsedRule.maxPercent)} % of salary`,
            },
          },
        }),
    }),
    input,
  );
  return facts.salary.multiply(facts.percent).divide(100).round('half-up');
}

/**
 * Schema of the teacher support rule (Udomlya profile courses): teachers with at least
 * `minYears` years in the network receive a one-off payment between `min` and `max`
 * roubles, from a yearly `fund`.
 *
 * @example
 * ```ts
 * import { teacherSupportRuleSchema } from '@eduset/core/financing';
 * teacherSupportRuleSchema.parse({
 *   id: 'udomlya-teacher-support', version: '2020', fund: '111000', min: '5000', max: '30000', minYears: 3,
 * });
 * ```
 */
export const teacherSupportRuleSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    fund: nonNegativeMoneySchema,
    min: nonNegativeMoneySchema,
    max: moneySchema,
    minYears: z.number().min(0).default(3),
  })
  .refine((rule) => rule.max.compare(rule.min) >= 0 && !rule.min.isZero(), {
    params: {
      text: { ru: 'Нужно 0 < минимум ≤ максимум', en: 'Expected 0 < min ≤ max' },
    },
    path: ['max'],
  });

/** A teacher support rule. @example `declare const rule: TeacherSupportRule; rule.fund;` */
export type TeacherSupportRule = z.infer<typeof teacherSupportRuleSchema>;

/**
 * A teacher considered for support: id, years in the network and an optional weight (more
 * weight, bigger share; 1 by default).
 *
 * @example
 * ```ts
 * import type { SupportCandidate } from '@eduset/core/financing';
 * const teacher: SupportCandidate = { id: 't1', yearsInNetwork: 4 };
 * ```
 */
export interface SupportCandidate {
  readonly id: string;
  readonly yearsInNetwork: number;
  readonly weight?: number;
}

/**
 * The result of an allocation: each paid teacher's amount, who is not paid and why, and
 * what is left in the fund.
 *
 * @example
 * ```ts
 * import type { SupportAllocation } from '@eduset/core/financing';
 * declare const allocation: SupportAllocation;
 * allocation.payments.map((p) => p.amount.toString());
 * ```
 */
export interface SupportAllocation {
  readonly payments: readonly { readonly id: string; readonly amount: Money }[];
  readonly notPaid: readonly { readonly id: string; readonly reason: 'years' | 'fund' }[];
  readonly allocated: Money;
  readonly remaining: Money;
}

const candidatesSchema = z.array(
  z.object({
    id: z.string().min(1),
    yearsInNetwork: z.number().min(0),
    weight: z.number().min(0).optional(),
  }),
);

/**
 * Allocates the teacher support fund: eligible teachers (at least `minYears` in the
 * network), ordered by years then id, each get at least `min`; as many as the fund allows
 * are paid (the rest are listed with reason `fund`); the remainder is shared by weight in
 * kopecks, never above `max` (what a capped teacher cannot take goes to the others). The
 * total never exceeds the fund and every payment stays within `[min, max]`.
 *
 * @example
 * ```ts
 * import { allocateTeacherSupport } from '@eduset/core/financing';
 * const result = allocateTeacherSupport(
 *   { id: 'udomlya-teacher-support', version: '2020', fund: '111000', min: '5000', max: '30000', minYears: 3 },
 *   [{ id: 'a', yearsInNetwork: 5 }, { id: 'b', yearsInNetwork: 3 }, { id: 'c', yearsInNetwork: 2 }],
 * );
 * result.payments.map((p) => p.amount.toString()); // ['30000.00', '30000.00']
 * ```
 */
export function allocateTeacherSupport(
  rule: z.input<typeof teacherSupportRuleSchema>,
  candidates: readonly SupportCandidate[],
): SupportAllocation {
  const { fund, min, max, minYears } = parse(teacherSupportRuleSchema, rule);
  parse(candidatesSchema, candidates);
  const eligible = candidates
    .filter((candidate) => candidate.yearsInNetwork >= minYears)
    .sort(
      (a, b) => b.yearsInNetwork - a.yearsInNetwork || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const notPaid: { id: string; reason: 'years' | 'fund' }[] = candidates
    .filter((candidate) => candidate.yearsInNetwork < minYears)
    .map((candidate) => ({ id: candidate.id, reason: 'years' as const }));
  const fits = Math.min(eligible.length, Math.floor(fund.divide(min.amount).amount.toNumber()));
  const paid = eligible.slice(0, fits);
  for (const candidate of eligible.slice(fits)) notPaid.push({ id: candidate.id, reason: 'fund' });
  const amounts = paid.map(() => min);
  let remaining = fund.subtract(min.multiply(paid.length));
  let open = paid.map((_, index) => index);
  // Water-filling: share the remainder by weight among those below max; cap and repeat.
  for (let round = 0; round <= paid.length && open.length > 0 && !remaining.isZero(); round += 1) {
    const weights = open.map((index) => Math.max(0, paid[index]?.weight ?? 1));
    if (weights.every((weight) => weight === 0)) break;
    const shares = remaining.allocate(weights);
    let capped = false;
    const nextOpen: number[] = [];
    let given = Money.zero();
    open.forEach((index, position) => {
      const current = amounts[index] as Money;
      const share = shares[position] as Money;
      const room = max.subtract(current);
      if (share.compare(room) >= 0) {
        amounts[index] = max;
        given = given.add(room);
        capped = true;
      } else {
        nextOpen.push(index);
      }
    });
    if (!capped) {
      open.forEach((index, position) => {
        amounts[index] = (amounts[index] as Money).add(shares[position] as Money);
      });
      remaining = Money.zero();
      break;
    }
    remaining = remaining.subtract(given);
    open = nextOpen;
  }
  const payments = paid.map((candidate, index) => ({
    id: candidate.id,
    amount: amounts[index] as Money,
  }));
  const allocated = Money.sum(payments.map((payment) => payment.amount));
  return { payments, notPaid, allocated, remaining: fund.subtract(allocated) };
}
