import ExcelJS from 'exceljs';
import type { Lang } from '@eduset/core/common';
import { excelCsv } from '../export/csv.js';
import type { IndicatorDefinition, IndicatorResult } from '@eduset/core/indicators';

/**
 * One row of an indicator export, in the column order of the CSV and XLSX files.
 *
 * @example
 * ```ts
 * import type { IndicatorExportRow } from '@eduset/adapters';
 * declare const row: IndicatorExportRow;
 * row.value; // '87' or '' when there is no value
 * ```
 */
export interface IndicatorExportRow {
  readonly indicator: string;
  readonly version: number;
  readonly name: string;
  readonly unit: string;
  readonly orgUnit: string;
  readonly orgUnitName: string;
  readonly period: string;
  readonly value: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly target: string;
  readonly flags: string;
  readonly noValueReason: string;
  readonly explanation: string;
}

const HEADERS: Record<Lang, Record<keyof IndicatorExportRow, string>> = {
  ru: {
    indicator: 'Код показателя',
    version: 'Версия',
    name: 'Показатель',
    unit: 'Единица',
    orgUnit: 'Код подразделения',
    orgUnitName: 'Подразделение',
    period: 'Период',
    value: 'Значение',
    numerator: 'Числитель',
    denominator: 'Знаменатель',
    target: 'Цель',
    flags: 'Отметки',
    noValueReason: 'Нет значения: причина',
    explanation: 'Как получено',
  },
  en: {
    indicator: 'Indicator id',
    version: 'Version',
    name: 'Indicator',
    unit: 'Unit',
    orgUnit: 'Org unit id',
    orgUnitName: 'Org unit',
    period: 'Period',
    value: 'Value',
    numerator: 'Numerator',
    denominator: 'Denominator',
    target: 'Target',
    flags: 'Flags',
    noValueReason: 'No value: reason',
    explanation: 'How it was obtained',
  },
};

const UNITS: Record<Lang, Record<IndicatorDefinition['unit'], string>> = {
  ru: { number: 'число', percent: '%', 'per-thousand': '‰' },
  en: { number: 'number', percent: '%', 'per-thousand': 'per 1,000' },
};

/**
 * Turns computed results into export rows in one language, with definition names and units
 * and, when given, org unit names.
 *
 * @example
 * ```ts
 * import { indicatorExportRows } from '@eduset/adapters';
 * import { indicatorCatalog, type IndicatorResult } from '@eduset/core/indicators';
 * declare const results: IndicatorResult[];
 * indicatorExportRows(results, indicatorCatalog, { lang: 'ru' });
 * ```
 */
export function indicatorExportRows(
  results: readonly IndicatorResult[],
  definitions: readonly IndicatorDefinition[],
  options: { readonly lang?: Lang; readonly orgUnitNames?: ReadonlyMap<string, string> } = {},
): IndicatorExportRow[] {
  const lang = options.lang ?? 'ru';
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  return results.map((result) => {
    const definition = byId.get(result.indicator);
    const flags =
      result.status === 'value'
        ? [
            result.partial ? (lang === 'ru' ? 'неполные данные' : 'partial') : '',
            result.capped ? (lang === 'ru' ? 'ограничено сверху' : 'capped') : '',
          ]
            .filter((flag) => flag !== '')
            .join(', ')
        : '';
    return {
      indicator: result.indicator,
      version: result.version,
      name: definition?.name[lang] ?? result.indicator,
      unit: definition === undefined ? '' : UNITS[lang][definition.unit],
      orgUnit: result.orgUnit,
      orgUnitName: options.orgUnitNames?.get(result.orgUnit) ?? '',
      period: result.period,
      value: result.status === 'value' ? result.value : '',
      numerator: result.status === 'value' ? result.numerator : '',
      denominator: result.status === 'value' ? result.denominator : '',
      target: definition?.target ?? '',
      flags,
      noValueReason: result.status === 'no-value' ? result.message[lang] : '',
      explanation: result.explanation?.text[lang] ?? '',
    };
  });
}

/**
 * Writes export rows as CSV the way Russian Excel opens it: UTF-8 with BOM, `;` separated,
 * headers in the chosen language; a cell that could be a formula gets a leading `'`.
 *
 * @example
 * ```ts
 * import { indicatorExportRows, indicatorsToCsv } from '@eduset/adapters';
 * declare const rows: ReturnType<typeof indicatorExportRows>;
 * const text = indicatorsToCsv(rows, 'ru');
 * ```
 */
export function indicatorsToCsv(rows: readonly IndicatorExportRow[], lang: Lang = 'ru'): string {
  const keys = Object.keys(HEADERS[lang]) as (keyof IndicatorExportRow)[];
  // Names and explanations come from definitions and data files: a cell that could be a
  // formula is neutralised by excelCsv; values stay numbers.
  return excelCsv(
    rows.map((row) => keys.map((key) => row[key])),
    keys.map((key) => HEADERS[lang][key]),
  );
}

/**
 * Writes export rows as an XLSX workbook (one sheet; values as numbers where they are
 * numbers, so a spreadsheet can chart them).
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { indicatorExportRows, indicatorsToXlsx } from '@eduset/adapters';
 * declare const rows: ReturnType<typeof indicatorExportRows>;
 * await writeFile('indicators.xlsx', await indicatorsToXlsx(rows, 'ru'));
 * ```
 */
export async function indicatorsToXlsx(
  rows: readonly IndicatorExportRow[],
  lang: Lang = 'ru',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'ru' ? 'Показатели' : 'Indicators');
  const keys = Object.keys(HEADERS[lang]) as (keyof IndicatorExportRow)[];
  sheet.addRow(keys.map((key) => HEADERS[lang][key]));
  sheet.getRow(1).font = { bold: true };
  const numeric = new Set<keyof IndicatorExportRow>([
    'value',
    'numerator',
    'denominator',
    'target',
    'version',
  ]);
  for (const row of rows) {
    sheet.addRow(
      keys.map((key) =>
        numeric.has(key) && row[key] !== '' && Number.isFinite(Number(row[key]))
          ? Number(row[key])
          : String(row[key]),
      ),
    );
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
