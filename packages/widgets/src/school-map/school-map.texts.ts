import type { Lang } from '@eduset/core';

/**
 * Texts of `<eduset-school-map>`, in one language. They live beside the element (not in the
 * shared translation table) so that the element can be added and changed on its own.
 *
 * @example
 * ```ts
 * import { schoolMapTexts, type SchoolMapTexts } from '@eduset/widgets';
 * const texts: SchoolMapTexts = schoolMapTexts.ru;
 * texts.title; // 'Карта школ: благополучие и результаты'
 * ```
 */
export interface SchoolMapTexts {
  readonly title: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly colorBy: string;
  readonly byCluster: string;
  readonly byFlag: string;
  readonly chartLabel: (count: number) => string;
  readonly chartHelp: string;
  readonly xAxis: string;
  readonly yAxis: string;
  readonly cluster: (index: number) => string;
  readonly noCluster: string;
  readonly flagLowResults: string;
  readonly flagAdverse: string;
  readonly flagResilient: string;
  readonly flagNone: string;
  readonly tableCaption: (shown: number, total: number) => string;
  readonly name: string;
  readonly indexRank: string;
  readonly indexValue: string;
  readonly resultsRank: string;
  readonly meanScore: string;
  readonly flags: string;
  readonly showMore: string;
  readonly noExplanation: string;
  readonly chooseSchool: string;
  readonly place: (rank: number, outOf: number) => string;
  readonly threshold: string;
  readonly pulledDownBy: string;
  readonly schoolCount: (count: number) => string;
  /** A passport value code in words (`rural` → «сельская»); an unknown code is kept as is. */
  readonly passportValue: (code: string) => string;
  /** Between alternatives: « или ». */
  readonly or: string;
  /** An index term whose name the data does not give (never its code). */
  readonly indexTerm: string;
}

/** Passport value codes (locality, transport) in Russian and English. */
const passportValues: Readonly<Record<string, { readonly ru: string; readonly en: string }>> = {
  urban: { ru: 'городская', en: 'urban' },
  rural: { ru: 'сельская', en: 'rural' },
  regular: { ru: 'регулярный', en: 'regular' },
  irregular: { ru: 'нерегулярный', en: 'irregular' },
  none: { ru: 'нет', en: 'none' },
};

const ruPlural = new Intl.PluralRules('ru');
const schoolsRu = (count: number): string => {
  const form = ruPlural.select(count);
  return `${count} ${form === 'one' ? 'школа' : form === 'few' ? 'школы' : 'школ'}`;
};

/**
 * The texts of `<eduset-school-map>` by language: Russian first, English second.
 *
 * @example
 * ```ts
 * import { schoolMapTexts } from '@eduset/widgets';
 * schoolMapTexts.ru.schoolCount(22); // '22 школы'
 * ```
 */
export const schoolMapTexts: Readonly<Record<Lang, SchoolMapTexts>> = {
  ru: {
    title: 'Карта школ: благополучие и результаты',
    loading: 'Загрузка данных о школах…',
    loadFailed: 'Не удалось загрузить данные о школах',
    colorBy: 'Цвет точек',
    byCluster: 'по кластерам',
    byFlag: 'по признакам',
    chartLabel: (count) =>
      `Диаграмма рассеяния: ${schoolsRu(count)}, индекс социального благополучия по горизонтали, средний балл по вертикали`,
    chartHelp:
      'Стрелки влево и вправо — соседняя школа по индексу, вверх и вниз — по баллу, Home и End — крайние.',
    xAxis: 'Индекс социального благополучия',
    yAxis: 'Средний балл ГИА',
    cluster: (index) => `Кластер ${index + 1}`,
    noCluster: 'Без кластера',
    flagLowResults: 'Низкие результаты',
    flagAdverse: 'Неблагоприятные условия',
    flagResilient: 'Резильентная',
    flagNone: 'Без признаков',
    tableCaption: (shown, total) =>
      shown === total
        ? `Результаты идентификации: ${schoolsRu(total)}`
        : `Результаты идентификации: показано ${shown} из ${total}`,
    name: 'Школа',
    indexRank: 'Место по индексу',
    indexValue: 'Индекс',
    resultsRank: 'Место в рейтинге ГИА',
    meanScore: 'Средний балл',
    flags: 'Признаки',
    showMore: 'Показать ещё',
    noExplanation: 'Признаков нет: школа не выделяется правилами идентификации.',
    chooseSchool: 'Выберите школу на диаграмме или в таблице, чтобы увидеть объяснение.',
    place: (rank, outOf) => `${rank} из ${outOf}`,
    threshold: 'порог',
    pulledDownBy: 'Сильнее всего индекс снижают',
    schoolCount: schoolsRu,
    passportValue: (code) => passportValues[code]?.ru ?? code,
    or: ' или ',
    indexTerm: 'показатель индекса',
  },
  en: {
    title: 'School map: wellbeing and results',
    loading: 'Loading schools…',
    loadFailed: 'Could not load the schools',
    colorBy: 'Colour points',
    byCluster: 'by cluster',
    byFlag: 'by flag',
    chartLabel: (count) =>
      `Scatter plot: ${count} ${count === 1 ? 'school' : 'schools'}, social wellbeing index across, mean exam score up`,
    chartHelp:
      'Left and right arrows: next school by index; up and down: by score; Home and End: the extremes.',
    xAxis: 'Social wellbeing index',
    yAxis: 'Mean exam score',
    cluster: (index) => `Cluster ${index + 1}`,
    noCluster: 'No cluster',
    flagLowResults: 'Low results',
    flagAdverse: 'Adverse conditions',
    flagResilient: 'Resilient',
    flagNone: 'No flags',
    tableCaption: (shown, total) =>
      shown === total
        ? `Identification: ${total} ${total === 1 ? 'school' : 'schools'}`
        : `Identification: ${shown} of ${total} shown`,
    name: 'School',
    indexRank: 'Index place',
    indexValue: 'Index',
    resultsRank: 'Exam rank',
    meanScore: 'Mean score',
    flags: 'Flags',
    showMore: 'Show more',
    noExplanation: 'No flags: the identification rules do not single this school out.',
    chooseSchool: 'Choose a school in the chart or the table to see why.',
    place: (rank, outOf) => `${rank} of ${outOf}`,
    threshold: 'threshold',
    pulledDownBy: 'Pulled down most by',
    schoolCount: (count) => `${count} ${count === 1 ? 'school' : 'schools'}`,
    passportValue: (code) => passportValues[code]?.en ?? code,
    or: ' or ',
    indexTerm: 'an index term',
  },
};
