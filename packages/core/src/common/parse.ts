import { ValidationError, type IssuePath, type ValidationIssue } from './errors.js';
import type { LocalizedText } from './labels.js';
import { z } from './zod-mini.js';

type ZodIssue = z.core.$ZodIssue;

function describeExpected(expected: string): LocalizedText {
  const names: Record<string, LocalizedText> = {
    string: { ru: 'строка', en: 'a string' },
    number: { ru: 'число', en: 'a number' },
    int: { ru: 'целое число', en: 'an integer' },
    boolean: { ru: 'да/нет', en: 'a boolean' },
    array: { ru: 'список', en: 'a list' },
    object: { ru: 'объект', en: 'an object' },
    date: { ru: 'дата', en: 'a date' },
  };
  return names[expected] ?? { ru: expected, en: expected };
}

/**
 * Turns one zod issue into an eduset issue with a Russian and an English message.
 * Custom refinements may carry their own pair in `params.text`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { issueFromZod } from '@eduset/core/common';
 * const result = z.string().safeParse(1);
 * if (!result.success) issueFromZod(result.error.issues[0]!).message.ru; // 'Ожидается строка'
 * ```
 */
export function issueFromZod(issue: ZodIssue, prefix: IssuePath = []): ValidationIssue {
  const path: IssuePath = [
    ...prefix,
    ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
  ];
  return { path, code: issue.code, message: messageOf(issue) };
}

/**
 * Whether a type issue is about a value that is not there at all. Zod keeps the rejected
 * input on an issue only when parsing was asked to (`reportInput`, as {@link parse} does);
 * otherwise its default message still names what was received.
 */
function isMissing(issue: ZodIssue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return /received undefined$/.test(issue.message);
}

function messageOf(issue: ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(issue)) return { ru: 'Обязательное поле', en: 'Required' };
      const expected = describeExpected(issue.expected);
      return { ru: `Ожидается ${expected.ru}`, en: `Expected ${expected.en}` };
    }
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return {
          ru: `Слишком мало: нужно не меньше ${String(issue.minimum)}`,
          en: `Too short: at least ${String(issue.minimum)} expected`,
        };
      }
      return issue.inclusive === false
        ? {
            ru: `Значение должно быть больше ${String(issue.minimum)}`,
            en: `Must be greater than ${String(issue.minimum)}`,
          }
        : {
            ru: `Значение должно быть не меньше ${String(issue.minimum)}`,
            en: `Must be at least ${String(issue.minimum)}`,
          };
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return {
          ru: `Слишком много: не больше ${String(issue.maximum)}`,
          en: `Too long: at most ${String(issue.maximum)} expected`,
        };
      }
      return issue.inclusive === false
        ? {
            ru: `Значение должно быть меньше ${String(issue.maximum)}`,
            en: `Must be less than ${String(issue.maximum)}`,
          }
        : {
            ru: `Значение должно быть не больше ${String(issue.maximum)}`,
            en: `Must be at most ${String(issue.maximum)}`,
          };
    case 'invalid_format':
      return {
        ru: `Неверный формат (${issue.format})`,
        en: `Invalid format (${issue.format})`,
      };
    case 'invalid_value': {
      const allowed = issue.values.map((value) => String(value)).join(', ');
      return {
        ru: `Недопустимое значение; допустимы: ${allowed}`,
        en: `Invalid value; allowed: ${allowed}`,
      };
    }
    case 'unrecognized_keys':
      return {
        ru: `Неизвестные поля: ${issue.keys.join(', ')}`,
        en: `Unknown fields: ${issue.keys.join(', ')}`,
      };
    case 'not_multiple_of':
      return {
        ru: `Значение должно быть кратно ${String(issue.divisor)}`,
        en: `Must be a multiple of ${String(issue.divisor)}`,
      };
    case 'custom': {
      const text = (issue.params as { text?: LocalizedText } | undefined)?.text;
      return text ?? { ru: issue.message, en: issue.message };
    }
    default:
      return { ru: 'Недопустимое значение', en: 'Invalid value' };
  }
}

/**
 * Validates outside data against a schema and returns the parsed value, or throws a
 * {@link ValidationError} listing every issue. Every public entry point of eduset that
 * takes outside data goes through here.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { parse } from '@eduset/core/common';
 * const age = parse(z.number().int().min(0), 5); // 5
 * ```
 */
export function parse<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => issueFromZod(issue)));
}

/**
 * The outcome of {@link safeParse}: the value, or every issue found.
 *
 * @example
 * ```ts
 * import type { ParseResult } from '@eduset/core/common';
 * const ok: ParseResult<number> = { ok: true, value: 1 };
 * ```
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Like {@link parse}, but returns the issues instead of throwing (for imports that keep
 * rejected rows).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { safeParse } from '@eduset/core/common';
 * const result = safeParse(z.string(), 1);
 * result.ok; // false
 * ```
 */
export function safeParse<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  prefix: IssuePath = [],
): ParseResult<z.output<S>> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => issueFromZod(issue, prefix)) };
}
