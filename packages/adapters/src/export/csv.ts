import { csvFormulaTrigger } from '@eduset/core';
import Papa from 'papaparse';

/**
 * A cell of a CSV file eduset writes: text (neutralised when it could be a formula, see
 * core's `csvFormulaTrigger`), a number (written as it is), or nothing (an empty cell).
 *
 * @example
 * ```ts
 * import type { CsvCell } from '@eduset/adapters';
 * const row: CsvCell[] = ['МБОУ СОШ №2', 3, null];
 * ```
 */
export type CsvCell = string | number | null;

/**
 * A table as CSV the way Russian Excel opens it — `;`-separated, CRLF line ends, UTF-8 with
 * a byte-order mark — with every cell that a spreadsheet could run as a formula neutralised
 * by a leading `'` (papaparse's `unparse` with its formula escaping; see
 * core's `csvFormulaTrigger`). Every CSV eduset writes goes through here.
 *
 * @example
 * ```ts
 * import { excelCsv } from '@eduset/adapters';
 * excelCsv([['Школа', 'Место'], ['=HYPERLINK("http://x","y")', 1]]);
 * // '\ufeffШкола;Место\r\n"\'=HYPERLINK(""http://x"",""y"")";1\r\n'
 * ```
 */
export function excelCsv(
  rows: readonly (readonly CsvCell[])[],
  fields?: readonly string[],
): string {
  const data = rows.map((row) => [...row]);
  const options = { delimiter: ';', newline: '\r\n', escapeFormulae: csvFormulaTrigger };
  const text =
    fields === undefined
      ? Papa.unparse(data, options)
      : Papa.unparse({ fields: [...fields], data }, options);
  return `\ufeff${text}\r\n`;
}
