import type { IssuePath, ValidationIssue } from '@eduset/core/common';
import { siteSchema, type Site } from '@eduset/core/network';
import { siteImportColumns, type SiteColumnField } from './columns.js';
import { readTable } from './read.js';
import {
  assign,
  assignText,
  importTable,
  missingRequired,
  type CellReader,
  type RecordSpec,
  type RowBuild,
  type TableImport,
} from './rows.js';
import type { ImportOptions, ImportResult, ImportSource } from './types.js';
import {
  ageRangeCell,
  numberCell,
  parseSchoolYearsCell,
  siteKindCell,
  splitList,
} from './values.js';

/** Whether the ages of a row come from the «Возраст» column (not «Возраст с» / «по»). */
function agesFromOneColumn(cells: CellReader<SiteColumnField>): boolean {
  if (!cells.has('ageFrom') && !cells.has('ageTo')) return true;
  return cells.get('ages') !== '';
}

function buildSite(cells: CellReader<SiteColumnField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  assignText(input, 'id', cells.get('id'));
  assign(input, 'kind', siteKindCell(cells.get('kind')), issues);
  assignText(input, 'name', cells.get('name'));
  assignText(input, 'hostOrganizationId', cells.get('hostOrganizationId'));
  assign(input, 'activeYears', parseSchoolYearsCell(cells.get('activeYears')), issues);
  input.serviceIds = splitList(cells.get('serviceIds'));
  if (agesFromOneColumn(cells)) {
    assign(input, 'ages', ageRangeCell(cells.get('ages')), issues);
  } else {
    const ageIssues: ValidationIssue[] = [];
    const from = assign({}, 'from', numberCell(cells.get('ageFrom'), ['ages', 'from']), ageIssues);
    const to = assign({}, 'to', numberCell(cells.get('ageTo'), ['ages', 'to']), ageIssues);
    issues.push(...ageIssues);
    if (ageIssues.length === 0 && (from !== undefined || to !== undefined)) {
      input.ages = { from, to };
    }
  }
  assignText(input, 'address', cells.get('address'));
  const coordinateIssues: ValidationIssue[] = [];
  const lat = assign(
    {},
    'lat',
    numberCell(cells.get('lat'), ['coordinates', 'lat']),
    coordinateIssues,
  );
  const lon = assign(
    {},
    'lon',
    numberCell(cells.get('lon'), ['coordinates', 'lon']),
    coordinateIssues,
  );
  issues.push(...coordinateIssues);
  if (coordinateIssues.length === 0 && (lat !== undefined || lon !== undefined)) {
    input.coordinates = { lat, lon };
  }
  assignText(input, 'phone', cells.get('phone'));
  assignText(input, 'note', cells.get('note'));
  return { input, issues };
}

function siteFieldOf(
  path: IssuePath,
  cells: CellReader<SiteColumnField>,
): SiteColumnField | undefined {
  const [head, second] = path;
  if (head === 'ages') {
    if (agesFromOneColumn(cells)) return 'ages';
    return second === 'to' ? 'ageTo' : 'ageFrom';
  }
  if (head === 'coordinates') return second === 'lon' ? 'lon' : 'lat';
  return siteImportColumns.find((column) => column.field === head)?.field;
}

const siteSpec: RecordSpec<typeof siteSchema, SiteColumnField> = {
  definitions: siteImportColumns,
  schema: siteSchema,
  idField: 'id',
  missingColumns: (present) => {
    const missing = missingRequired(siteImportColumns)(present);
    const hasAges = present.has('ages') || (present.has('ageFrom') && present.has('ageTo'));
    if (hasAges) return missing;
    return [...missing, ...siteImportColumns.filter((column) => column.field === 'ages')];
  },
  build: buildSite,
  fieldOf: siteFieldOf,
};

/** Reads a sites file, keeping the cells of every row. */
export async function readSites(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<TableImport<Site>> {
  return importTable(await readTable(source, options), siteSpec);
}

/**
 * Imports municipal sites from a CSV or XLSX file with Russian (or English) headers: «Код»,
 * «Вид площадки», «Наименование», «Организация», «Учебные годы», «Услуги», «Возраст» (or
 * «Возраст с» and «Возраст по»), «Адрес», «Широта», «Долгота», «Телефон», «Примечание».
 * Every data row is either accepted as a `Site` (validated by core's `siteSchema`) or
 * rejected with its row number, cells and reasons. Host organizations are not looked up
 * here; {@link importNetworkFiles} does that.
 *
 * @throws ValidationError when the file cannot be read at all (empty, binary, broken XLSX,
 * no header row, required columns missing).
 * @example
 * ```ts
 * import { importSites } from '@eduset/adapters';
 * const csv = [
 *   'Код;Вид площадки;Наименование;Организация;Учебные годы;Возраст',
 *   'kp-teremok;КП;КП «Теремок»;ds-teremok;2012-2013 – 2014-2015;от 0 до 7 лет',
 * ].join('\n');
 * const result = await importSites(csv);
 * result.accepted[0]?.record.activeYears; // ['2012-2013', '2013-2014', '2014-2015']
 * ```
 */
export async function importSites(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult<Site>> {
  return (await readSites(source, options)).result;
}
