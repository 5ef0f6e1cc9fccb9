import { Money, parse } from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { floorToKopeck, nonNegativeMoneySchema } from './amounts.js';
import { ageOn, dayNumber, daysInclusive } from './calendar.js';
import { FinancingLimitError } from './limits.js';
import {
  certificateKindSchema,
  certificateStatusLabels,
  certificateStatusSchema,
  type CertificateStatus,
} from './kinds.js';
import {
  checkArgs,
  checkDate,
  checkMoney,
  checkNotBefore,
  hundredthsOf,
  invalid,
  weeklyHoursSchema,
} from './validation.js';

export {
  certificateKindSchema,
  certificateStatusLabels,
  certificateStatusSchema,
  certificateStatuses,
  type CertificateKind,
  type CertificateStatus,
} from './kinds.js';

/**
 * Schema of a financing period (usually a calendar or school year): its id and dates.
 *
 * @example
 * ```ts
 * import { financingPeriodSchema } from '@eduset/core/financing';
 * financingPeriodSchema.parse({ id: '2017', start: '2017-01-01', end: '2017-12-31' });
 * ```
 */
export const financingPeriodSchema = z
  .object({ id: z.string().min(1), start: isoDateSchema, end: isoDateSchema })
  .refine((period) => dayNumber(period.end) >= dayNumber(period.start), {
    params: {
      text: {
        ru: 'Период заканчивается раньше, чем начинается',
        en: 'The period ends before it starts',
      },
    },
    path: ['end'],
  });

/** A financing period. @example `declare const period: FinancingPeriod; period.id;` */
export type FinancingPeriod = z.infer<typeof financingPeriodSchema>;

/**
 * Schema of a certificate group: a nominal per period, a cap on funded places (beyond it
 * children wait in a queue) and the unit the balance is stated in — money, or weekly
 * teaching hours in regions that count hours (then `weeklyHours`, the cap of hours a week
 * across the certificate's funded enrolments of the period, is required; the money nominal
 * still bounds what the certificate pays).
 *
 * @example
 * ```ts
 * import { certificateGroupSchema } from '@eduset/core/financing';
 * certificateGroupSchema.parse({
 *   id: 'children-5-18', name: 'Дети 5–18 лет',
 *   period: { id: '2017', start: '2017-01-01', end: '2017-12-31' },
 *   nominal: '15000', fundedPlaces: 500,
 * });
 * ```
 */
export const certificateGroupSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    period: financingPeriodSchema,
    nominal: nonNegativeMoneySchema,
    fundedPlaces: z.number().int().min(0),
    unit: z.enum(['money', 'weekly-hours']).default('money'),
    weeklyHours: weeklyHoursSchema
      .refine((hours) => hours > 0, {
        params: {
          text: {
            ru: 'Норма часов в неделю должна быть больше нуля',
            en: 'The weekly hours cap must be above zero',
          },
        },
      })
      .optional(),
  })
  .refine((group) => group.unit !== 'weekly-hours' || group.weeklyHours !== undefined, {
    params: {
      text: {
        ru: 'Группа, считающая часы, должна указать норму часов в неделю (weeklyHours)',
        en: 'A group counting hours must state its weekly hours cap (weeklyHours)',
      },
    },
    path: ['weeklyHours'],
  });

/** A certificate group. @example `declare const group: CertificateGroup; group.nominal.toString();` */
export type CertificateGroup = z.infer<typeof certificateGroupSchema>;

/**
 * Schema of a certificate. Its `number` is public-facing; the child's `birthDate` is the
 * second factor required to read a balance.
 *
 * @example
 * ```ts
 * import { certificateSchema } from '@eduset/core/financing';
 * certificateSchema.parse({
 *   id: 'c1', number: '6800000001', birthDate: '2010-05-17', groupId: 'children-5-18',
 *   kind: 'record', status: 'issued', issuedOn: '2018-09-01',
 * });
 * ```
 */
export const certificateSchema = z.object({
  id: z.string().min(1),
  number: z.string().regex(/^\d{6,12}$/),
  childId: z.string().min(1).optional(),
  birthDate: isoDateSchema,
  groupId: z.string().min(1),
  kind: certificateKindSchema,
  status: certificateStatusSchema,
  issuedOn: isoDateSchema,
  activatedOn: z.optional(isoDateSchema),
  closedOn: z.optional(isoDateSchema),
  closeReason: z.enum(['age-out', 'moved-away', 'other']).optional(),
});

/** A certificate. @example `declare const certificate: Certificate; certificate.kind;` */
export type Certificate = z.infer<typeof certificateSchema>;

/** Youngest age to receive a certificate. */
const MIN_AGE = 5;
/** A certificate closes when the child turns this age. */
const AGE_OUT = 18;

/**
 * Issues a record certificate to a child aged 5–17 on `on`, or throws a `ValidationError`.
 *
 * @example
 * ```ts
 * import { issueCertificate } from '@eduset/core/financing';
 * const certificate = issueCertificate({
 *   id: 'c1', number: '6800000001', birthDate: '2010-05-17', groupId: 'children-5-18',
 * }, '2018-09-01');
 * certificate.status; // 'issued'
 * ```
 */
export function issueCertificate(
  input: {
    readonly id: string;
    readonly number: string;
    readonly birthDate: string;
    readonly groupId: string;
    readonly childId?: string;
  },
  on: string,
): Certificate {
  const certificate = parse(certificateSchema, {
    ...input,
    kind: 'record',
    status: 'issued',
    issuedOn: on,
  });
  const age = ageOn(certificate.birthDate, certificate.issuedOn);
  if (age < MIN_AGE || age >= AGE_OUT) {
    throw new FinancingLimitError('age-out-of-range', {
      ru: `сертификат выдаётся детям от 5 до 18 лет, возраст ${String(age)}`,
      en: `certificates are issued to children aged 5 to 18, age ${String(age)}`,
    });
  }
  return certificate;
}

const certificateTransitions: Readonly<Record<CertificateStatus, readonly CertificateStatus[]>> = {
  issued: ['active', 'closed'],
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

function moveCertificate(certificate: Certificate, to: CertificateStatus): Certificate {
  if (!certificateTransitions[certificate.status].includes(to)) {
    throw new FinancingLimitError('invalid-transition', {
      ru: `${certificateStatusLabels[certificate.status].ru} → ${certificateStatusLabels[to].ru}`,
      en: `${certificate.status} → ${to}`,
    });
  }
  return { ...certificate, status: to };
}

/**
 * Activates an issued certificate (the family confirmed it).
 *
 * @example
 * ```ts
 * import { activateCertificate, type Certificate } from '@eduset/core/financing';
 * declare const issued: Certificate;
 * activateCertificate(issued, '2018-09-03').status; // 'active'
 * ```
 */
export function activateCertificate(certificate: Certificate, on: string): Certificate {
  const valid = parse(certificateSchema, certificate);
  const day = checkDate(on, 'on');
  checkNotBefore(day, valid.issuedOn, 'on', {
    ru: 'сертификат выдан',
    en: 'the certificate was issued',
  });
  return { ...moveCertificate(valid, 'active'), activatedOn: day };
}

/**
 * Suspends an active certificate: no new requests until it is resumed.
 *
 * @example
 * ```ts
 * import { suspendCertificate, type Certificate } from '@eduset/core/financing';
 * declare const active: Certificate;
 * suspendCertificate(active).status; // 'suspended'
 * ```
 */
export function suspendCertificate(certificate: Certificate): Certificate {
  return moveCertificate(parse(certificateSchema, certificate), 'suspended');
}

/**
 * Resumes a suspended certificate.
 *
 * @example
 * ```ts
 * import { resumeCertificate, type Certificate } from '@eduset/core/financing';
 * declare const suspended: Certificate;
 * resumeCertificate(suspended).status; // 'active'
 * ```
 */
export function resumeCertificate(certificate: Certificate): Certificate {
  return moveCertificate(parse(certificateSchema, certificate), 'active');
}

const closeArgs = z.object({
  on: isoDateSchema,
  reason: certificateSchema.shape.closeReason.unwrap(),
});

/**
 * Closes a certificate: the child aged out, moved away, or another reason.
 *
 * @example
 * ```ts
 * import { closeCertificate, type Certificate } from '@eduset/core/financing';
 * declare const certificate: Certificate;
 * closeCertificate(certificate, '2019-06-01', 'moved-away').status; // 'closed'
 * ```
 */
export function closeCertificate(
  certificate: Certificate,
  on: string,
  reason: NonNullable<Certificate['closeReason']>,
): Certificate {
  const valid = parse(certificateSchema, certificate);
  const args = checkArgs(closeArgs, { on, reason });
  checkNotBefore(args.on, valid.issuedOn, 'on', {
    ru: 'сертификат выдан',
    en: 'the certificate was issued',
  });
  return { ...moveCertificate(valid, 'closed'), closedOn: args.on, closeReason: args.reason };
}

const closeAgedOutArgs = z.object({ certificates: z.array(certificateSchema), on: isoDateSchema });

/**
 * Closes every open certificate whose child is 18 or older on `on` (age-out); returns new
 * certificates, the others unchanged.
 *
 * @example
 * ```ts
 * import { closeAgedOut, type Certificate } from '@eduset/core/financing';
 * declare const certificates: readonly Certificate[];
 * closeAgedOut(certificates, '2019-09-01').filter((c) => c.closeReason === 'age-out');
 * ```
 */
export function closeAgedOut(certificates: readonly Certificate[], on: string): Certificate[] {
  const args = checkArgs(closeAgedOutArgs, { certificates, on });
  return args.certificates.map((certificate, index) =>
    certificate.status !== 'closed' && ageOn(certificate.birthDate, args.on) >= AGE_OUT
      ? closeCertificate(certificate, args.on, 'age-out')
      : (certificates[index] as Certificate),
  );
}

const makeFundedArgs = z.object({
  certificate: certificateSchema,
  group: certificateGroupSchema,
  fundedCount: z.number().int().min(0),
});

/**
 * Makes a record certificate funded if its group still has funded places (`fundedCount` is
 * how many certificates of the group are funded already); otherwise throws
 * `FinancingLimitError('funded-places-exhausted')` — the child waits in the queue.
 *
 * @example
 * ```ts
 * import { makeFunded, type Certificate, type CertificateGroup } from '@eduset/core/financing';
 * declare const certificate: Certificate;
 * declare const group: CertificateGroup;
 * makeFunded(certificate, group, 10).kind; // 'funded' when 10 < group.fundedPlaces
 * ```
 */
export function makeFunded(
  certificate: Certificate,
  group: CertificateGroup,
  fundedCount: number,
): Certificate {
  checkArgs(makeFundedArgs, {
    certificate,
    group: JSON.parse(JSON.stringify(group)) as unknown,
    fundedCount,
  });
  if (certificate.kind === 'funded') return certificate;
  if (certificate.status !== 'active') throw new FinancingLimitError('certificate-not-active');
  if (fundedCount >= group.fundedPlaces) throw new FinancingLimitError('funded-places-exhausted');
  return { ...certificate, kind: 'funded' };
}

const assignArgs = z.object({ requests: z.array(z.string()), placesLeft: z.number().int() });

/**
 * Assigns a group's remaining funded places to requests in the order given: the first ones
 * become funded, the rest form the queue, in order.
 *
 * @example
 * ```ts
 * import { assignFundedPlaces } from '@eduset/core/financing';
 * assignFundedPlaces(['a', 'b', 'c'], 2); // { funded: ['a', 'b'], queue: ['c'] }
 * ```
 */
export function assignFundedPlaces(
  requests: readonly string[],
  placesLeft: number,
): { readonly funded: string[]; readonly queue: string[] } {
  checkArgs(assignArgs, { requests, placesLeft });
  const places = Math.max(0, placesLeft);
  return { funded: requests.slice(0, places), queue: requests.slice(places) };
}

const scaledNominalArgs = z.object({ period: financingPeriodSchema, joinedOn: isoDateSchema });

/**
 * The nominal for a child who joins mid-period, scaled by the days left (the joining day
 * included) and rounded down to the kopeck, so it never exceeds the full nominal.
 *
 * @example
 * ```ts
 * import { scaledNominal } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * scaledNominal(Money.of(36500), { id: '2017', start: '2017-01-01', end: '2017-12-31' }, '2017-07-02')
 *   .toString(); // '18300.00' (183 of 365 days)
 * ```
 */
export function scaledNominal(nominal: Money, period: FinancingPeriod, joinedOn: string): Money {
  checkMoney(nominal, 'nominal');
  checkArgs(scaledNominalArgs, { period, joinedOn });
  const periodDays = daysInclusive(period.start, period.end);
  if (dayNumber(joinedOn) <= dayNumber(period.start)) return nominal;
  if (dayNumber(joinedOn) > dayNumber(period.end)) return Money.zero();
  const daysLeft = daysInclusive(joinedOn, period.end);
  return floorToKopeck(nominal.multiply(daysLeft).divide(periodDays));
}

const hoursBalanceArgs = z.object({
  weeklyHoursCap: weeklyHoursSchema,
  enrolledWeeklyHours: z.array(weeklyHoursSchema),
});

/**
 * A balance stated in weekly teaching hours (regions that count hours instead of money):
 * the cap, the hours a week used by current enrolments and what is left,
 * `available = max(0, cap − Σ hours)`. Hours are added in whole hundredths, so 1.5 + 1.5 is
 * exactly 3. A negative, fractional-beyond-hundredths or non-numeric hour is refused with a
 * `ValidationError`.
 *
 * @example
 * ```ts
 * import { hoursBalance } from '@eduset/core/financing';
 * hoursBalance(6, [2, 2]); // { cap: 6, used: 4, available: 2 }
 * ```
 */
export function hoursBalance(
  weeklyHoursCap: number,
  enrolledWeeklyHours: readonly number[],
): { readonly cap: number; readonly used: number; readonly available: number } {
  checkArgs(hoursBalanceArgs, { weeklyHoursCap, enrolledWeeklyHours });
  const cap = hundredthsOf(weeklyHoursCap);
  const used = enrolledWeeklyHours.reduce((sum, hours) => sum + hundredthsOf(hours), 0);
  return { cap: cap / 100, used: used / 100, available: Math.max(0, cap - used) / 100 };
}

const childAgeArgs = z.object({ birthDate: isoDateSchema, on: isoDateSchema });

/**
 * The age of the child on a date, in whole years.
 *
 * @example
 * ```ts
 * import { childAge } from '@eduset/core/financing';
 * childAge('2010-05-17', '2018-05-16'); // 7
 * ```
 */
export function childAge(birthDate: string, on: string): number {
  const args = checkArgs(childAgeArgs, { birthDate, on });
  if (dayNumber(args.on) < dayNumber(args.birthDate)) {
    invalid(['on'], 'too_early', {
      ru: `Дата ${args.on} раньше даты рождения ${args.birthDate}`,
      en: `The date ${args.on} is before the birth date ${args.birthDate}`,
    });
  }
  return ageOn(args.birthDate, args.on);
}
