import {
  categoryTitles,
  schoolCategories,
  type IdentificationResult,
  type SchoolIdentification,
} from '@eduset/core/schools';
import ExcelJS from 'exceljs';
import { excelCsv } from '../export/csv.js';

/**
 * The identification table in the shape of the Tutaev table «Результаты идентификации
 * школ»: a header of three rows (name; place in the regional ranking of exam results;
 * place in the municipal ranking by the wellbeing index; six categories), then the secondary
 * schools under «Из N СШ», then the basic schools under «Из M ОШ»; «да» where a category is
 * set. Each element is one row of cells.
 *
 * @param options.onlyFlagged - keep only schools in at least one context category (the
 *   seed's table lists only those).
 * @example
 * ```ts
 * import { identificationTableRows } from '@eduset/adapters';
 * import type { IdentificationResult } from '@eduset/core/schools';
 * declare const result: IdentificationResult;
 * identificationTableRows(result, { onlyFlagged: true })[0]?.[0]; // 'Название ОО'
 * ```
 */
export function identificationTableRows(
  result: IdentificationResult,
  options: { readonly onlyFlagged?: boolean; readonly region?: string } = {},
): string[][] {
  const region = options.region ?? '';
  const flagged = (s: SchoolIdentification): boolean =>
    schoolCategories.some((category) => s.categories[category]);
  const schools = result.schools.filter((s) => !options.onlyFlagged || flagged(s));
  const outOfIndex = result.schools[0]?.indexOutOf ?? 0;
  const categoryCells = schoolCategories.map((category) => categoryTitles[category].ru);
  const rows: string[][] = [
    [
      'Название ОО',
      `Место в региональном рейтинге по результатам ГИА (${result.year} г)`,
      'Место в муниципальном рейтинге школ по индексу социального благополучия',
      'Категории школ',
      ...categoryCells.slice(1).map(() => ''),
    ],
    ['', '', '', ...categoryCells],
  ];
  for (const [level, short] of [
    ['secondary', 'СШ'],
    ['basic', 'ОШ'],
  ] as const) {
    const members = schools
      .filter((s) => s.level === level)
      .sort(
        (a, b) =>
          (a.resultsRank?.rank ?? 0) - (b.resultsRank?.rank ?? 0) ||
          a.name.localeCompare(b.name, 'ru'),
      );
    if (members.length === 0) continue;
    const outOf = members.find((s) => s.resultsRank !== null)?.resultsRank?.outOf;
    rows.push([
      '',
      outOf === undefined ? '' : `Из ${outOf} ${short}${region ? ` ${region}` : ''}`,
      `Из ${outOfIndex} школ района`,
      ...categoryCells.map(() => ''),
    ]);
    for (const school of members) {
      rows.push([
        school.name,
        school.resultsRank === null ? '' : String(school.resultsRank.rank),
        String(school.indexRank),
        ...schoolCategories.map((category) => (school.categories[category] ? 'да' : '')),
      ]);
    }
  }
  return rows;
}

/**
 * The identification table as CSV (`;`-separated, UTF-8 with BOM, as Russian Excel opens it;
 * a cell that could be a formula is neutralised with a leading `'`, see `excelCsv`).
 *
 * @example
 * ```ts
 * import { identificationTableCsv } from '@eduset/adapters';
 * import type { IdentificationResult } from '@eduset/core/schools';
 * declare const result: IdentificationResult;
 * const csv: string = identificationTableCsv(result);
 * ```
 */
export function identificationTableCsv(
  result: IdentificationResult,
  options: { readonly onlyFlagged?: boolean; readonly region?: string } = {},
): string {
  // A school's name may start with `=`, `+`, `-` or `@`: neutralised by excelCsv.
  return excelCsv(identificationTableRows(result, options));
}

/**
 * The identification table as an XLSX workbook: the header rows merged as in the Tutaev
 * table («Категории школ» over the six category columns), bold, wrapped.
 *
 * @example
 * ```ts
 * import { identificationTableXlsx } from '@eduset/adapters';
 * import type { IdentificationResult } from '@eduset/core/schools';
 * declare const result: IdentificationResult;
 * const bytes: Uint8Array = await identificationTableXlsx(result);
 * ```
 */
export async function identificationTableXlsx(
  result: IdentificationResult,
  options: { readonly onlyFlagged?: boolean; readonly region?: string } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Идентификация');
  const rows = identificationTableRows(result, options);
  rows.forEach((row) => sheet.addRow(row));
  sheet.mergeCells(1, 1, 2, 1);
  sheet.mergeCells(1, 2, 2, 2);
  sheet.mergeCells(1, 3, 2, 3);
  sheet.mergeCells(1, 4, 1, 9);
  for (const rowNumber of [1, 2]) {
    const row = sheet.getRow(rowNumber);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  sheet.getColumn(1).width = 40;
  for (let c = 2; c <= 9; c += 1) sheet.getColumn(c).width = 18;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
