import { Money, type LocalizedText } from '../../common/index.js';
import { minMoney } from '../amounts.js';
import { dayNumber, daysInclusive } from '../calendar.js';
import type { Contract } from '../contract.js';
import type { LedgerEntry } from '../ledger.js';
import type { FundingKind } from '../programme.js';
import { proRataPrice } from './preview.js';
import { balanceCapReason, normativeCapReason, proRataReason } from './reasons.js';
import { formatCivilDate, formatMonth } from './words.js';

/**
 * What {@link explainContract} needs besides the contract: the programme's funding kind, the
 * group's dates, the module's price for the whole group period, and the certificate's part
 * reserved when the request was made (the ledger's `reserve` movement; zero or absent when
 * none was).
 *
 * @example
 * ```ts
 * import type { ContractContext } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * const context: ContractContext = {
 *   fundingKind: 'funded', groupStart: '2026-09-01', groupEnd: '2027-05-31',
 *   price: Money.of('4418'), reserved: Money.of('3867.84'),
 * };
 * ```
 */
export interface ContractContext {
  readonly fundingKind: FundingKind;
  readonly groupStart: string;
  readonly groupEnd: string;
  readonly price?: Money;
  readonly reserved?: Money;
}

function released(contract: Contract, context: ContractContext): Money {
  const reserved = context.reserved ?? Money.zero();
  const left = reserved.subtract(contract.certificate);
  return left.isNegative() ? Money.zero() : left;
}

/**
 * Why the amounts of a contract are what they are, in people's words (Russian and English),
 * for the family's cabinet: the pro-rata price of a programme joined after it started, the
 * certificate's part cut by the normative cost or by what was left on it, a termination
 * (the month it was ended in is paid in full, the later months are not), a withdrawn,
 * refused or lapsed request. Empty when nothing was cut.
 *
 * @example
 * ```ts
 * import { explainContract, type Contract, type ContractContext } from '@eduset/core/financing';
 * declare const contract: Contract;
 * declare const context: ContractContext;
 * explainContract(contract, context).map((reason) => reason.ru);
 * ```
 */
export function explainContract(contract: Contract, context: ContractContext): LocalizedText[] {
  const reasons: LocalizedText[] = [];
  const terminated =
    contract.status === 'closed' &&
    (contract.closedBy === 'family' || contract.closedBy === 'provider');
  // The end the contract had before a termination moved it: the group's end.
  const end =
    terminated && dayNumber(context.groupEnd) > dayNumber(contract.end)
      ? context.groupEnd
      : contract.end;
  const days = daysInclusive(contract.start, end);
  const groupDays = daysInclusive(context.groupStart, context.groupEnd);
  const price = context.fundingKind === 'budget' ? Money.zero() : (context.price ?? Money.zero());
  const all = terminated ? proRataPrice(price, days, groupDays) : contract.all;
  if (days < groupDays && !price.isZero()) {
    reasons.push(
      proRataReason({
        groupStart: context.groupStart,
        groupEnd: context.groupEnd,
        start: contract.start,
        days,
        groupDays,
        fullPrice: price,
        all,
      }),
    );
  }
  if (context.fundingKind === 'funded') {
    const certificate = context.reserved ?? (terminated ? undefined : contract.certificate);
    const ceiling = minMoney(all, contract.normative);
    if (certificate !== undefined && certificate.compare(ceiling) < 0) {
      reasons.push(balanceCapReason(certificate, all.subtract(certificate)));
    } else if (contract.normative.compare(all) < 0) {
      reasons.push(normativeCapReason(contract.normative, all.subtract(contract.normative)));
    }
  }
  const on = contract.closedOn;
  if (terminated) {
    const back = released(contract, context);
    const month = contract.paidInFull ?? contract.end.slice(0, 7);
    const by = contract.closedBy === 'family';
    reasons.push({
      ru:
        `Договор расторгнут ${by ? 'семьёй' : 'организацией'}: последний месяц — ${formatMonth(month, 'ru')}, он оплачивается полностью; следующие месяцы не оплачиваются` +
        (back.isZero() ? '.' : `, ${back.format('ru')} вернулись на сертификат.`),
      en:
        `The contract was ended by ${by ? 'the family' : 'the provider'}: the last month is ${formatMonth(month, 'en')}, paid in full; later months are not paid` +
        (back.isZero() ? '.' : `, and ${back.format('en')} went back to the certificate.`),
    });
  } else if (contract.status === 'refused' && on !== undefined) {
    reasons.push(
      contract.closedBy === 'family'
        ? {
            ru: `Вы отозвали заявку ${formatCivilDate(on, 'ru')}; резерв сертификата снят.`,
            en: `You withdrew the request on ${formatCivilDate(on, 'en')}; the certificate's reserve was released.`,
          }
        : {
            ru: `Организация отказала в записи ${formatCivilDate(on, 'ru')}; резерв сертификата снят.`,
            en: `The provider declined the request on ${formatCivilDate(on, 'en')}; the certificate's reserve was released.`,
          },
    );
  } else if (contract.status === 'lapsed') {
    reasons.push({
      ru: 'Организация не подтвердила заявку в срок; резерв сертификата снят.',
      en: "The provider did not confirm the request in time; the certificate's reserve was released.",
    });
  }
  return reasons;
}

/**
 * One month of a contract as the family sees it: what the schedule says the certificate and
 * the family pay, what the payer has paid the provider from the certificate so far (debits
 * less refunds), what went back to the certificate at the settlement, and why, when less
 * than scheduled was paid.
 *
 * @example
 * ```ts
 * import type { MonthPayment } from '@eduset/core/financing';
 * declare const month: MonthPayment;
 * month.paid.format('ru');
 * ```
 */
export interface MonthPayment {
  readonly month: string;
  readonly certificate: Money;
  readonly family: Money;
  readonly paid: Money;
  readonly returned: Money;
  /** The month's settlement has been made (more than the advance moved). */
  readonly settled: boolean;
  readonly note?: LocalizedText;
}

/**
 * The months of a contract with what was paid in each, from the ledger movements of the
 * contract (other contracts' movements are ignored).
 *
 * @example
 * ```ts
 * import { monthPayments, type Contract, type LedgerEntry } from '@eduset/core/financing';
 * declare const contract: Contract;
 * declare const entries: readonly LedgerEntry[];
 * monthPayments(contract, entries).map((month) => month.paid.toString());
 * ```
 */
export function monthPayments(contract: Contract, entries: readonly LedgerEntry[]): MonthPayment[] {
  const own = entries.filter((entry) => entry.contractId === contract.id && entry.month);
  return contract.schedule.map((scheduled) => {
    const ofMonth = own.filter((entry) => entry.month === scheduled.month);
    const sum = (kind: LedgerEntry['kind']) =>
      Money.sum(ofMonth.filter((entry) => entry.kind === kind).map((entry) => entry.amount));
    const paid = sum('debit').subtract(sum('refund'));
    const returned = sum('release');
    const settled = ofMonth.some((entry) => !entry.id.startsWith('debit:advance:'));
    const cut = settled && paid.compare(scheduled.certificate) < 0;
    const name = (lang: 'ru' | 'en') => formatMonth(scheduled.month, lang);
    return {
      month: scheduled.month,
      certificate: scheduled.certificate,
      family: scheduled.family,
      paid,
      returned,
      settled,
      ...(cut
        ? {
            note: {
              ru: `${name('ru')}: оплачено по фактически проведённым занятиям — ${paid.format('ru')} из ${scheduled.certificate.format('ru')}; ${returned.format('ru')} вернулись на сертификат.`,
              en: `${name('en')}: paid for the classes actually held — ${paid.format('en')} of ${scheduled.certificate.format('en')}; ${returned.format('en')} went back to the certificate.`,
            },
          }
        : {}),
    };
  });
}
