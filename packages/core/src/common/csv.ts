/**
 * Which CSV cells a spreadsheet could take for a formula: those starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return — papaparse's `escapeFormulae: true` — except a cell that is
 * exactly a negative decimal number (`-5`, `-1250,50`), which a spreadsheet reads as that
 * number and cannot run. The one rule of every CSV eduset writes (adapters' `excelCsv`, the
 * widgets' downloads).
 *
 * @example
 * ```ts
 * import { csvFormulaTrigger } from '@eduset/core';
 * csvFormulaTrigger.test('=HYPERLINK("http://x","y")'); // true
 * csvFormulaTrigger.test('-5,00'); // false: a number
 * csvFormulaTrigger.test('-5 (refund)'); // true
 * ```
 */
export const csvFormulaTrigger = /^(?!-\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

/**
 * One cell of a `;`-separated CSV as papaparse's `unparse` writes it with formula escaping
 * ({@link csvFormulaTrigger}): a cell that could be a formula gets a leading `'` and quotes; a
 * cell with `;`, a quote, a line break or an outer space is quoted, quotes doubled. For
 * writers that cannot use papaparse (the widgets).
 *
 * @example
 * ```ts
 * import { csvCell } from '@eduset/core';
 * csvCell('=1+2'); // `"'=1+2"`
 * csvCell('a;b'); // '"a;b"'
 * csvCell('-5'); // '-5'
 * ```
 */
export function csvCell(text: string): string {
  const escaped = csvFormulaTrigger.test(text);
  const value = escaped ? `'${text}` : text;
  const quoted =
    escaped || /[;"\r\n\ufeff]/.test(value) || value.startsWith(' ') || value.endsWith(' ');
  return quoted ? `"${value.replace(/"/g, '""')}"` : value;
}
