import type { Lang, SettlementStatus } from '@eduset/core';

function russianPlural(count: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru').select(count);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}

/**
 * The texts of `<eduset-payer-desk>` in one language.
 *
 * @example
 * ```ts
 * import { payerDeskTexts } from '@eduset/widgets/staff';
 * payerDeskTexts.ru.contracts(3); // '3 договора'
 * ```
 */
export interface PayerDeskTexts {
  readonly title: string;
  readonly lede: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly months: string;
  readonly noMonths: string;
  readonly current: string;
  readonly laterMonths: (count: number) => string;
  readonly status: Readonly<Record<SettlementStatus, string>>;
  readonly steps: string;
  readonly stepNames: readonly [string, string, string, string, string];
  readonly approvedBy: (by: string, at: string) => string;
  readonly paidBy: (by: string, at: string) => string;
  readonly closedBy: (by: string, at: string) => string;
  readonly version: (version: number) => string;
  readonly approve: string;
  readonly approveAgain: string;
  readonly approveHint: string;
  readonly pay: string;
  readonly close: string;
  readonly confirmPay: (amount: string, month: string) => string;
  readonly confirmClose: (month: string) => string;
  readonly confirm: string;
  readonly cancel: string;
  readonly registerCsv: string;
  readonly registerXlsx: string;
  readonly working: string;
  readonly approved: (month: string, version: number) => string;
  readonly approvedSame: (month: string) => string;
  readonly paid: (month: string, posted: number) => string;
  readonly paidAlready: (month: string) => string;
  readonly closed: (month: string) => string;
  readonly closedAlready: (month: string) => string;
  readonly byProvider: string;
  readonly provider: string;
  readonly contractsColumn: string;
  readonly advance: string;
  readonly settlement: string;
  readonly refunded: string;
  readonly adjustment: string;
  readonly payer: string;
  readonly family: string;
  readonly total: string;
  readonly totals: string;
  readonly showContracts: string;
  readonly hideContracts: string;
  readonly contracts: (count: number) => string;
  readonly certificate: string;
  readonly programme: string;
  readonly monthly: string;
  readonly completeness: string;
  readonly settled: string;
  readonly released: string;
  readonly howComputed: string;
  readonly correct: string;
  readonly correctionTitle: (certificate: string) => string;
  readonly correctionHint: string;
  readonly correctedCompleteness: string;
  readonly reason: string;
  readonly sendCorrection: string;
  readonly corrected: (amount: string, month: string) => string;
  readonly adjustmentsIn: string;
  readonly adjustmentsOut: string;
  readonly adjustmentLine: (
    certificate: string,
    from: string,
    before: number,
    after: number,
    amount: string,
    to: string,
  ) => string;
  readonly pending: string;
  readonly applied: string;
  readonly noContracts: string;
  readonly percent: (value: number) => string;
}

/**
 * The texts of `<eduset-payer-desk>` in Russian and English (the same keys in both).
 *
 * @example
 * ```ts
 * import { payerDeskTexts } from '@eduset/widgets/staff';
 * payerDeskTexts.en.approve; // 'Approve the settlement'
 * ```
 */
export const payerDeskTexts: Readonly<Record<Lang, PayerDeskTexts>> = {
  ru: {
    title: 'Расчёты с поставщиками',
    lede: 'Ежемесячный расчёт по сертификатам: проверьте суммы по каждому поставщику и договору, утвердите, выгрузите реестр платежей, оплатите и закройте месяц.',
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить расчёты.',
    retry: 'Повторить',
    months: 'Месяцы',
    noMonths: 'Пока нет ни одного месяца с начислениями по договорам.',
    current: 'текущий',
    laterMonths: (count) =>
      count === 1
        ? 'Следующий месяц (ещё не начался)'
        : `Следующие месяцы: ${String(count)} (ещё не начались)`,
    status: { open: 'открыт', approved: 'утверждён', paid: 'оплачен', closed: 'закрыт' },
    steps: 'Порядок расчёта',
    stepNames: ['Проверка', 'Утверждение', 'Реестр', 'Оплата', 'Закрытие'],
    approvedBy: (by, at) => `Утвердил(а) ${by}, ${at}`,
    paidBy: (by, at) => `Оплатил(а) ${by}, ${at}`,
    closedBy: (by, at) => `Закрыл(а) ${by}, ${at}`,
    version: (version) => `редакция ${String(version)}`,
    approve: 'Утвердить расчёт',
    approveAgain: 'Утвердить заново',
    approveHint:
      'Утверждение фиксирует суммы. Пока месяц не оплачен, его можно утвердить заново — например, после уточнения полноты оказания услуги.',
    pay: 'Оплатить',
    close: 'Закрыть месяц',
    confirmPay: (amount, month) =>
      `Оплатить поставщикам ${amount} за ${month}? Списания с сертификатов будут проведены один раз, повторная оплата ничего не изменит.`,
    confirmClose: (month) =>
      `Закрыть ${month}? Закрытый месяц больше не рассчитывается; исправления пойдут корректировками в следующий открытый месяц.`,
    confirm: 'Подтвердить',
    cancel: 'Отмена',
    registerCsv: 'Реестр платежей (CSV)',
    registerXlsx: 'Реестр платежей (Excel)',
    working: 'Выполняется…',
    approved: (month, version) => `Расчёт за ${month} утверждён (редакция ${String(version)}).`,
    approvedSame: (month) =>
      `Расчёт за ${month} уже утверждён с теми же суммами: ничего не изменилось.`,
    paid: (month, posted) =>
      `${month} оплачен: проведено ${String(posted)} ${russianPlural(posted, 'движение', 'движения', 'движений')} по сертификатам.`,
    paidAlready: (month) => `${month} уже оплачен: повторная оплата ничего не провела.`,
    closed: (month) => `${month} закрыт.`,
    closedAlready: (month) => `${month} уже закрыт.`,
    byProvider: 'По поставщикам',
    provider: 'Поставщик',
    contractsColumn: 'Договоров',
    advance: 'Аванс',
    settlement: 'Окончательный расчёт',
    refunded: 'Возвращено на сертификаты',
    adjustment: 'Корректировки',
    payer: 'К оплате',
    family: 'Доплата семей',
    total: 'Итого поставщику',
    totals: 'Итого',
    showContracts: 'Договоры',
    hideContracts: 'Скрыть договоры',
    contracts: (count) =>
      `${String(count)} ${russianPlural(count, 'договор', 'договора', 'договоров')}`,
    certificate: 'Сертификат',
    programme: 'Программа',
    monthly: 'Часть сертификата за месяц',
    completeness: 'Полнота',
    settled: 'Начислено',
    released: 'Возвращено в остаток',
    howComputed: 'Как получены суммы',
    correct: 'Исправить полноту',
    correctionTitle: (certificate) => `Корректировка по сертификату ${certificate}`,
    correctionHint:
      'Месяц уже оплачен: разница будет учтена корректировкой в ближайшем открытом месяце.',
    correctedCompleteness: 'Верная полнота оказания услуги, %',
    reason: 'Причина',
    sendCorrection: 'Оформить корректировку',
    corrected: (amount, month) => `Корректировка ${amount} будет оплачена в месяце «${month}».`,
    adjustmentsIn: 'Корректировки прошлых месяцев, оплачиваемые в этом месяце',
    adjustmentsOut: 'Корректировки этого месяца',
    adjustmentLine: (certificate, from, before, after, amount, to) =>
      `Сертификат ${certificate}: ${from}, полнота ${String(before)} % → ${String(after)} %, ${amount} — в расчёте за ${to}`,
    pending: 'ожидает оплаты',
    applied: 'оплачена',
    noContracts: 'В этом месяце нет договоров с начислениями.',
    percent: (value) => `${String(value).replace('.', ',')} %`,
  },
  en: {
    title: 'Payments to providers',
    lede: 'The monthly settlement of certificates: check the amounts for every provider and contract, approve, export the payment register, pay and close the month.',
    loading: 'Loading…',
    loadFailed: 'Could not load the settlements.',
    retry: 'Retry',
    months: 'Months',
    noMonths: 'No month has billed contracts yet.',
    current: 'current',
    laterMonths: (count) =>
      `The next ${count === 1 ? 'month' : 'months'}: ${String(count)} (not begun yet)`,
    status: { open: 'open', approved: 'approved', paid: 'paid', closed: 'closed' },
    steps: 'Settlement steps',
    stepNames: ['Check', 'Approval', 'Register', 'Payment', 'Closing'],
    approvedBy: (by, at) => `Approved by ${by}, ${at}`,
    paidBy: (by, at) => `Paid by ${by}, ${at}`,
    closedBy: (by, at) => `Closed by ${by}, ${at}`,
    version: (version) => `version ${String(version)}`,
    approve: 'Approve the settlement',
    approveAgain: 'Approve again',
    approveHint:
      'Approval fixes the amounts. Until the month is paid it can be approved again — for instance after the completeness was corrected.',
    pay: 'Pay',
    close: 'Close the month',
    confirmPay: (amount, month) =>
      `Pay ${amount} to the providers for ${month}? The certificates are debited once; paying again changes nothing.`,
    confirmClose: (month) =>
      `Close ${month}? A closed month is never run again; fixes go into the next open month as adjustments.`,
    confirm: 'Confirm',
    cancel: 'Cancel',
    registerCsv: 'Payment register (CSV)',
    registerXlsx: 'Payment register (Excel)',
    working: 'Working…',
    approved: (month, version) =>
      `The settlement of ${month} is approved (version ${String(version)}).`,
    approvedSame: (month) =>
      `The settlement of ${month} is already approved with these amounts: nothing changed.`,
    paid: (month, posted) =>
      `${month} is paid: ${String(posted)} ${posted === 1 ? 'movement' : 'movements'} posted to the certificates.`,
    paidAlready: (month) => `${month} is already paid: paying again posted nothing.`,
    closed: (month) => `${month} is closed.`,
    closedAlready: (month) => `${month} is already closed.`,
    byProvider: 'By provider',
    provider: 'Provider',
    contractsColumn: 'Contracts',
    advance: 'Advance',
    settlement: 'Settlement',
    refunded: 'Refunded to certificates',
    adjustment: 'Adjustments',
    payer: 'To pay',
    family: 'Family co-payments',
    total: 'Total to the provider',
    totals: 'Total',
    showContracts: 'Contracts',
    hideContracts: 'Hide contracts',
    contracts: (count) => `${String(count)} ${count === 1 ? 'contract' : 'contracts'}`,
    certificate: 'Certificate',
    programme: 'Programme',
    monthly: "Certificate's part of the month",
    completeness: 'Completeness',
    settled: 'Settled',
    released: 'Returned to the balance',
    howComputed: 'How the amounts were computed',
    correct: 'Correct the completeness',
    correctionTitle: (certificate) => `Correction for certificate ${certificate}`,
    correctionHint:
      'The month is paid: the difference is settled as an adjustment in the next open month.',
    correctedCompleteness: 'The right completeness, %',
    reason: 'Reason',
    sendCorrection: 'Make the correction',
    corrected: (amount, month) => `The adjustment of ${amount} will be paid in ${month}.`,
    adjustmentsIn: 'Adjustments of past months paid in this month',
    adjustmentsOut: "This month's adjustments",
    adjustmentLine: (certificate, from, before, after, amount, to) =>
      `Certificate ${certificate}: ${from}, completeness ${String(before)} % → ${String(after)} %, ${amount} — settled in ${to}`,
    pending: 'waiting to be paid',
    applied: 'paid',
    noContracts: 'No billed contracts this month.',
    percent: (value) => `${String(value)} %`,
  },
};
