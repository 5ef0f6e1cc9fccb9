import {
  accessibilityLevels,
  activityKindLabels,
  activityKinds,
  inventoryOrganizationKindLabels,
  inventoryOrganizationKinds,
  inventoryRoomSchema,
  staffMemberSchema,
  type ActivityKind,
  type InventoryOrganization,
  type InventoryOrganizationKind,
  type InventoryRoom,
  type LocalizedText,
  type StaffMember,
  type ValidationIssue,
} from '@eduset/core';
import { z } from 'zod';
import { importColumn as column } from './columns.js';
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
import { parseDecimal, splitList } from './values.js';

/**
 * The columns of a rooms file: one row per room, with its organization's id, name and kind
 * (repeated on each of its rooms).
 *
 * @example
 * ```ts
 * import { inventoryRoomImportColumns } from '@eduset/adapters';
 * inventoryRoomImportColumns.map((column) => column.headers.ru[0]).join(';');
 * ```
 */
export const inventoryRoomImportColumns = [
  column('id', ['Код помещения'], ['room id'], true, { ru: 'Код помещения', en: 'Room id' }),
  column('organizationId', ['Код организации'], ['organization id'], true, {
    ru: 'Код организации',
    en: 'Organization id',
  }),
  column('organizationName', ['Организация'], ['organization'], true, {
    ru: 'Наименование организации',
    en: "The organization's name",
  }),
  column('organizationKind', ['Вид организации'], ['organization kind'], true, {
    ru: 'дошкольная, школа, доп. образование, вуз, культура, спорт',
    en: 'preschool, school, additional education, higher education, culture, sport',
  }),
  column('name', ['Помещение'], ['room'], true, { ru: 'Название помещения', en: 'Room name' }),
  column('address', ['Адрес'], ['address'], true, { ru: 'Адрес', en: 'Address' }),
  column('area', ['Площадь', 'Площадь, м2', 'Площадь, м²'], ['area'], true, {
    ru: 'Площадь, м²',
    en: 'Area, m²',
  }),
  column('capacity', ['Вместимость', 'Мест'], ['capacity'], true, {
    ru: 'Вместимость, человек',
    en: 'Capacity, people',
  }),
  column('activities', ['Виды деятельности', 'Лицензия'], ['activities'], true, {
    ru: 'образовательная, внеучебная, воспитательная, спортивная, культурно-досуговая',
    en: 'educational, extracurricular, upbringing, sport, cultural',
  }),
  column('equipment', ['Оборудование', 'Оснащение'], ['equipment'], false, {
    ru: 'через запятую',
    en: 'comma-separated',
  }),
  column('access', ['Доступность', 'Безбарьерный доступ'], ['accessibility'], false, {
    ru: 'да / нет (безбарьерный доступ)',
    en: 'yes / no (step-free access)',
  }),
  column('freeHours', ['Свободное время', 'Свободно для сети'], ['free hours'], false, {
    ru: 'пн 15:00-18:00; ср, пт 14:00-17:00',
    en: 'Mon 15:00-18:00; Wed, Fri 14:00-17:00',
  }),
] as const;

type RoomField = (typeof inventoryRoomImportColumns)[number]['field'];

/**
 * The columns of a staff file: one row per person willing to teach in the network.
 *
 * @example
 * ```ts
 * import { inventoryStaffImportColumns } from '@eduset/adapters';
 * inventoryStaffImportColumns[1].headers.ru[0]; // 'ФИО'
 * ```
 */
export const inventoryStaffImportColumns = [
  column('id', ['Код', 'Код педагога'], ['id'], true, { ru: 'Код', en: 'Id' }),
  column('name', ['ФИО'], ['name'], true, { ru: 'Фамилия, имя, отчество', en: 'Full name' }),
  column('organizationId', ['Код организации'], ['organization id'], true, {
    ru: 'Код своей организации',
    en: "Own organization's id",
  }),
  column('position', ['Должность'], ['position'], false, { ru: 'Должность', en: 'Position' }),
  column('subjects', ['Предметы', 'Предметная область'], ['subjects'], true, {
    ru: 'через запятую',
    en: 'comma-separated',
  }),
  column('hoursPerWeek', ['Часов в неделю'], ['hours a week'], true, {
    ru: 'Часов в неделю',
    en: 'Hours a week',
  }),
  column('travelsTo', ['Может выезжать в', 'Выезд'], ['travels to'], false, {
    ru: 'коды организаций через запятую',
    en: 'organization ids, comma-separated',
  }),
] as const;

type StaffField = (typeof inventoryStaffImportColumns)[number]['field'];

const lower = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е');

function issue(path: string, code: string, message: LocalizedText): ValidationIssue {
  return { path: [path], code, message };
}

const organizationKindWords: Readonly<Record<string, InventoryOrganizationKind>> = {
  дошкольная: 'preschool',
  доу: 'preschool',
  'детский сад': 'preschool',
  школа: 'school',
  оо: 'school',
  общеобразовательная: 'school',
  'доп. образование': 'additional-education',
  удо: 'additional-education',
  'организация дополнительного образования': 'additional-education',
  вуз: 'higher-education',
  'высшее образование': 'higher-education',
  культура: 'culture',
  спорт: 'sport',
};

function organizationKindOf(text: string): InventoryOrganizationKind | undefined {
  const word = lower(text);
  return (
    organizationKindWords[word] ??
    inventoryOrganizationKinds.find(
      (kind) =>
        kind === word ||
        lower(inventoryOrganizationKindLabels[kind].ru) === word ||
        lower(inventoryOrganizationKindLabels[kind].en) === word,
    )
  );
}

function activityOf(text: string): ActivityKind | undefined {
  const word = lower(text);
  return activityKinds.find(
    (kind) =>
      kind === word ||
      lower(activityKindLabels[kind].ru) === word ||
      lower(activityKindLabels[kind].en) === word ||
      `${lower(activityKindLabels[kind].ru)} деятельность` === word,
  );
}

const weekdayWords = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const weekdayWordsEn = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function weekdayOf(word: string): number | undefined {
  const key = lower(word).replace(/\.$/, '');
  const index = Math.max(
    weekdayWords.indexOf(key.slice(0, 2)),
    weekdayWordsEn.indexOf(key.slice(0, 3)),
  );
  return index < 0 || key === '' ? undefined : index + 1;
}

/** `ЧЧ:ММ` or `Ч.ММ` → `HH:MM`. */
function timeOf(text: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : text.trim();
}

/**
 * Reads free hours: `пн 15:00-18:00; ср, пт 14:00-17:00; пн-пт 9:00-12:00`.
 * `undefined` when a part is not understood.
 *
 * @example
 * ```ts
 * import { parseFreeHours } from '@eduset/adapters';
 * parseFreeHours('ср, пт 14:00-17:00');
 * // [{ weekday: 3, from: '14:00', to: '17:00' }, { weekday: 5, from: '14:00', to: '17:00' }]
 * ```
 */
export function parseFreeHours(
  text: string,
): { weekday: number; from: string; to: string }[] | undefined {
  const result: { weekday: number; from: string; to: string }[] = [];
  for (const part of text
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^(.+?)\s+(\d{1,2}[:.]\d{2})\s*[-–—]\s*(\d{1,2}[:.]\d{2})$/.exec(part);
    if (!match) return undefined;
    const days: number[] = [];
    for (const chunk of (match[1] ?? '').split(/[,\s]+/).filter((c) => c !== '')) {
      const range = /^(.+?)[-–—](.+)$/.exec(chunk);
      if (range) {
        const first = weekdayOf(range[1] ?? '');
        const last = weekdayOf(range[2] ?? '');
        if (first === undefined || last === undefined || last < first) return undefined;
        for (let day = first; day <= last; day += 1) days.push(day);
      } else {
        const day = weekdayOf(chunk);
        if (day === undefined) return undefined;
        days.push(day);
      }
    }
    for (const weekday of days) {
      result.push({ weekday, from: timeOf(match[2] ?? ''), to: timeOf(match[3] ?? '') });
    }
  }
  return result;
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

const roomRowSchema = inventoryRoomSchema.extend({
  organizationName: z.string().trim().min(1).max(300),
  organizationKind: z.enum(inventoryOrganizationKinds),
});

type RoomRow = z.infer<typeof roomRowSchema>;

function buildRoomRow(cells: CellReader<RoomField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const key of ['id', 'organizationId', 'organizationName', 'name', 'address'] as const) {
    assignText(input, key, cells.get(key));
  }
  const kindText = cells.get('organizationKind');
  const kind = organizationKindOf(kindText);
  if (kind) input.organizationKind = kind;
  else if (kindText !== '') {
    issues.push(
      issue('organizationKind', 'invalid_kind', {
        ru: `Вид организации «${kindText}» не распознан; допустимы: ${inventoryOrganizationKinds.map((k) => inventoryOrganizationKindLabels[k].ru).join(', ')}`,
        en: `Organization kind "${kindText}" is not recognized; allowed: ${inventoryOrganizationKinds.map((k) => inventoryOrganizationKindLabels[k].en).join(', ')}`,
      }),
    );
  }
  numberInto(input, 'area', cells.get('area').replace(/м2|м²|кв\.?\s*м\.?/gi, ''), issues);
  numberInto(input, 'capacity', cells.get('capacity'), issues);
  const activities: ActivityKind[] = [];
  for (const word of splitList(cells.get('activities'))) {
    const activity = activityOf(word);
    if (activity === undefined) {
      issues.push(
        issue('activities', 'invalid_activity', {
          ru: `Вид деятельности «${word}» не распознан; допустимы: ${activityKinds.map((k) => activityKindLabels[k].ru.toLowerCase()).join(', ')}`,
          en: `Activity "${word}" is not recognized; allowed: ${activityKinds.map((k) => activityKindLabels[k].en.toLowerCase()).join(', ')}`,
        }),
      );
    } else if (!activities.includes(activity)) activities.push(activity);
  }
  if (cells.get('activities') !== '') input.activities = activities;
  input.equipment = splitList(cells.get('equipment'));
  const accessText = lower(cells.get('access'));
  if (['да', 'yes', '+', 'безбарьерный', 'step-free', 'есть'].includes(accessText)) {
    input.access = 'step-free';
  } else if (['', 'нет', 'no', '-', 'none'].includes(accessText)) {
    input.access = accessibilityLevels[1];
  } else {
    issues.push(
      issue('access', 'invalid_access', {
        ru: `Доступность «${cells.get('access')}»: ожидается «да» или «нет»`,
        en: `Accessibility "${cells.get('access')}": expected "yes" or "no"`,
      }),
    );
  }
  const free = parseFreeHours(cells.get('freeHours'));
  if (free) input.freeHours = free;
  else {
    issues.push(
      issue('freeHours', 'invalid_free_hours', {
        ru: `Свободное время «${cells.get('freeHours')}» не распознано; пример: пн 15:00-18:00; ср, пт 14:00-17:00`,
        en: `Free hours "${cells.get('freeHours')}" are not recognized; for example: Mon 15:00-18:00; Wed, Fri 14:00-17:00`,
      }),
    );
  }
  return { input, issues };
}

const roomSpec: RecordSpec<typeof roomRowSchema, RoomField> = {
  definitions: inventoryRoomImportColumns,
  schema: roomRowSchema,
  idField: 'id',
  missingColumns: missingRequired(inventoryRoomImportColumns),
  build: buildRoomRow,
  fieldOf: fieldOfPath(inventoryRoomImportColumns),
};

const staffRowSchema = staffMemberSchema;

function buildStaffRow(cells: CellReader<StaffField>): RowBuild {
  const input: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const key of ['id', 'name', 'organizationId', 'position'] as const) {
    assignText(input, key, cells.get(key));
  }
  if (cells.get('subjects') !== '') input.subjects = splitList(cells.get('subjects'));
  numberInto(input, 'hoursPerWeek', cells.get('hoursPerWeek'), issues);
  input.travelsTo = splitList(cells.get('travelsTo'));
  return { input, issues };
}

const staffSpec: RecordSpec<typeof staffRowSchema, StaffField> = {
  definitions: inventoryStaffImportColumns,
  schema: staffRowSchema,
  idField: 'id',
  missingColumns: missingRequired(inventoryStaffImportColumns),
  build: buildStaffRow,
  fieldOf: fieldOfPath(inventoryStaffImportColumns),
};

/**
 * The rooms of a rooms file, the organizations named on their rows (in order of first
 * appearance) and every row accepted or rejected. A row whose organization's name or kind
 * differs from the organization's first row is rejected with that row's number.
 *
 * @example
 * ```ts
 * import type { RoomImport } from '@eduset/adapters';
 * declare const imported: RoomImport;
 * imported.result.accepted.length + imported.result.rejected.length === imported.result.rows;
 * ```
 */
export interface RoomImport {
  readonly organizations: readonly InventoryOrganization[];
  readonly result: ImportResult<InventoryRoom>;
}

async function tableOf(source: ImportSource, options: ImportOptions, sheet: string) {
  if (options.sheet !== undefined) return readTable(source, options);
  try {
    return await readTable(source, { ...options, sheet });
  } catch {
    return readTable(source, options);
  }
}

/**
 * Reads a rooms file (CSV or XLSX; in a workbook the sheet «Помещения» when there is one,
 * else the first visible sheet). Every data row is accepted or rejected with its reasons in
 * Russian and English; `accepted + rejected = rows`.
 *
 * @example
 * ```ts
 * import { importInventoryRooms } from '@eduset/adapters';
 * const { organizations, result } = await importInventoryRooms(
 *   'Код помещения;Код организации;Организация;Вид организации;Помещение;Адрес;Площадь;Вместимость;Виды деятельности\n' +
 *     'r1;cdt;ЦДТ;доп. образование;Кабинет 1;ул. Мира, 1;54,5;15;образовательная\n',
 * );
 * organizations[0]?.kind; // 'additional-education'
 * result.accepted[0]?.record.area; // 54.5
 * ```
 */
export async function importInventoryRooms(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<RoomImport> {
  const { result, cellsByRow } = importTable(await tableOf(source, options, 'Помещения'), roomSpec);
  const organizations = new Map<string, { organization: InventoryOrganization; row: number }>();
  const accepted: { row: number; record: InventoryRoom }[] = [];
  const rejected: RejectedRow[] = [...result.rejected];
  for (const { row, record } of result.accepted as readonly { row: number; record: RoomRow }[]) {
    const { organizationName, organizationKind, ...room } = record;
    const first = organizations.get(room.organizationId);
    if (first === undefined) {
      organizations.set(room.organizationId, {
        organization: { id: room.organizationId, name: organizationName, kind: organizationKind },
        row,
      });
    } else if (
      first.organization.name !== organizationName ||
      first.organization.kind !== organizationKind
    ) {
      rejected.push({
        row,
        cells: cellsByRow.get(row) ?? [],
        issues: [
          issue('organizationId', 'organization_differs', {
            ru: `Организация «${room.organizationId}» в строке ${first.row} названа иначе или другого вида`,
            en: `Organization "${room.organizationId}" has another name or kind in row ${first.row}`,
          }),
        ],
      });
      continue;
    }
    accepted.push({ row, record: room });
  }
  rejected.sort((a, b) => a.row - b.row);
  return {
    organizations: [...organizations.values()].map((entry) => entry.organization),
    result: { ...result, accepted, rejected },
  };
}

/**
 * Reads a staff file (CSV or XLSX; in a workbook the sheet «Кадры» when there is one, else
 * the first visible sheet). With `organizations`, a row naming an organization not among
 * them (its own or one to travel to) is rejected.
 *
 * @example
 * ```ts
 * import { importInventoryStaff } from '@eduset/adapters';
 * const result = await importInventoryStaff(
 *   'Код;ФИО;Код организации;Предметы;Часов в неделю\ns1;Голышкина Л. С.;cdt;робототехника;4\n',
 *   { organizations: new Set(['cdt']) },
 * );
 * result.accepted[0]?.record.hoursPerWeek; // 4
 * ```
 */
export async function importInventoryStaff(
  source: ImportSource,
  options: ImportOptions & { readonly organizations?: ReadonlySet<string> } = {},
): Promise<ImportResult<StaffMember>> {
  const { result, cellsByRow } = importTable(await tableOf(source, options, 'Кадры'), staffSpec);
  const known = options.organizations;
  if (known === undefined) return result;
  const accepted: { row: number; record: StaffMember }[] = [];
  const rejected: RejectedRow[] = [...result.rejected];
  for (const entry of result.accepted) {
    const unknown = [entry.record.organizationId, ...entry.record.travelsTo].filter(
      (id) => !known.has(id),
    );
    if (unknown.length === 0) {
      accepted.push(entry);
      continue;
    }
    rejected.push({
      row: entry.row,
      cells: cellsByRow.get(entry.row) ?? [],
      issues: [
        issue('organizationId', 'unknown_organization', {
          ru: `Нет таких организаций среди помещений: ${unknown.map((id) => `«${id}»`).join(', ')}`,
          en: `No such organizations among the rooms: ${unknown.map((id) => `"${id}"`).join(', ')}`,
        }),
      ],
    });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { ...result, accepted, rejected };
}
