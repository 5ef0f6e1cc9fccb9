import { pluralRu, type LocalizedText, type Money } from '../../common/index.js';
import { minMoney } from '../amounts.js';
import { dayNumber } from '../calendar.js';
import type { EnrolmentPreview } from './preview.js';
import { formatCivilDate } from './words.js';

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
 * Why enrolling today costs less than the full price, or why the certificate pays less than
 * the price, in people's words (see {@link EnrolmentPreview}): the pro-rata price of a
 * programme that has started, the certificate capped by the normative cost or by its balance.
 *
 * @example
 * ```ts
 * import { explainEnrolment, previewEnrolment, type Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * const preview = previewEnrolment({ programme, today: '2026-10-05' });
 * if (preview) explainEnrolment(preview).map((reason) => reason.ru);
 * ```
 */
export function explainEnrolment(preview: EnrolmentPreview): LocalizedText[] {
  const reasons: LocalizedText[] = [];
  if (preview.proRata && !preview.fullPrice.isZero()) {
    reasons.push(
      proRataReason({
        groupStart: preview.groupStart,
        groupEnd: preview.groupEnd,
        start: preview.start,
        days: preview.days,
        groupDays: preview.groupDays,
        fullPrice: preview.fullPrice,
        all: preview.all,
      }),
    );
  }
  if (preview.fundingKind !== 'funded') return reasons;
  const ceiling = minMoney(preview.all, preview.normative);
  if (!preview.upTo && preview.certificate.compare(ceiling) < 0) {
    reasons.push(balanceCapReason(preview.certificate, preview.family));
  } else if (preview.normative.compare(preview.all) < 0) {
    reasons.push(normativeCapReason(preview.normative, preview.all.subtract(preview.normative)));
  }
  return reasons;
}
