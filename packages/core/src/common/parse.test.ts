import { z } from './zod.js';
import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationIssue } from './errors.js';
import { issueFromZod, parse, safeParse } from './parse.js';
import { schoolYearSchema } from './school-year.js';

const rowSchema = z.object({
  name: z.string(),
  age: z.number().int().min(0),
  kind: z.enum(['school', 'kindergarten']),
  tags: z.array(z.string()).min(1),
  year: schoolYearSchema,
});

function issuesOf(run: () => unknown): readonly ValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

function issueAt(issues: readonly ValidationIssue[], path: readonly (string | number)[]) {
  const issue = issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
  if (issue === undefined) throw new Error(`no issue at ${JSON.stringify(path)}`);
  return issue;
}

describe('parse', () => {
  it('returns the parsed value (with defaults and transforms)', () => {
    const schema = z.object({ name: z.string().trim(), count: z.number().default(0) });
    expect(parse(schema, { name: '  КП  ' })).toEqual({ name: 'КП', count: 0 });
    expect(parse(z.number().int().min(0), 5)).toBe(5);
  });

  it('keeps every zod issue with its path, code and a Russian and English message', () => {
    const input = { age: 'seven', kind: 'college', tags: [], year: '2019-2021' };
    const zodIssues = rowSchema.safeParse(input).error?.issues ?? [];
    const issues = issuesOf(() => parse(rowSchema, input));
    expect(issues).toHaveLength(zodIssues.length);
    expect(issues).toHaveLength(5);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['name'],
      ['age'],
      ['kind'],
      ['tags'],
      ['year'],
    ]);
    expect(issueAt(issues, ['name'])).toEqual({
      path: ['name'],
      code: 'invalid_type',
      message: { ru: 'Обязательное поле', en: 'Required' },
    });
    expect(issueAt(issues, ['age'])).toEqual({
      path: ['age'],
      code: 'invalid_type',
      message: { ru: 'Ожидается число', en: 'Expected a number' },
    });
    expect(issueAt(issues, ['kind'])).toEqual({
      path: ['kind'],
      code: 'invalid_value',
      message: {
        ru: 'Недопустимое значение; допустимы: school, kindergarten',
        en: 'Invalid value; allowed: school, kindergarten',
      },
    });
    expect(issueAt(issues, ['tags'])).toEqual({
      path: ['tags'],
      code: 'too_small',
      message: { ru: 'Слишком мало: нужно не меньше 1', en: 'Too short: at least 1 expected' },
    });
    expect(issueAt(issues, ['year'])).toEqual({
      path: ['year'],
      code: 'custom',
      message: {
        ru: 'Ожидается учебный год вида 2019-2020',
        en: 'Expected a school year such as 2019-2020',
      },
    });
  });

  it('keeps nested paths with array indices as numbers', () => {
    const schema = z.object({ rows: z.array(z.object({ id: z.string() })) });
    const issues = issuesOf(() => parse(schema, { rows: [{ id: 'a' }, { id: 2 }, {}] }));
    expect(issues.map((issue) => issue.path)).toEqual([
      ['rows', 1, 'id'],
      ['rows', 2, 'id'],
    ]);
    expect(issues[0]?.message.en).toBe('Expected a string');
    expect(issues[1]?.message.en).toBe('Required');
  });

  it('throws a ValidationError with a two-language text', () => {
    expect(() => parse(z.string(), 1)).toThrow(ValidationError);
    expect(() => parse(z.string(), 1)).toThrow(
      'Данные не прошли проверку / The data did not pass validation',
    );
  });
});

describe('messages by issue code', () => {
  const messageOf = (schema: z.ZodType, input: unknown) => {
    const result = safeParse(schema, input);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues).toHaveLength(1);
    return result.issues[0] as ValidationIssue;
  };

  it('wrong type names the expected type; a missing value is "required"', () => {
    expect(messageOf(z.string(), 1).message).toEqual({
      ru: 'Ожидается строка',
      en: 'Expected a string',
    });
    expect(messageOf(z.boolean(), 'yes').message).toEqual({
      ru: 'Ожидается да/нет',
      en: 'Expected a boolean',
    });
    expect(messageOf(z.array(z.string()), 'a').message.en).toBe('Expected a list');
    expect(messageOf(z.object({}), 1).message.en).toBe('Expected an object');
    expect(messageOf(z.string(), undefined).message).toEqual({
      ru: 'Обязательное поле',
      en: 'Required',
    });
    expect(messageOf(z.string(), null).message.en).toBe('Expected a string');
  });

  it('too small and too big: inclusive and exclusive bounds, lengths', () => {
    expect(messageOf(z.number().min(1), 0).message).toEqual({
      ru: 'Значение должно быть не меньше 1',
      en: 'Must be at least 1',
    });
    expect(messageOf(z.number().positive(), 0).message).toEqual({
      ru: 'Значение должно быть больше 0',
      en: 'Must be greater than 0',
    });
    expect(messageOf(z.number().max(25), 26).message).toEqual({
      ru: 'Значение должно быть не больше 25',
      en: 'Must be at most 25',
    });
    expect(messageOf(z.number().lt(10), 10).message).toEqual({
      ru: 'Значение должно быть меньше 10',
      en: 'Must be less than 10',
    });
    expect(messageOf(z.string().min(3), 'ab').message.ru).toBe('Слишком мало: нужно не меньше 3');
    expect(messageOf(z.string().max(3), 'abcd').message).toEqual({
      ru: 'Слишком много: не больше 3',
      en: 'Too long: at most 3 expected',
    });
  });

  it('format, unknown keys, multiple of', () => {
    expect(messageOf(z.string().regex(/^\d+$/), 'x').message).toEqual({
      ru: 'Неверный формат (regex)',
      en: 'Invalid format (regex)',
    });
    const unknownKeys = messageOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 });
    expect(unknownKeys.code).toBe('unrecognized_keys');
    expect(unknownKeys.message).toEqual({
      ru: 'Неизвестные поля: b, c',
      en: 'Unknown fields: b, c',
    });
    expect(messageOf(z.number().multipleOf(5), 7).message.en).toBe('Must be a multiple of 5');
  });

  it('custom: the refinement’s own pair in params.text, else its message in both', () => {
    const withText = z.string().refine((value) => value.length > 3, {
      params: { text: { ru: 'Слишком коротко', en: 'Too short' } },
    });
    expect(messageOf(withText, 'ab')).toEqual({
      path: [],
      code: 'custom',
      message: { ru: 'Слишком коротко', en: 'Too short' },
    });
    const plain = z.string().refine((value) => value.length > 3, { message: 'short' });
    expect(messageOf(plain, 'ab').message).toEqual({ ru: 'short', en: 'short' });
  });

  it('any other code still has both languages', () => {
    const issue = messageOf(z.union([z.string(), z.number()]), true);
    expect(issue.code).toBe('invalid_union');
    expect(issue.message).toEqual({ ru: 'Недопустимое значение', en: 'Invalid value' });
  });
});

describe('safeParse', () => {
  it('returns the value or every issue, each path under the prefix', () => {
    expect(safeParse(z.string(), 'a')).toEqual({ ok: true, value: 'a' });
    const result = safeParse(
      rowSchema,
      { name: 'x', age: -1, kind: 'school', tags: ['a'], year: '2019-2020' },
      ['rows', 3],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: ['rows', 3, 'age'],
        code: 'too_small',
        message: { ru: 'Значение должно быть не меньше 0', en: 'Must be at least 0' },
      },
    ]);
  });

  it('does not throw', () => {
    expect(() => safeParse(z.never(), 1)).not.toThrow();
  });
});

describe('issueFromZod', () => {
  it('works on issues from a plain zod safeParse too (no reported input)', () => {
    const wrongType = z.string().safeParse(1);
    const missing = z.object({ a: z.string() }).safeParse({});
    expect(wrongType.success || missing.success).toBe(false);
    const wrongIssue = wrongType.error?.issues[0];
    const missingIssue = missing.error?.issues[0];
    if (wrongIssue === undefined || missingIssue === undefined) throw new Error('expected issues');
    expect(issueFromZod(wrongIssue).message.ru).toBe('Ожидается строка');
    expect(issueFromZod(missingIssue, ['rows', 0])).toEqual({
      path: ['rows', 0, 'a'],
      code: 'invalid_type',
      message: { ru: 'Обязательное поле', en: 'Required' },
    });
  });
});
