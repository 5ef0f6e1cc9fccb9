import { Money, parse, type LocalizedText } from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { floorToKopeck, nonNegativeMoneySchema } from './amounts.js';
import { ageOn, dayNumber, daysInclusive } from './calendar.js';
import { FinancingLimitError } from './limits.js';

/**
 * The two kinds of certificate: a `record` certificate (сертификат учёта) counts
 * enrolments in budget and other free programmes; a `funded` certificate (сертификат ПФ)
 * pays for certified programmes.
 *
 * @example
 * ```ts
 * import { certificateKindSchema } from '@eduset/core/financing';
 * certificateKindSchema.parse('funded');
 * ```
 */
export const certificateKindSchema = z.enum(['record', 'funded']);

/** A certificate kind. @example `const kind: CertificateKind = 'record';` */
export type CertificateKind = z.infer<typeof certificateKindSchema>;

/**
 * The states of a certificate: `issued → active ⇄ suspended`, and any of them `→ closed`
 * (the child aged out, moved away, or another reason).
 *
 * @example
 * ```ts
 * import { certificateStatuses } from '@eduset/core/financing';
 * certificateStatuses[0]; // 'issued'
 * ```
 */
export const certificateStatuses = ['issued', 'active', 'suspended', 'closed'] as const;

/**
 * Schema of a certificate status.
 *
 * @example
 * ```ts
 * import { certificateStatusSchema } from '@eduset/core/financing';
 * certificateStatusSchema.parse('active');
 * ```
 */
export const certificateStatusSchema = z.enum(certificateStatuses);

/** A certificate status. @example `const status: CertificateStatus = 'active';` */
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/**
 * Names of the certificate statuses in Russian and English.
 *
 * @example
 * ```ts
 * import { certificateStatusLabels } from '@eduset/core/financing';
 * certificateStatusLabels.suspended.ru; // 'приостановлен'
 * ```
 */
export const certificateStatusLabels: Readonly<Record<CertificateStatus, LocalizedText>> = {
  issued: { ru: 'выдан', en: 'issued' },
  active: { ru: 'активирован', en: 'active' },
  suspended: { ru: 'приостановлен', en: 'suspended' },
  closed: { ru: 'закрыт', en: 'closed' },
};

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
 * teaching hours in regions that count hours (with `weeklyHours` the cap).
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
export const certificateGroupSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  period: financingPeriodSchema,
  nominal: nonNegativeMoneySchema,
  fundedPlaces: z.number().int().min(0),
  unit: z.enum(['money', 'weekly-hours']).default('money'),
  weeklyHours: z.number().positive().optional(),
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
  activatedOn: isoDateSchema.optional(),
  closedOn: isoDateSchema.optional(),
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
  return { ...moveCertificate(certificate, 'active'), activatedOn: isoDateSchema.parse(on) };
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
  return moveCertificate(certificate, 'suspended');
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
  return moveCertificate(certificate, 'active');
}

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
  return {
    ...moveCertificate(certificate, 'closed'),
    closedOn: isoDateSchema.parse(on),
    closeReason: reason,
  };
}

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
  return certificates.map((certificate) =>
    certificate.status !== 'closed' && ageOn(certificate.birthDate, on) >= AGE_OUT
      ? closeCertificate(certificate, on, 'age-out')
      : certificate,
  );
}

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
  if (certificate.kind === 'funded') return certificate;
  if (certificate.status !== 'active') throw new FinancingLimitError('certificate-not-active');
  if (fundedCount >= group.fundedPlaces) throw new FinancingLimitError('funded-places-exhausted');
  return { ...certificate, kind: 'funded' };
}

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
  const places = Math.max(0, placesLeft);
  return { funded: requests.slice(0, places), queue: requests.slice(places) };
}

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
  const periodDays = daysInclusive(period.start, period.end);
  if (dayNumber(joinedOn) <= dayNumber(period.start)) return nominal;
  if (dayNumber(joinedOn) > dayNumber(period.end)) return Money.zero();
  const daysLeft = daysInclusive(joinedOn, period.end);
  return floorToKopeck(nominal.multiply(daysLeft).divide(periodDays));
}

/**
 * A balance stated in weekly teaching hours (regions that count hours instead of money):
 * the cap, the hours a week used by current enrolments and what is left.
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
  // Hours are counted in hundredths so that 1.5 + 1.5 stays exact.
  const used = enrolledWeeklyHours.reduce((sum, hours) => sum + Math.round(hours * 100), 0) / 100;
  return {
    cap: weeklyHoursCap,
    used,
    available: Math.max(0, Math.round((weeklyHoursCap - used) * 100) / 100),
  };
}

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
  return ageOn(birthDate, on);
}
