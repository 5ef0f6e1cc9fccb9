/**
 * Import of organizations and municipal sites from CSV and XLSX files as a municipality
 * writes them: Russian headers, Russian words for kinds, `;`-separated CSV in UTF-8 or
 * Windows-1251. Every data row is accepted as a record validated by core's schemas or
 * rejected with its row number, cells and reasons in Russian and English.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { importSites } from '@eduset/adapters';
 * const result = await importSites(await readFile('sites.csv'));
 * console.log(`${result.accepted.length} принято, ${result.rejected.length} отклонено`);
 * ```
 *
 * @module import
 */
export {
  headerKey,
  organizationImportColumns,
  siteImportColumns,
  type ImportColumnDefinition,
  type OrganizationColumnField,
  type SiteColumnField,
} from './columns.js';
export {
  certificateImportColumns,
  importCertificates,
  importProgrammes,
  programmeImportColumns,
  type ProgrammeImport,
} from './financing.js';
export {
  importInventoryRooms,
  importInventoryStaff,
  parseFreeHours,
  inventoryRoomImportColumns,
  inventoryStaffImportColumns,
  type RoomImport,
} from './inventory.js';
export { importNetworkFiles, type NetworkFiles, type NetworkFilesResult } from './network.js';
export { importOrganizations } from './organizations.js';
export { importSites } from './sites.js';
export { detectFormat } from './source.js';
export type {
  AcceptedRow,
  CsvDelimiter,
  ImportColumn,
  ImportFormat,
  ImportOptions,
  ImportResult,
  ImportSource,
  ImportSourceInfo,
  RejectedRow,
  TextEncodingName,
} from './types.js';
export {
  parseAgeRange,
  parseDecimal,
  parseOrganizationKind,
  parseSchoolLevel,
  parseSchoolYearsCell,
  parseSiteKind,
  type CellResult,
  type OrganizationKindReading,
} from './values.js';
