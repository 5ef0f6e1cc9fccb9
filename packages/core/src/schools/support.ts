import { isoDateSchema, type IsoDate } from '../common/iso-date.js';
import { localizedTextSchema, type LocalizedText } from '../common/labels.js';
import { parse } from '../common/parse.js';
import { z } from '../common/zod.js';
import type { SchoolIdentification } from './identification.js';
import type { SchoolProfile } from './profile.js';

/**
 * The risk factors of a school's risk profile, after the FIOCO «500+» project: equipment,
 * teacher shortage and qualification, pupils at risk of failure, language barriers,
 * disabilities, motivation, parental involvement, discipline, the school's environment,
 * adaptivity of teaching and in-school professional development.
 *
 * @example
 * ```ts
 * import { riskFactors } from '@eduset/core/schools';
 * riskFactors.length; // 12
 * ```
 */
export const riskFactors = [
  'lowEquipment',
  'teacherShortage',
  'lowTeacherQualification',
  'highShareAtRiskOfFailure',
  'languageBarriers',
  'highShareWithDisabilities',
  'lowMotivation',
  'lowParentalInvolvement',
  'lowDiscipline',
  'poorSchoolEnvironment',
  'lowAdaptivity',
  'noInSchoolDevelopment',
] as const;

/**
 * Schema of a risk factor name.
 *
 * @example
 * ```ts
 * import { riskFactorSchema } from '@eduset/core/schools';
 * riskFactorSchema.parse('lowMotivation');
 * ```
 */
export const riskFactorSchema = z.enum(riskFactors);

/**
 * A risk factor.
 *
 * @example
 * ```ts
 * import type { RiskFactor } from '@eduset/core/schools';
 * const factor: RiskFactor = 'teacherShortage';
 * ```
 */
export type RiskFactor = z.infer<typeof riskFactorSchema>;

/**
 * Schema of a risk level: high, medium or low.
 *
 * @example
 * ```ts
 * import { riskLevelSchema } from '@eduset/core/schools';
 * riskLevelSchema.parse('high');
 * ```
 */
export const riskLevelSchema = z.enum(['high', 'medium', 'low']);

/**
 * A risk level.
 *
 * @example
 * ```ts
 * import type { RiskLevel } from '@eduset/core/schools';
 * const level: RiskLevel = 'medium';
 * ```
 */
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/**
 * Russian and English names of the risk factors.
 *
 * @example
 * ```ts
 * import { riskFactorTitles } from '@eduset/core/schools';
 * riskFactorTitles.teacherShortage.ru; // 'Дефицит педагогических кадров'
 * ```
 */
export const riskFactorTitles: Readonly<Record<RiskFactor, LocalizedText>> = {
  lowEquipment: { ru: 'Низкий уровень оснащения школы', en: 'Low equipment' },
  teacherShortage: { ru: 'Дефицит педагогических кадров', en: 'Teacher shortage' },
  lowTeacherQualification: {
    ru: 'Недостаточная предметная и методическая компетентность педагогов',
    en: 'Insufficient teacher qualification',
  },
  highShareAtRiskOfFailure: {
    ru: 'Высокая доля обучающихся с рисками учебной неуспешности',
    en: 'High share of pupils at risk of failure',
  },
  languageBarriers: {
    ru: 'Низкое качество преодоления языковых и культурных барьеров',
    en: 'Language and cultural barriers',
  },
  highShareWithDisabilities: {
    ru: 'Высокая доля обучающихся с ОВЗ',
    en: 'High share of pupils with disabilities',
  },
  lowMotivation: { ru: 'Низкая учебная мотивация обучающихся', en: 'Low motivation' },
  lowParentalInvolvement: {
    ru: 'Низкий уровень вовлечённости родителей',
    en: 'Low parental involvement',
  },
  lowDiscipline: { ru: 'Низкий уровень дисциплины в классе', en: 'Low discipline in class' },
  poorSchoolEnvironment: {
    ru: 'Пониженный уровень качества образовательной и воспитательной среды',
    en: 'Poor school environment',
  },
  lowAdaptivity: {
    ru: 'Риски низкой адаптивности учебного процесса',
    en: 'Low adaptivity of teaching',
  },
  noInSchoolDevelopment: {
    ru: 'Несформированность внутришкольной системы повышения квалификации',
    en: 'No in-school professional development',
  },
};

/**
 * One graded factor of a risk profile: its level, where the grade came from (`data` — the
 * school profile and a threshold; `survey` — the school's self-assessment or the
 * municipality's survey; `unknown` — neither) and the figure it was graded on.
 *
 * @example
 * ```ts
 * import type { RiskAssessment } from '@eduset/core/schools';
 * const a: RiskAssessment = { factor: 'lowEquipment', level: 'high', source: 'data', figure: 0.5 };
 * ```
 */
export interface RiskAssessment {
  readonly factor: RiskFactor;
  readonly level: RiskLevel | null;
  readonly source: 'data' | 'survey' | 'unknown';
  readonly figure?: number;
}

/**
 * Grades the risk factors of a school. Six are graded from its profile by stated
 * thresholds (equipment share of the standard < 0.6 high, < 0.8 medium; vacancies per
 * teacher ≥ 0.15 high, > 0 medium; qualified teachers < 0.5 high, < 0.7 medium; largest share
 * below the minimum in `year` ≥ 0.15 high, ≥ 0.05 medium; non-native ≥ 0.15 high, ≥ 0.05
 * medium; disabilities ≥ 0.1 high, ≥ 0.05 medium); the others come from a survey. A survey
 * grade overrides a data grade (the school knows its context better than a threshold).
 *
 * @example
 * ```ts
 * import { assessRisks, type SchoolProfile } from '@eduset/core/schools';
 * declare const school: SchoolProfile;
 * assessRisks(school, 2016, { lowMotivation: 'high' }).filter((r) => r.level === 'high');
 * ```
 */
export function assessRisks(
  school: SchoolProfile,
  year: number,
  survey: Partial<Record<RiskFactor, RiskLevel>> = {},
): RiskAssessment[] {
  const grade = (value: number, high: number, medium: number, ascending: boolean): RiskLevel =>
    ascending
      ? value >= high
        ? 'high'
        : value >= medium
          ? 'medium'
          : 'low'
      : value < high
        ? 'high'
        : value < medium
          ? 'medium'
          : 'low';
  const fromData: Partial<Record<RiskFactor, { level: RiskLevel; figure: number }>> = {};
  if (school.equipment) {
    const figure = school.equipment.standardShare;
    fromData.lowEquipment = { level: grade(figure, 0.6, 0.8, false), figure };
  }
  if (school.staffing && school.staffing.teachers + school.staffing.vacancies > 0) {
    const figure =
      school.staffing.vacancies / (school.staffing.teachers + school.staffing.vacancies);
    fromData.teacherShortage = {
      level: figure >= 0.15 ? 'high' : figure > 0 ? 'medium' : 'low',
      figure,
    };
    if (school.staffing.qualifiedShare !== undefined) {
      const q = school.staffing.qualifiedShare;
      fromData.lowTeacherQualification = { level: grade(q, 0.5, 0.7, false), figure: q };
    }
  }
  const below = school.results
    .filter((r) => r.year === year && r.shareBelowMinimum !== undefined)
    .map((r) => r.shareBelowMinimum ?? 0);
  if (below.length > 0) {
    const figure = Math.max(...below);
    fromData.highShareAtRiskOfFailure = { level: grade(figure, 0.15, 0.05, true), figure };
  }
  const nonNative = school.passport.nonNativeShare;
  fromData.languageBarriers = { level: grade(nonNative, 0.15, 0.05, true), figure: nonNative };
  const disability = school.passport.disabilityShare;
  fromData.highShareWithDisabilities = {
    level: grade(disability, 0.1, 0.05, true),
    figure: disability,
  };
  return riskFactors.map((factor): RiskAssessment => {
    const surveyed = survey[factor];
    if (surveyed !== undefined) return { factor, level: surveyed, source: 'survey' };
    const data = fromData[factor];
    if (data !== undefined)
      return { factor, level: data.level, source: 'data', figure: data.figure };
    return { factor, level: null, source: 'unknown' };
  });
}

const month = z.string().refine((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), {
  params: { text: { ru: 'Ожидается месяц ГГГГ-ММ', en: 'Expected a month YYYY-MM' } },
});

/**
 * Schema of a monitoring indicator of a support programme (e.g. share of pupils below the
 * minimum, share of teachers trained), with the direction in which it should move and its
 * target.
 *
 * @example
 * ```ts
 * import { monitoringIndicatorSchema } from '@eduset/core/schools';
 * monitoringIndicatorSchema.parse({
 *   id: 'below-minimum', title: { ru: 'Доля ниже минимума', en: 'Share below minimum' },
 *   unit: 'percent', direction: 'decrease', target: 5,
 * });
 * ```
 */
export const monitoringIndicatorSchema = z.object({
  id: z.string().min(1),
  title: localizedTextSchema,
  unit: z.enum(['percent', 'count', 'score']),
  direction: z.enum(['increase', 'decrease']),
  target: z.number().optional(),
});

/**
 * A monitoring indicator.
 *
 * @example
 * ```ts
 * import type { MonitoringIndicator } from '@eduset/core/schools';
 * declare const indicator: MonitoringIndicator;
 * indicator.direction;
 * ```
 */
export type MonitoringIndicator = z.infer<typeof monitoringIndicatorSchema>;

/**
 * Schema of one measure of a road map (дорожная карта): what, from which month to which
 * month, who is responsible, which risk factor it addresses, and its status.
 *
 * @example
 * ```ts
 * import { roadMapMeasureSchema } from '@eduset/core/schools';
 * roadMapMeasureSchema.parse({
 *   id: 'm8', title: 'Кластеризация школ района', from: '2018-03', to: '2018-03',
 *   responsible: ['МОЦ'], status: 'done', doneOn: '2018-03-28',
 * });
 * ```
 */
export const roadMapMeasureSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    from: month,
    to: month,
    responsible: z.array(z.string().min(1)).min(1),
    factor: riskFactorSchema.optional(),
    status: z.enum(['planned', 'inProgress', 'done', 'cancelled']),
    doneOn: z.optional(isoDateSchema),
  })
  .refine((measure) => measure.from <= measure.to, {
    path: ['to'],
    params: { text: { ru: 'Срок окончания раньше начала', en: 'Ends before it starts' } },
  });

/**
 * A road map measure.
 *
 * @example
 * ```ts
 * import type { RoadMapMeasure } from '@eduset/core/schools';
 * declare const measure: RoadMapMeasure;
 * measure.responsible.join(', ');
 * ```
 */
export type RoadMapMeasure = z.infer<typeof roadMapMeasureSchema>;

const monitoringRound = z.object({
  date: isoDateSchema,
  values: z.record(z.string(), z.number()),
});

/**
 * Schema of a school's support programme: its risk profile, its road map, its indicators and
 * the input and final monitoring rounds (входной и итоговый мониторинг).
 *
 * @example
 * ```ts
 * import { supportProgrammeSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * supportProgrammeSchema.parse(json);
 * ```
 */
export const supportProgrammeSchema = z.object({
  id: z.string().min(1),
  schoolId: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int(),
  risks: z.array(z.object({ factor: riskFactorSchema, level: riskLevelSchema })).default([]),
  measures: z.array(roadMapMeasureSchema),
  indicators: z.array(monitoringIndicatorSchema).default([]),
  inputMonitoring: monitoringRound.optional(),
  finalMonitoring: monitoringRound.optional(),
});

/**
 * A school's support programme.
 *
 * @example
 * ```ts
 * import type { SupportProgramme } from '@eduset/core/schools';
 * declare const programme: SupportProgramme;
 * programme.measures.length;
 * ```
 */
export type SupportProgramme = z.infer<typeof supportProgrammeSchema>;

/**
 * Validates outside data as a support programme.
 *
 * @example
 * ```ts
 * import { parseSupportProgramme } from '@eduset/core/schools';
 * declare const json: unknown;
 * const programme = parseSupportProgramme(json);
 * ```
 */
export function parseSupportProgramme(input: unknown): SupportProgramme {
  return parse(supportProgrammeSchema, input);
}

const demidovRows: readonly [string, number, number, string[]][] = [
  ['Определение школ с низкими результатами обучения', 3, 3, ['МОЦ']],
  ['Мониторинг социальных условий школ', 3, 3, ['МОЦ']],
  ['Анализ мониторинга социальных условий школ', 3, 3, ['МОЦ']],
  ['Кластеризация школ района', 3, 3, ['МОЦ']],
  [
    'Разработка и утверждение программы повышения качества образования школ, функционирующих в неблагоприятных социальных условиях',
    3,
    3,
    ['Руководители ОО'],
  ],
  [
    'Организация и проведение консультативно-методического обеспечения по психолого-медико-педагогическому сопровождению обучающихся и их семей',
    4,
    12,
    ['Руководители ОО'],
  ],
  ['Организация мероприятий по развитию учебной мотивации обучающихся', 3, 11, ['Руководители ОО']],
  [
    'Организация и проведение входного и итогового мониторингов программ повышения качества образования',
    3,
    11,
    ['МОЦ', 'СОИРО'],
  ],
  ['Организация сопровождения школ с низкими результатами обучения', 1, 12, ['МОЦ', 'СОИРО']],
  [
    'Формирование заявок на повышение квалификации руководителей и учителей школ, функционирующих в неблагоприятных социальных условиях',
    3,
    9,
    ['МОЦ'],
  ],
  [
    'Функционирование методических объединений руководителей и педагогических работников ОО',
    1,
    12,
    ['Отдел по образованию', 'МОЦ'],
  ],
  [
    'Организация и проведение диалоговых площадок (обмен опытом)',
    1,
    12,
    ['Руководители РМО', 'Отдел по образованию', 'МОЦ'],
  ],
  [
    'Вовлечение родительской общественности как социального партнёра для повышения образовательных результатов',
    3,
    11,
    ['Отдел по образованию', 'МОЦ'],
  ],
  [
    'Экспертно-аналитические работы по результативности мероприятий дорожной карты',
    3,
    11,
    ['Отдел по образованию'],
  ],
  [
    'Проведение мониторинга результативности муниципальных программ повышения качества образования',
    11,
    12,
    ['Отдел по образованию', 'СОИРО'],
  ],
];

const demidovFactors: Readonly<Record<number, RiskFactor>> = {
  5: 'lowParentalInvolvement',
  6: 'lowMotivation',
  9: 'lowTeacherQualification',
  12: 'lowParentalInvolvement',
};

/**
 * The road map of the Demidov district's support centre (приложение № 3 к приказу от
 * 01.03.2018 № 43-о/д), the measures that concern identification and school support, for a
 * given year: months from the document, responsible parties as written there; every measure
 * starts `planned`.
 *
 * @example
 * ```ts
 * import { demidovRoadMap } from '@eduset/core/schools';
 * const measures = demidovRoadMap(2018);
 * measures.find((m) => m.title === 'Кластеризация школ района')?.from; // '2018-03'
 * ```
 */
export function demidovRoadMap(year: number): RoadMapMeasure[] {
  const pad = (m: number): string => `${year}-${String(m).padStart(2, '0')}`;
  return demidovRows.map(([title, from, to, responsible], index) => ({
    id: `demidov-${index + 1}`,
    title,
    from: pad(from),
    to: pad(to),
    responsible: [...responsible],
    ...(demidovFactors[index] ? { factor: demidovFactors[index] } : {}),
    status: 'planned',
  }));
}

/**
 * One indicator in a head's report: input and final values, target, change and whether it
 * moved the right way and reached its target.
 *
 * @example
 * ```ts
 * import type { IndicatorOutcome } from '@eduset/core/schools';
 * declare const outcome: IndicatorOutcome;
 * outcome.improved;
 * ```
 */
export interface IndicatorOutcome {
  readonly indicator: MonitoringIndicator;
  readonly input: number | null;
  readonly final: number | null;
  readonly change: number | null;
  readonly improved: boolean | null;
  readonly targetReached: boolean | null;
}

/**
 * The report a head gives at the reporting session (отчётная сессия руководителей): how many
 * measures were planned, how many done, in progress, overdue and cancelled, the share done,
 * and what happened to each indicator between input and final monitoring.
 *
 * @example
 * ```ts
 * import type { HeadReport } from '@eduset/core/schools';
 * declare const report: HeadReport;
 * report.summary.ru;
 * ```
 */
export interface HeadReport {
  readonly programmeId: string;
  readonly schoolId: string;
  readonly asOf: IsoDate;
  readonly planned: number;
  readonly done: number;
  readonly inProgress: number;
  readonly overdue: readonly RoadMapMeasure[];
  readonly cancelled: number;
  /** Done measures over measures not cancelled, in `[0, 1]`. */
  readonly shareDone: number;
  readonly indicators: readonly IndicatorOutcome[];
  readonly summary: LocalizedText;
}

/**
 * Builds the head's report on a support programme as of a date (`asOf` is an argument:
 * core never reads the clock). A measure is overdue when its last month has ended before
 * `asOf` and it is neither done nor cancelled.
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * import { headReport, type SupportProgramme } from '@eduset/core/schools';
 * declare const programme: SupportProgramme;
 * headReport(programme, isoDate('2018-12-20')).shareDone;
 * ```
 */
export function headReport(programme: SupportProgramme, asOf: IsoDate): HeadReport {
  const currentMonth = asOf.slice(0, 7);
  const measures = programme.measures;
  const cancelled = measures.filter((m) => m.status === 'cancelled').length;
  const done = measures.filter((m) => m.status === 'done').length;
  const inProgress = measures.filter((m) => m.status === 'inProgress').length;
  const overdue = measures.filter(
    (m) => m.status !== 'done' && m.status !== 'cancelled' && m.to < currentMonth,
  );
  const active = measures.length - cancelled;
  const indicators = programme.indicators.map((indicator): IndicatorOutcome => {
    const input = programme.inputMonitoring?.values[indicator.id] ?? null;
    const final = programme.finalMonitoring?.values[indicator.id] ?? null;
    const change = input !== null && final !== null ? final - input : null;
    const improved =
      change === null ? null : indicator.direction === 'increase' ? change > 0 : change < 0;
    const targetReached =
      final === null || indicator.target === undefined
        ? null
        : indicator.direction === 'increase'
          ? final >= indicator.target
          : final <= indicator.target;
    return { indicator, input, final, change, improved, targetReached };
  });
  const improvedCount = indicators.filter((i) => i.improved === true).length;
  const shareDone = active > 0 ? done / active : 0;
  return {
    programmeId: programme.id,
    schoolId: programme.schoolId,
    asOf,
    planned: measures.length,
    done,
    inProgress,
    overdue,
    cancelled,
    shareDone,
    indicators,
    summary: {
      ru: `Запланировано мероприятий: ${measures.length}, выполнено: ${done} (${Math.round(shareDone * 100)} %), в работе: ${inProgress}, просрочено: ${overdue.length}, отменено: ${cancelled}. Показателей улучшилось: ${improvedCount} из ${indicators.length}.`,
      en: `Measures planned: ${measures.length}, done: ${done} (${Math.round(shareDone * 100)} %), in progress: ${inProgress}, overdue: ${overdue.length}, cancelled: ${cancelled}. Indicators improved: ${improvedCount} of ${indicators.length}.`,
    },
  };
}

/**
 * The statuses of a measure of a school's road map, and what the coordinator said of it.
 *
 * @example
 * ```ts
 * import { measureStatuses } from '@eduset/core/schools';
 * measureStatuses.includes('done'); // true
 * ```
 */
export const measureStatuses = ['planned', 'inProgress', 'done', 'cancelled'] as const;

/**
 * A measure's status. @example `const status: MeasureStatus = 'inProgress';`
 */
export type MeasureStatus = (typeof measureStatuses)[number];

/**
 * Russian and English names of the measure statuses.
 *
 * @example
 * ```ts
 * import { measureStatusTitles } from '@eduset/core/schools';
 * measureStatusTitles.done.ru; // 'Выполнено'
 * ```
 */
export const measureStatusTitles: Readonly<Record<MeasureStatus, LocalizedText>> = {
  planned: { ru: 'Запланировано', en: 'Planned' },
  inProgress: { ru: 'В работе', en: 'In progress' },
  done: { ru: 'Выполнено', en: 'Done' },
  cancelled: { ru: 'Отменено', en: 'Cancelled' },
};

/**
 * The coordinator's review of a measure: none yet, waiting (the school reported it done),
 * accepted, or returned with a comment.
 *
 * @example
 * ```ts
 * import { measureReviews } from '@eduset/core/schools';
 * measureReviews[0]; // 'none'
 * ```
 */
export const measureReviews = ['none', 'pending', 'accepted', 'returned'] as const;

/**
 * A measure's review state. @example `const review: MeasureReview = 'accepted';`
 */
export type MeasureReview = (typeof measureReviews)[number];

/**
 * Russian and English names of the review states.
 *
 * @example
 * ```ts
 * import { measureReviewTitles } from '@eduset/core/schools';
 * measureReviewTitles.returned.en; // 'Returned for rework'
 * ```
 */
export const measureReviewTitles: Readonly<Record<MeasureReview, LocalizedText>> = {
  none: { ru: 'Не рассматривалось', en: 'Not reviewed' },
  pending: { ru: 'Ждёт проверки координатора', en: 'Awaiting the coordinator' },
  accepted: { ru: 'Принято координатором', en: 'Accepted by the coordinator' },
  returned: { ru: 'Возвращено на доработку', en: 'Returned for rework' },
};

/**
 * One graded factor of a stored risk profile, with its name for people.
 *
 * @example
 * ```ts
 * import type { RiskProfileFactor } from '@eduset/core/schools';
 * declare const factor: RiskProfileFactor;
 * factor.title.ru;
 * ```
 */
export interface RiskProfileFactor extends RiskAssessment {
  readonly title: LocalizedText;
}

/**
 * A school's risk profile for its support programme: the flags its identification set (with
 * the rule that fired, in words) and the graded risk factors, high first.
 *
 * @example
 * ```ts
 * import type { SupportRiskProfile } from '@eduset/core/schools';
 * declare const profile: SupportRiskProfile;
 * profile.flags.map((f) => f.title.ru);
 * ```
 */
export interface SupportRiskProfile {
  readonly flags: readonly {
    readonly flag: string;
    readonly title: LocalizedText;
    readonly rule: LocalizedText;
  }[];
  readonly factors: readonly RiskProfileFactor[];
}

const levelOrder: Readonly<Record<RiskLevel, number>> = { high: 0, medium: 1, low: 2 };

/**
 * The risk profile of a flagged school from its identification (the flags set and their
 * explanations; `resilient` and `positiveValueAdded` are strengths, not risks) and its
 * profile (the factors {@link assessRisks} grades from data). A school flagged for low
 * results has the risk of failure graded high whatever its figures say. Factors with no
 * grade are left out; high ones come first.
 *
 * @example
 * ```ts
 * import { riskProfileOf, type SchoolIdentification, type SchoolProfile } from '@eduset/core/schools';
 * declare const identified: SchoolIdentification;
 * declare const profile: SchoolProfile;
 * riskProfileOf(identified, profile, 2016).factors[0]?.title.ru;
 * ```
 */
export function riskProfileOf(
  identified: Pick<SchoolIdentification, 'flags' | 'explanations'>,
  profile: SchoolProfile | undefined,
  year: number,
): SupportRiskProfile {
  const strengths = new Set(['resilient', 'positiveValueAdded']);
  const set: Readonly<Record<string, boolean>> = identified.flags;
  const flags = identified.explanations
    .filter((e) => set[e.subject] === true && !strengths.has(e.subject))
    .map((e) => ({ flag: e.subject, title: e.title, rule: e.rule }));
  const survey: Partial<Record<RiskFactor, RiskLevel>> = identified.flags.lowResults
    ? { highShareAtRiskOfFailure: 'high' }
    : {};
  const assessed =
    profile === undefined
      ? riskFactors.map((factor): RiskAssessment => {
          const level = survey[factor];
          return level === undefined
            ? { factor, level: null, source: 'unknown' }
            : { factor, level, source: 'survey' };
        })
      : assessRisks(profile, year, survey);
  const factors = assessed
    .filter((a): a is RiskAssessment & { level: RiskLevel } => a.level !== null)
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level])
    .map((a) => ({ ...a, title: riskFactorTitles[a.factor] }));
  return { flags, factors };
}

/**
 * Whether a measure is overdue on a day: its deadline has passed and it is neither done nor
 * cancelled (`asOf` is an argument: core never reads the clock).
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * import { isMeasureOverdue } from '@eduset/core/schools';
 * isMeasureOverdue({ deadline: '2026-10-01', status: 'inProgress' }, isoDate('2026-12-07')); // true
 * ```
 */
export function isMeasureOverdue(
  measure: { readonly deadline: IsoDate | string; readonly status: MeasureStatus },
  asOf: IsoDate,
): boolean {
  return measure.status !== 'done' && measure.status !== 'cancelled' && measure.deadline < asOf;
}
