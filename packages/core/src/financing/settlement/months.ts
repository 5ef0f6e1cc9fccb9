import { ConflictError, type LocalizedText } from '../../common/index.js';
import { z } from '../../common/zod.js';

/**
 * The states of a month's settlement with the providers, in order: `open` (the month can be
 * previewed and approved), `approved` (the payer fixed what is to be paid; the payment
 * register can be exported; approving again replaces the approval while nothing is paid),
 * `paid` (the approved movements are posted to the ledger, once) and `closed` (final: the
 * month is never run again; a correction goes into the next open month as an adjustment).
 *
 * @example
 * ```ts
 * import { settlementStatuses } from '@eduset/core/financing';
 * settlementStatuses.at(-1); // 'closed'
 * ```
 */
export const settlementStatuses = ['open', 'approved', 'paid', 'closed'] as const;

/**
 * Schema of a settlement status.
 *
 * @example
 * ```ts
 * import { settlementStatusSchema } from '@eduset/core/financing';
 * settlementStatusSchema.parse('approved');
 * ```
 */
export const settlementStatusSchema = z.enum(settlementStatuses);

/** A settlement status. @example `const status: SettlementStatus = 'paid';` */
export type SettlementStatus = z.infer<typeof settlementStatusSchema>;

/**
 * Names of the settlement statuses in Russian and English.
 *
 * @example
 * ```ts
 * import { settlementStatusLabels } from '@eduset/core/financing';
 * settlementStatusLabels.closed.ru; // 'закрыт'
 * ```
 */
export const settlementStatusLabels: Readonly<Record<SettlementStatus, LocalizedText>> = {
  open: { ru: 'открыт', en: 'open' },
  approved: { ru: 'утверждён', en: 'approved' },
  paid: { ru: 'оплачен', en: 'paid' },
  closed: { ru: 'закрыт', en: 'closed' },
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Schema of a billing month `YYYY-MM` (a real month of the years 1900–2200).
 *
 * @example
 * ```ts
 * import { billingMonthSchema } from '@eduset/core/financing';
 * billingMonthSchema.parse('2026-10'); // '2026-10'
 * billingMonthSchema.safeParse('2026-13').success; // false
 * ```
 */
export const billingMonthSchema = z.string().refine(
  (value) => {
    const match = MONTH.exec(value);
    return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2200;
  },
  {
    params: {
      text: {
        ru: 'Месяц указывается как ГГГГ-ММ, например 2026-10',
        en: 'A month is written YYYY-MM, e.g. 2026-10',
      },
    },
  },
);

/**
 * The month after a month (`2026-12` → `2027-01`).
 *
 * @example
 * ```ts
 * import { nextMonth } from '@eduset/core/financing';
 * nextMonth('2026-12'); // '2027-01'
 * ```
 */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 12
    ? `${String(year + 1)}-01`
    : `${String(year)}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * Why a step of the monthly settlement was refused:
 * - `month-closed` — the month is closed: it is never run again;
 * - `month-paid` — the month is paid: it cannot be approved again;
 * - `month-not-approved` — only an approved month is paid;
 * - `month-not-paid` — only a paid month is closed;
 * - `month-not-started` — a month is settled once it has begun;
 * - `nothing-to-settle` — no contract is billed that month and no adjustment waits for it;
 * - `month-not-settled` — a correction is for a paid or closed month (before that, the
 *   preview already takes the provider's figures);
 * - `contract-not-billed` — the contract has nothing scheduled that month;
 * - `paid-in-full` — the month of a termination is paid in full, whatever the completeness;
 * - `nothing-to-correct` — the correction changes no amount.
 *
 * @example
 * ```ts
 * import type { SettlementRefusal } from '@eduset/core/financing';
 * const reason: SettlementRefusal = 'month-closed';
 * ```
 */
export type SettlementRefusal =
  | 'month-closed'
  | 'month-paid'
  | 'month-not-approved'
  | 'month-not-paid'
  | 'month-not-started'
  | 'nothing-to-settle'
  | 'month-not-settled'
  | 'contract-not-billed'
  | 'paid-in-full'
  | 'nothing-to-correct';

/**
 * The Russian and English message of each {@link SettlementRefusal}.
 *
 * @example
 * ```ts
 * import { settlementRefusalMessages } from '@eduset/core/financing';
 * settlementRefusalMessages['month-closed'].en;
 * ```
 */
export const settlementRefusalMessages: Readonly<Record<SettlementRefusal, LocalizedText>> = {
  'month-closed': {
    ru: 'Месяц закрыт: повторно его не рассчитывают; исправление оформляется корректировкой в следующем месяце',
    en: 'The month is closed: it is not run again; a fix goes into the next month as an adjustment',
  },
  'month-paid': {
    ru: 'Месяц уже оплачен: утвердить его заново нельзя; исправление оформляется корректировкой в следующем месяце',
    en: 'The month is already paid: it cannot be approved again; a fix goes into the next month as an adjustment',
  },
  'month-not-approved': {
    ru: 'Оплатить можно только утверждённый месяц',
    en: 'Only an approved month can be paid',
  },
  'month-not-paid': {
    ru: 'Закрыть можно только оплаченный месяц',
    en: 'Only a paid month can be closed',
  },
  'month-not-started': {
    ru: 'Месяц ещё не начался: рассчитывать его рано',
    en: 'The month has not begun yet: it is too early to settle it',
  },
  'nothing-to-settle': {
    ru: 'В этом месяце нечего оплачивать: нет договоров с начислением и корректировок',
    en: 'Nothing to pay this month: no billed contracts and no adjustments',
  },
  'month-not-settled': {
    ru: 'Корректировка оформляется только за оплаченный или закрытый месяц; до оплаты измените полноту оказания услуги — предпросмотр её учтёт',
    en: 'A correction is made only for a paid or closed month; before payment change the completeness — the preview takes it',
  },
  'contract-not-billed': {
    ru: 'По этому договору в этом месяце ничего не начислялось',
    en: 'Nothing was billed for this contract that month',
  },
  'paid-in-full': {
    ru: 'Месяц расторжения договора оплачивается полностью, полнота не применяется',
    en: 'The month of a termination is paid in full; completeness does not apply',
  },
  'nothing-to-correct': {
    ru: 'Корректировка не меняет сумму: оплачено уже столько',
    en: 'The correction changes no amount: this much is already paid',
  },
};

/**
 * A refusal of a settlement step: a {@link ConflictError} (HTTP 409 on the server) whose
 * `reason` names the rule, with a Russian and English message.
 *
 * @example
 * ```ts
 * import { SettlementError } from '@eduset/core/financing';
 * const error = new SettlementError('month-closed');
 * error.reason; // 'month-closed'
 * ```
 */
export class SettlementError extends ConflictError {
  /** Which rule refused. */
  readonly refusal: SettlementRefusal;

  constructor(refusal: SettlementRefusal, detail?: LocalizedText) {
    const base = settlementRefusalMessages[refusal];
    super(
      refusal,
      detail === undefined
        ? { ru: base.ru, en: base.en }
        : { ru: `${base.ru}: ${detail.ru}`, en: `${base.en}: ${detail.en}` },
    );
    this.name = 'SettlementError';
    this.refusal = refusal;
  }
}
