import { ConflictError, Money, type LocalizedText } from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { ageOn, dayNumber } from './calendar.js';
import {
  activateCertificate,
  certificateStatusLabels,
  closeCertificate,
  issueCertificate,
  makeFunded,
  resumeCertificate,
  scaledNominal,
  suspendCertificate,
  type Certificate,
  type CertificateGroup,
  type CertificateKind,
} from './certificate.js';
import { rolloverEntries, type Balance, type LedgerEntry } from './ledger.js';
import { FinancingLimitError } from './limits.js';

/**
 * Why the operator's registry refused a step (beyond the financing limits of
 * {@link FinancingLimitError}); each reason has a Russian and an English message in
 * {@link registryRefusalMessages}:
 *
 * - `has-reserve` — a funded certificate holds money reserved for contracts: it cannot go
 *   back to record until those contracts end or are refused;
 * - `period-over` — the certificate group's period has ended: nothing is issued into it;
 * - `period-not-later` — a certificate moves only to a group of a later period;
 * - `move-outside-period` — a move happens on a day inside the new period (after the old one
 *   ended, when its unspent balance lapses);
 * - `certificate-closed` — a closed certificate does not move;
 * - `child-has-certificate` — the child already holds an open certificate;
 * - `number-taken` — another certificate has this number;
 * - `version-moved` — the parameters changed since the version the change was based on;
 * - `limit-below-enrolments` — a direction limit below the enrolments already counted.
 *
 * @example
 * ```ts
 * import type { RegistryRefusal } from '@eduset/core/financing';
 * const reason: RegistryRefusal = 'has-reserve';
 * ```
 */
export type RegistryRefusal =
  | 'has-reserve'
  | 'period-over'
  | 'period-not-later'
  | 'move-outside-period'
  | 'certificate-closed'
  | 'child-has-certificate'
  | 'number-taken'
  | 'version-moved'
  | 'limit-below-enrolments';

/**
 * The Russian and English message of each {@link RegistryRefusal}.
 *
 * @example
 * ```ts
 * import { registryRefusalMessages } from '@eduset/core/financing';
 * registryRefusalMessages['has-reserve'].en;
 * ```
 */
export const registryRefusalMessages: Readonly<Record<RegistryRefusal, LocalizedText>> = {
  'has-reserve': {
    ru: 'На сертификате зарезервированы деньги по договорам: вернуть его в сертификат учёта можно, когда договоры закончатся или будут отклонены',
    en: 'Money on the certificate is reserved for contracts: it can go back to a record certificate once those contracts end or are refused',
  },
  'period-over': {
    ru: 'Период финансирования этой группы сертификатов закончился',
    en: "This certificate group's financing period has ended",
  },
  'period-not-later': {
    ru: 'Сертификат переводится только в группу более позднего периода',
    en: 'A certificate moves only to a group of a later period',
  },
  'move-outside-period': {
    ru: 'Перевести сертификат можно в дни нового периода, когда старый уже закончился',
    en: 'A certificate moves on a day of the new period, once the old one has ended',
  },
  'certificate-closed': {
    ru: 'Сертификат закрыт',
    en: 'The certificate is closed',
  },
  'child-has-certificate': {
    ru: 'У ребёнка уже есть действующий сертификат',
    en: 'The child already holds an open certificate',
  },
  'number-taken': {
    ru: 'Этот номер уже у другого сертификата',
    en: 'Another certificate has this number',
  },
  'version-moved': {
    ru: 'Параметры уже изменил кто-то другой: обновите страницу и внесите изменение снова',
    en: 'Someone else has changed the parameters meanwhile: reload and make the change again',
  },
  'limit-below-enrolments': {
    ru: 'Лимит меньше числа уже зачисленных детей',
    en: 'The limit is below the enrolments already counted',
  },
};

/**
 * A refusal of the operator's registry: a {@link ConflictError} (HTTP 409 on the server) whose
 * `reason` is a {@link RegistryRefusal}, with a Russian and an English message.
 *
 * @example
 * ```ts
 * import { RegistryError } from '@eduset/core/financing';
 * const error = new RegistryError('has-reserve');
 * error.reason; // 'has-reserve'
 * error.text.ru.startsWith('На сертификате'); // true
 * ```
 */
export class RegistryError extends ConflictError {
  /** Which rule refused. */
  declare readonly reason: RegistryRefusal;

  constructor(reason: RegistryRefusal, detail?: LocalizedText) {
    const base = registryRefusalMessages[reason];
    super(
      reason,
      detail
        ? { ru: `${base.ru}: ${detail.ru}`, en: `${base.en}: ${detail.en}` }
        : { ru: base.ru, en: base.en },
    );
    this.name = 'RegistryError';
  }
}

/**
 * Tells whether an error is a {@link RegistryError}, optionally of one reason.
 *
 * @example
 * ```ts
 * import { RegistryError, isRegistryError } from '@eduset/core/financing';
 * isRegistryError(new RegistryError('period-over'), 'period-over'); // true
 * ```
 */
export function isRegistryError(value: unknown, reason?: RegistryRefusal): value is RegistryError {
  if (!(value instanceof RegistryError)) return false;
  return reason === undefined || value.reason === reason;
}

/** The ledger id of the nominal issued to a certificate for a period (the rollover's too). */
function issueId(certificateId: string, period: string): string {
  return `issue:${certificateId}:${period}`;
}

/**
 * What issuing a certificate does: the certificate (a record certificate, status `issued`,
 * from core's {@link issueCertificate}) and the ledger movement that credits its group's
 * nominal for the period — scaled by the days left when the child joins mid-period
 * ({@link scaledNominal}), with the deterministic id `issue:<certificate>:<period>`, so
 * storing the issue twice credits once.
 *
 * @example
 * ```ts
 * import type { CertificateIssue } from '@eduset/core/financing';
 * declare const issue: CertificateIssue;
 * issue.nominal.toString();
 * ```
 */
export interface CertificateIssue {
  readonly certificate: Certificate;
  readonly nominal: Money;
  readonly entries: readonly LedgerEntry[];
}

/**
 * Plans the issue of a certificate into a group on a day: refuses a child outside 5–17
 * (`FinancingLimitError('age-out-of-range')`), a group whose period has ended
 * (`RegistryError('period-over')`) and invalid input (`ValidationError`). The nominal is
 * credited whatever the kind: a record certificate cannot spend it until it becomes funded.
 *
 * @example
 * ```ts
 * import { planCertificateIssue, certificateGroupSchema } from '@eduset/core/financing';
 * const group = certificateGroupSchema.parse({
 *   id: 'g', name: 'Дети 5–18 лет', nominal: '36500', fundedPlaces: 10,
 *   period: { id: '2017', start: '2017-01-01', end: '2017-12-31' },
 * });
 * const issue = planCertificateIssue(
 *   { id: 'c1', number: '6800000001', birthDate: '2010-05-17', group }, '2017-07-02',
 * );
 * issue.nominal.toString(); // '18300.00' (183 of 365 days)
 * issue.entries[0]?.id; // 'issue:c1:2017'
 * ```
 */
export function planCertificateIssue(
  input: {
    readonly id: string;
    readonly number: string;
    readonly birthDate: string;
    readonly group: CertificateGroup;
    readonly childId?: string;
  },
  on: string,
): CertificateIssue {
  const { group } = input;
  const certificate = issueCertificate(
    {
      id: input.id,
      number: input.number,
      birthDate: input.birthDate,
      groupId: group.id,
      ...(input.childId === undefined ? {} : { childId: input.childId }),
    },
    on,
  );
  if (dayNumber(certificate.issuedOn) > dayNumber(group.period.end)) {
    throw new RegistryError('period-over', {
      ru: `период ${group.period.id} закончился ${group.period.end}`,
      en: `period ${group.period.id} ended on ${group.period.end}`,
    });
  }
  const nominal = scaledNominal(group.nominal, group.period, certificate.issuedOn);
  const entries: LedgerEntry[] = nominal.isZero()
    ? []
    : [
        {
          id: issueId(certificate.id, group.period.id),
          certificateId: certificate.id,
          period: group.period.id,
          kind: 'issue',
          amount: nominal,
        },
      ];
  return { certificate, nominal, entries };
}

/**
 * A change of a certificate's status by the operator: `activate` (the family confirmed it),
 * `suspend`, `resume`, or `close` with the reason.
 *
 * @example
 * ```ts
 * import type { CertificateStatusChange } from '@eduset/core/financing';
 * const change: CertificateStatusChange = { action: 'close', on: '2027-06-01', reason: 'moved-away' };
 * ```
 */
export type CertificateStatusChange =
  | { readonly action: 'activate'; readonly on: string }
  | { readonly action: 'suspend' }
  | { readonly action: 'resume' }
  | {
      readonly action: 'close';
      readonly on: string;
      readonly reason: NonNullable<Certificate['closeReason']>;
    };

/**
 * Applies a status change with core's certificate functions ({@link activateCertificate},
 * {@link suspendCertificate}, {@link resumeCertificate}, {@link closeCertificate}); a change
 * the state machine does not allow throws `FinancingLimitError('invalid-transition')`.
 * No money moves: a suspended or closed certificate keeps the reserves of its live contracts
 * (they are paid until they end) and makes no new requests.
 *
 * @example
 * ```ts
 * import { changeCertificateStatus, type Certificate } from '@eduset/core/financing';
 * declare const issued: Certificate;
 * changeCertificateStatus(issued, { action: 'activate', on: '2026-09-02' }).status; // 'active'
 * ```
 */
export function changeCertificateStatus(
  certificate: Certificate,
  change: CertificateStatusChange,
): Certificate {
  switch (change.action) {
    case 'activate':
      if (certificate.status !== 'issued') {
        throw new FinancingLimitError('invalid-transition', {
          ru: `активировать можно только выданный сертификат (${certificateStatusLabels[certificate.status].ru})`,
          en: `only an issued certificate can be activated (${certificate.status})`,
        });
      }
      return activateCertificate(certificate, change.on);
    case 'suspend':
      return suspendCertificate(certificate);
    case 'resume':
      if (certificate.status !== 'suspended') {
        throw new FinancingLimitError('invalid-transition', {
          ru: `${certificateStatusLabels[certificate.status].ru} → ${certificateStatusLabels.active.ru}`,
          en: `${certificate.status} → active`,
        });
      }
      return resumeCertificate(certificate);
    case 'close':
      return closeCertificate(certificate, change.on, change.reason);
  }
}

/**
 * What a conversion does: the certificate with its new kind and how the group's count of
 * funded certificates changes (`+1` when a record certificate takes a funded place, `-1` when
 * a funded one gives it back, `0` when it already had the kind asked for).
 *
 * @example
 * ```ts
 * import type { CertificateConversion } from '@eduset/core/financing';
 * declare const conversion: CertificateConversion;
 * conversion.fundedDelta; // 1, -1 or 0
 * ```
 */
export interface CertificateConversion {
  readonly certificate: Certificate;
  readonly fundedDelta: -1 | 0 | 1;
}

/**
 * Converts a certificate between `record` and `funded`. **No money moves either way**: the
 * nominal was credited when the certificate was issued; the kind only decides whether it may
 * pay for funded programmes.
 *
 * - to `funded`: core's {@link makeFunded} — the certificate must be active and its group
 *   must have a funded place left (`fundedCount` are taken), or
 *   `FinancingLimitError('certificate-not-active' | 'funded-places-exhausted')`;
 * - to `record`: gives the funded place back, refused with `RegistryError('has-reserve')`
 *   while any money is reserved for its contracts (`reserved`, every period), so the family's
 *   reserved money always belongs to a funded certificate.
 *
 * Asking for the kind the certificate already has changes nothing (`fundedDelta` 0).
 *
 * @example
 * ```ts
 * import { convertCertificate, type Certificate, type CertificateGroup } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * declare const record: Certificate;
 * declare const group: CertificateGroup;
 * convertCertificate({ certificate: record, group, fundedCount: 3, reserved: Money.zero() }, 'funded')
 *   .fundedDelta; // 1 when the group has more than 3 funded places
 * ```
 */
export function convertCertificate(
  input: {
    readonly certificate: Certificate;
    readonly group: CertificateGroup;
    readonly fundedCount: number;
    readonly reserved: Money;
  },
  to: CertificateKind,
): CertificateConversion {
  const { certificate } = input;
  if (certificate.kind === to) return { certificate, fundedDelta: 0 };
  if (to === 'funded') {
    return {
      certificate: makeFunded(certificate, input.group, input.fundedCount),
      fundedDelta: 1,
    };
  }
  if (!input.reserved.isZero() && !input.reserved.isNegative()) {
    throw new RegistryError('has-reserve', {
      ru: `в резерве ${input.reserved.format('ru')}`,
      en: `${input.reserved.format('en')} reserved`,
    });
  }
  return { certificate: { ...certificate, kind: 'record' }, fundedDelta: -1 };
}

/**
 * What moving a certificate to a later period does: the certificate in its new group, the
 * ledger movements (the old period's unspent available balance lapses —
 * `lapse:<certificate>:<old period>` — and the new group's nominal, scaled by the days left,
 * is issued — `issue:<certificate>:<new period>`; deterministic ids, so a repeat posts
 * nothing), the amounts, and how the funded counts of the two groups change.
 *
 * @example
 * ```ts
 * import type { CertificateMove } from '@eduset/core/financing';
 * declare const move: CertificateMove;
 * move.lapsed.toString(); move.issued.toString();
 * ```
 */
export interface CertificateMove {
  readonly certificate: Certificate;
  readonly entries: readonly LedgerEntry[];
  readonly lapsed: Money;
  readonly issued: Money;
  /** `-1` when a funded certificate leaves its old group's funded places. */
  readonly fundedFrom: -1 | 0;
  /** `+1` when it takes a funded place in the new group. */
  readonly fundedTo: 0 | 1;
  /** Whether anything changes (`false`: the certificate is already in the new group). */
  readonly moved: boolean;
}

/**
 * Moves a certificate to a group of a later financing period (next year's group) on a day
 * inside the new period, with core's period rollover ({@link rolloverEntries}): the old
 * period's unspent available balance lapses (never cashed out), the new nominal is issued,
 * scaled by the days left from `on`. Money reserved in the old period stays there: the
 * contracts made in it are paid from it until they end. A funded certificate stays funded
 * when the new group has a funded place left (`toFundedCount` are taken) and becomes a record
 * certificate (the child is queued) when it has none.
 *
 * Refusals: a closed certificate (`RegistryError('certificate-closed')`), a group not of a
 * later period (`period-not-later`), a day outside the new period (`move-outside-period`),
 * a child 18 or older when the new period starts (`FinancingLimitError('age-out-of-range')`).
 * A certificate already in the new group gives `moved: false` and no movement.
 *
 * @example
 * ```ts
 * import { planCertificateMove, type Balance, type Certificate, type CertificateGroup } from '@eduset/core/financing';
 * declare const certificate: Certificate;
 * declare const from: CertificateGroup;
 * declare const to: CertificateGroup;
 * declare const balance: Balance;
 * const move = planCertificateMove({ certificate, from, balance, to, toFundedCount: 0 }, '2027-09-01');
 * move.entries.map((entry) => entry.kind); // ['lapse', 'issue']
 * ```
 */
export function planCertificateMove(
  input: {
    readonly certificate: Certificate;
    readonly from: CertificateGroup;
    readonly balance: Balance;
    readonly to: CertificateGroup;
    readonly toFundedCount: number;
  },
  on: string,
): CertificateMove {
  const { certificate, from, to, balance } = input;
  const day = isoDateSchema.parse(on);
  if (certificate.groupId === to.id) {
    return {
      certificate,
      entries: [],
      lapsed: Money.zero(),
      issued: Money.zero(),
      fundedFrom: 0,
      fundedTo: 0,
      moved: false,
    };
  }
  if (certificate.status === 'closed') throw new RegistryError('certificate-closed');
  if (dayNumber(to.period.start) <= dayNumber(from.period.end)) {
    throw new RegistryError('period-not-later', {
      ru: `период ${to.period.id} начинается ${to.period.start}, период ${from.period.id} заканчивается ${from.period.end}`,
      en: `period ${to.period.id} starts on ${to.period.start}, period ${from.period.id} ends on ${from.period.end}`,
    });
  }
  if (dayNumber(day) < dayNumber(to.period.start) || dayNumber(day) > dayNumber(to.period.end)) {
    throw new RegistryError('move-outside-period', {
      ru: `период ${to.period.id}: с ${to.period.start} по ${to.period.end}`,
      en: `period ${to.period.id}: ${to.period.start} to ${to.period.end}`,
    });
  }
  const age = ageOn(certificate.birthDate, to.period.start);
  if (age >= 18) {
    throw new FinancingLimitError('age-out-of-range', {
      ru: `к началу периода ребёнку ${String(age)} лет`,
      en: `the child is ${String(age)} when the period starts`,
    });
  }
  const nominal = scaledNominal(to.nominal, to.period, day);
  const entries = rolloverEntries({
    from: { ...balance, certificateId: certificate.id, period: from.period.id },
    nextPeriod: to.period.id,
    nextNominal: nominal,
  });
  const lapsed = Money.sum(
    entries.filter((entry) => entry.kind === 'lapse').map((entry) => entry.amount),
  );
  const wasFunded = certificate.kind === 'funded';
  const staysFunded = wasFunded && input.toFundedCount < to.fundedPlaces;
  return {
    certificate: { ...certificate, groupId: to.id, kind: staysFunded ? 'funded' : 'record' },
    entries,
    lapsed,
    issued: nominal,
    fundedFrom: wasFunded ? -1 : 0,
    fundedTo: staysFunded ? 1 : 0,
    moved: true,
  };
}

/**
 * The age of a child on a day, for the registry's list (the birth date itself stays with the
 * holder's data).
 *
 * @example
 * ```ts
 * import { registryAge } from '@eduset/core/financing';
 * registryAge('2016-04-12', '2026-09-01'); // 10
 * ```
 */
export function registryAge(birthDate: string, on: string): number {
  return ageOn(birthDate, on);
}

/**
 * The key that tells two holders are the same child: the name (trimmed, spaces collapsed,
 * lower case, ё as е) and the birth date. A child holds at most one open certificate.
 *
 * @example
 * ```ts
 * import { childKey } from '@eduset/core/financing';
 * childKey(' Пётр  Иванов ', '2015-03-01'); // 'петр иванов|2015-03-01'
 * ```
 */
export function childKey(childName: string, birthDate: string): string {
  const name = childName.trim().replace(/\s+/g, ' ').toLowerCase().replaceAll('ё', 'е');
  return `${name}|${birthDate}`;
}
