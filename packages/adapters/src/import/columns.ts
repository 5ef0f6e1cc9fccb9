import type { LocalizedText } from '@eduset/core/common';
import { fileError } from './source.js';
import type { ImportColumn } from './types.js';

/**
 * One column the importer knows: the field it fills, the headers it is recognized by
 * (Russian first, then English) and what it holds.
 *
 * @example
 * ```ts
 * import { organizationImportColumns } from '@eduset/adapters';
 * organizationImportColumns.find((column) => column.field === 'kind')?.headers.ru[0]; // 'Тип'
 * ```
 */
export interface ImportColumnDefinition<F extends string = string> {
  /** The field the column fills. */
  readonly field: F;
  /** Accepted headers; the first Russian one is the canonical header. */
  readonly headers: { readonly ru: readonly string[]; readonly en: readonly string[] };
  /** Whether a file must have this column. */
  readonly required: boolean;
  /** What the column holds, in Russian and English. */
  readonly description: LocalizedText;
}

/** One column's definition: its field, its accepted Russian and English headers, whether it is required, what it holds. */
export function importColumn<F extends string>(
  field: F,
  ru: readonly string[],
  en: readonly string[],
  required: boolean,
  description: LocalizedText,
): ImportColumnDefinition<F> {
  return { field, headers: { ru, en }, required, description };
}

/**
 * The key a header is matched by: lower case, «ё» read as «е», spaces and punctuation
 * dropped (`'Учебные  годы'`, `'учебные годы'` and `'УЧЕБНЫЕ ГОДЫ:'` give one key).
 *
 * @example
 * ```ts
 * import { headerKey } from '@eduset/adapters';
 * headerKey(' Возраст С ') === headerKey('возраст с'); // true
 * ```
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The key of a header with any text in parentheses dropped: `Организация (код)` → `организация`. */
function headerKeyWithoutParentheses(header: string): string {
  return headerKey(header.replace(/\([^)]*\)/g, ' '));
}

/** The canonical header of a column: its first Russian header. */
export function canonicalHeader(definition: ImportColumnDefinition): LocalizedText {
  return {
    ru: definition.headers.ru[0] ?? definition.field,
    en: definition.headers.en[0] ?? definition.field,
  };
}

/** Where each known field is in a file, and how each column was understood. */
export interface ResolvedColumns<F extends string> {
  readonly indexOf: ReadonlyMap<F, number>;
  readonly columns: readonly ImportColumn[];
}

/**
 * Matches the headers of a file against column definitions.
 *
 * @throws ValidationError when a column is given twice or a required one is missing.
 */
export function resolveColumns<F extends string>(
  headers: readonly string[],
  definitions: readonly ImportColumnDefinition<F>[],
  missing: (present: ReadonlySet<F>) => readonly ImportColumnDefinition<F>[],
): ResolvedColumns<F> {
  const byKey = new Map<string, ImportColumnDefinition<F>>();
  for (const definition of definitions) {
    for (const header of [...definition.headers.ru, ...definition.headers.en]) {
      byKey.set(headerKey(header), definition);
    }
  }
  const indexOf = new Map<F, number>();
  const columns: ImportColumn[] = [];
  const repeated: string[] = [];
  headers.forEach((header, index) => {
    const definition =
      header.trim() === ''
        ? undefined
        : (byKey.get(headerKey(header)) ?? byKey.get(headerKeyWithoutParentheses(header)));
    if (definition === undefined) {
      columns.push({ index, header, field: null });
      return;
    }
    const first = indexOf.get(definition.field);
    if (first !== undefined) {
      repeated.push(`«${headers[first] ?? ''}» / «${header}»`);
      columns.push({ index, header, field: null });
      return;
    }
    indexOf.set(definition.field, index);
    columns.push({ index, header, field: definition.field });
  });
  if (repeated.length > 0) {
    throw fileError('duplicate_column', {
      ru: `Столбец указан дважды: ${repeated.join('; ')}`,
      en: `A column is given twice: ${repeated.join('; ')}`,
    });
  }
  const absent = missing(new Set(indexOf.keys()));
  if (absent.length > 0) {
    const found = headers.filter((header) => header.trim() !== '');
    const foundText = found.length > 0 ? found.map((header) => `«${header}»`).join(', ') : '—';
    throw fileError('missing_columns', {
      ru:
        `Нет обязательных столбцов: ${absent.map((d) => `«${canonicalHeader(d).ru}»`).join(', ')}` +
        `; в строке заголовков: ${foundText}`,
      en:
        `Required columns are missing: ${absent.map((d) => `"${canonicalHeader(d).en}"`).join(', ')}` +
        `; the header row has: ${foundText}`,
    });
  }
  return { indexOf, columns };
}

/**
 * The columns of an organizations file.
 *
 * @example
 * ```ts
 * import { organizationImportColumns } from '@eduset/adapters';
 * organizationImportColumns.filter((column) => column.required).map((column) => column.field);
 * // ['id', 'name', 'kind']
 * ```
 */
export const organizationImportColumns = [
  {
    field: 'id',
    headers: { ru: ['Код', 'Идентификатор', 'Код организации'], en: ['id', 'code'] },
    required: true,
    description: {
      ru: 'Код организации: латинские буквы, цифры, «.», «_», «:», «-»',
      en: 'The organization id: Latin letters, digits, ".", "_", ":", "-"',
    },
  },
  {
    field: 'name',
    headers: {
      ru: ['Наименование', 'Полное наименование', 'Название'],
      en: ['name', 'full name'],
    },
    required: true,
    description: { ru: 'Полное наименование', en: 'The full name' },
  },
  {
    field: 'shortName',
    headers: {
      ru: ['Краткое наименование', 'Сокращённое наименование', 'Краткое название'],
      en: ['short name', 'shortName'],
    },
    required: false,
    description: { ru: 'Краткое наименование', en: 'The short name' },
  },
  {
    field: 'kind',
    headers: {
      ru: ['Тип', 'Вид', 'Тип организации', 'Вид организации'],
      en: ['kind', 'type'],
    },
    required: true,
    description: {
      ru: 'Тип: детский сад (МБДОУ), школа, СОШ, ОШ, гимназия, колледж, дополнительное образование (МБОУ ДО, ЦДТ), управление образования — или kindergarten, school, gymnasium, college, additional-education, authority',
      en: 'The kind: kindergarten, school, gymnasium, college, additional-education, authority — or the Russian words (детский сад, СОШ, ОШ, …)',
    },
  },
  {
    field: 'level',
    headers: { ru: ['Уровень', 'Уровень образования'], en: ['level'] },
    required: false,
    description: {
      ru: 'Уровень школы: СОШ / средняя (secondary) или ОШ / основная (basic); только для школ',
      en: 'A school’s level: secondary (СОШ) or basic (ОШ); schools only',
    },
  },
  {
    field: 'address',
    headers: { ru: ['Адрес'], en: ['address'] },
    required: false,
    description: { ru: 'Адрес', en: 'The address' },
  },
  {
    field: 'note',
    headers: { ru: ['Примечание', 'Комментарий'], en: ['note', 'comment'] },
    required: false,
    description: { ru: 'Примечание', en: 'A note' },
  },
] as const satisfies readonly ImportColumnDefinition[];

/**
 * A field an organizations file can fill.
 *
 * @example
 * ```ts
 * import type { OrganizationColumnField } from '@eduset/adapters';
 * const field: OrganizationColumnField = 'shortName';
 * ```
 */
export type OrganizationColumnField = (typeof organizationImportColumns)[number]['field'];

/**
 * The columns of a sites file. Ages are given either in one column («Возраст»: `0-3`,
 * `от 3 до 7 лет`) or in two («Возраст с», «Возраст по»).
 *
 * @example
 * ```ts
 * import { siteImportColumns } from '@eduset/adapters';
 * siteImportColumns.find((column) => column.field === 'hostOrganizationId')?.headers.ru[0];
 * // 'Организация'
 * ```
 */
export const siteImportColumns = [
  {
    field: 'id',
    headers: { ru: ['Код', 'Идентификатор', 'Код площадки'], en: ['id', 'code'] },
    required: true,
    description: {
      ru: 'Код площадки: латинские буквы, цифры, «.», «_», «:», «-»',
      en: 'The site id: Latin letters, digits, ".", "_", ":", "-"',
    },
  },
  {
    field: 'kind',
    headers: {
      ru: ['Вид площадки', 'Вид', 'Тип', 'Тип площадки'],
      en: ['kind', 'type'],
    },
    required: true,
    description: {
      ru: 'Вид: КП (консультационный пункт), Служба РП (служба ранней помощи), лекотека, ЦИПР, ПМПК, ресурсный центр, опорный центр (МОЦ) — или consultation-point, early-help, lekoteka, play-support-centre, pmpk, resource-centre, support-centre',
      en: 'The kind: consultation-point, early-help, lekoteka, play-support-centre, pmpk, resource-centre, support-centre — or the Russian words (КП, Служба РП, …)',
    },
  },
  {
    field: 'name',
    headers: { ru: ['Наименование', 'Название'], en: ['name'] },
    required: true,
    description: { ru: 'Наименование площадки', en: 'The site name' },
  },
  {
    field: 'hostOrganizationId',
    headers: {
      ru: ['Организация', 'Код организации', 'Базовая организация'],
      en: ['host', 'hostOrganizationId', 'host organization', 'organization', 'organization id'],
    },
    required: true,
    description: {
      ru: 'Код организации, на базе которой работает площадка',
      en: 'The id of the organization that hosts the site',
    },
  },
  {
    field: 'activeYears',
    headers: {
      ru: ['Учебные годы', 'Годы работы', 'Годы'],
      en: ['activeYears', 'active years', 'school years', 'years'],
    },
    required: true,
    description: {
      ru: 'Учебные годы работы: «2017-2018, 2018-2019» или диапазон «2017-2018 – 2020-2021»; пусто — ни одного',
      en: 'School years of work: "2017-2018, 2018-2019" or a range "2017-2018 – 2020-2021"; empty for none',
    },
  },
  {
    field: 'serviceIds',
    headers: { ru: ['Услуги', 'Коды услуг'], en: ['serviceIds', 'services', 'service ids'] },
    required: false,
    description: {
      ru: 'Коды услуг через запятую или точку с запятой',
      en: 'Service ids separated by commas or semicolons',
    },
  },
  {
    field: 'ages',
    headers: { ru: ['Возраст', 'Возраст детей'], en: ['ages', 'age'] },
    required: false,
    description: {
      ru: 'Возраст детей, полных лет: «0-3», «от 3 до 7 лет», «до 3 лет»',
      en: 'Children’s ages in whole years: "0-3", "3-7"',
    },
  },
  {
    field: 'ageFrom',
    headers: { ru: ['Возраст с', 'Возраст от'], en: ['ageFrom', 'age from', 'ages from'] },
    required: false,
    description: {
      ru: 'Возраст с (вместо «Возраст»), полных лет',
      en: 'Age from (instead of "ages"), whole years',
    },
  },
  {
    field: 'ageTo',
    headers: { ru: ['Возраст по', 'Возраст до'], en: ['ageTo', 'age to', 'ages to'] },
    required: false,
    description: {
      ru: 'Возраст по (вместо «Возраст»), полных лет',
      en: 'Age to (instead of "ages"), whole years',
    },
  },
  {
    field: 'address',
    headers: { ru: ['Адрес'], en: ['address'] },
    required: false,
    description: { ru: 'Адрес', en: 'The address' },
  },
  {
    field: 'lat',
    headers: { ru: ['Широта'], en: ['lat', 'latitude'] },
    required: false,
    description: {
      ru: 'Широта (WGS 84), дробная часть через точку или запятую',
      en: 'Latitude (WGS 84), decimal point or comma',
    },
  },
  {
    field: 'lon',
    headers: { ru: ['Долгота'], en: ['lon', 'lng', 'longitude'] },
    required: false,
    description: {
      ru: 'Долгота (WGS 84), дробная часть через точку или запятую',
      en: 'Longitude (WGS 84), decimal point or comma',
    },
  },
  {
    field: 'phone',
    headers: { ru: ['Телефон'], en: ['phone', 'telephone'] },
    required: false,
    description: { ru: 'Телефон', en: 'The phone number' },
  },
  {
    field: 'note',
    headers: { ru: ['Примечание', 'Комментарий'], en: ['note', 'comment'] },
    required: false,
    description: { ru: 'Примечание', en: 'A note' },
  },
] as const satisfies readonly ImportColumnDefinition[];

/**
 * A field a sites file can fill.
 *
 * @example
 * ```ts
 * import type { SiteColumnField } from '@eduset/adapters';
 * const field: SiteColumnField = 'activeYears';
 * ```
 */
export type SiteColumnField = (typeof siteImportColumns)[number]['field'];
