import type { Direction, Lang } from '@eduset/core';

/**
 * The coefficients of one set that the operator edits (the direction ones apart).
 *
 * @example
 * ```ts
 * import type { CoefficientField } from '@eduset/widgets/staff';
 * const field: CoefficientField = 'zp';
 * ```
 */
export type CoefficientField =
  | 'zp'
  | 'kT'
  | 'kA'
  | 'stav'
  | 'norm'
  | 'weekMonth'
  | 'dop'
  | 'uvel'
  | 'otch'
  | 'otpusk'
  | 'polezn'
  | 'prov'
  | 'nopc'
  | 'pc'
  | 'pk'
  | 'weekYear';

/**
 * The texts of `<eduset-financing-parameters>` in one language.
 *
 * @example
 * ```ts
 * import { financingParametersTexts } from '@eduset/widgets/staff';
 * financingParametersTexts.ru.version(2); // 'Версия 2'
 * ```
 */
export interface FinancingParametersTexts {
  readonly title: string;
  readonly intro: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly period: string;
  readonly costTitle: string;
  readonly limitsTitle: string;
  readonly inForce: (version: number, when: string, who: string) => string;
  readonly noVersion: string;
  readonly versions: string;
  readonly version: (version: number) => string;
  readonly versionLine: (when: string, who: string) => string;
  readonly show: string;
  readonly viewing: (version: number) => string;
  readonly backToCurrent: string;
  readonly takeAsBase: string;
  readonly urban: string;
  readonly rural: string;
  readonly fields: Readonly<Record<CoefficientField, string>>;
  readonly directionCoefficients: string;
  readonly direction: (name: string) => string;
  readonly otherDirections: string;
  readonly directions: Readonly<Record<Direction, string>>;
  readonly sample: string;
  readonly sampleHint: string;
  readonly hours: string;
  readonly groupSize: string;
  readonly sampleDirection: string;
  readonly location: string;
  readonly locations: Readonly<Record<'urban' | 'rural', string>>;
  readonly individualHours: string;
  readonly secondTeacherHours: string;
  readonly preview: string;
  readonly cost: string;
  readonly costOfVersion: (version: number) => string;
  readonly currentCost: (cost: string, version: number) => string;
  readonly difference: (difference: string) => string;
  readonly teachers: string;
  readonly premises: string;
  readonly development: string;
  readonly byDirection: string;
  readonly proposed: string;
  readonly current: string;
  readonly none: string;
  readonly previewProblems: string;
  readonly note: string;
  readonly municipality: string;
  readonly saveVersion: string;
  readonly saved: (version: number) => string;
  readonly limit: string;
  readonly limitHint: string;
  readonly enrolled: string;
  readonly noLimit: string;
  readonly limitsCaption: string;
}

const fieldsRu: Readonly<Record<CoefficientField, string>> = {
  zp: 'Средняя зарплата педагога в месяц, ₽ (ЗП)',
  kT: 'Коэффициент категории основного педагога (kT)',
  kA: 'Коэффициент категории второго педагога (kA)',
  stav: 'Ставок на педагога (STAV)',
  norm: 'Норма часов в неделю (NORM)',
  weekMonth: 'Недель в месяце (WEEKMONTH)',
  dop: 'Коэффициент дополнительного педагога (DOP)',
  uvel: 'Надбавка на прочий персонал (UVEL)',
  otch: 'Начисления на оплату труда (OTCH)',
  otpusk: 'Отпускные (OTPUSK)',
  polezn: 'Полезных часов помещения в неделю (POLEZN)',
  prov: 'Уровень оснащения (PROV)',
  nopc: 'Базовые закупки, ₽ (NOPC)',
  pc: 'Затраты на повышение квалификации, ₽ (PC)',
  pk: 'Период повышения квалификации, лет (PK)',
  weekYear: 'Недель в году (WEEKYEAR)',
};

const fieldsEn: Readonly<Record<CoefficientField, string>> = {
  zp: "Teacher's average monthly salary, RUB (ZP)",
  kT: "Main teacher's category coefficient (kT)",
  kA: "Second teacher's category coefficient (kA)",
  stav: 'Positions per teacher (STAV)',
  norm: 'Weekly norm hours (NORM)',
  weekMonth: 'Weeks a month (WEEKMONTH)',
  dop: 'Extra-teacher coefficient (DOP)',
  uvel: 'Other-staff uplift (UVEL)',
  otch: 'Payroll charges (OTCH)',
  otpusk: 'Holiday pay (OTPUSK)',
  polezn: 'Useful room hours a week (POLEZN)',
  prov: 'Equipment level (PROV)',
  nopc: 'Base purchases, RUB (NOPC)',
  pc: 'Professional-development purchases, RUB (PC)',
  pk: 'Professional-development period, years (PK)',
  weekYear: 'Weeks a year (WEEKYEAR)',
};

const ru: FinancingParametersTexts = {
  title: 'Нормативные затраты и лимиты',
  intro:
    'Коэффициенты нормативной стоимости программ и лимиты зачислений по направленностям на период финансирования. Каждое изменение сохраняется новой версией; прежние версии остаются доступными, а договор сохраняет версию, по которой он рассчитан.',
  loading: 'Загрузка параметров…',
  loadFailed: 'Не удалось загрузить параметры.',
  retry: 'Повторить',
  period: 'Период финансирования',
  costTitle: 'Параметры нормативных затрат',
  limitsTitle: 'Лимиты зачислений по направленностям',
  inForce: (version, when, who) => `Действует версия ${String(version)} от ${when}, ${who}.`,
  noVersion: 'Для этого периода ещё нет ни одной версии.',
  versions: 'Версии',
  version: (version) => `Версия ${String(version)}`,
  versionLine: (when, who) => `${when}, ${who}`,
  show: 'Показать',
  viewing: (version) => `Вы смотрите версию ${String(version)}; её нельзя изменить.`,
  backToCurrent: 'К черновику новой версии',
  takeAsBase: 'Взять за основу новой версии',
  urban: 'Коэффициенты для города',
  rural: 'Коэффициенты для сельской местности',
  fields: fieldsRu,
  directionCoefficients: 'Коэффициенты направленности (DIR)',
  direction: (name) => `Направленность: ${name}`,
  otherDirections: 'Для остальных направленностей',
  directions: {
    technical: 'техническая',
    'natural-science': 'естественнонаучная',
    'physical-sport': 'физкультурно-спортивная',
    artistic: 'художественная',
    'tourism-local-history': 'туристско-краеведческая',
    'social-humanitarian': 'социально-гуманитарная',
  },
  sample: 'Пример программы для проверки',
  sampleHint:
    'Нормативная стоимость пересчитывается по формуле сразу, до сохранения: сравните с действующей версией.',
  hours: 'Часов в программе (H)',
  groupSize: 'Детей в группе (N)',
  sampleDirection: 'Направленность',
  location: 'Местность',
  locations: { urban: 'город', rural: 'сельская местность' },
  individualHours: 'Индивидуальных часов (Hi)',
  secondTeacherHours: 'Часов со вторым педагогом (Hd)',
  preview: 'Предварительный расчёт',
  cost: 'Нормативная стоимость по новым параметрам',
  costOfVersion: (version) => `Нормативная стоимость по версии ${String(version)}`,
  currentCost: (cost, version) => `по действующей версии ${String(version)}: ${cost}`,
  difference: (difference) => `разница ${difference}`,
  teachers: 'оплата труда педагогов',
  premises: 'помещения и оборудование',
  development: 'повышение квалификации',
  byDirection: 'По направленностям для этого примера',
  proposed: 'Новая версия',
  current: 'Действующая',
  none: '—',
  previewProblems: 'Расчёт невозможен: исправьте коэффициенты.',
  note: 'Что изменилось и почему',
  municipality: 'Муниципалитет',
  saveVersion: 'Сохранить новую версию',
  saved: (version) => `Сохранена версия ${String(version)}.`,
  limit: 'Лимит зачислений',
  limitHint: 'Пустое поле — без лимита.',
  enrolled: 'Зачислено с оплатой сертификатом',
  noLimit: 'без лимита',
  limitsCaption: 'Лимиты по направленностям',
};

const en: FinancingParametersTexts = {
  title: 'Normative cost and limits',
  intro:
    "The coefficients of programmes' normative cost and the enrolment limits per direction for a financing period. Every change is saved as a new version; earlier versions stay readable, and a contract keeps the version it was priced with.",
  loading: 'Loading the parameters…',
  loadFailed: 'Could not load the parameters.',
  retry: 'Retry',
  period: 'Financing period',
  costTitle: 'Normative-cost parameters',
  limitsTitle: 'Enrolment limits per direction',
  inForce: (version, when, who) => `Version ${String(version)} of ${when} by ${who} is in force.`,
  noVersion: 'This period has no version yet.',
  versions: 'Versions',
  version: (version) => `Version ${String(version)}`,
  versionLine: (when, who) => `${when}, ${who}`,
  show: 'Show',
  viewing: (version) => `You are looking at version ${String(version)}; it cannot be changed.`,
  backToCurrent: 'Back to the draft of a new version',
  takeAsBase: 'Use it as the base of a new version',
  urban: 'Coefficients for towns',
  rural: 'Coefficients for rural locations',
  fields: fieldsEn,
  directionCoefficients: 'Direction coefficients (DIR)',
  direction: (name) => `Direction: ${name}`,
  otherDirections: 'For the other directions',
  directions: {
    technical: 'technical',
    'natural-science': 'natural science',
    'physical-sport': 'physical culture and sport',
    artistic: 'artistic',
    'tourism-local-history': 'tourism and local history',
    'social-humanitarian': 'social and humanitarian',
  },
  sample: 'A sample programme to check',
  sampleHint:
    'The normative cost is computed with the formula at once, before saving: compare it with the version in force.',
  hours: 'Programme hours (H)',
  groupSize: 'Children in a group (N)',
  sampleDirection: 'Direction',
  location: 'Location',
  locations: { urban: 'town', rural: 'rural' },
  individualHours: 'Individual hours (Hi)',
  secondTeacherHours: 'Hours with a second teacher (Hd)',
  preview: 'Preview',
  cost: 'Normative cost with the new parameters',
  costOfVersion: (version) => `Normative cost with version ${String(version)}`,
  currentCost: (cost, version) => `with version ${String(version)} in force: ${cost}`,
  difference: (difference) => `difference ${difference}`,
  teachers: "teachers' pay",
  premises: 'premises and equipment',
  development: 'professional development',
  byDirection: 'Per direction for this sample',
  proposed: 'New version',
  current: 'In force',
  none: '—',
  previewProblems: 'Cannot compute: fix the coefficients.',
  note: 'What changed and why',
  municipality: 'Municipality',
  saveVersion: 'Save a new version',
  saved: (version) => `Version ${String(version)} saved.`,
  limit: 'Enrolment limit',
  limitHint: 'Empty — no limit.',
  enrolled: 'Enrolled, paid by certificates',
  noLimit: 'no limit',
  limitsCaption: 'Limits per direction',
};

/**
 * The texts of `<eduset-financing-parameters>`, Russian and English.
 *
 * @example
 * ```ts
 * import { financingParametersTexts } from '@eduset/widgets/staff';
 * financingParametersTexts.en.title; // 'Normative cost and limits'
 * ```
 */
export const financingParametersTexts: Readonly<Record<Lang, FinancingParametersTexts>> = {
  ru,
  en,
};
