import { z } from '../common/zod.js';
import { ConflictError, ValidationError } from '../common/errors.js';
import { localizedTextSchema, type LocalizedText } from '../common/labels.js';
import { parse } from '../common/parse.js';
import { createDataset, type DataElement, type DataValue } from './dataset.js';
import type { IndicatorDefinition } from './definition.js';
import { exact } from './exact.js';
import { parseFormula } from './parser.js';
import { parsePeriod, periodOf } from './period.js';
import { formulaReferences, identifierSchema, referenceKey } from './syntax.js';
import {
  checkValidationRules,
  validationRuleSchema,
  type ValidationRule,
} from './validation-rules.js';
import { periodTypeSchema } from './vocabulary.js';

// Data entry by the reporting organizations (DHIS2's data entry, completeness and approval):
// a data set names the indicators whose data elements an organization reports each period
// and the validation rules its figures must keep; a submission carries one organization's
// figures for one period through draft → submitted → returned → submitted … → approved.

/**
 * Schema of a data entry set: what the reporting organizations of a network enter each
 * period. The form is not written out: it is the data elements of the named indicators'
 * formulas ({@link dataEntryForm}), so an indicator and the form that feeds it cannot drift.
 *
 * @example
 * ```ts
 * import { dataEntrySetSchema } from '@eduset/core/indicators';
 * dataEntrySetSchema.parse({
 *   id: 'courses', name: { ru: 'Сеть курсов', en: 'Course network' }, periodType: 'school-year',
 *   indicators: ['udomlya-course-certificates'], organizations: ['school-1'],
 * });
 * ```
 */
export const dataEntrySetSchema = z
  .object({
    id: identifierSchema,
    name: localizedTextSchema,
    periodType: periodTypeSchema,
    /** The indicators (definition ids) whose data elements make up the form. */
    indicators: z.array(identifierSchema).min(1),
    /** The organizations (org unit ids) asked to report. */
    organizations: z.array(z.string().min(1)).min(1),
    /** Validation rules the figures must keep before they are submitted. */
    rules: z.array(validationRuleSchema).default([]),
    /** Days after the end of a period by which it must be submitted. */
    dueDays: z.number().int().min(0).max(366).default(30),
  })
  .strict();

/**
 * A data entry set (see {@link dataEntrySetSchema}).
 *
 * @example
 * ```ts
 * import type { DataEntrySet } from '@eduset/core/indicators';
 * declare const set: DataEntrySet;
 * set.organizations.length;
 * ```
 */
export type DataEntrySet = z.output<typeof dataEntrySetSchema>;

/**
 * The built-in data entry set of the Udomlya profile course network: each school with senior
 * grades reports, per school year, its resource centre, the course certificates issued and
 * its senior students (all of them, and those in the network), which may not be more than
 * all of them.
 *
 * @example
 * ```ts
 * import { udomlyaCourseDataSet } from '@eduset/core/indicators';
 * udomlyaCourseDataSet.organizations.includes('school-1'); // true
 * ```
 */
export const udomlyaCourseDataSet: DataEntrySet = parse(dataEntrySetSchema, {
  id: 'udomlya-courses',
  name: {
    ru: 'Сеть профильных курсов: отчёт школы за учебный год',
    en: 'Profile course network: the school’s yearly report',
  },
  periodType: 'school-year',
  indicators: [
    'udomlya-resource-centres',
    'udomlya-course-certificates',
    'udomlya-senior-students-in-network-share',
  ],
  organizations: [
    'school-1',
    'school-2',
    'gymnasium-3',
    'school-4',
    'school-kotlovan',
    'school-msta',
    'college',
  ],
  rules: [
    {
      id: 'in-network-not-above-seniors',
      name: {
        ru: 'Старшеклассников в сети не больше, чем всех старшеклассников',
        en: 'Senior students in the network not above all senior students',
      },
      left: '#{senior-students-in-network}',
      operator: '<=',
      right: '#{senior-students}',
      importance: 'high',
    },
    {
      id: 'resource-centre-flag',
      name: {
        ru: 'Ресурсный центр: 1 — работает, 0 — нет',
        en: 'Resource centre: 1 if it operates, 0 if not',
      },
      left: '#{resource-centre-operates}',
      operator: '<=',
      right: '1',
    },
  ],
  dueDays: 30,
});

/**
 * One field of a data entry form: a data element (or one disaggregation of it) with its
 * name in people's words.
 *
 * @example
 * ```ts
 * import type { DataEntryField } from '@eduset/core/indicators';
 * const field: DataEntryField = {
 *   key: 'senior-students', dataElement: 'senior-students', valueType: 'number',
 *   name: { ru: 'Старшеклассников (10–11 классы)', en: 'Senior students (grades 10–11)' },
 * };
 * ```
 */
export interface DataEntryField {
  /** `element` or `element.disaggregation` — the key of the submission's values. */
  readonly key: string;
  readonly dataElement: string;
  readonly disaggregation?: string;
  readonly valueType: DataElement['valueType'];
  readonly name: LocalizedText;
}

/**
 * A data entry form: the set, its fields and the data elements they belong to.
 *
 * @example
 * ```ts
 * import { catalogDataElements, dataEntryForm, indicatorCatalog, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * const form = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
 * form.fields.map((field) => field.key);
 * ```
 */
export interface DataEntryForm {
  readonly set: DataEntrySet;
  readonly fields: readonly DataEntryField[];
  readonly dataElements: readonly DataElement[];
}

/**
 * The form of a data entry set: the data elements referred to by its indicators' numerators
 * and denominators, in the order they first appear (a disaggregated reference is a field of
 * its own). Reuses the definitions (the built-in catalog's: `indicatorCatalog`,
 * `catalogDataElements`); nothing about the form is written twice.
 *
 * @throws ValidationError when an indicator or a data element is unknown.
 * @example
 * ```ts
 * import { catalogDataElements, dataEntryForm, indicatorCatalog, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements).fields.map((field) => field.key);
 * // ['resource-centre-operates', 'course-certificates', 'senior-students-in-network', 'senior-students']
 * ```
 */
export function dataEntryForm(
  set: DataEntrySet,
  definitions: readonly IndicatorDefinition[],
  dataElements: readonly DataElement[],
): DataEntryForm {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const elements = new Map(dataElements.map((element) => [element.id, element]));
  const fields: DataEntryField[] = [];
  const used = new Map<string, DataElement>();
  const issues: ValidationError['issues'][number][] = [];
  set.indicators.forEach((id, index) => {
    const definition = byId.get(id);
    if (definition === undefined) {
      issues.push({
        path: ['indicators', index],
        code: 'unknown_indicator',
        message: { ru: `Нет показателя «${id}»`, en: `No indicator "${id}"` },
      });
      return;
    }
    for (const formula of [definition.numerator, definition.denominator]) {
      for (const ref of formulaReferences(parseFormula(formula)).dataElements) {
        const key = referenceKey(ref);
        if (fields.some((field) => field.key === key)) continue;
        const element = elements.get(ref.element);
        if (element === undefined) {
          issues.push({
            path: ['indicators', index],
            code: 'unknown_data_element',
            message: {
              ru: `Нет показателя данных «${ref.element}»`,
              en: `No data element "${ref.element}"`,
            },
          });
          continue;
        }
        used.set(element.id, element);
        const part =
          ref.disaggregation === undefined
            ? undefined
            : element.disaggregations?.[ref.disaggregation];
        fields.push({
          key,
          dataElement: element.id,
          ...(ref.disaggregation === undefined ? {} : { disaggregation: ref.disaggregation }),
          valueType: element.valueType,
          name:
            part === undefined
              ? element.name
              : { ru: `${element.name.ru}: ${part.ru}`, en: `${element.name.en}: ${part.en}` },
        });
      }
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      ru: `Форма отчёта не собрана: ${issues.map((issue) => issue.message.ru).join('; ')}`,
      en: `The report form could not be built: ${issues.map((issue) => issue.message.en).join('; ')}`,
    });
  }
  return { set, fields, dataElements: [...used.values()] };
}

/**
 * What {@link checkEntry} needs of a form: its fields, their data elements and the set's
 * validation rules (a browser gets them from the server's answer, without the catalog).
 *
 * @example
 * ```ts
 * import { catalogDataElements, dataEntryForm, indicatorCatalog, udomlyaCourseDataSet, type EntryChecks } from '@eduset/core/indicators';
 * const checks: EntryChecks = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
 * ```
 */
export interface EntryChecks {
  readonly set: Pick<DataEntrySet, 'rules'>;
  readonly fields: readonly DataEntryField[];
  readonly dataElements: readonly DataElement[];
}

/**
 * The values of a submission: field key → value as typed (decimal text for numbers); an
 * empty field is absent.
 *
 * @example
 * ```ts
 * import type { EntryValues } from '@eduset/core/indicators';
 * const values: EntryValues = { 'senior-students': '87', 'senior-students-in-network': '21' };
 * ```
 */
export type EntryValues = Readonly<Record<string, string>>;

/**
 * What is wrong with one field, in Russian and English: the value itself (not a number) or
 * a validation rule it takes part in.
 *
 * @example
 * ```ts
 * import type { FieldProblem } from '@eduset/core/indicators';
 * const problem: FieldProblem = { field: 'senior-students', rule: 'in-network-not-above-seniors', importance: 'high', text: { ru: '…', en: '…' } };
 * ```
 */
export interface FieldProblem {
  readonly field: string;
  /** The rule broken, or absent for a value that is not a number. */
  readonly rule?: string;
  readonly importance: ValidationRule['importance'];
  readonly text: LocalizedText;
}

/**
 * Checks a submission's values against its form: unknown fields, values that are not
 * numbers, then (unless `rules: false`) the set's validation rules (core's
 * `checkValidationRules`) — each broken rule is reported at every field it refers to, with
 * the numbers substituted. An empty list means the values may be submitted.
 *
 * @example
 * ```ts
 * import { catalogDataElements, checkEntry, dataEntryForm, indicatorCatalog, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * const form = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
 * checkEntry(form, 'school-1', '2020-2021', { 'senior-students': '80', 'senior-students-in-network': '95' })
 *   .map((problem) => problem.field); // ['senior-students-in-network', 'senior-students']
 * ```
 */
export function checkEntry(
  form: EntryChecks,
  organization: string,
  period: string,
  values: EntryValues,
  options: { readonly rules?: boolean } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fields = new Map(form.fields.map((field) => [field.key, field]));
  const data: DataValue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = fields.get(key);
    if (field === undefined) {
      problems.push({
        field: key,
        importance: 'high',
        text: { ru: `В форме нет поля «${key}»`, en: `The form has no field "${key}"` },
      });
      continue;
    }
    if (field.valueType === 'number' && exact(value) === undefined) {
      problems.push({
        field: key,
        importance: 'high',
        text: {
          ru: `${field.name.ru}: «${value}» — не число (цифры, десятичная точка)`,
          en: `${field.name.en}: "${value}" is not a number (digits, a decimal point)`,
        },
      });
      continue;
    }
    data.push({
      dataElement: field.dataElement,
      orgUnit: organization,
      period,
      value,
      ...(field.disaggregation === undefined ? {} : { disaggregation: field.disaggregation }),
    });
  }
  if (options.rules === false || form.set.rules.length === 0 || parsePeriod(period) === undefined)
    return problems;
  const dataset = createDataset({
    dataElements: [...form.dataElements],
    orgUnits: [
      { id: organization, name: { ru: organization, en: organization }, level: 'organization' },
    ],
    values: data,
  });
  const rules = new Map(form.set.rules.map((rule) => [rule.id, rule]));
  for (const violation of checkValidationRules(form.set.rules, dataset, {
    orgUnits: [organization],
    periods: [period],
  })) {
    const rule = rules.get(violation.rule);
    if (rule === undefined) continue;
    const refs = [rule.left, rule.right].flatMap(
      (side) => formulaReferences(parseFormula(side)).dataElements,
    );
    const keys = [...new Set(refs.map(referenceKey))].filter((key) => fields.has(key));
    for (const key of keys) {
      problems.push({
        field: key,
        rule: rule.id,
        importance: rule.importance,
        text: violation.text,
      });
    }
  }
  return problems;
}

/**
 * The states of a submission: `draft` (being entered), `submitted` (waiting for the
 * coordinator), `returned` (sent back with the coordinator's comment, editable again),
 * `approved` (locked: its values are the published figures; only an unlock with a reason
 * opens it).
 *
 * @example
 * ```ts
 * import { submissionStateSchema } from '@eduset/core/indicators';
 * submissionStateSchema.parse('approved');
 * ```
 */
export const submissionStateSchema = z.enum(['draft', 'submitted', 'returned', 'approved']);

/**
 * A submission state (see {@link submissionStateSchema}).
 *
 * @example
 * ```ts
 * import type { SubmissionState } from '@eduset/core/indicators';
 * const state: SubmissionState = 'returned';
 * ```
 */
export type SubmissionState = z.infer<typeof submissionStateSchema>;

/**
 * Names of the submission states for people, Russian and English.
 *
 * @example
 * ```ts
 * import { submissionStateLabels } from '@eduset/core/indicators';
 * submissionStateLabels.returned.ru; // 'Возвращён на доработку'
 * ```
 */
export const submissionStateLabels: Readonly<Record<SubmissionState, LocalizedText>> =
  Object.freeze({
    draft: { ru: 'Черновик', en: 'Draft' },
    submitted: { ru: 'Отправлен на проверку', en: 'Submitted for review' },
    returned: { ru: 'Возвращён на доработку', en: 'Returned for correction' },
    approved: { ru: 'Утверждён', en: 'Approved' },
  });

/**
 * One organization's submission for one data set and period.
 *
 * @example
 * ```ts
 * import { emptySubmission } from '@eduset/core/indicators';
 * emptySubmission({ networkId: 'udomlya', dataSet: 'udomlya-courses', period: '2020-2021', organizationId: 'school-1' }).state; // 'draft'
 * ```
 */
export interface Submission extends SubmissionKey {
  readonly state: SubmissionState;
  readonly values: EntryValues;
  /** The coordinator's comment of the last return, or the reason of the last unlock. */
  readonly comment?: string;
  /** Grows by one with every change. */
  readonly version: number;
}

/**
 * What identifies a submission.
 *
 * @example
 * ```ts
 * import type { SubmissionKey } from '@eduset/core/indicators';
 * const key: SubmissionKey = { networkId: 'udomlya', dataSet: 'udomlya-courses', period: '2020-2021', organizationId: 'school-1' };
 * ```
 */
export interface SubmissionKey {
  readonly networkId: string;
  readonly dataSet: string;
  readonly period: string;
  readonly organizationId: string;
}

/**
 * A new, empty draft.
 *
 * @example
 * ```ts
 * import { emptySubmission } from '@eduset/core/indicators';
 * emptySubmission({ networkId: 'udomlya', dataSet: 'udomlya-courses', period: '2020-2021', organizationId: 'school-1' }).version; // 0
 * ```
 */
export function emptySubmission(key: SubmissionKey): Submission {
  return { ...key, state: 'draft', values: {}, version: 0 };
}

/**
 * Schema of a step of a submission: `save` (new values of a draft or a returned
 * submission; an empty text clears a field), `submit`, `return` (with the coordinator's
 * comment), `approve`, `unlock` (of an approved submission, with a reason).
 *
 * @example
 * ```ts
 * import { submissionActionSchema } from '@eduset/core/indicators';
 * submissionActionSchema.parse({ type: 'return', comment: 'Проверьте число старшеклассников' });
 * ```
 */
export const submissionActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('save'),
    values: z.record(z.string().min(1).max(200), z.string().max(1000)),
  }),
  z.strictObject({ type: z.literal('submit') }),
  z.strictObject({ type: z.literal('return'), comment: z.string().trim().min(1).max(2000) }),
  z.strictObject({ type: z.literal('approve') }),
  z.strictObject({ type: z.literal('unlock'), reason: z.string().trim().min(1).max(2000) }),
]);

/**
 * A step of a submission (see {@link submissionActionSchema}).
 *
 * @example
 * ```ts
 * import type { SubmissionAction } from '@eduset/core/indicators';
 * const step: SubmissionAction = { type: 'approve' };
 * ```
 */
export type SubmissionAction = z.infer<typeof submissionActionSchema>;

/**
 * Why a step is refused:
 * - `locked` — the submission is approved: nothing changes until it is unlocked;
 * - `not-editable` — it is submitted: it must be returned before its values change;
 * - `invalid-values` — a submit with values that break the form's checks;
 * - `empty` — a submit with no value at all;
 * - `wrong-state` — the step does not apply in this state (approve a draft, unlock a draft…);
 * - `comment-required` — a return or an unlock without a comment.
 *
 * @example
 * ```ts
 * import type { SubmissionErrorCode } from '@eduset/core/indicators';
 * const code: SubmissionErrorCode = 'locked';
 * ```
 */
export type SubmissionErrorCode =
  'locked' | 'not-editable' | 'invalid-values' | 'empty' | 'wrong-state' | 'comment-required';

/**
 * A refused step of a submission, with its reason in Russian and English (a conflict with
 * the submission's state: the server answers 409). For `invalid-values` the field problems
 * come with it.
 *
 * @example
 * ```ts
 * import { SubmissionError } from '@eduset/core/indicators';
 * const error = new SubmissionError('locked', []);
 * error.reason; // 'locked'
 * ```
 */
export class SubmissionError extends ConflictError {
  declare readonly reason: SubmissionErrorCode;
  /** The field problems of an `invalid-values` refusal. */
  readonly problems: readonly FieldProblem[];

  constructor(code: SubmissionErrorCode, problems: readonly FieldProblem[] = []) {
    super(code, submissionErrorText(code, problems));
    this.name = 'SubmissionError';
    this.problems = problems;
  }
}

function submissionErrorText(
  code: SubmissionErrorCode,
  problems: readonly FieldProblem[],
): LocalizedText {
  switch (code) {
    case 'locked':
      return {
        ru: 'Отчёт утверждён и закрыт для изменений; чтобы изменить его, координатор открывает его с указанием причины',
        en: 'The report is approved and locked; to change it the coordinator unlocks it with a reason',
      };
    case 'not-editable':
      return {
        ru: 'Отчёт отправлен на проверку; изменить его можно после возврата координатором',
        en: 'The report is submitted for review; it can be changed once the coordinator returns it',
      };
    case 'invalid-values':
      return {
        ru: `Отчёт не отправлен: ${problems.map((problem) => problem.text.ru).join('; ')}`,
        en: `The report was not submitted: ${problems.map((problem) => problem.text.en).join('; ')}`,
      };
    case 'empty':
      return {
        ru: 'В отчёте нет ни одного значения',
        en: 'The report has no value at all',
      };
    case 'wrong-state':
      return {
        ru: 'Этот шаг невозможен в текущем состоянии отчёта',
        en: 'This step is not possible in the report’s current state',
      };
    case 'comment-required':
      return {
        ru: 'Укажите комментарий (причину)',
        en: 'Give a comment (the reason)',
      };
  }
}

/**
 * The values after a save: each given field set, an empty text clearing it.
 */
function merged(values: EntryValues, changes: Readonly<Record<string, string>>): EntryValues {
  const next = new Map(Object.entries(values));
  for (const [key, value] of Object.entries(changes)) {
    const text = value.trim();
    if (text === '') next.delete(key);
    else next.set(key, text);
  }
  return Object.fromEntries(next);
}

/**
 * One step of a submission, pure: the submission after the step, or a
 * {@link SubmissionError}. The laws: values change only by `save` in `draft` or `returned`;
 * `submit` needs at least one value and no problem ({@link checkEntry}); only a submitted
 * submission is returned or approved; nothing leaves `approved` but `unlock`, which needs
 * a reason and returns it for correction with that reason as its comment. Every step adds
 * one to `version`.
 *
 * @throws SubmissionError when the step is refused.
 * @example
 * ```ts
 * import { catalogDataElements, dataEntryForm, emptySubmission, indicatorCatalog, stepSubmission, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * const form = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
 * let s = emptySubmission({ networkId: 'udomlya', dataSet: 'udomlya-courses', period: '2020-2021', organizationId: 'school-1' });
 * s = stepSubmission(s, { type: 'save', values: { 'senior-students': '87' } }, form);
 * s = stepSubmission(s, { type: 'submit' }, form);
 * s = stepSubmission(s, { type: 'approve' }, form);
 * s.state; // 'approved'
 * ```
 */
export function stepSubmission(
  submission: Submission,
  action: SubmissionAction,
  form: DataEntryForm,
): Submission {
  const { state } = submission;
  const next = (changes: Partial<Submission>): Submission => ({
    ...submission,
    ...changes,
    version: submission.version + 1,
  });
  switch (action.type) {
    case 'save': {
      if (state === 'approved') throw new SubmissionError('locked');
      if (state === 'submitted') throw new SubmissionError('not-editable');
      // A draft keeps values that break a rule (they are shown with the reason), never a
      // value that is not a number or a field the form does not have.
      const entered = Object.fromEntries(
        Object.entries(action.values).filter(([, value]) => value.trim() !== ''),
      );
      const problems = checkEntry(form, submission.organizationId, submission.period, entered, {
        rules: false,
      });
      if (problems.length > 0) throw new SubmissionError('invalid-values', problems);
      return next({ values: merged(submission.values, action.values) });
    }
    case 'submit': {
      if (state === 'approved') throw new SubmissionError('locked');
      if (state === 'submitted') throw new SubmissionError('wrong-state');
      if (Object.keys(submission.values).length === 0) throw new SubmissionError('empty');
      const problems = checkEntry(
        form,
        submission.organizationId,
        submission.period,
        submission.values,
      );
      if (problems.length > 0) throw new SubmissionError('invalid-values', problems);
      return next({ state: 'submitted' });
    }
    case 'return': {
      if (state === 'approved') throw new SubmissionError('locked');
      if (state !== 'submitted') throw new SubmissionError('wrong-state');
      if (action.comment.trim() === '') throw new SubmissionError('comment-required');
      return next({ state: 'returned', comment: action.comment.trim() });
    }
    case 'approve': {
      if (state === 'approved') throw new SubmissionError('locked');
      if (state !== 'submitted') throw new SubmissionError('wrong-state');
      return next({ state: 'approved' });
    }
    case 'unlock': {
      if (state !== 'approved') throw new SubmissionError('wrong-state');
      if (action.reason.trim() === '') throw new SubmissionError('comment-required');
      return next({ state: 'returned', comment: action.reason.trim() });
    }
  }
}

/**
 * The values of a submission as data values of its organization and period (what an
 * approval publishes into the indicator value store).
 *
 * @example
 * ```ts
 * import { catalogDataElements, dataEntryForm, indicatorCatalog, submissionDataValues, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * const form = dataEntryForm(udomlyaCourseDataSet, indicatorCatalog, catalogDataElements);
 * submissionDataValues(form, { networkId: 'udomlya', dataSet: 'udomlya-courses', period: '2020-2021', organizationId: 'school-1', state: 'approved', values: { 'senior-students': '87' }, version: 3 });
 * // [{ dataElement: 'senior-students', orgUnit: 'school-1', period: '2020-2021', value: '87' }]
 * ```
 */
export function submissionDataValues(form: DataEntryForm, submission: Submission): DataValue[] {
  const values: DataValue[] = [];
  for (const field of form.fields) {
    const value = submission.values[field.key];
    if (value === undefined) continue;
    values.push({
      dataElement: field.dataElement,
      orgUnit: submission.organizationId,
      period: submission.period,
      value,
      ...(field.disaggregation === undefined ? {} : { disaggregation: field.disaggregation }),
    });
  }
  return values;
}

/**
 * Where an organization stands for a period: `reported` (submitted or approved — `onTime`
 * says whether by the due date), `late` (not reported and the due date has passed),
 * `pending` (not reported yet, still in time).
 *
 * @example
 * ```ts
 * import type { CompletenessStatus } from '@eduset/core/indicators';
 * const status: CompletenessStatus = 'late';
 * ```
 */
export type CompletenessStatus = 'reported' | 'late' | 'pending';

/**
 * The last day to submit a period: its end plus the set's `dueDays` (`YYYY-MM-DD`).
 *
 * @throws RangeError for an unknown period id.
 * @example
 * ```ts
 * import { dueDate, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * dueDate(udomlyaCourseDataSet, '2020-2021'); // '2021-09-30'
 * ```
 */
export function dueDate(set: Pick<DataEntrySet, 'dueDays'>, period: string): string {
  const parsed = parsePeriod(period);
  if (parsed === undefined)
    throw new RangeError(`Неизвестный период «${period}» / Unknown period "${period}"`);
  const end = new Date(`${parsed.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + set.dueDays);
  return end.toISOString().slice(0, 10);
}

/**
 * Completeness of one organization: its status and submission state (`none` when it never
 * started), and when it submitted.
 *
 * @example
 * ```ts
 * import { completenessOf, udomlyaCourseDataSet } from '@eduset/core/indicators';
 * completenessOf(udomlyaCourseDataSet, '2020-2021', undefined, '2026-12-07').status; // 'late'
 * ```
 */
export function completenessOf(
  set: Pick<DataEntrySet, 'dueDays'>,
  period: string,
  submission: { readonly state: SubmissionState; readonly submittedAt?: string } | undefined,
  today: string,
): {
  readonly status: CompletenessStatus;
  readonly state: SubmissionState | 'none';
  readonly onTime?: boolean;
} {
  const due = dueDate(set, period);
  const state = submission?.state ?? 'none';
  if (state === 'submitted' || state === 'approved') {
    const submittedOn = submission?.submittedAt?.slice(0, 10);
    return {
      status: 'reported',
      state,
      ...(submittedOn === undefined ? {} : { onTime: submittedOn <= due }),
    };
  }
  return { status: today > due ? 'late' : 'pending', state };
}

/**
 * The periods a data set is reported for around a date, newest first: the last period that
 * has ended (the one due now) first, then the current one, then `count - 2` earlier ones.
 *
 * @example
 * ```ts
 * import { reportingPeriods } from '@eduset/core/indicators';
 * reportingPeriods('school-year', '2026-12-07'); // ['2025-2026', '2026-2027', '2024-2025']
 * ```
 */
export function reportingPeriods(
  type: DataEntrySet['periodType'],
  today: string,
  count = 3,
): string[] {
  const before = (period: { readonly start: string }): string => {
    const day = new Date(`${period.start}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 1);
    return day.toISOString().slice(0, 10);
  };
  const current = periodOf(today, type);
  const periods = [periodOf(before(current), type), current];
  let earlier = periods[0] ?? current;
  while (periods.length < count) {
    earlier = periodOf(before(earlier), type);
    periods.push(earlier);
  }
  return periods.map((period) => period.id);
}
