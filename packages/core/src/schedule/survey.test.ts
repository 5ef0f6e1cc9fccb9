import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '../common/index.js';
import {
  surveyAnswerRequestSchema,
  surveyAnswerSchema,
  surveyLinkPath,
  surveyViewSchema,
} from './survey.js';

describe('the survey answer', () => {
  it('takes satisfied, a score from 1 to 5 and an optional plain-text comment', () => {
    expect(parse(surveyAnswerSchema, { satisfied: true, score: 5 })).toEqual({
      satisfied: true,
      score: 5,
    });
    expect(parse(surveyAnswerSchema, { satisfied: false, score: 1, comment: '  Долго  ' })).toEqual(
      { satisfied: false, score: 1, comment: 'Долго' },
    );
    // A blank comment is no comment.
    expect(parse(surveyAnswerSchema, { satisfied: true, score: 3, comment: '   ' })).toEqual({
      satisfied: true,
      score: 3,
    });
    expect(
      parse(surveyAnswerSchema, { satisfied: true, score: 4, comment: 'я'.repeat(1000) }).comment,
    ).toHaveLength(1000);
  });

  it('refuses what is not an answer, every problem at once, in Russian and English', () => {
    let error: unknown;
    try {
      parse(surveyAnswerSchema, {
        satisfied: 'да',
        score: 6,
        comment: 'я'.repeat(1001),
        name: 'Анна',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      '',
      'comment',
      'satisfied',
      'score',
    ]);
    for (const issue of issues) {
      expect(issue.message.ru).not.toBe('');
      expect(issue.message.en).not.toBe('');
    }
    expect(() => parse(surveyAnswerSchema, { satisfied: true, score: 2.5 })).toThrow(
      ValidationError,
    );
    expect(() => parse(surveyAnswerSchema, { satisfied: true, score: 0 })).toThrow(ValidationError);
    expect(() =>
      parse(surveyAnswerSchema, { satisfied: true, score: 3, comment: 'a\u0000b' }),
    ).toThrow(ValidationError);
  });

  it('the answer request carries the link token and no contact field', () => {
    expect(
      parse(surveyAnswerRequestSchema, { token: ' t0k3n ', satisfied: true, score: 5 }),
    ).toEqual({ token: 't0k3n', satisfied: true, score: 5 });
    expect(() =>
      parse(surveyAnswerRequestSchema, { token: 't', satisfied: true, score: 5, email: 'a@b.ru' }),
    ).toThrow(ValidationError);
    expect(() => parse(surveyAnswerRequestSchema, { satisfied: true, score: 5 })).toThrow(
      ValidationError,
    );
  });

  it('the survey view names the place and the service, and no one', () => {
    const view = parse(surveyViewSchema, {
      bookingId: 'b-1',
      start: '2026-05-12T06:00:00Z',
      end: '2026-05-12T06:45:00Z',
      timeZone: 'Europe/Moscow',
      state: 'open',
      site: { id: 'kp-teremok', name: 'КП «Теремок»' },
      service: { id: 'speech', name: { ru: 'Логопед', en: 'Speech therapist' } },
    });
    expect(Object.keys(view).sort()).toEqual([
      'bookingId',
      'end',
      'service',
      'site',
      'start',
      'state',
      'timeZone',
    ]);
  });

  it('the survey link keeps the id and the token in the fragment', () => {
    expect(surveyLinkPath('b-1', 'AbC_d-9')).toBe('/survey/#booking=b-1&token=AbC_d-9');
    expect(surveyLinkPath('b 1&x', 't=1')).toBe('/survey/#booking=b%201%26x&token=t%3D1');
  });
});
