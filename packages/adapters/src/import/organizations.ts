import type { ValidationIssue } from '@eduset/core/common';
import { organizationSchema, type Organization } from '@eduset/core/network';
import { organizationImportColumns, type OrganizationColumnField } from './columns.js';
import { readTable } from './read.js';
import {
  assign,
  assignText,
  fieldOfPath,
  importTable,
  missingRequired,
  type CellReader,
  type RecordSpec,
  type RowBuild,
  type TableImport,
} from './rows.js';
import type { ImportOptions, ImportResult, ImportSource } from './types.js';
import { organizationKindCell, schoolLevelCell } from './values.js';

function buildOrganization(cells: CellReader<OrganizationColumnField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  assignText(input, 'id', cells.get('id'));
  assignText(input, 'name', cells.get('name'));
  assignText(input, 'shortName', cells.get('shortName'));
  const reading = assign({}, 'kind', organizationKindCell(cells.get('kind')), issues);
  if (reading !== undefined) input.kind = reading.kind;
  const levelIssues: ValidationIssue[] = [];
  const level = assign(input, 'level', schoolLevelCell(cells.get('level')), levelIssues);
  issues.push(...levelIssues);
  if (reading?.level !== undefined && levelIssues.length === 0) {
    if (level === undefined) {
      input.level = reading.level;
    } else if (level !== reading.level) {
      issues.push({
        path: ['level'],
        code: 'level_conflict',
        message: {
          ru: `Уровень «${cells.get('level')}» противоречит типу «${cells.get('kind')}»`,
          en: `Level "${cells.get('level')}" contradicts kind "${cells.get('kind')}"`,
        },
      });
    }
  }
  assignText(input, 'address', cells.get('address'));
  assignText(input, 'note', cells.get('note'));
  return { input, issues };
}

const organizationSpec: RecordSpec<typeof organizationSchema, OrganizationColumnField> = {
  definitions: organizationImportColumns,
  schema: organizationSchema,
  idField: 'id',
  missingColumns: missingRequired(organizationImportColumns),
  build: buildOrganization,
  fieldOf: fieldOfPath(organizationImportColumns),
};

/** Reads an organizations file, keeping the cells of every row. */
export async function readOrganizations(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<TableImport<Organization>> {
  return importTable(await readTable(source, options), organizationSpec);
}

/**
 * Imports organizations from a CSV or XLSX file with Russian (or English) headers: «Код»,
 * «Наименование», «Краткое наименование», «Тип», «Уровень», «Адрес», «Примечание». Every
 * data row is either accepted as an `Organization` (validated by core's
 * `organizationSchema`) or rejected with its row number, cells and reasons.
 *
 * @throws ValidationError when the file cannot be read at all (empty, binary, broken XLSX,
 * no header row, required columns missing).
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { importOrganizations } from '@eduset/adapters';
 * const result = await importOrganizations(await readFile('organizations.csv'));
 * for (const { row, issues } of result.rejected) {
 *   console.log(row, issues.map((issue) => issue.message.ru).join('; '));
 * }
 * const organizations = result.accepted.map(({ record }) => record);
 * ```
 */
export async function importOrganizations(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult<Organization>> {
  return (await readOrganizations(source, options)).result;
}
