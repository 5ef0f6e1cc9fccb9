import type { LocalizedText, ValidationIssue } from '@eduset/core/common';
import {
  dataValueSchema,
  IDENTIFIER,
  isDecimalText,
  parsePeriod,
  type DataValue,
} from '@eduset/core/indicators';
import { resolveColumns, type ImportColumnDefinition } from '../import/columns.js';
import { readTable } from '../import/read.js';
import { isBlankRow, type RawTable } from '../import/table.js';
import type {
  ImportColumn,
  ImportOptions,
  ImportResult,
  ImportSource,
  RejectedRow,
} from '../import/types.js';

/**
 * The layouts of a data value file:
 * - `long` — one value per row: data element, org unit, period, (disaggregation), value;
 * - `wide` — one row per data element and org unit, one column per period (`2018-2019`,
 *   `2019/20`, `2020`…), as municipal reports are kept.
 *
 * @example
 * ```ts
 * import type { DataValueLayout } from '@eduset/adapters';
 * const layout: DataValueLayout = 'wide';
 * ```
 */
export type DataValueLayout = 'long' | 'wide';

/**
 * The fields a data value file's columns fill.
 *
 * @example
 * ```ts
 * import type { DataValueColumnField } from '@eduset/adapters';
 * const field: DataValueColumnField = 'orgUnit';
 * ```
 */
export type DataValueColumnField =
  'dataElement' | 'orgUnit' | 'period' | 'disaggregation' | 'value';

const column = (
  field: DataValueColumnField,
  ru: string[],
  en: string[],
  required: boolean,
  description: LocalizedText,
): ImportColumnDefinition<DataValueColumnField> => ({
  field,
  headers: { ru, en },
  required,
  description,
});

/**
 * The columns of a data value file (the period columns of the wide layout are recognized by
 * their header being a period).
 *
 * @example
 * ```ts
 * import { dataValueImportColumns } from '@eduset/adapters';
 * dataValueImportColumns.map((c) => c.headers.ru[0]); // ['Показатель', 'Подразделение', 'Период', 'Разрез', 'Значение']
 * ```
 */
export const dataValueImportColumns: readonly ImportColumnDefinition<DataValueColumnField>[] = [
  column(
    'dataElement',
    ['Показатель', 'Показатель данных', 'Элемент данных', 'Код показателя'],
    ['dataElement', 'data element', 'indicator', 'element'],
    true,
    {
      ru: 'код показателя данных',
      en: 'data element id',
    },
  ),
  column(
    'orgUnit',
    ['Подразделение', 'Организация', 'Площадка', 'Код организации', 'Территория'],
    ['orgUnit', 'org unit', 'organization', 'site'],
    true,
    {
      ru: 'код организации, площадки или территории',
      en: 'org unit id',
    },
  ),
  column('period', ['Период', 'Учебный год', 'Дата'], ['period', 'school year', 'date'], false, {
    ru: '2019-2020, 2020, 2025Q1, 2025-03 или дата',
    en: '2019-2020, 2020, 2025Q1, 2025-03 or a date',
  }),
  column(
    'disaggregation',
    ['Разрез', 'Категория', 'Вид'],
    ['disaggregation', 'category', 'kind'],
    false,
    {
      ru: 'разрез (необязательно)',
      en: 'disaggregation (optional)',
    },
  ),
  column('value', ['Значение', 'Количество', 'Число'], ['value', 'count', 'number'], false, {
    ru: 'число (запятая или точка; пробелы между разрядами допустимы) или код',
    en: 'a number (comma or point; digit-group spaces allowed) or a code',
  }),
];

/**
 * Reads a period written as people write it: `2019-2020`, `2019/2020`, `2019/20`,
 * `2019–2020`, `2020`, `2025Q1`, `2025-03`, `2021-07-01`, `01.07.2021`. Returns the period
 * id, or `undefined`.
 *
 * @example
 * ```ts
 * import { readPeriodText } from '@eduset/adapters';
 * readPeriodText('2019/20'); // '2019-2020'
 * readPeriodText('01.07.2021'); // '2021-07-01'
 * ```
 */
export function readPeriodText(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s*(учебный год|уч\.?\s*г\.?|г\.)$/iu, '');
  let match = /^(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})$/.exec(trimmed);
  if (match !== null) {
    const start = Number(match[1]);
    const endText = match[2] ?? '';
    let end =
      endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
    if (endText.length === 2 && end <= start) end += 100;
    if (end !== start + 1) return parsePeriod(trimmed) === undefined ? undefined : trimmed;
    return `${start}-${end}`;
  }
  match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(trimmed);
  if (match !== null) {
    const id = `${match[3]}-${match[2]}-${match[1]}`;
    return parsePeriod(id) === undefined ? undefined : id;
  }
  const upper = trimmed
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(\d{4})-?([1-4])КВ$/u, '$1Q$2');
  return parsePeriod(upper) === undefined ? undefined : upper;
}

/**
 * Reads a value cell: a number with a comma or point and optional digit-group spaces
 * (`11 677`, `12,5`) becomes decimal text (`11677`, `12.5`); otherwise `undefined`.
 *
 * @example
 * ```ts
 * import { readNumberText } from '@eduset/adapters';
 * readNumberText('21 871,5'); // '21871.5'
 * ```
 */
export function readNumberText(text: string): string | undefined {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('−', '-')
    .replace(',', '.');
  return compact !== '' && isDecimalText(compact) && !/e/i.test(compact) ? compact : undefined;
}

/**
 * Options of {@link importDataValues}.
 *
 * @example
 * ```ts
 * import type { DataValueImportOptions } from '@eduset/adapters';
 * const options: DataValueImportOptions = { layout: 'wide', textElements: ['programme'] };
 * ```
 */
export interface DataValueImportOptions extends ImportOptions {
  /** The layout; detected by default (period headers → wide). */
  readonly layout?: DataValueLayout;
  /** Data elements whose values are codes (text), not numbers. */
  readonly textElements?: readonly string[];
  /** Known data element ids; a row naming another one is rejected. */
  readonly dataElements?: readonly string[];
  /** Known org unit ids; a row naming another one is rejected. */
  readonly orgUnits?: readonly string[];
}

/**
 * The outcome of {@link importDataValues}: every data row accepted (with the values it gave —
 * one in the long layout, one per filled period cell in the wide layout) or rejected with its
 * cells and reasons, plus all accepted values in file order.
 *
 * @example
 * ```ts
 * import type { DataValueImport } from '@eduset/adapters';
 * declare const result: DataValueImport;
 * result.accepted.length + result.rejected.length === result.rows; // true
 * ```
 */
export interface DataValueImport extends ImportResult<readonly DataValue[]> {
  readonly layout: DataValueLayout;
  /** Every accepted value, in file order. */
  readonly values: readonly DataValue[];
}

function issue(path: (string | number)[], code: string, ru: string, en: string): ValidationIssue {
  return { path, code, message: { ru, en } };
}

/**
 * Imports data values from a CSV or XLSX file in the long or the wide layout, with Russian
 * or English headers. Nothing is lost: each data row is accepted or rejected with its row
 * number, cells and every reason (unknown period, a value that is not a number, unknown
 * data element or org unit when the known ids are given, a disaggregation that is not an id).
 * Empty period cells of the wide layout are "no value", not rejections; a wide row with no
 * value at all is rejected.
 *
 * @throws ValidationError when the file cannot be read or the required columns are missing.
 * @example
 * ```ts
 * import { importDataValues } from '@eduset/adapters';
 * const result = await importDataValues('Показатель;Подразделение;2018-2019;2019-2020\nparents-consulted;udomlya;343;601\n');
 * result.values.length; // 2
 * ```
 */
export async function importDataValues(
  source: ImportSource,
  options: DataValueImportOptions = {},
): Promise<DataValueImport> {
  return importFromTable(await readTable(source, options), options);
}

function importFromTable(table: RawTable, options: DataValueImportOptions): DataValueImport {
  const periodColumns = new Map<number, string>();
  table.headers.forEach((header, index) => {
    const period = readPeriodText(header);
    if (period !== undefined) periodColumns.set(index, period);
  });
  const layout: DataValueLayout = options.layout ?? (periodColumns.size > 0 ? 'wide' : 'long');
  const headersForResolve = table.headers.map((header, index) =>
    periodColumns.has(index) && layout === 'wide' ? '' : header,
  );
  const { indexOf, columns: resolved } = resolveColumns(
    headersForResolve,
    dataValueImportColumns,
    (present) =>
      dataValueImportColumns.filter(
        (definition) =>
          (definition.required ||
            (layout === 'long' &&
              (definition.field === 'period' || definition.field === 'value'))) &&
          !present.has(definition.field),
      ),
  );
  const columns: ImportColumn[] = resolved.map((col) =>
    periodColumns.has(col.index) && layout === 'wide'
      ? {
          index: col.index,
          header: table.headers[col.index] ?? '',
          field: `period:${periodColumns.get(col.index) ?? ''}`,
        }
      : col,
  );
  const textElements = new Set(options.textElements ?? []);
  const knownElements =
    options.dataElements === undefined ? undefined : new Set(options.dataElements);
  const knownUnits = options.orgUnits === undefined ? undefined : new Set(options.orgUnits);
  const header = (field: DataValueColumnField): string =>
    table.headers[indexOf.get(field) ?? -1] ?? field;
  const accepted: { row: number; record: readonly DataValue[] }[] = [];
  const rejected: RejectedRow[] = [];
  const values: DataValue[] = [];

  for (const raw of table.rows) {
    const issues: ValidationIssue[] = [];
    if (raw.problem !== undefined)
      issues.push({ path: [], code: 'csv_quotes', message: raw.problem });
    if (isBlankRow(raw.cells)) {
      rejected.push({
        row: raw.row,
        cells: raw.cells,
        issues: [issue([], 'empty_row', 'Пустая строка', 'Empty row')],
      });
      continue;
    }
    const extra = raw.cells.slice(table.headers.length).some((cell) => cell !== '');
    if (extra)
      issues.push(
        issue(
          [],
          'extra_cells',
          'Заполнены ячейки правее последнего заголовка',
          'Cells are filled to the right of the last header',
        ),
      );
    const cell = (field: DataValueColumnField): string =>
      raw.cells[indexOf.get(field) ?? -1]?.trim() ?? '';
    const dataElement = cell('dataElement');
    const orgUnit = cell('orgUnit');
    const disaggregation = cell('disaggregation');
    if (dataElement === '')
      issues.push(
        issue(
          ['dataElement'],
          'required',
          `«${header('dataElement')}»: обязательное поле`,
          `"${header('dataElement')}": required`,
        ),
      );
    else if (!IDENTIFIER.test(dataElement))
      issues.push(
        issue(
          ['dataElement'],
          'invalid_id',
          `«${header('dataElement')}»: «${dataElement}» — недопустимый код`,
          `"${header('dataElement')}": "${dataElement}" is not a valid id`,
        ),
      );
    else if (knownElements !== undefined && !knownElements.has(dataElement))
      issues.push(
        issue(
          ['dataElement'],
          'unknown_data_element',
          `Неизвестный показатель данных «${dataElement}»`,
          `Unknown data element "${dataElement}"`,
        ),
      );
    if (orgUnit === '')
      issues.push(
        issue(
          ['orgUnit'],
          'required',
          `«${header('orgUnit')}»: обязательное поле`,
          `"${header('orgUnit')}": required`,
        ),
      );
    else if (knownUnits !== undefined && !knownUnits.has(orgUnit))
      issues.push(
        issue(
          ['orgUnit'],
          'unknown_org_unit',
          `Неизвестное подразделение «${orgUnit}»`,
          `Unknown org unit "${orgUnit}"`,
        ),
      );
    if (disaggregation !== '' && !IDENTIFIER.test(disaggregation))
      issues.push(
        issue(
          ['disaggregation'],
          'invalid_id',
          `«${header('disaggregation')}»: «${disaggregation}» — недопустимый код`,
          `"${header('disaggregation')}": "${disaggregation}" is not a valid id`,
        ),
      );
    const isText = textElements.has(dataElement);
    const readValue = (
      text: string,
      label: string,
      path: (string | number)[],
    ): string | undefined => {
      if (isText) return text;
      const number = readNumberText(text);
      if (number === undefined)
        issues.push(
          issue(
            path,
            'not_a_number',
            `«${label}»: «${text}» — не число`,
            `"${label}": "${text}" is not a number`,
          ),
        );
      return number;
    };
    const rowValues: DataValue[] = [];
    const push = (period: string, value: string): void => {
      const candidate = {
        dataElement,
        orgUnit,
        period,
        value,
        ...(disaggregation === '' ? {} : { disaggregation }),
      };
      if (dataValueSchema.safeParse(candidate).success) rowValues.push(candidate);
    };
    if (layout === 'long') {
      const periodText = cell('period');
      const period = readPeriodText(periodText);
      if (period === undefined)
        issues.push(
          issue(
            ['period'],
            'invalid_period',
            `«${header('period')}»: «${periodText}» — не период (2019-2020, 2020, 2025Q1, 2025-03, 01.07.2021)`,
            `"${header('period')}": "${periodText}" is not a period (2019-2020, 2020, 2025Q1, 2025-03, 2021-07-01)`,
          ),
        );
      const valueText = cell('value');
      if (valueText === '')
        issues.push(
          issue(
            ['value'],
            'required',
            `«${header('value')}»: обязательное поле`,
            `"${header('value')}": required`,
          ),
        );
      else {
        const value = readValue(valueText, header('value'), ['value']);
        if (period !== undefined && value !== undefined) push(period, value);
      }
    } else {
      for (const [index, period] of periodColumns) {
        const text = raw.cells[index]?.trim() ?? '';
        if (text === '') continue;
        const value = readValue(text, table.headers[index] ?? period, [period]);
        if (value !== undefined) push(period, value);
      }
      if (issues.length === 0 && rowValues.length === 0)
        issues.push(
          issue([], 'no_values', 'В строке нет ни одного значения', 'The row has no value'),
        );
    }
    if (issues.length > 0) {
      rejected.push({ row: raw.row, cells: raw.cells, issues });
      continue;
    }
    accepted.push({ row: raw.row, record: rowValues });
    values.push(...rowValues);
  }
  return {
    layout,
    accepted,
    rejected,
    rows: table.rows.length,
    headerRow: table.headerRow,
    columns,
    source: table.source,
    values,
  };
}
