import {
  formatBillingMonth,
  type FinancingReportAnswer,
  type Lang,
  type LocalizedText,
  settlementStatusLabels,
  type ContractSettlement,
  type Money,
  type ProviderSettlement,
  type SettlementStatus,
  type SettlementTotals,
} from '@eduset/core';
import ExcelJS from 'exceljs';
import { excelCsv } from './csv.js';

/**
 * A month's payment register as the payer exports it: the providers' lines with the totals,
 * and every contract's line (certificate number and amounts, never a family's contact).
 *
 * @example
 * ```ts
 * import type { SettlementRegister } from '@eduset/adapters';
 * declare const register: SettlementRegister;
 * register.providers.length;
 * ```
 */
export interface SettlementRegister {
  readonly month: string;
  readonly status: SettlementStatus;
  readonly providers: readonly ProviderSettlement[];
  readonly totals: SettlementTotals;
  readonly contracts: readonly ContractSettlement[];
}

const providerHeaders = {
  ru: [
    'Месяц',
    'Статус',
    'Код поставщика',
    'Поставщик',
    'Договоров',
    'Аванс',
    'Окончательный расчёт',
    'Возвращено на сертификаты',
    'Корректировки прошлых месяцев',
    'К оплате плательщиком',
    'Оплата семей',
    'Итого поставщику',
  ],
  en: [
    'Month',
    'Status',
    'Provider id',
    'Provider',
    'Contracts',
    'Advance',
    'Settlement',
    'Refunded to certificates',
    'Adjustments of past months',
    'Paid by the payer',
    'Paid by families',
    'Total to the provider',
  ],
} as const;

const contractHeaders = {
  ru: [
    'Номер сертификата',
    'Договор',
    'Программа',
    'Код поставщика',
    'Часть сертификата за месяц',
    'Аванс',
    'Полнота, %',
    'Начислено',
    'Окончательный расчёт',
    'Возвращено на сертификат',
    'Корректировка',
    'К оплате плательщиком',
    'Доплата семьи',
  ],
  en: [
    'Certificate number',
    'Contract',
    'Programme',
    'Provider id',
    "Certificate's part of the month",
    'Advance',
    'Completeness, %',
    'Settled',
    'Settlement',
    'Refunded to the certificate',
    'Adjustment',
    'Paid by the payer',
    "Family's co-payment",
  ],
} as const;

type Cell = string | number | Money;

function providerRows(register: SettlementRegister, lang: Lang): Cell[][] {
  const status = settlementStatusLabels[register.status][lang];
  const month = formatBillingMonth(register.month, lang);
  const line = (id: string, name: string, l: SettlementTotals): Cell[] => [
    month,
    status,
    id,
    name,
    l.contracts,
    l.advance,
    l.settlement,
    l.refunded,
    l.adjustment,
    l.payer,
    l.family,
    l.total,
  ];
  return [
    ...register.providers.map((l) => line(l.providerId, l.providerName, l)),
    line('', lang === 'ru' ? 'Итого' : 'Total', register.totals),
  ];
}

function contractRows(register: SettlementRegister): Cell[][] {
  return register.contracts.map((l) => [
    l.certificateNumber,
    l.contractId,
    l.programmeName,
    l.providerId,
    l.monthly,
    l.advance,
    l.completeness,
    l.settled,
    l.settlement,
    l.refunded,
    l.adjustment,
    l.payer,
    l.family,
  ]);
}

/**
 * The month's payment register as CSV for Excel, one row per provider and a total row:
 * `;`-separated, UTF-8 with a byte-order mark, amounts with two decimals (a decimal comma in
 * Russian); written by {@link excelCsv}, so a provider's name that a spreadsheet could run as
 * a formula is neutralised (a negative amount stays a number).
 *
 * @example
 * ```ts
 * import { settlementRegisterCsv, type SettlementRegister } from '@eduset/adapters';
 * declare const register: SettlementRegister;
 * const csv = settlementRegisterCsv(register, 'ru');
 * ```
 */
export function settlementRegisterCsv(register: SettlementRegister, lang: Lang = 'ru'): string {
  const text = (cell: Cell): string =>
    typeof cell === 'string'
      ? cell
      : typeof cell === 'number'
        ? String(cell)
        : lang === 'ru'
          ? cell.toString().replace('.', ',')
          : cell.toString();
  return excelCsv(
    providerRows(register, lang).map((row) => row.map(text)),
    providerHeaders[lang],
  );
}

/**
 * The month's payment register as an XLSX workbook: the providers' sheet (as the CSV) and a
 * contracts' sheet (certificate number, programme and every amount of the month). Amounts
 * are numeric cells formatted `# ##0.00`, so the sums Excel makes agree with the ledger to
 * the kopeck; text is written as text, never as a formula.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { settlementRegisterXlsx, type SettlementRegister } from '@eduset/adapters';
 * declare const register: SettlementRegister;
 * await writeFile('register.xlsx', await settlementRegisterXlsx(register, 'ru'));
 * ```
 */
export async function settlementRegisterXlsx(
  register: SettlementRegister,
  lang: Lang = 'ru',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const add = (
    name: string,
    headers: readonly string[],
    rows: readonly Cell[][],
    wide: number,
  ): void => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...headers]).font = { bold: true };
    for (const row of rows) {
      const added = sheet.addRow(
        row.map((cell) => (typeof cell === 'object' ? Number(cell.toString()) : cell)),
      );
      row.forEach((cell, index) => {
        if (typeof cell === 'object') added.getCell(index + 1).numFmt = '#,##0.00';
      });
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === wide ? 48 : 18;
    });
  };
  add(
    lang === 'ru' ? `Реестр ${register.month}` : `Register ${register.month}`,
    providerHeaders[lang],
    providerRows(register, lang),
    3,
  );
  add(lang === 'ru' ? 'Договоры' : 'Contracts', contractHeaders[lang], contractRows(register), 2);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const reportHeaders = {
  ru: [
    'Период',
    'На дату',
    'Раздел',
    'Название',
    'Программ',
    'Мест в группах',
    'Заявок',
    'Договоров',
    'Занято мест',
    'Занято мест, %',
    'Детей в сертифицированных программах',
    'Доля детей с сертификатом, %',
    'Детей в любых программах',
    'По сертификатам, ₽',
    'Доплата семей, ₽',
    'Оплачено поставщикам, ₽',
  ],
  en: [
    'Period',
    'On',
    'Section',
    'Name',
    'Programmes',
    'Places in groups',
    'Applications',
    'Contracts',
    'Places taken',
    'Places taken, %',
    'Children in funded programmes',
    'Share of certificate holders, %',
    'Children in any programme',
    'By certificates, RUB',
    'Family co-payments, RUB',
    'Paid to providers, RUB',
  ],
} as const;

/**
 * The coverage and uptake report as CSV for Excel (`;`, UTF-8 with a byte-order mark, a
 * decimal comma in Russian): a row per direction, a row per provider and the total, written
 * by {@link excelCsv} (formula cells neutralised).
 *
 * @example
 * ```ts
 * import type { FinancingReportAnswer } from '@eduset/core';
 * import { financingReportCsv } from '@eduset/adapters';
 * declare const report: FinancingReportAnswer;
 * const csv = financingReportCsv(report, 'ru');
 * ```
 */
export function financingReportCsv(report: FinancingReportAnswer, lang: Lang = 'ru'): string {
  const decimal = (text: string): string => (lang === 'ru' ? text.replace('.', ',') : text);
  const row = (section: LocalizedText, line: FinancingReportAnswer['total']): string[] => [
    report.period,
    report.on,
    section[lang],
    line.name[lang],
    String(line.programmes),
    String(line.places),
    String(line.applications),
    String(line.contracts),
    String(line.placesTaken),
    decimal(line.placesShare),
    String(line.attendingFunded),
    decimal(line.fundedShare),
    String(line.attendingAny),
    decimal(line.certificate.toString()),
    decimal(line.family.toString()),
    decimal(line.paid.toString()),
  ];
  return excelCsv(
    [
      ...report.byDirection.map((line) => row({ ru: 'Направленность', en: 'Direction' }, line)),
      ...report.byProvider.map((line) => row({ ru: 'Поставщик', en: 'Provider' }, line)),
      row({ ru: 'Итого', en: 'Total' }, report.total),
    ],
    reportHeaders[lang],
  );
}
