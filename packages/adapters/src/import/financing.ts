import {
  certificateSchema,
  directionLabels,
  directions,
  fundingKindLabels,
  fundingKinds,
  moneyAmountSchema,
  programmeSchema,
  safeParse,
  type Certificate,
  type Direction,
  type FundingKind,
  type LocalizedText,
  type Programme,
  type ValidationIssue,
} from '@eduset/core';
import { z } from 'zod';
import { canonicalHeader, importColumn as column } from './columns.js';
import { readTable } from './read.js';
import {
  assignText,
  fieldOfPath,
  importTable,
  missingRequired,
  type CellReader,
  type RecordSpec,
  type RowBuild,
} from './rows.js';
import type { ImportOptions, ImportResult, ImportSource, RejectedRow } from './types.js';
import { parseDecimal } from './values.js';

/**
 * The columns of a programme registry file: one row per programme group (a programme with
 * two groups takes two rows that repeat the programme's columns).
 *
 * @example
 * ```ts
 * import { programmeImportColumns } from '@eduset/adapters';
 * programmeImportColumns.map((column) => column.headers.ru[0]);
 * ```
 */
export const programmeImportColumns = [
  column('programmeId', ['Код программы'], ['programme id'], true, {
    ru: 'Код программы',
    en: 'Programme id',
  }),
  column('name', ['Название', 'Название программы'], ['name'], true, {
    ru: 'Название',
    en: 'Name',
  }),
  column('providerId', ['Поставщик', 'Код поставщика'], ['provider'], true, {
    ru: 'Код поставщика',
    en: 'Provider id',
  }),
  column('fundingKind', ['Вид', 'Вид программы'], ['funding kind', 'kind'], true, {
    ru: 'бюджетная, платная или ПФ',
    en: 'budget, paid or funded',
  }),
  column('direction', ['Направленность'], ['direction'], true, {
    ru: 'Направленность',
    en: 'Direction',
  }),
  column('ageFrom', ['Возраст от'], ['age from'], true, { ru: 'Возраст от', en: 'Age from' }),
  column('ageTo', ['Возраст до'], ['age to'], true, { ru: 'Возраст до', en: 'Age to' }),
  column('hours', ['Часов', 'Объём, ч'], ['hours'], true, { ru: 'Часов', en: 'Hours' }),
  column('groupMin', ['Группа от', 'Мин. группа'], ['group min'], true, {
    ru: 'Наименьшая группа',
    en: 'Smallest group',
  }),
  column('groupMax', ['Группа до', 'Макс. группа'], ['group max'], true, {
    ru: 'Наибольшая группа',
    en: 'Largest group',
  }),
  column('certified', ['Сертифицирована'], ['certified'], false, { ru: 'да/нет', en: 'yes/no' }),
  column('district', ['Район'], ['district'], false, { ru: 'Район', en: 'District' }),
  column('moduleId', ['Код модуля'], ['module id'], true, { ru: 'Код модуля', en: 'Module id' }),
  column('price', ['Стоимость'], ['price'], false, {
    ru: 'Стоимость модуля, ₽',
    en: 'Module price, RUB',
  }),
  column('normativeCost', ['Нормативная стоимость'], ['normative cost'], false, {
    ru: 'Нормативная стоимость, ₽',
    en: 'Normative cost, RUB',
  }),
  column('groupId', ['Код группы'], ['group id'], true, { ru: 'Код группы', en: 'Group id' }),
  column('start', ['Начало'], ['start'], true, { ru: 'Дата начала', en: 'Start date' }),
  column('end', ['Окончание'], ['end'], true, { ru: 'Дата окончания', en: 'End date' }),
  column('capacity', ['Мест'], ['places', 'capacity'], true, { ru: 'Мест в группе', en: 'Places' }),
  column('weekdays', ['Дни', 'Дни занятий'], ['days'], false, {
    ru: 'пн, ср, пт',
    en: 'Mon, Wed, Fri',
  }),
] as const;

type ProgrammeField = (typeof programmeImportColumns)[number]['field'];

/**
 * The columns of a certificate registry file.
 *
 * @example
 * ```ts
 * import { certificateImportColumns } from '@eduset/adapters';
 * certificateImportColumns[0].headers.ru[0]; // 'Номер сертификата'
 * ```
 */
export const certificateImportColumns = [
  column('number', ['Номер сертификата', 'Номер'], ['number'], true, {
    ru: 'Номер сертификата',
    en: 'Certificate number',
  }),
  column('birthDate', ['Дата рождения'], ['birth date'], true, {
    ru: 'Дата рождения ребёнка',
    en: "Child's birth date",
  }),
  column('groupId', ['Группа', 'Группа сертификатов'], ['group'], true, {
    ru: 'Группа сертификатов',
    en: 'Certificate group',
  }),
  column('kind', ['Вид сертификата', 'Вид'], ['kind'], false, {
    ru: 'учёта или ПФ',
    en: 'record or funded',
  }),
  column('status', ['Статус'], ['status'], false, { ru: 'Статус', en: 'Status' }),
  column('issuedOn', ['Дата выдачи'], ['issued on'], true, { ru: 'Дата выдачи', en: 'Issued on' }),
  column('childId', ['Код ребёнка'], ['child id'], false, { ru: 'Код ребёнка', en: 'Child id' }),
] as const;

type CertificateField = (typeof certificateImportColumns)[number]['field'];

const lower = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е');

/** A date as `2026-09-01` or `01.09.2026`. */
function dateText(text: string): string {
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!russian) return text.trim();
  return `${russian[3] ?? ''}-${(russian[2] ?? '').padStart(2, '0')}-${(russian[1] ?? '').padStart(2, '0')}`;
}

/** An amount as `10 000,50` or `10000.50` → `10000.50`. */
function moneyText(text: string): string {
  return text.replace(/[\s\u00a0\u202f₽]|руб\.?/g, '').replace(',', '.');
}

const fundingKindWords: Record<string, FundingKind> = {
  бюджетная: 'budget',
  бюджет: 'budget',
  платная: 'paid',
  платные: 'paid',
  пф: 'funded',
  'сертификат пф': 'funded',
  персонифицированная: 'funded',
};

function fundingKindOf(text: string): FundingKind | undefined {
  const word = lower(text);
  if ((fundingKinds as readonly string[]).includes(word)) return word as FundingKind;
  return fundingKindWords[word];
}

function directionOf(text: string): Direction | undefined {
  const word = lower(text);
  return directions.find(
    (direction) =>
      direction === word ||
      lower(directionLabels[direction].ru) === word ||
      lower(directionLabels[direction].en) === word,
  );
}

const weekdayWords = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const weekdayWordsEn = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function weekdaysOf(text: string): number[] | undefined {
  if (text.trim() === '') return [];
  const days: number[] = [];
  for (const part of text.split(/[,;\s]+/).filter((p) => p !== '')) {
    const word = lower(part).replace(/\.$/, '');
    const index = /^[1-7]$/.test(word)
      ? Number(word) - 1
      : Math.max(weekdayWords.indexOf(word), weekdayWordsEn.indexOf(word.slice(0, 3)));
    if (index < 0) return undefined;
    days.push(index + 1);
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

function issue(path: string, code: string, message: LocalizedText): ValidationIssue {
  return { path: [path], code, message };
}

function numberInto(
  input: Record<string, unknown>,
  key: string,
  text: string,
  issues: ValidationIssue[],
): void {
  if (text === '') return;
  const value = parseDecimal(text);
  if (value === undefined) {
    issues.push(
      issue(key, 'invalid_number', {
        ru: `Ожидается число, а не «${text}»`,
        en: `Expected a number, not "${text}"`,
      }),
    );
  } else input[key] = value;
}

const programmeRowSchema = z.object({
  programmeId: z.string().min(1),
  name: z.string().min(1),
  providerId: z.string().min(1),
  fundingKind: z.enum(fundingKinds),
  direction: z.enum(directions),
  ageFrom: z.number().int().min(0),
  ageTo: z.number().int().min(0),
  hours: z.number().positive(),
  groupMin: z.number().int().min(1),
  groupMax: z.number().int().min(1),
  certified: z.boolean(),
  district: z.string().optional(),
  moduleId: z.string().min(1),
  price: moneyAmountSchema.optional(),
  normativeCost: moneyAmountSchema.optional(),
  groupId: z.string().min(1),
  start: z.string(),
  end: z.string(),
  capacity: z.number().int().min(1),
  weekdays: z.array(z.number().int()),
});

type ProgrammeRow = z.infer<typeof programmeRowSchema>;

function buildProgrammeRow(cells: CellReader<ProgrammeField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const key of [
    'programmeId',
    'name',
    'providerId',
    'district',
    'moduleId',
    'groupId',
  ] as const) {
    assignText(input, key, cells.get(key).trim());
  }
  const kindText = cells.get('fundingKind');
  const kind = fundingKindOf(kindText);
  if (kind) input.fundingKind = kind;
  else if (kindText !== '') {
    issues.push(
      issue('fundingKind', 'invalid_kind', {
        ru: `Вид «${kindText}» не распознан; допустимы: ${fundingKinds.map((k) => fundingKindLabels[k].ru).join(', ')}`,
        en: `Kind "${kindText}" is not recognized; allowed: ${fundingKinds.join(', ')}`,
      }),
    );
  }
  const directionText = cells.get('direction');
  const direction = directionOf(directionText);
  if (direction) input.direction = direction;
  else if (directionText !== '') {
    issues.push(
      issue('direction', 'invalid_direction', {
        ru: `Направленность «${directionText}» не распознана`,
        en: `Direction "${directionText}" is not recognized`,
      }),
    );
  }
  for (const key of ['ageFrom', 'ageTo', 'hours', 'groupMin', 'groupMax', 'capacity'] as const) {
    numberInto(input, key, cells.get(key), issues);
  }
  input.certified = ['да', 'yes', '1', 'true', '+'].includes(lower(cells.get('certified')));
  for (const key of ['price', 'normativeCost'] as const) {
    const text = cells.get(key);
    if (text !== '') input[key] = moneyText(text);
  }
  assignText(input, 'start', dateText(cells.get('start')));
  assignText(input, 'end', dateText(cells.get('end')));
  const days = weekdaysOf(cells.get('weekdays'));
  if (days) input.weekdays = days;
  else
    issues.push(
      issue('weekdays', 'invalid_weekdays', {
        ru: `Дни «${cells.get('weekdays')}» не распознаны (пн, вт, …)`,
        en: `Days "${cells.get('weekdays')}" are not recognized (Mon, Tue, …)`,
      }),
    );
  return { input, issues };
}

const programmeSpec: RecordSpec<typeof programmeRowSchema, ProgrammeField> = {
  definitions: programmeImportColumns,
  schema: programmeRowSchema,
  idField: 'groupId',
  missingColumns: missingRequired(programmeImportColumns),
  build: buildProgrammeRow,
  fieldOf: fieldOfPath(programmeImportColumns),
};

/**
 * The result of a programme registry import: the programmes assembled from the accepted
 * rows, and every row either accepted (with its programme id) or rejected with its issues
 * — a programme whose rows disagree, or that core's schema refuses, rejects all its rows.
 *
 * @example
 * ```ts
 * import type { ProgrammeImport } from '@eduset/adapters';
 * declare const imported: ProgrammeImport;
 * imported.programmes.length + imported.result.rejected.length;
 * ```
 */
export interface ProgrammeImport {
  readonly programmes: readonly Programme[];
  readonly result: ImportResult<{ readonly programmeId: string; readonly groupId: string }>;
}

const programmeLevelFields = [
  'name',
  'providerId',
  'fundingKind',
  'direction',
  'ageFrom',
  'ageTo',
  'hours',
  'groupMin',
  'groupMax',
  'certified',
  'district',
] as const;

/**
 * Imports a programme registry from CSV or XLSX: one row per group; rows of one programme
 * are assembled into one programme (its modules and groups) and checked with core's
 * `programmeSchema`. Nothing is lost: each data row is accepted or rejected with issues.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { importProgrammes } from '@eduset/adapters';
 * const { programmes, result } = await importProgrammes(await readFile('programmes.xlsx'));
 * result.rejected.map((row) => row.issues);
 * ```
 */
export async function importProgrammes(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ProgrammeImport> {
  const { result, cellsByRow } = importTable(await readTable(source, options), programmeSpec);
  const byProgramme = new Map<string, { row: number; record: ProgrammeRow }[]>();
  for (const accepted of result.accepted) {
    const list = byProgramme.get(accepted.record.programmeId) ?? [];
    list.push(accepted);
    byProgramme.set(accepted.record.programmeId, list);
  }
  const programmes: Programme[] = [];
  const accepted: { row: number; record: { programmeId: string; groupId: string } }[] = [];
  const rejected: RejectedRow[] = [...result.rejected];
  for (const [programmeId, rows] of byProgramme) {
    const first = rows[0]?.record;
    if (!first) continue;
    const conflicts: ValidationIssue[] = [];
    for (const { record } of rows) {
      for (const field of programmeLevelFields) {
        if (JSON.stringify(record[field]) !== JSON.stringify(first[field])) {
          const header = canonicalHeader(
            programmeImportColumns.find((c) => c.field === field) ?? programmeImportColumns[0],
          );
          conflicts.push(
            issue(field, 'programme_conflict', {
              ru: `«${header.ru}» программы «${programmeId}» различается в её строках`,
              en: `"${header.en}" of programme "${programmeId}" differs between its rows`,
            }),
          );
        }
      }
    }
    const modules = new Map<string, ProgrammeRow[]>();
    for (const { record } of rows)
      modules.set(record.moduleId, [...(modules.get(record.moduleId) ?? []), record]);
    const candidate = {
      id: programmeId,
      name: first.name,
      providerId: first.providerId,
      ...(first.district ? { district: first.district } : {}),
      fundingKind: first.fundingKind,
      direction: first.direction,
      ageFrom: first.ageFrom,
      ageTo: first.ageTo,
      hours: first.hours,
      groupSize: { min: first.groupMin, max: first.groupMax },
      certification: first.certified ? 'certified' : 'not-certified',
      modules: [...modules].map(([moduleId, groups]) => ({
        id: moduleId,
        name: moduleId,
        hours: first.hours,
        ...(groups[0]?.price === undefined ? {} : { price: groups[0].price }),
        ...(groups[0]?.normativeCost === undefined
          ? {}
          : { normativeCost: groups[0].normativeCost }),
        groups: groups.map((group) => ({
          id: group.groupId,
          name: group.groupId,
          start: group.start,
          end: group.end,
          capacity: group.capacity,
          weekdays: group.weekdays,
        })),
      })),
    };
    const parsed = safeParse(programmeSchema, candidate);
    if (conflicts.length === 0 && parsed.ok) {
      programmes.push(parsed.value);
      for (const { row, record } of rows)
        accepted.push({ row, record: { programmeId, groupId: record.groupId } });
      continue;
    }
    const problems = [...conflicts, ...(parsed.ok ? [] : parsed.issues)];
    for (const { row } of rows)
      rejected.push({ row, cells: cellsByRow.get(row) ?? [], issues: problems });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { programmes, result: { ...result, accepted, rejected } };
}

const certificateRowSchema = certificateSchema;

function buildCertificate(cells: CellReader<CertificateField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  const number = cells.get('number').replace(/\s/g, '');
  assignText(input, 'number', number);
  assignText(input, 'id', number);
  assignText(input, 'birthDate', dateText(cells.get('birthDate')));
  assignText(input, 'groupId', cells.get('groupId').trim());
  assignText(input, 'issuedOn', dateText(cells.get('issuedOn')));
  assignText(input, 'childId', cells.get('childId').trim());
  const kind = lower(cells.get('kind'));
  input.kind =
    kind === '' || kind === 'учета' || kind === 'record'
      ? 'record'
      : kind === 'пф' || kind === 'funded'
        ? 'funded'
        : kind;
  const status = lower(cells.get('status'));
  const statuses: Record<string, string> = {
    выдан: 'issued',
    активирован: 'active',
    приостановлен: 'suspended',
    закрыт: 'closed',
  };
  input.status = status === '' ? 'issued' : (statuses[status] ?? status);
  return { input, issues };
}

const certificateSpec: RecordSpec<typeof certificateRowSchema, CertificateField> = {
  definitions: certificateImportColumns,
  schema: certificateRowSchema,
  idField: 'number',
  missingColumns: missingRequired(certificateImportColumns),
  build: buildCertificate,
  fieldOf: (path) => {
    const head = path[0] === 'id' ? 'number' : path[0];
    return certificateImportColumns.find((c) => c.field === head)?.field;
  },
};

/**
 * Imports a certificate registry from CSV or XLSX (number, child's birth date, certificate
 * group, kind, status, issue date), each row checked with core's `certificateSchema`; the
 * number is the certificate's id. Nothing is lost: each row is accepted or rejected.
 *
 * @example
 * ```ts
 * import { importCertificates } from '@eduset/adapters';
 * const result = await importCertificates('Номер сертификата;Дата рождения;Группа;Дата выдачи\n6800000001;12.04.2016;g;01.09.2026');
 * result.accepted[0]?.record.birthDate; // '2016-04-12'
 * ```
 */
export async function importCertificates(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult<Certificate>> {
  return importTable(await readTable(source, options), certificateSpec).result;
}
