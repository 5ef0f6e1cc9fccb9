import type { Money, ProviderPayment, Provider } from '@eduset/core';
import ExcelJS from 'exceljs';
import { excelCsv } from './csv.js';

/**
 * A monthly report as {@link paymentRegisterCsv} and {@link paymentRegisterXlsx} take it
 * (what core's `paymentReport` and the store's `paymentReport` return).
 *
 * @example
 * ```ts
 * import type { PaymentRegisterReport } from '@eduset/adapters';
 * declare const report: PaymentRegisterReport;
 * report.lines.length;
 * ```
 */
export interface PaymentRegisterReport {
  readonly month: string;
  readonly lines: readonly ProviderPayment[];
  readonly totals: Omit<ProviderPayment, 'providerId'>;
}

const headers = {
  ru: [
    'Месяц',
    'Код поставщика',
    'Поставщик',
    'Договоров',
    'Аванс',
    'Окончательный расчёт',
    'Возвращено на сертификаты',
    'К оплате плательщиком',
    'Оплата семей',
    'Итого поставщику',
  ],
  en: [
    'Month',
    'Provider id',
    'Provider',
    'Contracts',
    'Advance',
    'Settlement',
    'Refunded to certificates',
    'Paid by the payer',
    'Paid by families',
    'Total to the provider',
  ],
} as const;

type Row = [string, string, string, number, Money, Money, Money, Money, Money, Money];

function rowsOf(
  report: PaymentRegisterReport,
  providers: readonly Provider[],
  lang: 'ru' | 'en',
): Row[] {
  const names = new Map(providers.map((provider) => [provider.id, provider.name]));
  const line = (id: string, name: string, l: Omit<ProviderPayment, 'providerId'>): Row => [
    report.month,
    id,
    name,
    l.contracts,
    l.advance,
    l.settlement,
    l.refunded,
    l.payer,
    l.family,
    l.total,
  ];
  return [
    ...report.lines.map((l) => line(l.providerId, names.get(l.providerId) ?? l.providerId, l)),
    line('', lang === 'ru' ? 'Итого' : 'Total', report.totals),
  ];
}

/**
 * The monthly payment register as CSV for Excel: semicolon-separated, UTF-8 with a byte-order
 * mark, amounts with two decimals and a decimal comma in Russian (a point in English), one row
 * per provider and a total row. Amounts are exact (they come from the ledger).
 *
 * @example
 * ```ts
 * import { paymentRegisterCsv, type PaymentRegisterReport } from '@eduset/adapters';
 * declare const report: PaymentRegisterReport;
 * const csv = paymentRegisterCsv(report, [], 'ru');
 * ```
 */
export function paymentRegisterCsv(
  report: PaymentRegisterReport,
  providers: readonly Provider[],
  lang: 'ru' | 'en' = 'ru',
): string {
  const amount = (money: Money): string =>
    lang === 'ru' ? money.toString().replace('.', ',') : money.toString();
  const data = rowsOf(report, providers, lang).map((row) =>
    row.map((cell) =>
      typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : amount(cell),
    ),
  );
  // A provider's name may start with `=`, `+`, `-` or `@`: neutralised by excelCsv.
  return excelCsv(data, headers[lang]);
}

/**
 * The monthly payment register as an XLSX workbook (one sheet): amounts are numeric cells
 * formatted `# ##0.00`, so the totals Excel computes agree with the ledger to the kopeck.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { paymentRegisterXlsx, type PaymentRegisterReport } from '@eduset/adapters';
 * declare const report: PaymentRegisterReport;
 * await writeFile('register.xlsx', await paymentRegisterXlsx(report, []));
 * ```
 */
export async function paymentRegisterXlsx(
  report: PaymentRegisterReport,
  providers: readonly Provider[],
  lang: 'ru' | 'en' = 'ru',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(
    lang === 'ru' ? `Реестр ${report.month}` : `Register ${report.month}`,
  );
  sheet.addRow([...headers[lang]]).font = { bold: true };
  for (const row of rowsOf(report, providers, lang)) {
    const added = sheet.addRow(
      row.map((cell) => (typeof cell === 'object' ? Number(cell.toString()) : cell)),
    );
    for (let column = 5; column <= 10; column += 1) added.getCell(column).numFmt = '#,##0.00';
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 2 ? 48 : 18;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
