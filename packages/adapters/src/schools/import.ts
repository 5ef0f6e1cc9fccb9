import type { LocalizedText, ValidationIssue } from '@eduset/core/common';
import {
  examResultSchema,
  schoolProfileSchema,
  socialPassportSchema,
  type SchoolProfile,
} from '@eduset/core/schools';
import { z } from 'zod';
import type { ImportColumnDefinition } from '../import/columns.js';
import { readTable } from '../import/read.js';
import {
  assign,
  assignText,
  fieldOfPath,
  importTable,
  missingRequired,
  type CellReader,
  type RecordSpec,
  type RowBuild,
} from '../import/rows.js';
import type {
  AcceptedRow,
  ImportOptions,
  ImportResult,
  ImportSource,
  RejectedRow,
} from '../import/types.js';
import { numberCell, schoolLevelCell, type CellResult } from '../import/values.js';

const shareFields = [
  [
    'higherEducationShare',
    ['Доля семей с высшим образованием обоих родителей', 'Высшее образование родителей'],
    ['higher education share'],
  ],
  ['singleParentShare', ['Доля неполных семей', 'Неполные семьи'], ['single-parent share']],
  [
    'lowIncomeShare',
    ['Доля малообеспеченных семей', 'Малообеспеченные семьи'],
    ['low-income share'],
  ],
  [
    'preventionRegisterShare',
    ['Доля на профилактических учётах', 'На учёте'],
    ['prevention register share'],
  ],
  ['nonNativeShare', ['Доля с неродным русским языком', 'Неродной русский'], ['non-native share']],
  ['disabilityShare', ['Доля обучающихся с ОВЗ', 'ОВЗ'], ['disability share']],
] as const;

/**
 * The fields of a social passports file.
 *
 * @example
 * ```ts
 * import type { PassportColumnField } from '@eduset/adapters';
 * const field: PassportColumnField = 'lowIncomeShare';
 * ```
 */
export type PassportColumnField =
  | 'id'
  | 'name'
  | 'level'
  | 'locality'
  | 'enrolment'
  | 'distanceToCentreKm'
  | 'transport'
  | 'higherEducationShare'
  | 'singleParentShare'
  | 'lowIncomeShare'
  | 'preventionRegisterShare'
  | 'nonNativeShare'
  | 'disabilityShare';

const column = <F extends string>(
  field: F,
  ru: readonly string[],
  en: readonly string[],
  required: boolean,
  description: LocalizedText,
): ImportColumnDefinition<F> => ({ field, headers: { ru, en }, required, description });

/**
 * The columns of a social passports file: one row per school. Shares are written in
 * percent (`12,5` or `12,5 %`), as municipal forms do.
 *
 * @example
 * ```ts
 * import { passportImportColumns } from '@eduset/adapters';
 * passportImportColumns.filter((c) => c.required).length; // 13
 * ```
 */
export const passportImportColumns: readonly ImportColumnDefinition<PassportColumnField>[] = [
  column('id', ['Код', 'Код школы'], ['id', 'code'], true, { ru: 'Код школы', en: 'School id' }),
  column('name', ['Наименование', 'Название ОО'], ['name'], true, {
    ru: 'Наименование школы',
    en: 'School name',
  }),
  column('level', ['Уровень', 'Тип школы'], ['level'], true, {
    ru: 'СШ (средняя) или ОШ (основная)',
    en: 'secondary or basic',
  }),
  column('locality', ['Местность', 'Город / село'], ['locality'], true, {
    ru: 'городская или сельская',
    en: 'urban or rural',
  }),
  column('enrolment', ['Число учащихся', 'Контингент'], ['enrolment'], true, {
    ru: 'Число учащихся',
    en: 'Number of pupils',
  }),
  column(
    'distanceToCentreKm',
    ['Расстояние до райцентра, км', 'Расстояние'],
    ['distance, km'],
    true,
    {
      ru: 'Расстояние до районного центра, км',
      en: 'Distance to the district centre, km',
    },
  ),
  column('transport', ['Транспорт', 'Транспортная доступность'], ['transport'], true, {
    ru: 'регулярный, нерегулярный или нет',
    en: 'regular, irregular or none',
  }),
  ...shareFields.map(([field, ru, en]) =>
    column(field, ru, en, true, { ru: `${ru[0]}, %`, en: `${en[0]}, %` }),
  ),
];

function choiceCell<T extends string>(
  text: string,
  path: string,
  choices: readonly (readonly [T, RegExp])[],
  allowed: LocalizedText,
): CellResult<T> | undefined {
  if (text === '') return undefined;
  const lower = text.toLowerCase().trim();
  const match = choices.find(([, pattern]) => pattern.test(lower));
  if (match) return { ok: true, value: match[0] };
  return {
    ok: false,
    issues: [
      {
        path: [path],
        code: `invalid_${path}`,
        message: {
          ru: `Неизвестное значение «${text}»; допустимы: ${allowed.ru}`,
          en: `Unknown value "${text}"; allowed: ${allowed.en}`,
        },
      },
    ],
  };
}

function percentCell(text: string, path: (string | number)[]): CellResult<number> | undefined {
  const result = numberCell(text.replace(/%\s*$/, '').trim(), path);
  if (result === undefined || !result.ok) return result;
  return { ok: true, value: Math.round(result.value * 1e6) / 1e8 };
}

function buildPassport(cells: CellReader<PassportColumnField>): RowBuild {
  const input: Record<string, unknown> = {};
  const passport = input;
  const issues: ValidationIssue[] = [];
  assignText(input, 'id', cells.get('id'));
  assignText(input, 'name', cells.get('name'));
  assign(input, 'level', schoolLevelCell(cells.get('level')), issues);
  assign(
    passport,
    'locality',
    choiceCell(
      cells.get('locality'),
      'locality',
      [
        ['urban', /^(город|urban)/],
        ['rural', /^(сел|сельск|rural)/],
      ],
      { ru: 'городская, сельская', en: 'urban, rural' },
    ),
    issues,
  );
  assign(
    passport,
    'transport',
    choiceCell(
      cells.get('transport'),
      'transport',
      [
        ['irregular', /^(нерегуляр|irregular)/],
        ['regular', /^(регуляр|regular|есть)/],
        ['none', /^(нет|отсутств|none)/],
      ],
      { ru: 'регулярный, нерегулярный, нет', en: 'regular, irregular, none' },
    ),
    issues,
  );
  assign(passport, 'enrolment', numberCell(cells.get('enrolment'), ['enrolment']), issues);
  assign(
    passport,
    'distanceToCentreKm',
    numberCell(cells.get('distanceToCentreKm'), ['distanceToCentreKm']),
    issues,
  );
  for (const [field] of shareFields) {
    assign(passport, field, percentCell(cells.get(field), [field]), issues);
  }
  return { input, issues };
}

/** A passport row is flat; it becomes a profile after validation. */
const passportRowSchema = z
  .object({
    id: schoolProfileSchema.shape.id,
    name: schoolProfileSchema.shape.name,
    level: schoolProfileSchema.shape.level,
    ...socialPassportSchema.shape,
  })
  .transform(({ id, name, level, ...passport }): SchoolProfile => ({
    id,
    name,
    level,
    passport,
    results: [],
    regionalRanks: [],
  }));

const passportSpec: RecordSpec<typeof passportRowSchema, PassportColumnField> = {
  definitions: passportImportColumns,
  schema: passportRowSchema,
  idField: 'id',
  missingColumns: missingRequired(passportImportColumns),
  build: buildPassport,
  fieldOf: fieldOfPath(passportImportColumns),
};

/**
 * The fields of an exam results file.
 *
 * @example
 * ```ts
 * import type { ResultColumnField } from '@eduset/adapters';
 * const field: ResultColumnField = 'meanScore';
 * ```
 */
export type ResultColumnField =
  | 'schoolId'
  | 'year'
  | 'subject'
  | 'meanScore'
  | 'shareBelowMinimum'
  | 'examinees'
  | 'rank'
  | 'outOf'
  | 'rowKey';

/**
 * The columns of an exam results file: one row per school, year and subject; the regional
 * rank of the year may be repeated on each subject row.
 *
 * @example
 * ```ts
 * import { resultImportColumns } from '@eduset/adapters';
 * resultImportColumns[0]?.headers.ru[0]; // 'Код школы'
 * ```
 */
export const resultImportColumns: readonly ImportColumnDefinition<ResultColumnField>[] = [
  column('schoolId', ['Код школы', 'Код'], ['school id'], true, {
    ru: 'Код школы',
    en: 'School id',
  }),
  column('year', ['Год'], ['year'], true, { ru: 'Год ГИА', en: 'Exam year' }),
  column('subject', ['Предмет'], ['subject'], true, { ru: 'Предмет', en: 'Subject' }),
  column('meanScore', ['Средний балл'], ['mean score'], true, {
    ru: 'Средний балл',
    en: 'Mean score',
  }),
  column(
    'shareBelowMinimum',
    ['Доля ниже минимума, %', 'Ниже минимума'],
    ['below minimum, %'],
    false,
    {
      ru: 'Доля не набравших минимальный балл, %',
      en: 'Share below the minimum, %',
    },
  ),
  column('examinees', ['Участников', 'Число участников'], ['examinees'], false, {
    ru: 'Число участников',
    en: 'Number of examinees',
  }),
  column('rank', ['Место в рейтинге', 'Место'], ['rank'], false, {
    ru: 'Место в региональном рейтинге',
    en: 'Regional rank',
  }),
  column('outOf', ['Из', 'Число школ в рейтинге'], ['out of'], false, {
    ru: 'Число школ в рейтинге',
    en: 'Schools ranked',
  }),
  column('rowKey', ['Ключ строки'], ['row key'], false, {
    ru: 'Необязательный уникальный ключ строки (проверяется на повторы)',
    en: 'Optional unique row key (checked for duplicates)',
  }),
];

/**
 * Schema of one row of an exam results file: an exam result with its school and, optionally,
 * the school's regional rank that year.
 *
 * @example
 * ```ts
 * import { resultRowSchema } from '@eduset/adapters';
 * resultRowSchema.parse({ schoolId: 'sh-4', year: 2016, subject: 'russian', meanScore: 71 });
 * ```
 */
export const resultRowSchema = z.object({
  ...examResultSchema.shape,
  schoolId: z.string().min(1),
  rank: z.number().int().min(1).optional(),
  outOf: z.number().int().min(1).optional(),
});

/**
 * One accepted row of an exam results file.
 *
 * @example
 * ```ts
 * import type { ResultRow } from '@eduset/adapters';
 * declare const row: ResultRow;
 * row.schoolId;
 * ```
 */
export type ResultRow = z.infer<typeof resultRowSchema>;

function buildResult(cells: CellReader<ResultColumnField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  assignText(input, 'schoolId', cells.get('schoolId'));
  assignText(input, 'subject', cells.get('subject'));
  for (const field of ['year', 'meanScore', 'examinees', 'rank', 'outOf'] as const) {
    assign(input, field, numberCell(cells.get(field), [field]), issues);
  }
  assign(
    input,
    'shareBelowMinimum',
    percentCell(cells.get('shareBelowMinimum'), ['shareBelowMinimum']),
    issues,
  );
  return { input, issues };
}

const resultSpec: RecordSpec<typeof resultRowSchema, ResultColumnField> = {
  definitions: resultImportColumns,
  schema: resultRowSchema,
  // Rows repeat a school and a subject: only an explicit row key must be unique.
  idField: 'rowKey',
  missingColumns: missingRequired(resultImportColumns),
  build: buildResult,
  fieldOf: fieldOfPath(resultImportColumns),
};

/**
 * What {@link importSchoolProfiles} gives: profiles (passports with their results and
 * ranks merged in) and every rejected row of either file, so nothing is lost.
 *
 * @example
 * ```ts
 * import type { SchoolImportResult } from '@eduset/adapters';
 * declare const result: SchoolImportResult;
 * result.passports.rejected.length + result.results.rejected.length;
 * ```
 */
export interface SchoolImportResult {
  readonly profiles: readonly SchoolProfile[];
  readonly passports: ImportResult<SchoolProfile>;
  readonly results: ImportResult<ResultRow>;
}

/**
 * Imports school profiles from a social passports file and, optionally, an exam results
 * file (CSV or XLSX, Russian or English headers). Each passport row becomes a
 * `SchoolProfile` validated by core's schema or a rejected row with reasons in Russian and
 * English; each results row is merged into its school's profile, or rejected when the
 * school is unknown or the row is invalid.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { importSchoolProfiles } from '@eduset/adapters';
 * const imported = await importSchoolProfiles({
 *   passports: await readFile('passports.xlsx'),
 *   results: await readFile('results.csv'),
 * });
 * imported.profiles.length;
 * ```
 */
export async function importSchoolProfiles(
  files: { readonly passports: ImportSource; readonly results?: ImportSource },
  options: { readonly passports?: ImportOptions; readonly results?: ImportOptions } = {},
): Promise<SchoolImportResult> {
  const passports = importTable(
    await readTable(files.passports, options.passports ?? {}),
    passportSpec,
  ).result;
  const empty: ImportResult<ResultRow> = {
    accepted: [],
    rejected: [],
    rows: 0,
    headerRow: 0,
    columns: [],
    source: { format: 'csv' },
  };
  const read =
    files.results === undefined
      ? empty
      : importTable(await readTable(files.results, options.results ?? {}), resultSpec).result;
  const byId = new Map<string, SchoolProfile>(
    passports.accepted.map(({ record }) => [
      record.id,
      { ...record, results: [], regionalRanks: [] },
    ]),
  );
  const accepted: AcceptedRow<ResultRow>[] = [];
  const rejected: RejectedRow[] = [...read.rejected];
  for (const row of read.accepted) {
    const profile = byId.get(row.record.schoolId);
    if (profile === undefined) {
      rejected.push({
        row: row.row,
        cells: [row.record.schoolId, String(row.record.year), row.record.subject],
        issues: [
          {
            path: ['schoolId'],
            code: 'unknown_school',
            message: {
              ru: `Школы «${row.record.schoolId}» нет в файле паспортов`,
              en: `School "${row.record.schoolId}" is not in the passports file`,
            },
          },
        ],
      });
      continue;
    }
    accepted.push(row);
    const { rank, outOf } = row.record;
    // The core schema keeps the result's own fields and drops the row's school and rank.
    const result = examResultSchema.parse(row.record);
    profile.results.push(result);
    if (rank !== undefined && outOf !== undefined && rank <= outOf) {
      if (!profile.regionalRanks.some((r) => r.year === result.year)) {
        profile.regionalRanks.push({ year: result.year, rank, outOf });
      }
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return {
    profiles: [...byId.values()],
    passports,
    results: { ...read, accepted, rejected },
  };
}
