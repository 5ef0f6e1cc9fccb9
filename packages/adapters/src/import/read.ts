import { detectFormat } from './source.js';
import { readCsvTable, readXlsxTable, type RawTable } from './table.js';
import type { ImportOptions, ImportSource } from './types.js';

/** Reads a CSV or XLSX file (format given or detected) into a table. */
export async function readTable(source: ImportSource, options: ImportOptions): Promise<RawTable> {
  const format = options.format ?? detectFormat(source, options.fileName);
  return format === 'xlsx' ? readXlsxTable(source, options) : readCsvTable(source, options);
}
