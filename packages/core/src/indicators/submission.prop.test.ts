import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogDataElements,
  checkEntry,
  completenessOf,
  dataEntryForm,
  dueDate,
  emptySubmission,
  reportingPeriods,
  indicatorCatalog,
  stepSubmission,
  submissionDataValues,
  SubmissionError,
  udomlyaCourseDataSet,
  type Submission,
  type SubmissionAction,
} from './index.js';

const form = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
const key = {
  networkId: 'udomlya',
  dataSet: 'udomlya-courses',
  period: '2020-2021',
  organizationId: 'school-1',
};

describe('the form of a data entry set', () => {
  it('is the data elements of its indicators, named in people’s words', () => {
    expect(form.fields.map((field) => field.key)).toEqual([
      'resource-centre-operates',
      'course-certificates',
      'senior-students-in-network',
      'senior-students',
    ]);
    expect(form.fields[3]?.name.ru).toBe('Старшеклассников (10–11 классы)');
  });

  it('refuses an unknown indicator with a bilingual reason', () => {
    expect(() =>
      dataEntryForm(
        { ...udomlyaCourseDataSet, indicators: ['nosuch'] },
        indicatorCatalog,
        catalogDataElements,
      ),
    ).toThrowError(/Нет показателя «nosuch»/);
  });
});

describe('checking an entry', () => {
  it('gives the reason of a broken rule at each field it refers to, in Russian and English', () => {
    const problems = checkEntry(form, 'school-1', '2020-2021', {
      'senior-students': '80',
      'senior-students-in-network': '95',
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'senior-students-in-network',
      'senior-students',
    ]);
    expect(problems[0]?.text.ru).toContain('Старшеклассников в сети не больше');
    expect(problems[0]?.text.ru).toContain('95');
    expect(problems[0]?.text.en).toContain('does not hold');
  });

  it('says a value is not a number', () => {
    const [problem] = checkEntry(form, 'school-1', '2020-2021', { 'senior-students': '8о' });
    expect(problem?.text.ru).toContain('не число');
    expect(problem?.text.en).toContain('not a number');
  });

  it('accepts values that keep every rule', () => {
    expect(
      checkEntry(form, 'school-1', '2020-2021', {
        'senior-students': '95',
        'senior-students-in-network': '21',
        'resource-centre-operates': '1',
      }),
    ).toEqual([]);
  });
});

describe('steps of a submission', () => {
  it('runs draft → submitted → returned → submitted → approved → (unlock) returned', () => {
    let s = emptySubmission(key);
    s = stepSubmission(s, { type: 'save', values: { 'senior-students': '90' } }, form);
    s = stepSubmission(s, { type: 'submit' }, form);
    expect(s.state).toBe('submitted');
    s = stepSubmission(s, { type: 'return', comment: 'Уточните число' }, form);
    expect(s).toMatchObject({ state: 'returned', comment: 'Уточните число' });
    s = stepSubmission(s, { type: 'save', values: { 'senior-students': '92' } }, form);
    s = stepSubmission(s, { type: 'submit' }, form);
    s = stepSubmission(s, { type: 'approve' }, form);
    expect(s.state).toBe('approved');
    expect(() => stepSubmission(s, { type: 'save', values: {} }, form)).toThrowError(
      SubmissionError,
    );
    s = stepSubmission(s, { type: 'unlock', reason: 'Ошибка в данных' }, form);
    expect(s).toMatchObject({ state: 'returned', comment: 'Ошибка в данных', version: 7 });
  });

  it('refuses to submit values that break a rule, with the problems', () => {
    const s = stepSubmission(
      emptySubmission(key),
      { type: 'save', values: { 'senior-students': '10', 'senior-students-in-network': '20' } },
      form,
    );
    try {
      stepSubmission(s, { type: 'submit' }, form);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SubmissionError);
      const refusal = error as SubmissionError;
      expect(refusal.reason).toBe('invalid-values');
      expect(refusal.problems.length).toBe(2);
      expect(refusal.text.ru).toContain('Отчёт не отправлен');
    }
  });

  it('publishes the values as data values of the organization and period', () => {
    expect(
      submissionDataValues(form, { ...emptySubmission(key), values: { 'senior-students': '87' } }),
    ).toEqual([
      { dataElement: 'senior-students', orgUnit: 'school-1', period: '2020-2021', value: '87' },
    ]);
  });
});

const valueArbitrary = fc.oneof(
  fc.nat({ max: 200 }).map(String),
  fc.constantFrom('', 'x', '1.5', ' 7 '),
);
const actionArbitrary: fc.Arbitrary<SubmissionAction> = fc.oneof(
  fc
    .dictionary(
      fc.constantFrom(...form.fields.map((field) => field.key), 'nosuch'),
      valueArbitrary,
      { maxKeys: 4 },
    )
    .map((values): SubmissionAction => ({ type: 'save', values })),
  fc.constant<SubmissionAction>({ type: 'submit' }),
  fc.constant<SubmissionAction>({ type: 'approve' }),
  fc
    .constantFrom('', '  ', 'Уточните')
    .map((comment): SubmissionAction => ({ type: 'return', comment })),
  fc.constantFrom('', 'Ошибка').map((reason): SubmissionAction => ({ type: 'unlock', reason })),
);

/** Runs the actions, keeping the state after each (a refused step changes nothing). */
function run(
  actions: readonly SubmissionAction[],
): { before: Submission; action: SubmissionAction; after: Submission | SubmissionError }[] {
  let current = emptySubmission(key);
  const trace = [];
  for (const action of actions) {
    let after: Submission | SubmissionError;
    try {
      after = stepSubmission(current, action, form);
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
      after = error;
    }
    trace.push({ before: current, action, after });
    if (!(after instanceof SubmissionError)) current = after;
  }
  return trace;
}

describe('laws of submissions (property tests)', () => {
  const traces = fc.array(actionArbitrary, { maxLength: 25 }).map(run);

  it('nothing leaves approved but an unlock with a reason', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        for (const { before, action, after } of trace) {
          if (before.state !== 'approved') continue;
          if (after instanceof SubmissionError) continue;
          expect(action.type).toBe('unlock');
          expect(after.state).toBe('returned');
          expect(after.comment?.length ?? 0).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('the values of an approved or submitted submission never change', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        for (const { before, after } of trace) {
          if (before.state === 'draft' || before.state === 'returned') continue;
          if (after instanceof SubmissionError) continue;
          expect(after.values).toEqual(before.values);
        }
      }),
    );
  });

  it('a submission is only ever submitted with values that pass every check', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        for (const { before, after } of trace) {
          if (after instanceof SubmissionError) continue;
          if (after.state === 'submitted' && before.state !== 'submitted') {
            expect(Object.keys(after.values).length).toBeGreaterThan(0);
            expect(checkEntry(form, key.organizationId, key.period, after.values)).toEqual([]);
          }
        }
      }),
    );
  });

  it('every accepted step adds one to the version; approval only follows submission', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        for (const { before, after } of trace) {
          if (after instanceof SubmissionError) continue;
          expect(after.version).toBe(before.version + 1);
          if (after.state === 'approved') expect(before.state).toBe('submitted');
        }
      }),
    );
  });
});

describe('completeness', () => {
  it('is late after the due date without a report, reported with a submission', () => {
    expect(dueDate(udomlyaCourseDataSet, '2020-2021')).toBe('2021-09-30');
    expect(completenessOf(udomlyaCourseDataSet, '2020-2021', undefined, '2021-09-30').status).toBe(
      'pending',
    );
    expect(completenessOf(udomlyaCourseDataSet, '2020-2021', undefined, '2021-10-01').status).toBe(
      'late',
    );
    expect(
      completenessOf(
        udomlyaCourseDataSet,
        '2020-2021',
        { state: 'submitted', submittedAt: '2021-10-02T08:00:00Z' },
        '2021-10-05',
      ),
    ).toEqual({ status: 'reported', state: 'submitted', onTime: false });
  });

  it('offers the period due now first, then the current one and an earlier one', () => {
    expect(reportingPeriods('school-year', '2026-12-07')).toEqual([
      '2025-2026',
      '2026-2027',
      '2024-2025',
    ]);
    expect(reportingPeriods('quarter', '2026-01-15', 4)).toEqual([
      '2025Q4',
      '2026Q1',
      '2025Q3',
      '2025Q2',
    ]);
  });
});
