import { ValidationError } from '../common/errors.js';
import type { LocalizedText } from '../common/labels.js';

/**
 * Machine-readable codes of formula syntax errors.
 *
 * @example
 * ```ts
 * import type { FormulaErrorCode } from '@eduset/core/indicators';
 * const code: FormulaErrorCode = 'unexpected-end';
 * ```
 */
export type FormulaErrorCode =
  | 'unexpected-character'
  | 'unterminated-reference'
  | 'invalid-reference'
  | 'invalid-number'
  | 'unexpected-token'
  | 'unexpected-end'
  | 'unknown-function'
  | 'wrong-argument-count'
  | 'aggregate-needs-data-element'
  | 'too-deep'
  | 'too-long';

/**
 * A formula could not be read. It is a {@link ValidationError} (tag `ValidationError`) with
 * one issue whose path is `['formula', line, column]`, plus the line and column (both from 1)
 * and a Russian and English message that names the place.
 *
 * @example
 * ```ts
 * import { parseFormula, FormulaSyntaxError } from '@eduset/core/indicators';
 * try {
 *   parseFormula('#{a} +');
 * } catch (error) {
 *   if (error instanceof FormulaSyntaxError) error.line; // 1
 * }
 * ```
 */
export class FormulaSyntaxError extends ValidationError {
  /** Line of the problem, from 1. */
  readonly line: number;
  /** Column of the problem, from 1. */
  readonly column: number;
  /** What went wrong. */
  readonly code: FormulaErrorCode;

  constructor(code: FormulaErrorCode, line: number, column: number, detail: LocalizedText) {
    const text: LocalizedText = {
      ru: `Ошибка в формуле (строка ${line}, столбец ${column}): ${detail.ru}`,
      en: `Formula error (line ${line}, column ${column}): ${detail.en}`,
    };
    super([{ path: ['formula', line, column], code, message: text }], text);
    this.name = 'FormulaSyntaxError';
    this.line = line;
    this.column = column;
    this.code = code;
  }
}
