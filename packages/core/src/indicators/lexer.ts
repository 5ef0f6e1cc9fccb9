import { FormulaSyntaxError } from './formula-error.js';
import { IDENTIFIER } from './syntax.js';

/**
 * The kinds of tokens of the formula language.
 *
 * @example
 * ```ts
 * import type { TokenKind } from '@eduset/core/indicators';
 * const kind: TokenKind = 'dataElement';
 * ```
 */
export type TokenKind =
  | 'number'
  | 'identifier'
  | 'dataElement'
  | 'constant'
  | 'indicator'
  | 'operator'
  | '('
  | ')'
  | ','
  | 'end';

/**
 * One token with its place in the text (line and column from 1).
 *
 * @example
 * ```ts
 * import { tokenize } from '@eduset/core/indicators';
 * tokenize('#{a} + 1')[1]; // { kind: 'operator', text: '+', line: 1, column: 6 }
 * ```
 */
export interface Token {
  readonly kind: TokenKind;
  /** The operator, number text, identifier, or the reference body (`a.b` of `#{a.b}`). */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Longest formulas accepted (characters); guards against pathological input.
 *
 * @example
 * ```ts
 * import { MAX_FORMULA_LENGTH } from '@eduset/core/indicators';
 * MAX_FORMULA_LENGTH; // 20000
 * ```
 */
export const MAX_FORMULA_LENGTH = 20_000;

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%'];
const REFERENCE_PREFIX: Record<string, TokenKind> = {
  '#': 'dataElement',
  C: 'constant',
  I: 'indicator',
};

/**
 * Splits formula text into tokens. Whitespace (spaces, tabs, line breaks) separates tokens;
 * `//` starts a comment to the end of the line.
 *
 * @throws FormulaSyntaxError with the line and column of the first character it cannot read.
 * @example
 * ```ts
 * import { tokenize } from '@eduset/core/indicators';
 * tokenize('#{parents-satisfied} / #{parents-surveyed}').map((t) => t.kind);
 * // ['dataElement', 'operator', 'dataElement', 'end']
 * ```
 */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaSyntaxError('too-long', 1, 1, {
      ru: `формула длиннее ${MAX_FORMULA_LENGTH} символов`,
      en: `the formula is longer than ${MAX_FORMULA_LENGTH} characters`,
    });
  }
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const column = (): number => index - lineStart + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\n') {
      index += 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      index += 1;
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index += 1;
      continue;
    }
    const start = column();
    const referenceKind = REFERENCE_PREFIX[char];
    if (referenceKind !== undefined && text[index + 1] === '{') {
      const close = text.indexOf('}', index + 2);
      const newline = text.indexOf('\n', index + 2);
      if (close === -1 || (newline !== -1 && newline < close)) {
        throw new FormulaSyntaxError('unterminated-reference', line, start, {
          ru: 'ссылка не закрыта знаком «}»',
          en: 'the reference is not closed with "}"',
        });
      }
      const body = text.slice(index + 2, close).trim();
      const parts = body.split('.');
      const valid =
        referenceKind === 'dataElement'
          ? parts.length <= 2 && parts.every((part) => IDENTIFIER.test(part))
          : parts.length === 1 && IDENTIFIER.test(body);
      if (!valid) {
        throw new FormulaSyntaxError('invalid-reference', line, start, {
          ru: `«${body}» — недопустимая ссылка (ожидается идентификатор${referenceKind === 'dataElement' ? ', через точку — разрез' : ''})`,
          en: `"${body}" is not a valid reference (expected an id${referenceKind === 'dataElement' ? ', optionally a dot and a disaggregation' : ''})`,
        });
      }
      tokens.push({ kind: referenceKind, text: body, line, column: start });
      index = close + 1;
      continue;
    }
    if (char >= '0' && char <= '9') {
      let end = index;
      while (end < text.length && isDigit(text.charAt(end))) end += 1;
      if (text[end] === '.') {
        end += 1;
        const fractionStart = end;
        while (end < text.length && isDigit(text.charAt(end))) end += 1;
        if (end === fractionStart) {
          throw new FormulaSyntaxError('invalid-number', line, start, {
            ru: 'после десятичной точки нужны цифры',
            en: 'digits are expected after the decimal point',
          });
        }
      }
      tokens.push({ kind: 'number', text: text.slice(index, end), line, column: start });
      index = end;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      let end = index + 1;
      while (end < text.length && /[A-Za-z0-9_]/.test(text.charAt(end))) end += 1;
      tokens.push({ kind: 'identifier', text: text.slice(index, end), line, column: start });
      index = end;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, line, column: start });
      index += 1;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, index));
    if (operator !== undefined) {
      tokens.push({ kind: 'operator', text: operator, line, column: start });
      index += operator.length;
      continue;
    }
    const shown =
      char === ','
        ? ','
        : (text.codePointAt(index) ?? 0) > 0xffff
          ? text.slice(index, index + 2)
          : char;
    throw new FormulaSyntaxError('unexpected-character', line, start, {
      ru: `непонятный символ «${shown}»${char === '=' ? ' (сравнение пишется «==»)' : ''}`,
      en: `unexpected character "${shown}"${char === '=' ? ' (equality is written "==")' : ''}`,
    });
  }
  tokens.push({ kind: 'end', text: '', line, column: column() });
  return tokens;
}
