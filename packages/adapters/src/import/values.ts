import {
  parseSchoolYear,
  schoolYearRange,
  schoolYearStartYear,
  type LocalizedText,
  type SchoolYear,
  ValidationError,
  type ValidationIssue,
} from '@eduset/core/common';
import {
  organizationKindLabels,
  organizationKinds,
  siteKindLabels,
  siteKinds,
  type OrganizationKind,
  type SchoolLevel,
  type SiteKind,
} from '@eduset/core/network';
import { headerKey } from './columns.js';

/**
 * A value read from a cell, or the issues that stopped it from being read.
 *
 * @example
 * ```ts
 * import { parseSchoolYearsCell, type CellResult } from '@eduset/adapters';
 * const years: CellResult<string[]> = parseSchoolYearsCell('2019-2020, 2020-2021');
 * if (!years.ok) years.issues[0]?.message.ru;
 * ```
 */
export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

function issue(path: (string | number)[], code: string, message: LocalizedText): ValidationIssue {
  return { path, code, message };
}

/** Splits a list cell on commas, semicolons and line breaks; blanks are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// ---------------------------------------------------------------------------------------
// Site kinds
// ---------------------------------------------------------------------------------------

const siteKindAliases: Readonly<Record<SiteKind, readonly string[]>> = {
  'consultation-point': ['КП', 'консультационный пункт', 'консультативный пункт'],
  'early-help': ['Служба РП', 'СРП', 'РП', 'служба ранней помощи', 'ранняя помощь'],
  lekoteka: ['лекотека'],
  'play-support-centre': [
    'ЦИПР',
    'центр игровой поддержки ребенка',
    'центр игровой поддержки',
    'play-support center',
  ],
  pmpk: ['ПМПК', 'ТПМПК', 'психолого-медико-педагогическая комиссия'],
  'resource-centre': ['ресурсный центр', 'РЦ', 'resource center'],
  'support-centre': [
    'опорный центр',
    'МОЦ',
    'муниципальный опорный центр',
    'муниципальный центр',
    'support center',
  ],
};

const siteKindByKey: ReadonlyMap<string, SiteKind> = (() => {
  const map = new Map<string, SiteKind>();
  for (const kind of siteKinds) {
    const label = siteKindLabels[kind];
    const names = [kind, label.ru, label.en, ...siteKindAliases[kind]];
    for (const name of names) {
      map.set(headerKey(name), kind);
      map.set(headerKey(name.replace(/\([^)]*\)/g, ' ')), kind);
      const inParentheses = /\(([^)]*)\)/.exec(name)?.[1];
      if (inParentheses !== undefined) map.set(headerKey(inParentheses), kind);
    }
  }
  return map;
})();

/** The allowed site kinds as a user reads them, Russian and English. */
export const allowedSiteKinds: LocalizedText = {
  ru:
    'КП (консультационный пункт), Служба РП (служба ранней помощи), лекотека, ЦИПР (центр игровой поддержки ребёнка), ПМПК, ресурсный центр, опорный центр (МОЦ); или коды: ' +
    siteKinds.join(', '),
  en: `${siteKinds.join(', ')}; or in Russian: КП, Служба РП, лекотека, ЦИПР, ПМПК, ресурсный центр, опорный центр (МОЦ)`,
};

/**
 * Reads a site kind written in Russian (`КП`, `Служба ранней помощи`, `ЦИПР`, …) or as its
 * id (`consultation-point`); case, spaces, punctuation and «ё» do not matter.
 *
 * @example
 * ```ts
 * import { parseSiteKind } from '@eduset/adapters';
 * parseSiteKind('Служба РП'); // 'early-help'
 * parseSiteKind('Центр игровой поддержки ребёнка'); // 'play-support-centre'
 * parseSiteKind('бассейн'); // undefined
 * ```
 */
export function parseSiteKind(text: string): SiteKind | undefined {
  return siteKindByKey.get(headerKey(text));
}

/** A site kind from a cell; an unknown kind is an issue that lists the allowed ones. */
export function siteKindCell(text: string): CellResult<SiteKind> | undefined {
  if (text === '') return undefined;
  const kind = parseSiteKind(text);
  if (kind !== undefined) return { ok: true, value: kind };
  return {
    ok: false,
    issues: [
      issue(['kind'], 'unknown_site_kind', {
        ru: `Неизвестный вид площадки «${text}»; допустимы: ${allowedSiteKinds.ru}`,
        en: `Unknown site kind "${text}"; allowed: ${allowedSiteKinds.en}`,
      }),
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Organization kinds and school levels
// ---------------------------------------------------------------------------------------

/**
 * An organization kind read from a cell, with the school level the words imply (СОШ →
 * secondary, ОШ → basic), if they do.
 *
 * @example
 * ```ts
 * import type { OrganizationKindReading } from '@eduset/adapters';
 * const reading: OrganizationKindReading = { kind: 'school', level: 'secondary' };
 * ```
 */
export interface OrganizationKindReading {
  readonly kind: OrganizationKind;
  readonly level?: SchoolLevel;
}

/** Words of a cell: lower case, «ё» as «е», quotes and punctuation as spaces. */
function wordsOf(text: string): { readonly words: readonly string[]; readonly joined: string } {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}/]+/u)
    .filter((word) => word !== '');
  return { words, joined: words.join(' ') };
}

function hasAny(words: readonly string[], candidates: readonly string[]): boolean {
  return words.some((word) => candidates.includes(word));
}

const organizationKindByKey: ReadonlyMap<string, OrganizationKind> = (() => {
  const map = new Map<string, OrganizationKind>();
  for (const kind of organizationKinds) {
    map.set(headerKey(kind), kind);
    map.set(headerKey(organizationKindLabels[kind].ru), kind);
    map.set(headerKey(organizationKindLabels[kind].en), kind);
  }
  return map;
})();

/**
 * Reads an organization kind written as a municipality writes it: `детский сад`, `МБДОУ`,
 * `СОШ` (a secondary school), `ОШ` / `основная школа` (a basic school), `школа`, `гимназия`,
 * `колледж`, `МБОУ ДО` / `ЦДТ` / `дополнительное образование`, `управление образования`,
 * or the id (`kindergarten`, …).
 *
 * @example
 * ```ts
 * import { parseOrganizationKind } from '@eduset/adapters';
 * parseOrganizationKind('МБОУ СОШ'); // { kind: 'school', level: 'secondary' }
 * parseOrganizationKind('МБДОУ'); // { kind: 'kindergarten' }
 * parseOrganizationKind('ферма'); // undefined
 * ```
 */
export function parseOrganizationKind(text: string): OrganizationKindReading | undefined {
  const exact = organizationKindByKey.get(headerKey(text));
  if (exact !== undefined) return { kind: exact };
  const { words, joined } = wordsOf(text);
  if (words.length === 0) return undefined;
  if (
    hasAny(words, ['до', 'удо', 'цдт', 'ддт', 'цдо', 'сюн', 'сют', 'дюсш', 'дши', 'дмш', 'цвр']) ||
    /дополнительн|детского творчества|школа искусств|музыкальная школа|спортивная школа|additional/.test(
      joined,
    )
  ) {
    return { kind: 'additional-education' };
  }
  if (
    hasAny(words, ['уо', 'руо', 'authority']) ||
    /(управлени|отдел|комитет|департамент).*образовани/.test(joined)
  ) {
    return { kind: 'authority' };
  }
  if (
    hasAny(words, ['мбдоу', 'мадоу', 'мдоу', 'мкдоу', 'доу', 'д/с', 'дс']) ||
    /детский сад|kindergarten/.test(joined)
  ) {
    return { kind: 'kindergarten' };
  }
  if (/колледж|техникум|college/.test(joined)) return { kind: 'college' };
  if (/гимнази|gymnasium/.test(joined)) return { kind: 'gymnasium' };
  if (hasAny(words, ['сош', 'secondary']) || /средн.*школ/.test(joined)) {
    return { kind: 'school', level: 'secondary' };
  }
  if (hasAny(words, ['ош', 'оош', 'basic']) || /основн.*школ/.test(joined)) {
    return { kind: 'school', level: 'basic' };
  }
  if (hasAny(words, ['школа', 'school', 'мбоу', 'моу', 'маоу', 'мкоу', 'оу'])) {
    return { kind: 'school' };
  }
  return undefined;
}

const allowedOrganizationKinds: LocalizedText = {
  ru: `детский сад (МБДОУ), школа, СОШ, ОШ (основная школа), гимназия, колледж, дополнительное образование (МБОУ ДО, ЦДТ), управление образования; или коды: ${organizationKinds.join(', ')}`,
  en: `${organizationKinds.join(', ')}; or in Russian: детский сад, СОШ, ОШ, гимназия, колледж, МБОУ ДО, управление образования`,
};

/** An organization kind from a cell; an unknown kind is an issue that lists the allowed ones. */
export function organizationKindCell(
  text: string,
): CellResult<OrganizationKindReading> | undefined {
  if (text === '') return undefined;
  const reading = parseOrganizationKind(text);
  if (reading !== undefined) return { ok: true, value: reading };
  return {
    ok: false,
    issues: [
      issue(['kind'], 'unknown_organization_kind', {
        ru: `Неизвестный тип организации «${text}»; допустимы: ${allowedOrganizationKinds.ru}`,
        en: `Unknown organization kind "${text}"; allowed: ${allowedOrganizationKinds.en}`,
      }),
    ],
  };
}

/**
 * Reads a school level: `СОШ` / `СШ` / `средняя` / `secondary`, or `ОШ` / `основная` /
 * `basic`.
 *
 * @example
 * ```ts
 * import { parseSchoolLevel } from '@eduset/adapters';
 * parseSchoolLevel('основная'); // 'basic'
 * ```
 */
export function parseSchoolLevel(text: string): SchoolLevel | undefined {
  const { words, joined } = wordsOf(text);
  if (hasAny(words, ['secondary', 'сош', 'сш', '11']) || /^средн/.test(joined)) return 'secondary';
  if (hasAny(words, ['basic', 'ош', 'оош', '9']) || /^основн/.test(joined)) return 'basic';
  return undefined;
}

/** A school level from a cell; an unknown level is an issue. */
export function schoolLevelCell(text: string): CellResult<SchoolLevel> | undefined {
  if (text === '') return undefined;
  const level = parseSchoolLevel(text);
  if (level !== undefined) return { ok: true, value: level };
  return {
    ok: false,
    issues: [
      issue(['level'], 'invalid_school_level', {
        ru: `Неизвестный уровень «${text}»; допустимы: СОШ / СШ / средняя (secondary), ОШ / основная (basic)`,
        en: `Unknown level "${text}"; allowed: secondary (СОШ), basic (ОШ)`,
      }),
    ],
  };
}

// ---------------------------------------------------------------------------------------
// School years
// ---------------------------------------------------------------------------------------

const YEAR = String.raw`(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})`;
const SINGLE_YEAR = new RegExp(`^${YEAR}$`);
const YEAR_RANGE = new RegExp(`^(?:с\\s+)?${YEAR}\\s*(?:–|—|-|\\.\\.|по|до)\\s*${YEAR}$`, 'i');
const MAX_RANGE_YEARS = 100;

/** Drops words like «учебный год», «уч. г.», «гг.» that people add after a year. */
function withoutYearWords(text: string): string {
  return text
    .replace(/\s*(?:учебн\S*\s*год\S*|уч\.?\s*г\S*|гг?\.?)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `2019` and `20` or `2020` → the school year `2019-2020`, or `undefined`. */
function schoolYearOfParts(start: string, end: string): SchoolYear | undefined {
  const first = Number(start);
  const second = end.length === 2 ? Math.floor(first / 100) * 100 + Number(end) : Number(end);
  const fixed = end.length === 2 && second < first ? second + 100 : second;
  try {
    return parseSchoolYear(`${first}-${fixed}`);
  } catch {
    return undefined;
  }
}

function schoolYearIssue(text: string, index: number): ValidationIssue {
  try {
    parseSchoolYear(text);
  } catch (error) {
    const first = error instanceof ValidationError ? error.issues[0] : undefined;
    if (first !== undefined) return { ...first, path: ['activeYears', index] };
  }
  return issue(['activeYears', index], 'invalid_school_year', {
    ru: `«${text}» — не учебный год (ожидается вида 2019-2020)`,
    en: `"${text}" is not a school year (expected e.g. 2019-2020)`,
  });
}

/**
 * Reads the school years of a cell: a list (`2017-2018, 2018-2019`, also with `;` or line
 * breaks), ranges (`2017-2018 – 2020-2021`), short forms (`2019/20`), and words such as
 * «учебный год» after a year. An empty cell is no years.
 *
 * @example
 * ```ts
 * import { parseSchoolYearsCell } from '@eduset/adapters';
 * const result = parseSchoolYearsCell('2017-2018 – 2019-2020, 2021/22');
 * result.ok && result.value; // ['2017-2018', '2018-2019', '2019-2020', '2021-2022']
 * ```
 */
export function parseSchoolYearsCell(text: string): CellResult<SchoolYear[]> {
  const years: SchoolYear[] = [];
  const issues: ValidationIssue[] = [];
  splitList(text).forEach((item, index) => {
    const cleaned = withoutYearWords(item);
    const single = SINGLE_YEAR.exec(cleaned);
    if (single !== null) {
      const year = schoolYearOfParts(single[1] ?? '', single[2] ?? '');
      if (year === undefined) issues.push(schoolYearIssue(item, index));
      else years.push(year);
      return;
    }
    const range = YEAR_RANGE.exec(cleaned);
    if (range !== null) {
      const from = schoolYearOfParts(range[1] ?? '', range[2] ?? '');
      const to = schoolYearOfParts(range[3] ?? '', range[4] ?? '');
      if (from === undefined || to === undefined) {
        issues.push(schoolYearIssue(item, index));
        return;
      }
      const span = schoolYearStartYear(to) - schoolYearStartYear(from);
      if (span < 0 || span >= MAX_RANGE_YEARS) {
        issues.push(
          issue(['activeYears', index], 'invalid_school_year_range', {
            ru: `Диапазон учебных лет «${item}» задан неверно (начало позже конца или больше ${MAX_RANGE_YEARS} лет)`,
            en: `The school-year range "${item}" is wrong (starts after it ends or spans over ${MAX_RANGE_YEARS} years)`,
          }),
        );
        return;
      }
      years.push(...schoolYearRange(from, to));
      return;
    }
    issues.push(schoolYearIssue(item, index));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: years };
}

// ---------------------------------------------------------------------------------------
// Numbers and ages
// ---------------------------------------------------------------------------------------

const NUMBER = /^[-+−]?\d+(?:[.,]\d+)?$/;

/**
 * Reads a number written with a decimal point or a Russian decimal comma; spaces (also
 * non-breaking ones), a degree sign and words «год», «лет» are ignored.
 *
 * @example
 * ```ts
 * import { parseDecimal } from '@eduset/adapters';
 * parseDecimal('57,8812'); // 57.8812
 * parseDecimal('3 года'); // 3
 * parseDecimal('много'); // undefined
 * ```
 */
export function parseDecimal(text: string): number | undefined {
  const compact = text
    .toLowerCase()
    .replace(/(?:лет|года|год|г\.)\s*$/u, '')
    .replace(/[\s\u00a0\u202f°]/g, '');
  if (!NUMBER.test(compact)) return undefined;
  return Number(compact.replace('−', '-').replace(',', '.'));
}

/** A number from a cell at a path; text that is not a number is an issue. */
export function numberCell(
  text: string,
  path: (string | number)[],
): CellResult<number> | undefined {
  if (text === '') return undefined;
  const value = parseDecimal(text);
  if (value !== undefined) return { ok: true, value };
  return {
    ok: false,
    issues: [
      issue(path, 'invalid_number', {
        ru: `Ожидается число, а не «${text}»`,
        en: `Expected a number, not "${text}"`,
      }),
    ],
  };
}

const AGE_NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const AGE_RANGE = new RegExp(`^(?:от|с)?\\s*${AGE_NUMBER}\\s*(?:-|до|по)\\s*${AGE_NUMBER}$`);
const AGE_UNDER = new RegExp(`^до\\s*${AGE_NUMBER}$`);
const AGE_SINGLE = new RegExp(`^${AGE_NUMBER}$`);

function ageNumber(text: string | undefined): number {
  return Number((text ?? '').replace(',', '.'));
}

/**
 * Reads an age range in whole years: `0-3`, `0–3`, `от 3 до 7 лет`, `3-7 лет`, `до 3 лет`
 * (from 0), `5` (one age). Fractions are passed on for core's schema to reject.
 *
 * @example
 * ```ts
 * import { parseAgeRange } from '@eduset/adapters';
 * parseAgeRange('от 3 до 7 лет'); // { from: 3, to: 7 }
 * parseAgeRange('до 3 лет'); // { from: 0, to: 3 }
 * ```
 */
export function parseAgeRange(text: string): { from: number; to: number } | undefined {
  const normalized = text
    .toLowerCase()
    .replace(/[–—−]/g, '-')
    .replace(/\s*(?:лет|года|год|г\.)\s*/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
  const range = AGE_RANGE.exec(normalized);
  if (range !== null) return { from: ageNumber(range[1]), to: ageNumber(range[2]) };
  const under = AGE_UNDER.exec(normalized);
  if (under !== null) return { from: 0, to: ageNumber(under[1]) };
  const single = AGE_SINGLE.exec(normalized);
  if (single !== null) return { from: ageNumber(single[1]), to: ageNumber(single[1]) };
  return undefined;
}

/** An age range from a cell; text that is not one is an issue. */
export function ageRangeCell(text: string): CellResult<{ from: number; to: number }> | undefined {
  if (text === '') return undefined;
  const range = parseAgeRange(text);
  if (range !== undefined) return { ok: true, value: range };
  return {
    ok: false,
    issues: [
      issue(['ages'], 'invalid_age_range', {
        ru: `Возраст «${text}» не распознан: ожидается, например, «0-3» или «от 3 до 7 лет»`,
        en: `Age "${text}" not understood: expected e.g. "0-3" or "3-7"`,
      }),
    ],
  };
}
