import { Money, type Lang, type LocalizedText } from '../../common/index.js';
import { maxMoney } from '../amounts.js';
import { advanceEntries, billingEntryIds, settlementEntries } from '../billing.js';
import { dayNumber, daysInclusive } from '../calendar.js';
import type { Contract } from '../contract.js';
import type { LedgerEntry } from '../ledger.js';
import type { Programme } from '../programme.js';

/**
 * A correction of a paid or closed month, paid in a later month (its `targetMonth`): what
 * the contract's month was settled at, what it should have been, and the difference
 * (`amount`, signed: more for the provider when positive, back to the certificate when
 * negative).
 *
 * @example
 * ```ts
 * import type { SettlementAdjustment } from '@eduset/core/financing';
 * declare const adjustment: SettlementAdjustment;
 * adjustment.settledAfter.subtract(adjustment.settledBefore).equals(adjustment.amount); // true
 * ```
 */
export interface SettlementAdjustment {
  /** `<contract>:<month>:<n>`, the n-th correction of that contract's month. */
  readonly id: string;
  readonly contractId: string;
  readonly certificateId: string;
  readonly period: string;
  readonly providerId: string;
  /** The month corrected (`YYYY-MM`). */
  readonly month: string;
  /** The month the difference is paid in: the first open month after `month`. */
  readonly targetMonth: string;
  readonly completenessBefore: number;
  readonly completenessAfter: number;
  readonly settledBefore: Money;
  readonly settledAfter: Money;
  readonly amount: Money;
  readonly reason: string;
  /** `pending` until its target month is paid, then `applied`. */
  readonly status: 'pending' | 'applied';
}

/**
 * The ids of an adjustment's ledger movements: a `reserve` when the correction is made (for
 * a positive difference: the money is set aside at once), then a `debit` (positive) or a
 * `refund` (negative) when its target month is paid. Deterministic, so posting twice is a
 * no-op.
 *
 * @example
 * ```ts
 * import { adjustmentEntryIds } from '@eduset/core/financing';
 * adjustmentEntryIds('k1:2026-10:1').debit; // 'adjust:debit:k1:2026-10:1'
 * ```
 */
export function adjustmentEntryIds(adjustmentId: string): {
  readonly reserve: string;
  readonly debit: string;
  readonly refund: string;
} {
  return {
    reserve: `adjust:reserve:${adjustmentId}`,
    debit: `adjust:debit:${adjustmentId}`,
    refund: `adjust:refund:${adjustmentId}`,
  };
}

/**
 * The ledger movements of an adjustment: at `correction` time the reserve of a positive
 * difference, at `payment` time (its target month paid) the debit or the refund. Every
 * movement carries the target month, so the payment report of that month includes it.
 *
 * @example
 * ```ts
 * import { adjustmentEntries, type SettlementAdjustment } from '@eduset/core/financing';
 * declare const adjustment: SettlementAdjustment;
 * adjustmentEntries(adjustment, 'payment').map((entry) => entry.kind); // ['debit'] or ['refund']
 * ```
 */
export function adjustmentEntries(
  adjustment: SettlementAdjustment,
  phase: 'correction' | 'payment',
): LedgerEntry[] {
  const ids = adjustmentEntryIds(adjustment.id);
  const base = {
    certificateId: adjustment.certificateId,
    period: adjustment.period,
    contractId: adjustment.contractId,
    providerId: adjustment.providerId,
    month: adjustment.targetMonth,
  };
  const positive = !adjustment.amount.isNegative();
  if (adjustment.amount.isZero()) return [];
  if (phase === 'correction') {
    return positive
      ? [{ id: ids.reserve, kind: 'reserve', amount: adjustment.amount, ...base }]
      : [];
  }
  return positive
    ? [{ id: ids.debit, kind: 'debit', amount: adjustment.amount, ...base }]
    : [{ id: ids.refund, kind: 'refund', amount: adjustment.amount.multiply(-1), ...base }];
}

/**
 * What {@link planSettlement} needs: the month, the contracts (any status: only active and
 * closed ones are billed), the movements of the month already in the ledger, the pending
 * adjustments paid this month, the completeness the providers reported per contract (100 %
 * when absent) and the advance percent (80 by default).
 *
 * @example
 * ```ts
 * import type { SettlementPlanInput } from '@eduset/core/financing';
 * const input: SettlementPlanInput = { month: '2026-10', contracts: [], posted: [] };
 * ```
 */
export interface SettlementPlanInput {
  readonly month: string;
  readonly contracts: readonly Contract[];
  readonly posted: readonly LedgerEntry[];
  readonly adjustments?: readonly SettlementAdjustment[];
  readonly completeness?: Readonly<Record<string, number>>;
  readonly advancePercent?: number;
}

/**
 * The movements of a month's settlement, as core's billing makes them: the advance
 * (`advanceEntries`), then the settlement against that advance (`settlementEntries`: debit
 * beyond the advance, refund of an advance above the settled amount, release of the unused
 * reserve), then the pending adjustments paid this month. A movement already posted (an
 * advance paid at the start of the month) is taken from the ledger, not recomputed; a
 * contract whose settlement is already posted keeps it. `entries` is the whole month,
 * `toPost` what the ledger does not hold yet.
 *
 * @example
 * ```ts
 * import { planSettlement, type Contract } from '@eduset/core/financing';
 * declare const contracts: readonly Contract[];
 * const { toPost } = planSettlement({ month: '2026-10', contracts, posted: [] });
 * toPost.length;
 * ```
 */
export function planSettlement(input: SettlementPlanInput): {
  readonly entries: readonly LedgerEntry[];
  readonly toPost: readonly LedgerEntry[];
} {
  const { month, contracts } = input;
  const options = {
    ...(input.advancePercent === undefined ? {} : { advancePercent: input.advancePercent }),
    ...(input.completeness === undefined ? {} : { completeness: input.completeness }),
  };
  const posted = new Map(input.posted.map((entry) => [entry.id, entry]));
  const advances = advanceEntries(contracts, month, options).map(
    (entry) => posted.get(entry.id) ?? entry,
  );
  const ledger = {
    entries: [...input.posted, ...advances.filter((entry) => !posted.has(entry.id))],
    balances: new Map(),
  };
  const settledAlready = new Set<string>();
  for (const contract of contracts) {
    const ids = billingEntryIds(contract.id, month);
    if (posted.has(ids.settlement) || posted.has(ids.refund) || posted.has(ids.release))
      settledAlready.add(contract.id);
  }
  const settlement: LedgerEntry[] = [];
  for (const entry of settlementEntries(ledger, contracts, month, options)) {
    if (entry.contractId !== undefined && settledAlready.has(entry.contractId)) continue;
    settlement.push(entry);
  }
  for (const contractId of settledAlready) {
    const ids = billingEntryIds(contractId, month);
    for (const id of [ids.settlement, ids.refund, ids.release]) {
      const entry = posted.get(id);
      if (entry) settlement.push(entry);
    }
  }
  const adjustments = (input.adjustments ?? [])
    .filter((adjustment) => adjustment.targetMonth === month)
    .flatMap((adjustment) => adjustmentEntries(adjustment, 'payment'))
    .map((entry) => posted.get(entry.id) ?? entry);
  const entries = [...advances, ...settlement, ...adjustments];
  return { entries, toPost: entries.filter((entry) => !posted.has(entry.id)) };
}

/**
 * One step of the explanation of a contract's month: what it is, in Russian and English,
 * and the amount it gives.
 *
 * @example
 * ```ts
 * import type { SettlementStep } from '@eduset/core/financing';
 * declare const step: SettlementStep;
 * step.text.ru;
 * ```
 */
export interface SettlementStep {
  readonly kind:
    | 'contract'
    | 'termination'
    | 'pro-rata'
    | 'monthly'
    | 'advance'
    | 'completeness'
    | 'settlement'
    | 'refund'
    | 'release'
    | 'family'
    | 'adjustment'
    | 'payer';
  readonly text: LocalizedText;
  readonly amount?: Money;
}

/**
 * One contract's month in the settlement, with every amount and the steps that explain it:
 * the certificate's part of the month (`monthly`), the advance, the completeness and the
 * settled amount, the settlement beyond the advance or the refund of an advance above it,
 * the reserve released, the family's co-payment, the adjustments of earlier months paid now,
 * and what the payer transfers for it (`payer = advance + settlement − refunded +
 * adjustment`).
 *
 * @example
 * ```ts
 * import type { ContractSettlement } from '@eduset/core/financing';
 * declare const line: ContractSettlement;
 * line.steps.map((step) => step.text.ru).join('\n');
 * ```
 */
export interface ContractSettlement {
  readonly contractId: string;
  readonly certificateNumber: string;
  readonly programmeId: string;
  readonly programmeName: string;
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly monthly: Money;
  readonly family: Money;
  readonly advancePercent: number;
  readonly advance: Money;
  readonly completeness: number;
  readonly paidInFull: boolean;
  readonly settled: Money;
  readonly settlement: Money;
  readonly refunded: Money;
  readonly released: Money;
  readonly adjustment: Money;
  readonly payer: Money;
  readonly steps: readonly SettlementStep[];
}

/**
 * One provider's line of a month's settlement: the sums of its contracts' lines, and the
 * total it receives (`payer` from the payer, `family` from families directly).
 *
 * @example
 * ```ts
 * import type { ProviderSettlement } from '@eduset/core/financing';
 * declare const line: ProviderSettlement;
 * line.payer.add(line.family).equals(line.total); // true
 * ```
 */
export interface ProviderSettlement {
  readonly providerId: string;
  readonly providerName: string;
  readonly contracts: number;
  readonly advance: Money;
  readonly settlement: Money;
  readonly refunded: Money;
  readonly adjustment: Money;
  readonly payer: Money;
  readonly family: Money;
  readonly total: Money;
}

/**
 * The totals of a month's settlement over every provider.
 *
 * @example
 * ```ts
 * import type { SettlementTotals } from '@eduset/core/financing';
 * declare const totals: SettlementTotals;
 * totals.payer.toString();
 * ```
 */
export type SettlementTotals = Omit<ProviderSettlement, 'providerId' | 'providerName'>;

/**
 * What the explanation needs besides the movements: the registry's programmes (names, group
 * dates), the certificates' numbers and the providers' names. Never a family's contact.
 *
 * @example
 * ```ts
 * import type { SettlementNames } from '@eduset/core/financing';
 * const names: SettlementNames = { programmes: new Map(), certificateNumbers: new Map(), providerNames: new Map() };
 * ```
 */
export interface SettlementNames {
  readonly programmes: ReadonlyMap<string, Programme>;
  readonly certificateNumbers: ReadonlyMap<string, string>;
  readonly providerNames: ReadonlyMap<string, string>;
}

/**
 * What {@link explainSettlement} needs: the month, the contracts, every movement of the
 * month's settlement (planned or posted, from {@link planSettlement} or the ledger), the
 * adjustments paid this month, the completeness and advance percent used, and the names.
 *
 * @example
 * ```ts
 * import type { SettlementExplainInput } from '@eduset/core/financing';
 * declare const input: SettlementExplainInput;
 * input.entries.length;
 * ```
 */
export interface SettlementExplainInput {
  readonly month: string;
  readonly contracts: readonly Contract[];
  readonly entries: readonly LedgerEntry[];
  readonly adjustments?: readonly SettlementAdjustment[];
  readonly completeness?: Readonly<Record<string, number>>;
  readonly advancePercent?: number;
  readonly names: SettlementNames;
}

const monthNames: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A billing month in people's words: `октябрь 2026`, `October 2026`.
 *
 * @example
 * ```ts
 * import { formatBillingMonth } from '@eduset/core/financing';
 * formatBillingMonth('2026-10', 'ru'); // 'октябрь 2026'
 * formatBillingMonth('2026-10', 'en'); // 'October 2026'
 * ```
 */
export function formatBillingMonth(month: string, lang: Lang = 'ru'): string {
  const index = Number(month.slice(5, 7)) - 1;
  return `${monthNames[lang][index] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

function day(date: string, lang: Lang): string {
  return lang === 'ru' ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : date;
}

const money = (amount: Money, lang: Lang): string => amount.format(lang);

function both(make: (lang: Lang) => string): LocalizedText {
  return { ru: make('ru'), en: make('en') };
}

/** The amounts of one contract's movements of the month, by what they are. */
interface ContractSums {
  advance: Money;
  settlement: Money;
  refunded: Money;
  released: Money;
  adjustment: Money;
}

function emptySums(): ContractSums {
  const zero = Money.zero();
  return { advance: zero, settlement: zero, refunded: zero, released: zero, adjustment: zero };
}

/**
 * Adds one movement of a month to its contract's sums, classified the way core's
 * `paymentReport` classifies it (an advance is a debit whose id starts `debit:advance:`,
 * any other debit is settlement, a refund is refunded), adjustments apart.
 */
function addEntry(sums: ContractSums, entry: LedgerEntry): void {
  if (entry.id.startsWith('adjust:')) {
    if (entry.kind === 'debit') sums.adjustment = sums.adjustment.add(entry.amount);
    else if (entry.kind === 'refund') sums.adjustment = sums.adjustment.subtract(entry.amount);
    return;
  }
  if (entry.kind === 'debit' && entry.id.startsWith('debit:advance:'))
    sums.advance = sums.advance.add(entry.amount);
  else if (entry.kind === 'debit') sums.settlement = sums.settlement.add(entry.amount);
  else if (entry.kind === 'refund') sums.refunded = sums.refunded.add(entry.amount);
  else if (entry.kind === 'release') sums.released = sums.released.add(entry.amount);
}

function isBillable(contract: Contract): boolean {
  return contract.status === 'active' || contract.status === 'closed';
}

function groupOf(programme: Programme | undefined, contract: Contract) {
  const module = programme?.modules.find((candidate) => candidate.id === contract.moduleId);
  const group = module?.groups.find((candidate) => candidate.id === contract.groupId);
  return group;
}

/** The steps that say where the contract's month amount comes from. */
function contractSteps(
  contract: Contract,
  programme: Programme | undefined,
  month: string,
): SettlementStep[] {
  const steps: SettlementStep[] = [];
  const limitedByBalance =
    contract.certificate.compare(contract.all) < 0 &&
    contract.certificate.compare(contract.normative) < 0;
  steps.push({
    kind: 'contract',
    amount: contract.certificate,
    text: both((lang) =>
      lang === 'ru'
        ? `Договор с ${day(contract.start, lang)} по ${day(contract.end, lang)}: стоимость ${money(contract.all, lang)}, нормативные затраты ${money(contract.normative, lang)}. Сертификат оплачивает меньшее из стоимости, нормативных затрат и доступного остатка сертификата — ${money(contract.certificate, lang)}${limitedByBalance ? ' (ограничено остатком сертификата)' : ''}; семья — ${money(contract.family, lang)}.`
        : `Contract from ${day(contract.start, lang)} to ${day(contract.end, lang)}: price ${money(contract.all, lang)}, normative cost ${money(contract.normative, lang)}. The certificate pays the least of the price, the normative cost and the certificate's available balance — ${money(contract.certificate, lang)}${limitedByBalance ? ' (limited by the balance)' : ''}; the family pays ${money(contract.family, lang)}.`,
    ),
  });
  const terminated = contract.closedBy === 'family' || contract.closedBy === 'provider';
  if (terminated) {
    const by =
      contract.closedBy === 'family' ? ['семьёй', 'the family'] : ['поставщиком', 'the provider'];
    steps.push({
      kind: 'termination',
      text: both((lang) =>
        lang === 'ru'
          ? `Договор расторгнут ${by[0]}, закрыт ${day(contract.closedOn ?? contract.end, lang)}: месяцы после месяца расторжения сняты с графика, их резерв сразу вернулся на сертификат.`
          : `Contract ended by ${by[1]}, closed on ${day(contract.closedOn ?? contract.end, lang)}: the months after the termination month were taken off the schedule and their reserve returned to the certificate at once.`,
      ),
    });
  }
  const group = groupOf(programme, contract);
  if (group !== undefined && dayNumber(contract.start) > dayNumber(group.start)) {
    const groupDays = daysInclusive(group.start, group.end);
    const days = daysInclusive(contract.start, contract.end);
    steps.push({
      kind: 'pro-rata',
      text: both((lang) =>
        lang === 'ru'
          ? `Группа занимается с ${day(group.start, lang)} по ${day(group.end, lang)} (${String(groupDays)} дн.), ребёнок зачислен с ${day(contract.start, lang)}: оплачиваются только дни договора${terminated ? '' : ` — ${String(days)} из ${String(groupDays)}`}, стоимость и нормативные затраты взяты пропорционально с округлением вверх до копейки.`
          : `The group meets from ${day(group.start, lang)} to ${day(group.end, lang)} (${String(groupDays)} days) and the child joined on ${day(contract.start, lang)}: only the contract's days are paid${terminated ? '' : ` — ${String(days)} of ${String(groupDays)}`}, the price and normative cost taken pro rata, rounded up to the kopeck.`,
      ),
    });
  }
  const index = contract.schedule.findIndex((entry) => entry.month === month);
  const scheduled = contract.schedule[index];
  if (scheduled !== undefined) {
    const first = index === 0 && contract.schedule.length > 1;
    const only = contract.schedule.length === 1;
    steps.push({
      kind: 'monthly',
      amount: scheduled.certificate,
      text: both((lang) => {
        const count = String(contract.schedule.length);
        const position = String(index + 1);
        if (lang === 'ru') {
          const rule = only
            ? 'договор в одном месяце — вся часть сертификата'
            : first
              ? 'первый месяц графика получает остаток: часть сертификата минус равные доли остальных месяцев'
              : 'равная доля: (дни договора − дни первого месяца) ÷ дни договора × часть сертификата ÷ (месяцев − 1), с округлением вниз до копейки';
          return `Часть сертификата за ${formatBillingMonth(month, lang)} — ${money(scheduled.certificate, lang)}, месяц ${position} из ${count} по графику договора (${rule}).`;
        }
        const rule = only
          ? 'a one-month contract: the whole certificate part'
          : first
            ? "the first month takes the remainder: the certificate's part minus the equal shares of the other months"
            : "an equal share: (contract days − days of the first month) ÷ contract days × the certificate's part ÷ (months − 1), rounded down to the kopeck";
        return `The certificate's part for ${formatBillingMonth(month, lang)} is ${money(scheduled.certificate, lang)}, month ${position} of ${count} of the contract's schedule (${rule}).`;
      }),
    });
  }
  return steps;
}

/**
 * Explains a month's settlement contract by contract and sums it per provider: every amount
 * is read from the movements (`entries`, made by core's billing — never computed another
 * way), and the steps say in Russian and English which rule gave it: the contract's amounts
 * and the certificate's share, pro rata for a late start, the month of the schedule, the
 * advance percent, the completeness (the month of a termination paid in full), settlement or
 * refund, the reserve released, the family's co-payment and the adjustments of earlier
 * months. Contracts are in id order, providers in id order.
 *
 * @example
 * ```ts
 * import { explainSettlement, planSettlement, type Contract } from '@eduset/core/financing';
 * declare const contracts: readonly Contract[];
 * const { entries } = planSettlement({ month: '2026-10', contracts, posted: [] });
 * const { totals } = explainSettlement({
 *   month: '2026-10', contracts, entries,
 *   names: { programmes: new Map(), certificateNumbers: new Map(), providerNames: new Map() },
 * });
 * totals.payer.toString();
 * ```
 */
export function explainSettlement(input: SettlementExplainInput): {
  readonly contracts: readonly ContractSettlement[];
  readonly providers: readonly ProviderSettlement[];
  readonly totals: SettlementTotals;
} {
  const { month, names } = input;
  const advancePercent = input.advancePercent ?? 80;
  const byContract = new Map<string, ContractSums>();
  for (const entry of input.entries) {
    if (entry.month !== month || entry.contractId === undefined) continue;
    let sums = byContract.get(entry.contractId);
    if (sums === undefined) {
      sums = emptySums();
      byContract.set(entry.contractId, sums);
    }
    addEntry(sums, entry);
  }
  const adjustmentsOf = new Map<string, SettlementAdjustment[]>();
  for (const adjustment of input.adjustments ?? []) {
    if (adjustment.targetMonth !== month) continue;
    const list = adjustmentsOf.get(adjustment.contractId) ?? [];
    list.push(adjustment);
    adjustmentsOf.set(adjustment.contractId, list);
  }
  const lines: ContractSettlement[] = [];
  const sorted = [...input.contracts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const contract of sorted) {
    const scheduled = isBillable(contract)
      ? contract.schedule.find((entry) => entry.month === month)
      : undefined;
    const sums = byContract.get(contract.id);
    const hasSchedule =
      scheduled !== undefined && !(scheduled.certificate.isZero() && scheduled.family.isZero());
    if (!hasSchedule && sums === undefined) continue;
    const s = sums ?? emptySums();
    const monthly = scheduled?.certificate ?? Money.zero();
    const family = scheduled?.family ?? Money.zero();
    const paidInFull = contract.paidInFull === month;
    const completeness = paidInFull ? 100 : (input.completeness?.[contract.id] ?? 100);
    const settled = s.advance.add(s.settlement).subtract(s.refunded);
    const payer = settled.add(s.adjustment);
    const programme = names.programmes.get(contract.programmeId);
    const steps = scheduled === undefined ? [] : contractSteps(contract, programme, month);
    if (!monthly.isZero()) {
      if (!s.advance.isZero()) {
        steps.push({
          kind: 'advance',
          amount: s.advance,
          text: both((lang) =>
            lang === 'ru'
              ? `Аванс ${String(advancePercent)} % от ${money(monthly, lang)} — ${money(s.advance, lang)} (с округлением вниз до копейки).`
              : `Advance of ${String(advancePercent)} % of ${money(monthly, lang)}: ${money(s.advance, lang)} (rounded down to the kopeck).`,
          ),
        });
      }
      steps.push({
        kind: 'completeness',
        amount: settled,
        text: both((lang) =>
          paidInFull
            ? lang === 'ru'
              ? `Месяц расторжения договора оплачивается полностью: начислено ${money(settled, lang)} (100 %).`
              : `The month of the termination is paid in full: ${money(settled, lang)} (100 %).`
            : lang === 'ru'
              ? `Полнота оказания услуги ${String(completeness)} %${input.completeness?.[contract.id] === undefined ? ' (поставщик не сообщал о пропусках)' : ' (по табелю поставщика)'}: начислено ${money(monthly, lang)} × ${String(completeness)} % = ${money(settled, lang)} (с округлением до копейки).`
              : `Completeness ${String(completeness)} %${input.completeness?.[contract.id] === undefined ? ' (the provider reported no missed lessons)' : " (from the provider's attendance)"}: settled ${money(monthly, lang)} × ${String(completeness)} % = ${money(settled, lang)} (rounded to the kopeck).`,
        ),
      });
      if (!s.settlement.isZero()) {
        steps.push({
          kind: 'settlement',
          amount: s.settlement,
          text: both((lang) =>
            lang === 'ru'
              ? `Окончательный расчёт: ${money(settled, lang)} − аванс ${money(s.advance, lang)} = ${money(s.settlement, lang)}.`
              : `Final settlement: ${money(settled, lang)} − advance ${money(s.advance, lang)} = ${money(s.settlement, lang)}.`,
          ),
        });
      }
      if (!s.refunded.isZero()) {
        steps.push({
          kind: 'refund',
          amount: s.refunded,
          text: both((lang) =>
            lang === 'ru'
              ? `Аванс больше начисленного: ${money(s.advance, lang)} − ${money(settled, lang)} = ${money(s.refunded, lang)} возвращается на сертификат и удерживается из оплаты.`
              : `The advance exceeds the settled amount: ${money(s.advance, lang)} − ${money(settled, lang)} = ${money(s.refunded, lang)} returns to the certificate and is held back from the payment.`,
          ),
        });
      }
      if (!s.released.isZero()) {
        const used = maxMoney(settled, s.advance);
        steps.push({
          kind: 'release',
          amount: s.released,
          text: both((lang) =>
            lang === 'ru'
              ? `Неиспользованный резерв месяца: ${money(monthly, lang)} − ${money(used, lang)} = ${money(s.released, lang)} возвращается в доступный остаток сертификата.`
              : `The month's unused reserve: ${money(monthly, lang)} − ${money(used, lang)} = ${money(s.released, lang)} returns to the certificate's available balance.`,
          ),
        });
      }
    }
    if (!family.isZero()) {
      steps.push({
        kind: 'family',
        amount: family,
        text: both((lang) =>
          lang === 'ru'
            ? `Доплата семьи за месяц — ${money(family, lang)}: часть стоимости сверх оплаты сертификатом, семья платит поставщику сама.`
            : `The family's co-payment for the month is ${money(family, lang)}: the part of the price beyond what the certificate pays, paid by the family to the provider.`,
        ),
      });
    }
    for (const adjustment of adjustmentsOf.get(contract.id) ?? []) {
      steps.push({
        kind: 'adjustment',
        amount: adjustment.amount,
        text: both((lang) => {
          const sign = adjustment.amount.isNegative() ? '−' : '+';
          const abs = adjustment.amount.isNegative()
            ? adjustment.amount.multiply(-1)
            : adjustment.amount;
          return lang === 'ru'
            ? `Корректировка за ${formatBillingMonth(adjustment.month, lang)}: полнота ${String(adjustment.completenessBefore)} % → ${String(adjustment.completenessAfter)} %, было начислено ${money(adjustment.settledBefore, lang)}, следует ${money(adjustment.settledAfter, lang)}: ${sign}${money(abs, lang)}. Причина: ${adjustment.reason}.`
            : `Adjustment for ${formatBillingMonth(adjustment.month, lang)}: completeness ${String(adjustment.completenessBefore)} % → ${String(adjustment.completenessAfter)} %, settled ${money(adjustment.settledBefore, lang)}, due ${money(adjustment.settledAfter, lang)}: ${sign}${money(abs, lang)}. Reason: ${adjustment.reason}.`;
        }),
      });
    }
    steps.push({
      kind: 'payer',
      amount: payer,
      text: both((lang) =>
        lang === 'ru'
          ? `Плательщик перечисляет поставщику за этот договор ${money(payer, lang)}.`
          : `The payer transfers ${money(payer, lang)} to the provider for this contract.`,
      ),
    });
    lines.push({
      contractId: contract.id,
      certificateNumber: names.certificateNumbers.get(contract.certificateId) ?? '—',
      programmeId: contract.programmeId,
      programmeName: programme?.name ?? contract.programmeId,
      providerId: contract.providerId,
      start: contract.start,
      end: contract.end,
      monthly,
      family,
      advancePercent,
      advance: s.advance,
      completeness,
      paidInFull,
      settled,
      settlement: s.settlement,
      refunded: s.refunded,
      released: s.released,
      adjustment: s.adjustment,
      payer,
      steps,
    });
  }
  const providers = sumByProvider(lines, names.providerNames);
  const zero = Money.zero();
  const sum = (pick: (line: ProviderSettlement) => Money): Money =>
    providers.reduce((total, line) => total.add(pick(line)), zero);
  return {
    contracts: lines,
    providers,
    totals: {
      contracts: providers.reduce((count, line) => count + line.contracts, 0),
      advance: sum((line) => line.advance),
      settlement: sum((line) => line.settlement),
      refunded: sum((line) => line.refunded),
      adjustment: sum((line) => line.adjustment),
      payer: sum((line) => line.payer),
      family: sum((line) => line.family),
      total: sum((line) => line.total),
    },
  };
}

function sumByProvider(
  lines: readonly ContractSettlement[],
  providerNames: ReadonlyMap<string, string>,
): ProviderSettlement[] {
  const byProvider = new Map<string, ContractSettlement[]>();
  for (const line of lines) {
    const list = byProvider.get(line.providerId) ?? [];
    list.push(line);
    byProvider.set(line.providerId, list);
  }
  return [...byProvider.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([providerId, list]) => {
      const sum = (pick: (line: ContractSettlement) => Money): Money => Money.sum(list.map(pick));
      const payer = sum((line) => line.payer);
      const family = sum((line) => line.family);
      return {
        providerId,
        providerName: providerNames.get(providerId) ?? providerId,
        contracts: list.length,
        advance: sum((line) => line.advance),
        settlement: sum((line) => line.settlement),
        refunded: sum((line) => line.refunded),
        adjustment: sum((line) => line.adjustment),
        payer,
        family,
        total: payer.add(family),
      };
    });
}
