import type { Lang } from '@eduset/core';

/**
 * The texts of `<eduset-indicator-dashboard>` in one language. Function-valued terms take
 * their numbers, so Russian plurals and word order come out right.
 *
 * @example
 * ```ts
 * import { indicatorDashboardTexts } from '@eduset/widgets';
 * indicatorDashboardTexts.ru.target('20 %'); // 'Цель: 20 %'
 * ```
 */
export interface IndicatorDashboardTexts {
  readonly title: string;
  readonly orgUnit: string;
  readonly views: string;
  readonly cards: string;
  readonly table: string;
  readonly download: string;
  readonly loading: string;
  readonly empty: string;
  readonly noValue: string;
  readonly noTarget: string;
  readonly target: (value: string) => string;
  readonly meetsTarget: string;
  readonly missesTarget: string;
  /** `day`: the period is a day (a figure as of that date: «на 01.09.2020», not «за»). */
  readonly latest: (period: string, day: boolean) => string;
  readonly trendUp: (previous: string, period: string, day: boolean) => string;
  readonly trendDown: (previous: string, period: string, day: boolean) => string;
  readonly trendSame: (period: string, day: boolean) => string;
  readonly trendNone: string;
  readonly better: string;
  readonly worse: string;
  readonly chart: (name: string, points: string) => string;
  readonly explain: string;
  readonly hideExplanation: string;
  readonly explanationTitle: (name: string, period: string) => string;
  readonly inputs: string;
  readonly unitsNotReporting: (count: number) => string;
  readonly allReported: string;
  /** The reporting coverage next to a value: «данные от 18 из 21 организации». */
  readonly coverage: (reported: number, expected: number) => string;
  /** The coverage in a table cell, short: «18 из 21». */
  readonly coverageShort: (reported: number, expected: number) => string;
  readonly definitionVersion: (version: number) => string;
  readonly partial: string;
  readonly capped: string;
  readonly tableCaption: (orgUnit: string) => string;
  readonly indicator: string;
  readonly period: string;
  readonly unitPercent: string;
  readonly unitPerThousand: string;
  readonly csvHeaders: readonly string[];
}

function pluralRu(count: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru').select(count);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}

const ru: IndicatorDashboardTexts = {
  title: 'Показатели',
  orgUnit: 'Территория или организация',
  views: 'Вид',
  cards: 'Карточки',
  table: 'Таблица',
  download: 'Скачать CSV',
  loading: 'Загрузка показателей…',
  empty: 'Нет показателей для показа.',
  noValue: 'нет значения',
  noTarget: 'Цель не задана',
  target: (value) => `Цель: ${value}`,
  meetsTarget: 'цель достигнута',
  missesTarget: 'цель не достигнута',
  // A figure of a year or a quarter is «за» it; a figure as of a date is «на» it.
  latest: (period, day) => `${day ? 'на' : 'за'} ${period}`,
  trendUp: (previous, period, day) => `выше, чем ${day ? 'на' : 'за'} ${period} (${previous})`,
  trendDown: (previous, period, day) => `ниже, чем ${day ? 'на' : 'за'} ${period} (${previous})`,
  trendSame: (period, day) => `как ${day ? 'на' : 'за'} ${period}`,
  trendNone: 'не с чем сравнить',
  better: 'лучше',
  worse: 'хуже',
  chart: (name, points) => `График «${name}»: ${points}`,
  explain: 'Как получено',
  hideExplanation: 'Скрыть объяснение',
  explanationTitle: (name, period) => `${name}, ${period}`,
  inputs: 'Исходные данные',
  unitsNotReporting: (count) =>
    `Не сдали данные: ${count} ${pluralRu(count, 'организация', 'организации', 'организаций')}`,
  allReported: 'Данные сдали все организации',
  // «из 1 организации», «из 21 организации», «из 3 организаций», «из 5 организаций».
  coverage: (reported, expected) =>
    `данные от ${reported} из ${expected} ${pluralRu(expected, 'организации', 'организаций', 'организаций')}`,
  coverageShort: (reported, expected) => `${reported} из ${expected}`,
  definitionVersion: (version) => `Определение показателя, версия ${version}`,
  partial: 'неполные данные',
  capped: 'ограничено сверху',
  tableCaption: (orgUnit) => `Показатели: ${orgUnit}`,
  indicator: 'Показатель',
  period: 'Период',
  unitPercent: '%',
  unitPerThousand: '‰',
  csvHeaders: [
    'Показатель',
    'Подразделение',
    'Период',
    'Значение',
    'Цель',
    'Нет значения: причина',
    'Сдали данные',
    'Ожидалось',
  ],
};

const en: IndicatorDashboardTexts = {
  title: 'Indicators',
  orgUnit: 'Area or organization',
  views: 'View',
  cards: 'Cards',
  table: 'Table',
  download: 'Download CSV',
  loading: 'Loading indicators…',
  empty: 'No indicators to show.',
  noValue: 'no value',
  noTarget: 'No target set',
  target: (value) => `Target: ${value}`,
  meetsTarget: 'target met',
  missesTarget: 'target not met',
  latest: (period, day) => `${day ? 'as of' : 'for'} ${period}`,
  trendUp: (previous, period, day) => `up from ${previous} ${day ? 'on' : 'in'} ${period}`,
  trendDown: (previous, period, day) => `down from ${previous} ${day ? 'on' : 'in'} ${period}`,
  trendSame: (period, day) => `same as ${day ? 'on' : 'in'} ${period}`,
  trendNone: 'nothing to compare with',
  better: 'better',
  worse: 'worse',
  chart: (name, points) => `Chart “${name}”: ${points}`,
  explain: 'How it was obtained',
  hideExplanation: 'Hide the explanation',
  explanationTitle: (name, period) => `${name}, ${period}`,
  inputs: 'Inputs',
  unitsNotReporting: (count) =>
    `Did not report: ${count} ${count === 1 ? 'organization' : 'organizations'}`,
  allReported: 'Every organization reported',
  coverage: (reported, expected) =>
    `data from ${reported} of ${expected} ${expected === 1 ? 'organization' : 'organizations'}`,
  coverageShort: (reported, expected) => `${reported} of ${expected}`,
  definitionVersion: (version) => `Indicator definition, version ${version}`,
  partial: 'partial data',
  capped: 'capped',
  tableCaption: (orgUnit) => `Indicators: ${orgUnit}`,
  indicator: 'Indicator',
  period: 'Period',
  unitPercent: '%',
  unitPerThousand: '‰',
  csvHeaders: [
    'Indicator',
    'Org unit',
    'Period',
    'Value',
    'Target',
    'No value: reason',
    'Reported',
    'Expected',
  ],
};

/**
 * Texts of `<eduset-indicator-dashboard>` by language; a test keeps `ru` and `en` in parity.
 *
 * @example
 * ```ts
 * import { indicatorDashboardTexts } from '@eduset/widgets';
 * indicatorDashboardTexts.en.download; // 'Download CSV'
 * ```
 */
export const indicatorDashboardTexts: Readonly<Record<Lang, IndicatorDashboardTexts>> = { ru, en };
