import type { ValidationIssue } from '@eduset/core/common';

/**
 * The file formats the importer reads.
 *
 * @example
 * ```ts
 * import type { ImportFormat } from '@eduset/adapters';
 * const format: ImportFormat = 'csv';
 * ```
 */
export type ImportFormat = 'csv' | 'xlsx';

/**
 * What a file can be given as: its bytes (a Node `Buffer` is a `Uint8Array`), an
 * `ArrayBuffer` (from `fetch` or a browser `File`), or CSV text that is already decoded.
 *
 * @example
 * ```ts
 * import type { ImportSource } from '@eduset/adapters';
 * const source: ImportSource = 'Код;Наименование;Тип\nds-1;Детский сад №1;детский сад\n';
 * ```
 */
export type ImportSource = Uint8Array | ArrayBuffer | string;

/**
 * The text encoding a CSV file was read in. `text` means the CSV was given as a string.
 *
 * @example
 * ```ts
 * import type { TextEncodingName } from '@eduset/adapters';
 * const encoding: TextEncodingName = 'windows-1251';
 * ```
 */
export type TextEncodingName =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'text';

/**
 * A CSV field delimiter the importer recognizes.
 *
 * @example
 * ```ts
 * import type { CsvDelimiter } from '@eduset/adapters';
 * const delimiter: CsvDelimiter = ';';
 * ```
 */
export type CsvDelimiter = ';' | ',' | '\t' | '|';

/**
 * Options of {@link importOrganizations} and {@link importSites}. Everything is detected
 * when left out.
 *
 * @example
 * ```ts
 * import type { ImportOptions } from '@eduset/adapters';
 * const options: ImportOptions = { format: 'xlsx', sheet: 'Площадки' };
 * ```
 */
export interface ImportOptions {
  /** The format; detected from the bytes (and `fileName`) when left out. */
  readonly format?: ImportFormat;
  /** The file name, used only as a hint for the format (`.csv`, `.xlsx`). */
  readonly fileName?: string;
  /** XLSX: the worksheet, by name or by 1-based position; the first visible one by default. */
  readonly sheet?: string | number;
  /** CSV: the delimiter; detected from the header line by default. */
  readonly delimiter?: CsvDelimiter;
  /** CSV: the encoding; detected by default (UTF-8 with or without BOM, else Windows-1251). */
  readonly encoding?: 'utf-8' | 'windows-1251';
}

/**
 * A row that became a record.
 *
 * @example
 * ```ts
 * import type { AcceptedRow } from '@eduset/adapters';
 * import type { Organization } from '@eduset/core/network';
 * declare const row: AcceptedRow<Organization>;
 * `${row.row}: ${row.record.name}`;
 * ```
 */
export interface AcceptedRow<T> {
  /** The row number as the spreadsheet shows it (the header row counts; 1-based). */
  readonly row: number;
  /** The record, validated by core's schema. */
  readonly record: T;
}

/**
 * A row that did not become a record, kept with its raw cells and every reason.
 *
 * @example
 * ```ts
 * import type { RejectedRow } from '@eduset/adapters';
 * declare const row: RejectedRow;
 * row.issues.map((issue) => `строка ${row.row}: ${issue.message.ru}`);
 * ```
 */
export interface RejectedRow {
  /** The row number as the spreadsheet shows it (the header row counts; 1-based). */
  readonly row: number;
  /** The cells of the row as read (trimmed text), in column order. */
  readonly cells: readonly string[];
  /** Every reason, each with a Russian and an English message; never empty. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * How one column of the file was understood: the field it fills, or `null` when the
 * header is not known (the column is then not read; its cells stay in rejected rows).
 *
 * @example
 * ```ts
 * import type { ImportColumn } from '@eduset/adapters';
 * const column: ImportColumn = { index: 0, header: 'Код', field: 'id' };
 * ```
 */
export interface ImportColumn {
  /** 0-based position of the column. */
  readonly index: number;
  /** The header as written in the file. */
  readonly header: string;
  /** The field the column fills, or `null` when the header is not known. */
  readonly field: string | null;
}

/**
 * Where the rows came from: the format and what was detected.
 *
 * @example
 * ```ts
 * import type { ImportSourceInfo } from '@eduset/adapters';
 * const info: ImportSourceInfo = { format: 'csv', encoding: 'windows-1251', delimiter: ';' };
 * ```
 */
export interface ImportSourceInfo {
  readonly format: ImportFormat;
  /** CSV only: the encoding the text was read in. */
  readonly encoding?: TextEncodingName;
  /** CSV only: the field delimiter. */
  readonly delimiter?: CsvDelimiter;
  /** XLSX only: the worksheet read. */
  readonly sheet?: string;
}

/**
 * The outcome of an import. Every data row (each row after the header row) is either in
 * `accepted` or in `rejected`, so `accepted.length + rejected.length === rows`, always;
 * both lists are in file order.
 *
 * @example
 * ```ts
 * import { importOrganizations } from '@eduset/adapters';
 * const result = await importOrganizations('Код;Наименование;Тип\nds-1;Детский сад №1;МБДОУ\n');
 * result.accepted.length + result.rejected.length === result.rows; // true
 * ```
 */
export interface ImportResult<T> {
  /** Rows that became records. */
  readonly accepted: readonly AcceptedRow<T>[];
  /** Rows that did not, with reasons. */
  readonly rejected: readonly RejectedRow[];
  /** The number of data rows in the file (rows after the header row, empty ones included). */
  readonly rows: number;
  /** The row number of the header row (the first non-empty row). */
  readonly headerRow: number;
  /** How each column was understood. */
  readonly columns: readonly ImportColumn[];
  /** The format and what was detected. */
  readonly source: ImportSourceInfo;
}
