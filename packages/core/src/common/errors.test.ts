import { z } from './zod.js';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  EdusetError,
  isEdusetError,
  NotFoundError,
  ValidationError,
  type EdusetErrorTag,
} from './errors.js';
import { parse } from './parse.js';

type AnyEdusetError = ValidationError | NotFoundError | ConflictError;

/** Exhaustive on `_tag`: adding a tag without a case here fails to compile. */
function explain(error: AnyEdusetError): string {
  switch (error._tag) {
    case 'ValidationError':
      return `${error.issues.length} issue(s)`;
    case 'NotFoundError':
      return `${error.entity}:${error.id}`;
    case 'ConflictError':
      return error.reason;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

describe('EdusetError', () => {
  it('each error has its tag, name, two-language text and message', () => {
    const validation = new ValidationError([]);
    expect(validation._tag).toBe('ValidationError');
    expect(validation.name).toBe('ValidationError');
    expect(validation.text).toEqual({
      ru: 'Данные не прошли проверку',
      en: 'The data did not pass validation',
    });
    expect(validation.message).toBe('Данные не прошли проверку / The data did not pass validation');

    const notFound = new NotFoundError('site', 'kp-teremok');
    expect(notFound._tag).toBe('NotFoundError');
    expect(notFound.name).toBe('NotFoundError');
    expect(notFound.text).toEqual({
      ru: 'Не найдено: site «kp-teremok»',
      en: 'Not found: site "kp-teremok"',
    });
    expect(notFound.entity).toBe('site');
    expect(notFound.id).toBe('kp-teremok');

    const conflict = new ConflictError('no-seats', { ru: 'Мест нет', en: 'No seats left' });
    expect(conflict._tag).toBe('ConflictError');
    expect(conflict.name).toBe('ConflictError');
    expect(conflict.reason).toBe('no-seats');
    expect(conflict.message).toBe('Мест нет / No seats left');
  });

  it('are Errors and EdusetErrors with a stack', () => {
    for (const error of [
      new ValidationError([]),
      new NotFoundError('site', 'x'),
      new ConflictError('c', { ru: 'к', en: 'c' }),
    ]) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(EdusetError);
      expect(typeof error.stack).toBe('string');
    }
  });

  it('a ValidationError keeps its issues and may carry its own text', () => {
    const issue = {
      path: ['sites', 0, 'kind'],
      code: 'invalid_value',
      message: { ru: 'Недопустимо', en: 'Invalid' },
    };
    const error = new ValidationError([issue], { ru: 'Строка отклонена', en: 'Row rejected' });
    expect(error.issues).toEqual([issue]);
    expect(error.message).toBe('Строка отклонена / Row rejected');
  });

  it('the tag allows exhaustive matching', () => {
    expect(explain(new ValidationError([]))).toBe('0 issue(s)');
    expect(explain(new NotFoundError('site', 'a'))).toBe('site:a');
    expect(explain(new ConflictError('double-booking', { ru: 'Занято', en: 'Taken' }))).toBe(
      'double-booking',
    );
    const tags: EdusetErrorTag[] = ['ValidationError', 'NotFoundError', 'ConflictError'];
    expect(tags).toHaveLength(3);
  });
});

describe('isEdusetError', () => {
  it('is true for eduset errors, including those thrown by parse', () => {
    expect(isEdusetError(new ValidationError([]))).toBe(true);
    expect(isEdusetError(new NotFoundError('site', 'x'))).toBe(true);
    expect(isEdusetError(new ConflictError('c', { ru: 'к', en: 'c' }))).toBe(true);
    let thrown: unknown;
    try {
      parse(z.string(), 1);
    } catch (error) {
      thrown = error;
    }
    expect(isEdusetError(thrown)).toBe(true);
  });

  it('recognizes an error from another copy of the library by its tag', () => {
    const foreign = Object.assign(new Error('x'), { _tag: 'NotFoundError' });
    expect(foreign instanceof EdusetError).toBe(false);
    expect(isEdusetError(foreign)).toBe(true);
    expect(isEdusetError({ _tag: 'ConflictError' })).toBe(true);
  });

  it('is false for anything else', () => {
    for (const value of [
      new Error('x'),
      new RangeError('x'),
      null,
      undefined,
      'ValidationError',
      7,
      {},
      { _tag: 'Other' },
    ]) {
      expect(isEdusetError(value)).toBe(false);
    }
  });
});
