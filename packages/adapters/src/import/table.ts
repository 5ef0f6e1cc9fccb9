import { csvFormulaTrigger, type LocalizedText } from '@eduset/core/common';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { bytesOf, decodeCsv, fileError } from './source.js';
import type { CsvDelimiter, ImportOptions, ImportSource, ImportSourceInfo } from './types.js';

/** One data row as read: its spreadsheet row number and its cells as text. */
export interface RawRow {
  /** 1-based, counting every row of the file (the header row and rows above it too). */
  readonly row: number;
  readonly cells: readonly string[];
  /** A problem the reader itself found in this row (e.g. an unclosed quote). */
  readonly problem?: LocalizedText;
}

/** A file read as a table: the header row, the data rows after it, and where it came from. */
export interface RawTable {
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
  readonly source: ImportSourceInfo;
}

/** Whether every cell of a row is blank. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Splits a grid (row i of the file at index i) into the header row (the first non-empty
 * row) and the data rows after it.
 */
function tableFromGrid(
  grid: readonly (readonly string[])[],
  source: ImportSourceInfo,
  problems: ReadonlyMap<number, LocalizedText> = new Map(),
): RawTable {
  const headerIndex = grid.findIndex((cells) => !isBlankRow(cells));
  if (headerIndex < 0) {
    throw fileError('no_header', {
      ru: 'В файле нет ни одной заполненной строки (нет строки заголовков)',
      en: 'The file has no filled row (no header row)',
    });
  }
  const headers = (grid[headerIndex] ?? []).map((cell) => cell.trim());
  const rows: RawRow[] = [];
  for (let index = headerIndex + 1; index < grid.length; index += 1) {
    const cells = (grid[index] ?? []).map((cell) => cell.trim());
    const problem = problems.get(index);
    rows.push(
      problem === undefined ? { row: index + 1, cells } : { row: index + 1, cells, problem },
    );
  }
  return { headerRow: headerIndex + 1, headers, rows, source };
}

const delimiters: readonly CsvDelimiter[] = [';', '\t', ',', '|'];

/**
 * Guesses the delimiter from the header line (the first line with any text): the candidate
 * that occurs most often outside quotes; `;` wins ties, as in Russian Excel exports.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let hasText = false;
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
      hasText = true;
      continue;
    }
    if (inQuotes) continue;
    if (char === '\n' || char === '\r') {
      if (hasText) break;
      counts.clear();
      continue;
    }
    if ((delimiters as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    } else if (char.trim() !== '') {
      hasText = true;
    }
  }
  let best: CsvDelimiter = ';';
  let bestCount = 0;
  for (const delimiter of delimiters) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

const quoteProblem: LocalizedText = {
  ru: 'Ошибка в кавычках: кавычка не закрыта или стоит посреди значения',
  en: 'Quote error: a quote is not closed or stands in the middle of a value',
};

/**
 * A cell as it was before a CSV writer neutralised it: eduset's writers (and papaparse's
 * `escapeFormulae`, and spreadsheet users by habit) put a `'` before text a spreadsheet could
 * run as a formula (`'=SUM(A1)`, `'+7 912 …`, `'-2+3`). Reading such a file back gives the text
 * without the mark, so an exported table imports unchanged. A `'` before anything else stays.
 */
function unneutralised(cell: string): string {
  return cell.startsWith("'") && csvFormulaTrigger.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Reads CSV bytes or text into a table. */
export function readCsvTable(source: ImportSource, options: ImportOptions = {}): RawTable {
  const { text, encoding } = decodeCsv(source, options.encoding);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const grid: string[][] = parsed.data.map((cells) =>
    Array.isArray(cells) ? cells.map(unneutralised) : [],
  );
  // A line break at the very end of the file ends the last row; it does not start a new one.
  const last = grid[grid.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text)) {
    grid.pop();
  }
  const problems = new Map<number, LocalizedText>();
  for (const error of parsed.errors) {
    if (error.type === 'Quotes' && typeof error.row === 'number')
      problems.set(error.row, quoteProblem);
  }
  return tableFromGrid(grid, { format: 'csv', encoding, delimiter }, problems);
}

function isoOfDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The text of an XLSX cell value: numbers as JavaScript writes them, dates as ISO (`2020-09-01`
 * or `2020-09-01T10:30:00` when there is a time), rich text as plain text, hyperlinks as
 * their text, formulas as their cached result, errors as their code (`#N/A`).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoOfDate(value);
  if (!isRecord(value)) return '';
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((part: unknown) => (isRecord(part) ? cellText(part.text) : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text);
  if (typeof value.error === 'string') return value.error;
  if ('text' in value) return cellText(value.text);
  return '';
}

function worksheetOf(
  workbook: ExcelJS.Workbook,
  sheet: string | number | undefined,
): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const names = sheets.map((worksheet) => `«${worksheet.name}»`).join(', ');
  let found: ExcelJS.Worksheet | undefined;
  if (sheet === undefined) {
    found = sheets.find((worksheet) => worksheet.state === 'visible') ?? sheets[0];
  } else if (typeof sheet === 'number') {
    found = Number.isInteger(sheet) && sheet >= 1 ? sheets[sheet - 1] : undefined;
  } else {
    const wanted = sheet.trim().toLowerCase().replace(/ё/g, 'е');
    found =
      sheets.find((worksheet) => worksheet.name === sheet) ??
      sheets.find((worksheet) => worksheet.name.trim().toLowerCase().replace(/ё/g, 'е') === wanted);
  }
  if (found !== undefined) return found;
  if (sheets.length === 0) {
    throw fileError('no_worksheet', {
      ru: 'В книге XLSX нет ни одного листа',
      en: 'The XLSX workbook has no worksheet',
    });
  }
  throw fileError('sheet_not_found', {
    ru: `Лист «${String(sheet)}» не найден; листы книги: ${names}`,
    en: `Worksheet "${String(sheet)}" not found; the workbook has: ${names}`,
  });
}

/** Reads the first (or the chosen) worksheet of XLSX bytes into a table. */
export async function readXlsxTable(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<RawTable> {
  const bytes = bytesOf(source);
  if (bytes === undefined) {
    throw fileError('not_xlsx', {
      ru: 'XLSX читается из байтов файла, а не из текста',
      en: 'XLSX is read from the bytes of a file, not from text',
    });
  }
  if (bytes.length === 0) {
    throw fileError('empty_file', { ru: 'Файл пуст (0 байт)', en: 'The file is empty (0 bytes)' });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy, so that exceljs gets an ArrayBuffer of exactly the file (not a Buffer pool slice).
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw fileError('broken_xlsx', {
      ru: 'Не удалось прочитать файл XLSX: он повреждён или это не книга Excel',
      en: 'Could not read the XLSX file: it is damaged or not an Excel workbook',
    });
  }
  const worksheet = worksheetOf(workbook, options.sheet);
  const grid: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // The value of merged cells is in their top-left cell only, as the file stores it.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[columnNumber - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  // The sheet ends at the last row that holds a value; rows Excel keeps only for their
  // formatting hold none and are not rows of the data.
  const dense = Array.from(grid, (cells) => cells ?? []);
  return tableFromGrid(dense, { format: 'xlsx', sheet: worksheet.name });
}
