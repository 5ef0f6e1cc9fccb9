import { Money, pluralRu, type LocalizedText } from '../../common/index.js';
import { isoDateSchema, type IsoDate } from '../../common/iso-date.js';
import { ceilToKopeck, minMoney } from '../amounts.js';
import { dayNumber, daysInclusive } from '../calendar.js';
import { computeContractAmounts } from '../contract-amounts.js';
import type { FundingKind, Programme } from '../programme.js';
import { formatCivilDate } from './words.js';

/**
 * What {@link previewEnrolment} needs: the programme (and optionally its module and group —
 * the first ones by default, as an enrolment request takes them), the day the request would
 * be made and the certificate's available balance (left out when it is not known yet: the
 * preview then says the most the certificate could pay).
 *
 * @example
 * ```ts
 * import type { EnrolmentPreviewInput, Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * const input: EnrolmentPreviewInput = { programme, today: '2026-10-05' };
 * ```
 */
export interface EnrolmentPreviewInput {
  readonly programme: Programme;
  readonly today: string;
  readonly available?: Money;
  readonly moduleId?: string;
  readonly groupId?: string;
}

/**
 * What enrolling today would cost, exactly as {@link requestEnrolment} will compute it: the
 * contract's days (from today or the group's start, whichever is later, to the group's end),
 * the price for the whole group period and for these days (`proRata` when they are fewer),
 * the certificate's part and the family's part, and the reasons — in people's words — when an
 * amount is cut (a programme that has started is paid pro rata; the certificate pays at most
 * the normative cost and what is left on it).
 *
 * @example
 * ```ts
 * import type { EnrolmentPreview } from '@eduset/core/financing';
 * declare const preview: EnrolmentPreview;
 * preview.family.format('ru');
 * ```
 */
export interface EnrolmentPreview {
  readonly fundingKind: FundingKind;
  readonly moduleId: string;
  readonly groupId: string;
  readonly groupStart: IsoDate;
  readonly groupEnd: IsoDate;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
  readonly groupDays: number;
  /** The contract covers fewer days than the group's period: it is paid pro rata. */
  readonly proRata: boolean;
  /** The module's price for the whole group period (zero for a budget programme). */
  readonly fullPrice: Money;
  readonly all: Money;
  readonly normative: Money;
  readonly certificate: Money;
  readonly family: Money;
  /** The balance was not known: `certificate` is the most the certificate could pay. */
  readonly upTo: boolean;
  /** Why an amount is less than the full price, in Russian and English. */
  readonly reasons: readonly LocalizedText[];
}

const dayWords = { one: 'день', few: 'дня', many: 'дней' } as const;

/**
 * The reason a contract costs less than the group's full price: it covers `days` of the
 * group's `groupDays` (the programme had started), with the computation written out.
 *
 * @example
 * ```ts
 * import { proRataReason } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * proRataReason({
 *   groupStart: '2026-09-01', groupEnd: '2027-05-31', start: '2026-10-05',
 *   days: 239, groupDays: 273, fullPrice: Money.of('4418'), all: Money.of('3867.84'),
 * }).ru;
 * ```
 */
export function proRataReason(input: {
  readonly groupStart: string;
  readonly groupEnd: string;
  readonly start: string;
  readonly days: number;
  readonly groupDays: number;
  readonly fullPrice: Money;
  readonly all: Money;
}): LocalizedText {
  const { days, groupDays, fullPrice, all } = input;
  const d = (date: string, lang: 'ru' | 'en') => formatCivilDate(date, lang);
  const started = dayNumber(input.start) > dayNumber(input.groupStart);
  return {
    ru:
      (started
        ? `Программа уже идёт: занятия группы с ${d(input.groupStart, 'ru')} по ${d(input.groupEnd, 'ru')}, а договор — с ${d(input.start, 'ru')}. `
        : `Договор короче периода занятий группы (с ${d(input.groupStart, 'ru')} по ${d(input.groupEnd, 'ru')}). `) +
      `Оплачиваются только дни договора — ${days} ${pluralRu(days, dayWords)} из ${groupDays}: ` +
      `${fullPrice.format('ru')} × ${days} / ${groupDays} = ${all.format('ru')}.`,
    en:
      (started
        ? `The programme has already started: the group meets from ${d(input.groupStart, 'en')} to ${d(input.groupEnd, 'en')}, and the contract starts on ${d(input.start, 'en')}. `
        : `The contract is shorter than the group's period (${d(input.groupStart, 'en')} to ${d(input.groupEnd, 'en')}). `) +
      `Only the contract's days are paid — ${days} of ${groupDays}: ` +
      `${fullPrice.format('en')} × ${days} / ${groupDays} = ${all.format('en')}.`,
  };
}

/**
 * The reason the certificate pays less than the price: at most the normative cost for the
 * contract's days, the family paying the difference.
 *
 * @example
 * ```ts
 * import { normativeCapReason } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * normativeCapReason(Money.of('8000'), Money.of('2000')).en;
 * ```
 */
export function normativeCapReason(normative: Money, difference: Money): LocalizedText {
  return {
    ru: `Сертификат оплачивает не больше нормативной стоимости — ${normative.format('ru')} за эти дни; разницу с ценой (${difference.format('ru')}) доплачивает семья.`,
    en: `The certificate pays at most the normative cost — ${normative.format('en')} for these days; the family pays the difference from the price (${difference.format('en')}).`,
  };
}

/**
 * The reason the certificate pays less than the price and the normative cost: that much was
 * left on it.
 *
 * @example
 * ```ts
 * import { balanceCapReason } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * balanceCapReason(Money.of('4000'), Money.of('1250')).ru;
 * ```
 */
export function balanceCapReason(available: Money, family: Money): LocalizedText {
  return {
    ru: `На сертификате было доступно ${available.format('ru')} — столько он и оплачивает; остальное (${family.format('ru')}) доплачивает семья.`,
    en: `The certificate had ${available.format('en')} available — that is what it pays; the family pays the rest (${family.format('en')}).`,
  };
}

/**
 * What enrolling in a programme today would cost (see {@link EnrolmentPreview}), computed by
 * the same rules and in the same order as {@link requestEnrolment}: the contract starts on
 * the later of today and the group's start and ends with the group; budget programmes cost
 * nothing, paid ones are paid by the family, funded ones split by
 * `min(all, normative, available)`. `undefined` when the module or group does not exist or
 * the group has already ended.
 *
 * @example
 * ```ts
 * import { previewEnrolment, type Programme } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * declare const programme: Programme;
 * const preview = previewEnrolment({ programme, today: '2026-10-05', available: Money.of(15000) });
 * preview?.proRata; // true when the group started before 5 October
 * ```
 */
export function previewEnrolment(input: EnrolmentPreviewInput): EnrolmentPreview | undefined {
  const { programme } = input;
  const module =
    input.moduleId === undefined
      ? programme.modules[0]
      : programme.modules.find((candidate) => candidate.id === input.moduleId);
  const group =
    input.groupId === undefined
      ? module?.groups[0]
      : module?.groups.find((candidate) => candidate.id === input.groupId);
  if (!module || !group) return undefined;
  const today = isoDateSchema.parse(input.today);
  if (dayNumber(today) > dayNumber(group.end)) return undefined;
  const start = dayNumber(group.start) >= dayNumber(today) ? group.start : today;
  const kind = programme.fundingKind;
  const price = kind === 'budget' ? Money.zero() : (module.price ?? Money.zero());
  const funded = kind === 'funded';
  const normativeCost = funded ? (module.normativeCost ?? price) : Money.zero();
  const upTo = funded && input.available === undefined;
  const available = funded ? (input.available ?? normativeCost) : Money.zero();
  const amounts = computeContractAmounts({
    start,
    end: group.end,
    groupStart: group.start,
    groupEnd: group.end,
    price: price.toString(),
    normativeCost: normativeCost.toString(),
    available: available.toString(),
  });
  const reasons: LocalizedText[] = [];
  const proRata = amounts.days < amounts.groupDays;
  if (proRata && !price.isZero()) {
    reasons.push(
      proRataReason({
        groupStart: group.start,
        groupEnd: group.end,
        start: amounts.start,
        days: amounts.days,
        groupDays: amounts.groupDays,
        fullPrice: price,
        all: amounts.all,
      }),
    );
  }
  if (funded && !upTo) {
    const ceiling = minMoney(amounts.all, amounts.normative);
    if (amounts.certificate.compare(ceiling) < 0) {
      reasons.push(balanceCapReason(amounts.certificate, amounts.family));
    } else if (amounts.normative.compare(amounts.all) < 0) {
      reasons.push(normativeCapReason(amounts.normative, amounts.all.subtract(amounts.normative)));
    }
  } else if (funded && amounts.normative.compare(amounts.all) < 0) {
    reasons.push(normativeCapReason(amounts.normative, amounts.all.subtract(amounts.normative)));
  }
  return {
    fundingKind: kind,
    moduleId: module.id,
    groupId: group.id,
    groupStart: group.start,
    groupEnd: group.end,
    start: amounts.start,
    end: amounts.end,
    days: amounts.days,
    groupDays: amounts.groupDays,
    proRata,
    fullPrice: price,
    all: amounts.all,
    normative: amounts.normative,
    certificate: amounts.certificate,
    family: amounts.family,
    upTo,
    reasons,
  };
}

/**
 * The price of `days` of a group period of `groupDays` days, as a contract computes it:
 * `ceil2(price × days / groupDays)`.
 *
 * @example
 * ```ts
 * import { proRataPrice } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * proRataPrice(Money.of('4418'), 239, 273).toString(); // '3867.84'
 * ```
 */
export function proRataPrice(price: Money, days: number, groupDays: number): Money {
  return ceilToKopeck(price.multiply(days).divide(groupDays));
}

/**
 * Calendar days from `start` to `end`, both included.
 *
 * @example
 * ```ts
 * import { civilDaysInclusive } from '@eduset/core/financing';
 * civilDaysInclusive('2026-09-01', '2027-05-31'); // 273
 * ```
 */
export function civilDaysInclusive(start: string, end: string): number {
  return daysInclusive(start, end);
}
