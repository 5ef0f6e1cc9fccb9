import type { DataElement } from './dataset.js';
import type { OrgUnitLevel } from './vocabulary.js';
import {
  parseIndicatorDefinition,
  type IndicatorDefinition,
  type IndicatorDefinitionInput,
} from './definition.js';

// The built-in catalog: the indicators by which the seed practices are judged, and the fifteen
// programme indicators of the Demidov support centre (indicator 4 has three parts, so there
// are seventeen definitions). Every definition carries its own test cases; the figures of the
// seed documents are reproduced from raw records in examples/data/indicators/.

const UNITS: OrgUnitLevel[] = ['organization', 'municipality', 'region'];
const ALL: OrgUnitLevel[] = ['site', 'organization', 'municipality', 'region'];

const udomlyaHelp = 'seeds/udomlya-parent-help-service.txt';
const udomlyaCourses = 'seeds/udomlya-profile-courses-network.txt';
const michurinsk = 'seeds/michurinsk-personalized-financing.txt';
const demidov = 'seeds/demidov-support-centre.txt, «Индикаторы программы»';
const fromBookings =
  "eduset: записи на консультации и ответы родителей / bookings and parents' answers";

/**
 * The kinds of site of a parent help service whose consultations the catalog counts apart:
 * (kind id, Russian name, English name) — the kind ids of `@eduset/core/network`.
 */
const parentServiceSiteKinds: readonly (readonly [string, string, string])[] = [
  ['consultation-point', 'консультационные пункты', 'consultation points'],
  ['early-help', 'службы ранней помощи', 'early-help services'],
  ['lekoteka', 'лекотеки', 'lekotekas'],
  ['play-support-centre', 'центры игровой поддержки ребёнка', 'play-support centres'],
  ['pmpk', 'ПМПК', 'PMPK'],
];

function count(
  id: string,
  name: IndicatorDefinitionInput['name'],
  numerator: string,
  rest: Partial<IndicatorDefinitionInput> & Pick<IndicatorDefinitionInput, 'tests' | 'source'>,
): IndicatorDefinitionInput {
  return {
    id,
    version: 1,
    name,
    unit: 'number',
    numerator,
    decimals: 0,
    levels: UNITS.filter((level) => level !== 'organization'),
    periodType: 'school-year',
    ...rest,
  };
}

function share(
  id: string,
  name: IndicatorDefinitionInput['name'],
  numerator: string,
  denominator: string,
  rest: Partial<IndicatorDefinitionInput> & Pick<IndicatorDefinitionInput, 'tests' | 'source'>,
): IndicatorDefinitionInput {
  return {
    id,
    version: 1,
    name,
    unit: 'percent',
    numerator,
    denominator,
    decimals: 1,
    levels: UNITS,
    periodType: 'school-year',
    cap: '100',
    ...rest,
  };
}

const zeroOfZero = { name: '0 из 0', inputs: {}, expected: { noValue: 'missing-data' } } as const;

/** Demidov share-of-schools indicators: (id, number, Russian, English, school flag, direction). */
const demidovSchoolShares: [
  string,
  string,
  string,
  string,
  string,
  'higher-is-better' | 'lower-is-better',
][] = [
  [
    'demidov-03-schools-analysed',
    '3',
    'Доля школ, в которых проведён анализ образовательных результатов и социальных условий, идентификация ШНОР и ШФНСУ',
    'Share of schools whose results and social conditions were analysed and low-results / adverse-condition schools identified',
    'school-analysed',
    'higher-is-better',
  ],
  [
    'demidov-04-1-schools-low-results',
    '4.1',
    'Доля школ, показавших стабильно низкие результаты обучения',
    'Share of schools with consistently low results',
    'school-low-results',
    'lower-is-better',
  ],
  [
    'demidov-04-2-schools-adverse-conditions',
    '4.2',
    'Доля школ, работающих в неблагоприятных социальных условиях',
    'Share of schools working in adverse social conditions',
    'school-adverse-conditions',
    'lower-is-better',
  ],
  [
    'demidov-04-3-schools-high-results',
    '4.3',
    'Доля школ, показавших стабильно высокие результаты обучения',
    'Share of schools with consistently high results',
    'school-high-results',
    'higher-is-better',
  ],
  [
    'demidov-05-schools-quality-programmes',
    '5',
    'Наличие в школах программ управления качеством образования (доля школ)',
    'Schools with education quality management programmes (share of schools)',
    'school-quality-programme',
    'higher-is-better',
  ],
  [
    'demidov-07-schools-effective-transition',
    '7',
    'Доля образовательных организаций, эффективно реализующих программы перевода в эффективный режим',
    'Share of organizations effectively implementing programmes of transition to effective work',
    'school-effective-transition',
    'higher-is-better',
  ],
  [
    'demidov-08-schools-networked',
    '8',
    'Доля ОО, вовлечённых в сетевое взаимодействие в рамках проекта',
    'Share of organizations involved in network cooperation within the project',
    'school-networked',
    'higher-is-better',
  ],
  [
    'demidov-13-schools-in-contests',
    '13',
    'Доля школ, участвующих в конкурсах и проектах регионального и муниципального уровней',
    'Share of schools taking part in regional and municipal contests and projects',
    'school-in-contests',
    'higher-is-better',
  ],
];

/**
 * The definitions of the built-in catalog, as written in JSON (see {@link indicatorCatalog}
 * for the validated form).
 *
 * @example
 * ```ts
 * import { indicatorCatalogInput } from '@eduset/core/indicators';
 * JSON.stringify(indicatorCatalogInput, null, 2); // a definition file another region can load
 * ```
 */
export const indicatorCatalogInput: readonly IndicatorDefinitionInput[] = [
  // Udomlya: the networked parent help service.
  count(
    'udomlya-organizations-involved',
    {
      ru: 'Число ОУ, участвующих в Службе помощи родителям',
      en: 'Organizations involved in the parent help service',
    },
    '#{organization-involved}',
    {
      source: udomlyaHelp,
      tests: [
        { name: '9 ОУ', inputs: { 'organization-involved': '9' }, expected: { value: '9' } },
        zeroOfZero,
      ],
    },
  ),
  share(
    'udomlya-organizations-involved-share',
    {
      ru: 'Доля ОУ округа, участвующих в Службе помощи родителям',
      en: 'Share of the organizations of the district in the parent help service',
    },
    '#{organization-involved}',
    '#{organization-exists}',
    {
      source: udomlyaHelp,
      decimals: 0,
      levels: ['municipality', 'region'],
      tests: [
        {
          name: '9 из 21 = 43 %',
          inputs: { 'organization-involved': '9', 'organization-exists': '21' },
          expected: { value: '43' },
        },
      ],
    },
  ),
  count(
    'udomlya-consultation-points',
    { ru: 'Число консультационных пунктов', en: 'Consultation points' },
    '#{site-operates.consultation-point}',
    {
      source: udomlyaHelp,
      levels: UNITS,
      tests: [
        {
          name: '8 КП',
          inputs: { 'site-operates.consultation-point': '8', 'site-operates.lekoteka': '2' },
          expected: { value: '8' },
        },
        {
          name: 'только лекотеки',
          inputs: { 'site-operates.lekoteka': '2' },
          expected: { noValue: 'missing-data' },
        },
      ],
    },
  ),
  count(
    'udomlya-network-sites',
    { ru: 'Число муниципальных площадок Службы', en: 'Municipal sites of the service' },
    '#{site-operates}',
    {
      source: udomlyaHelp,
      levels: UNITS,
      tests: [
        {
          name: 'все виды',
          inputs: {
            'site-operates.consultation-point': '8',
            'site-operates.lekoteka': '2',
            'site-operates.pmpk': '1',
          },
          expected: { value: '11' },
        },
      ],
    },
  ),
  count(
    'udomlya-parents-consulted',
    { ru: 'Число родителей, получивших консультации', en: 'Parents who received consultations' },
    '#{consultations-held.consultation-point} + #{consultations-held.early-help}',
    {
      version: 2,
      description: {
        ru: 'Консультации, которые состоялись (запись отмечена «состоялась») в консультационных пунктах и службах ранней помощи — «КП, Служба РП» источника; одна консультация — один родитель.',
        en: "Consultations that took place (the booking marked attended) at consultation points and early-help services — the source's «КП, Служба РП»; one consultation is one parent.",
      },
      source: udomlyaHelp,
      levels: ['municipality', 'region'],
      tests: [
        {
          name: '560 в КП + 41 в службах РП = 601',
          inputs: {
            'consultations-held.consultation-point': '560',
            'consultations-held.early-help': '41',
          },
          expected: { value: '601' },
        },
        {
          name: 'занятия лекотеки не входят',
          inputs: {
            'consultations-held.consultation-point': '10',
            'consultations-held.early-help': '0',
            'consultations-held.lekoteka': '5',
          },
          expected: { value: '10' },
        },
        zeroOfZero,
      ],
    },
  ),
  share(
    'udomlya-parents-satisfied-share',
    {
      ru: 'Доля родителей, удовлетворённых качеством услуг Службы',
      en: 'Share of parents satisfied with the service',
    },
    '#{parents-satisfied.consultation-point} + #{parents-satisfied.early-help}',
    '#{parents-surveyed.consultation-point} + #{parents-surveyed.early-help}',
    {
      version: 2,
      description: {
        ru: 'Ответившие «доволен» ÷ все ответы на опрос после консультации в КП и службах ранней помощи; доля пересчитывается из сумм, а не усредняется по площадкам.',
        en: 'Answers «satisfied» ÷ all answers to the survey after a consultation at consultation points and early-help services; the share is re-derived from the sums, never a mean of site shares.',
      },
      source: udomlyaHelp,
      decimals: 0,
      levels: ['municipality', 'region'],
      tests: [
        {
          name: '87 %',
          inputs: {
            'parents-satisfied.consultation-point': '240',
            'parents-surveyed.consultation-point': '275',
            'parents-satisfied.early-help': '21',
            'parents-surveyed.early-help': '25',
          },
          expected: { value: '87' },
        },
        {
          name: '45 из 50 и 2 из 10 — 78 %, не среднее долей 55 %',
          inputs: {
            'parents-satisfied.consultation-point': '45',
            'parents-surveyed.consultation-point': '50',
            'parents-satisfied.early-help': '2',
            'parents-surveyed.early-help': '10',
          },
          expected: { value: '78' },
        },
        {
          name: '0 из 0',
          inputs: {
            'parents-satisfied.consultation-point': '0',
            'parents-surveyed.consultation-point': '0',
          },
          expected: { noValue: 'denominator-zero' },
        },
      ],
    },
  ),
  // Any parent help service that books through eduset: computed from the stored bookings
  // (attended consultations) and the parents' answers to the survey after them.
  count(
    'consultations-held',
    { ru: 'Консультаций проведено', en: 'Consultations held' },
    '#{consultations-held}',
    {
      description: {
        ru: 'Записи на консультации, отмеченные «состоялась», на всех площадках; учебный год — по дате консультации.',
        en: "Bookings of consultations marked attended, at every site; the school year is that of the consultation's date.",
      },
      source: fromBookings,
      levels: ALL,
      tests: [
        { name: '12', inputs: { 'consultations-held': '12' }, expected: { value: '12' } },
        zeroOfZero,
      ],
    },
  ),
  ...parentServiceSiteKinds.map(([kind, ru, en]) =>
    count(
      `consultations-held-${kind}`,
      { ru: `Консультаций проведено: ${ru}`, en: `Consultations held: ${en}` },
      `#{consultations-held.${kind}}`,
      {
        source: fromBookings,
        levels: ALL,
        tests: [
          {
            name: 'только этот вид площадок',
            inputs: { [`consultations-held.${kind}`]: '7', 'consultations-held.other': '5' },
            expected: { value: '7' },
          },
        ],
      },
    ),
  ),
  share(
    'parents-satisfied-share',
    {
      ru: 'Доля родителей, удовлетворённых консультацией',
      en: 'Share of parents satisfied with the consultation',
    },
    '#{parents-satisfied}',
    '#{parents-surveyed}',
    {
      description: {
        ru: 'Ответившие «доволен» ÷ все ответы на опрос после консультации; доля пересчитывается из сумм, а не усредняется по площадкам.',
        en: 'Answers «satisfied» ÷ all answers to the survey after a consultation; re-derived from the sums, never a mean of site shares.',
      },
      source: fromBookings,
      decimals: 0,
      levels: ALL,
      tests: [
        {
          name: '47 из 60',
          inputs: { 'parents-satisfied': '47', 'parents-surveyed': '60' },
          expected: { value: '78' },
        },
        {
          name: '0 из 0',
          inputs: { 'parents-satisfied': '0', 'parents-surveyed': '0' },
          expected: { noValue: 'denominator-zero' },
        },
      ],
    },
  ),
  // Udomlya: the network of profile courses.
  count(
    'udomlya-resource-centres',
    {
      ru: 'Число ресурсных центров сети профильных курсов',
      en: 'Resource centres of the profile course network',
    },
    '#{resource-centre-operates}',
    {
      source: udomlyaCourses,
      tests: [
        {
          name: '6 центров',
          inputs: { 'resource-centre-operates': '6' },
          expected: { value: '6' },
        },
      ],
    },
  ),
  count(
    'udomlya-course-certificates',
    {
      ru: 'Выдано сертификатов о прослушивании профильного курса',
      en: 'Profile course completion certificates',
    },
    '#{course-certificates}',
    {
      source: udomlyaCourses,
      levels: UNITS,
      tests: [
        { name: '120', inputs: { 'course-certificates': '120' }, expected: { value: '120' } },
      ],
    },
  ),
  share(
    'udomlya-senior-students-in-network-share',
    {
      ru: 'Доля старшеклассников, занимающихся в муниципальной сети',
      en: 'Share of senior students in the municipal course network',
    },
    '#{senior-students-in-network}',
    '#{senior-students}',
    {
      source: udomlyaCourses,
      decimals: 0,
      target: '20',
      tests: [
        {
          name: '24 %',
          inputs: { 'senior-students-in-network': '96', 'senior-students': '400' },
          expected: { value: '24' },
        },
        {
          name: 'не больше 100 %',
          inputs: { 'senior-students-in-network': '5', 'senior-students': '4' },
          expected: { value: '100', capped: true },
        },
      ],
    },
  ),
  // Michurinsk: personalized financing of additional education.
  count(
    'michurinsk-certificates',
    {
      ru: 'Оформлено сертификатов дополнительного образования',
      en: 'Additional education certificates issued',
    },
    '#{certificates-active}',
    {
      source: michurinsk,
      periodType: 'as-of-date',
      levels: UNITS,
      tests: [
        {
          name: '11 677',
          inputs: { 'certificates-active': '11677' },
          period: '2020-09-01',
          expected: { value: '11677' },
        },
      ],
    },
  ),
  count(
    'michurinsk-programmes',
    { ru: 'Программ в реестре', en: 'Programmes in the registry' },
    '#{programme}',
    {
      source: michurinsk,
      periodType: 'as-of-date',
      levels: UNITS,
      tests: [
        {
          name: 'сумма видов',
          inputs: { 'programme.budget': '278', 'programme.paid': '74', 'programme.funded': '31' },
          expected: { value: '383' },
        },
      ],
    },
  ),
  ...(
    [
      ['budget', 'бюджетных', 'budget-funded'],
      ['paid', 'платных', 'paid'],
      ['funded', 'персонифицированного финансирования', 'personalized-financing'],
    ] as const
  ).map(([kind, ru, en]) =>
    count(
      `michurinsk-programmes-${kind}`,
      { ru: `Программ в реестре: ${ru}`, en: `Programmes in the registry: ${en}` },
      `#{programme.${kind}}`,
      {
        source: michurinsk,
        periodType: 'as-of-date',
        levels: UNITS,
        tests: [
          {
            name: 'один вид',
            inputs: { [`programme.${kind}`]: '31', 'programme.other': '5' },
            expected: { value: '31' },
          },
        ],
      },
    ),
  ),
  count(
    'michurinsk-funded-coverage-children',
    {
      ru: 'Детей, обучающихся по программам ПФ (каждый ребёнок один раз)',
      en: 'Children in personalized-financing programmes (each child once)',
    },
    'countDistinct(#{funded-enrolment})',
    {
      source: michurinsk,
      periodType: 'as-of-date',
      levels: UNITS,
      tests: [
        { name: 'один ребёнок', inputs: { 'funded-enrolment': '1' }, expected: { value: '1' } },
      ],
    },
  ),
  share(
    'michurinsk-funded-coverage-share',
    {
      ru: 'Охват детей 5–18 лет программами персонифицированного финансирования',
      en: 'Coverage of children 5–18 by personalized-financing programmes',
    },
    'countDistinct(#{funded-enrolment})',
    '#{children-5-18}',
    {
      source: michurinsk,
      periodType: 'as-of-date',
      decimals: 0,
      levels: ['municipality', 'region'],
      tests: [
        {
          name: 'одна запись из 20',
          inputs: { 'funded-enrolment': '7', 'children-5-18': '20' },
          expected: { value: '5' },
        },
      ],
    },
  ),
  ...(
    [
      [
        'organizations',
        'organization-registered',
        'Организаций в инвентаризации',
        'Organizations inventoried',
      ],
      ['rooms', 'rooms', 'Помещений в инвентаризации', 'Rooms inventoried'],
      ['area', 'room-area', 'Площадь помещений, кв. м', 'Floor area of rooms, m²'],
      ['staff', 'staff', 'Кадров в инвентаризации', 'Staff inventoried'],
    ] as const
  ).map(([id, element, ru, en]) =>
    count(`michurinsk-inventory-${id}`, { ru, en }, `#{${element}}`, {
      source: michurinsk,
      periodType: 'as-of-date',
      levels: UNITS,
      tests: [{ name: 'сумма', inputs: { [element]: '29' }, expected: { value: '29' } }],
    }),
  ),
  // Demidov support centre: the programme indicators.
  count(
    'demidov-01-municipal-centre',
    {
      ru: '1. Наличие Муниципального образовательного центра (1 — есть)',
      en: '1. A municipal education centre exists (1 = yes)',
    },
    'if(#{municipal-centre} > 0, 1, 0)',
    {
      source: demidov,
      tests: [
        { name: 'есть', inputs: { 'municipal-centre': '1' }, expected: { value: '1' } },
        { name: 'нет', inputs: { 'municipal-centre': '0' }, expected: { value: '0' } },
      ],
    },
  ),
  count(
    'demidov-02-transition-programmes',
    {
      ru: '2. Муниципальные и институциональные программы перевода школ в эффективный режим (число)',
      en: '2. Municipal and institutional programmes of transition to effective work (count)',
    },
    '#{transition-programme}',
    {
      source: demidov,
      levels: UNITS,
      tests: [
        {
          name: 'две',
          inputs: {
            'transition-programme.municipal': '1',
            'transition-programme.institutional': '4',
          },
          expected: { value: '5' },
        },
      ],
    },
  ),
  ...demidovSchoolShares.map(([id, number, ru, en, flag, direction]) =>
    share(id, { ru: `${number}. ${ru}`, en: `${number}. ${en}` }, `#{${flag}}`, '#{school}', {
      source: demidov,
      direction,
      levels: ['municipality', 'region'],
      tests: [
        { name: '3 из 12', inputs: { [flag]: '3', school: '12' }, expected: { value: '25.0' } },
        {
          name: 'нет школ',
          inputs: { [flag]: '0', school: '0' },
          expected: { noValue: 'denominator-zero' },
        },
      ],
    }),
  ),
  share(
    'demidov-06-pupils-max-result',
    {
      ru: '6. Доля обучающихся, получивших максимально возможный образовательный результат',
      en: '6. Share of pupils who reached the highest possible result',
    },
    '#{pupils-max-result}',
    '#{pupils}',
    {
      source: demidov,
      tests: [
        {
          name: '57 из 100',
          inputs: { 'pupils-max-result': '57', pupils: '100' },
          expected: { value: '57.0' },
        },
      ],
    },
  ),
  share(
    'demidov-09-risk-teachers-trained',
    {
      ru: '9. Доля педагогов «группы риска», повысивших квалификацию',
      en: '9. Share of at-risk teachers who took further training',
    },
    '#{teachers-at-risk-trained}',
    '#{teachers-at-risk}',
    {
      source: demidov,
      tests: [
        {
          name: '2 из 3',
          inputs: { 'teachers-at-risk-trained': '2', 'teachers-at-risk': '3' },
          expected: { value: '66.7' },
        },
      ],
    },
  ),
  share(
    'demidov-10-teachers-competence-improved',
    {
      ru: '10. Доля педагогов, показавших рост профессиональных компетенций по итоговому тестированию курсов',
      en: '10. Share of teachers whose competence improved in the final test of their course',
    },
    '#{teachers-competence-improved}',
    '#{teachers-tested}',
    {
      source: demidov,
      tests: [
        {
          name: '45 из 50',
          inputs: { 'teachers-competence-improved': '45', 'teachers-tested': '50' },
          expected: { value: '90.0' },
        },
      ],
    },
  ),
  count(
    'demidov-11-methodological-association',
    {
      ru: '11. Наличие муниципального методического объединения (1 — есть)',
      en: '11. A municipal methodological association exists (1 = yes)',
    },
    'if(#{methodological-association} > 0, 1, 0)',
    {
      source: demidov,
      tests: [
        { name: 'есть', inputs: { 'methodological-association': '1' }, expected: { value: '1' } },
      ],
    },
  ),
  share(
    'demidov-12-teachers-in-association',
    {
      ru: '12. Доля педагогов, участвующих в работе муниципального методического объединения',
      en: '12. Share of teachers in the municipal methodological association',
    },
    '#{teachers-in-association}',
    '#{teachers}',
    {
      source: demidov,
      tests: [
        {
          name: '30 из 240',
          inputs: { 'teachers-in-association': '30', teachers: '240' },
          expected: { value: '12.5' },
        },
      ],
    },
  ),
  share(
    'demidov-14-pupils-in-additional-education',
    {
      ru: '14. Доля обучающихся, охваченных дополнительным образованием',
      en: '14. Share of pupils in additional education',
    },
    '#{pupils-in-additional-education}',
    '#{pupils}',
    {
      source: demidov,
      tests: [
        {
          name: '7 из 9',
          inputs: { 'pupils-in-additional-education': '7', pupils: '9' },
          expected: { value: '77.8' },
        },
      ],
    },
  ),
  share(
    'demidov-15-risk-teachers',
    { ru: '15. Доля педагогов «группы риска»', en: '15. Share of at-risk teachers' },
    '#{teachers-at-risk}',
    '#{teachers}',
    {
      source: demidov,
      direction: 'lower-is-better',
      tests: [
        {
          name: '1 из 8',
          inputs: { 'teachers-at-risk': '1', teachers: '8' },
          expected: { value: '12.5' },
        },
        {
          name: 'нет педагогов группы риска',
          inputs: { 'teachers-at-risk': '0', teachers: '8' },
          expected: { value: '0.0' },
        },
      ],
    },
  ),
];

/**
 * The built-in catalog, validated: Udomlya parent help service and profile course network,
 * Michurinsk personalized financing, and the Demidov centre's programme indicators
 * (1, 2, 3, 4.1–4.3, 5–15). Every definition carries its test cases.
 *
 * @example
 * ```ts
 * import { indicatorCatalog, runDefinitionTests } from '@eduset/core/indicators';
 * indicatorCatalog.flatMap((definition) => runDefinitionTests(definition)).every((o) => o.passed); // true
 * ```
 */
export const indicatorCatalog: readonly IndicatorDefinition[] = indicatorCatalogInput.map(
  (definition) => parseIndicatorDefinition(definition),
);

const element = (
  id: string,
  ru: string,
  en: string,
  aggregation: DataElement['aggregation'] = 'sum',
  valueType: DataElement['valueType'] = 'number',
  disaggregations?: DataElement['disaggregations'],
): DataElement => ({
  id,
  name: { ru, en },
  valueType,
  aggregation,
  ...(disaggregations === undefined ? {} : { disaggregations }),
});

/** The site kinds as disaggregation names («консультационные пункты»). */
const siteKindNames: DataElement['disaggregations'] = Object.fromEntries(
  parentServiceSiteKinds.map(([kind, ru, en]) => [kind, { ru, en }]),
);

/**
 * The data elements the catalog refers to, with their aggregation types (headcounts average
 * over time and sum over units; as-of stocks take the last value; flags and events sum).
 *
 * @example
 * ```ts
 * import { catalogDataElements } from '@eduset/core/indicators';
 * catalogDataElements.find((e) => e.id === 'senior-students')?.aggregation; // 'average-sum-org-unit'
 * ```
 */
export const catalogDataElements: readonly DataElement[] = [
  element(
    'organization-involved',
    'ОУ участвует в Службе (1 за год)',
    'Organization involved in the service (1 per year)',
  ),
  element(
    'organization-exists',
    'Образовательное учреждение округа (1 за год)',
    'Educational organization of the district (1 per year)',
  ),
  element(
    'site-operates',
    'Площадка работает (1 за год, разрез — вид площадки)',
    'Site operates (1 per year, disaggregated by kind)',
    'sum',
    'number',
    siteKindNames,
  ),
  element(
    'consultations-held',
    'Консультаций проведено (записи «состоялась»; разрез — вид площадки)',
    'Consultations held (bookings marked attended; disaggregated by site kind)',
    'sum',
    'number',
    siteKindNames,
  ),
  element(
    'consultations-held-by-service',
    'Консультаций проведено (разрез — услуга)',
    'Consultations held (disaggregated by service)',
  ),
  element(
    'parents-surveyed',
    'Родителей ответили на опрос после консультации (разрез — вид площадки)',
    'Parents who answered the survey after a consultation (disaggregated by site kind)',
    'sum',
    'number',
    siteKindNames,
  ),
  element(
    'parents-satisfied',
    'Из ответивших удовлетворены (разрез — вид площадки)',
    'Of those who answered, satisfied (disaggregated by site kind)',
    'sum',
    'number',
    siteKindNames,
  ),
  element(
    'resource-centre-operates',
    'Ресурсный центр работает (1 за год)',
    'Resource centre operates (1 per year)',
  ),
  element(
    'course-certificates',
    'Выдано сертификатов о прослушивании курса',
    'Course certificates issued',
  ),
  element(
    'senior-students',
    'Старшеклассников (10–11 классы)',
    'Senior students (grades 10–11)',
    'average-sum-org-unit',
  ),
  element(
    'senior-students-in-network',
    'Старшеклассников в сети профильных курсов',
    'Senior students in the course network',
    'average-sum-org-unit',
  ),
  element(
    'certificates-active',
    'Оформлено сертификатов ДО (на дату)',
    'Certificates issued (as of a date)',
    'last',
  ),
  element(
    'programme',
    'Программа в реестре (разрез — вид финансирования)',
    'Programme in the registry (disaggregated by funding)',
    'count',
    'text',
    {
      budget: { ru: 'бюджетные', en: 'budget-funded' },
      paid: { ru: 'платные', en: 'paid' },
      funded: { ru: 'персонифицированного финансирования', en: 'personalized financing' },
    },
  ),
  element(
    'funded-enrolment',
    'Зачисление ребёнка на программу ПФ (значение — id ребёнка)',
    'Enrolment in a funded programme (value: child id)',
    'count',
    'text',
  ),
  element(
    'children-5-18',
    'Детей 5–18 лет в муниципалитете',
    'Children aged 5–18 in the municipality',
    'last',
  ),
  element(
    'organization-registered',
    'Организация в инвентаризации',
    'Organization inventoried',
    'last',
  ),
  element('rooms', 'Помещений', 'Rooms', 'last'),
  element('room-area', 'Площадь помещений, кв. м', 'Floor area, m²', 'last'),
  element('staff', 'Кадров', 'Staff', 'last'),
  element(
    'municipal-centre',
    'Муниципальный образовательный центр есть (1/0)',
    'Municipal education centre exists (1/0)',
    'max',
  ),
  element(
    'transition-programme',
    'Программа перевода в эффективный режим (разрез — уровень)',
    'Transition programme (disaggregated by level)',
    'sum',
    'number',
    {
      municipal: { ru: 'муниципальные', en: 'municipal' },
      institutional: { ru: 'институциональные', en: 'institutional' },
    },
  ),
  element('school', 'Школа (1 за год)', 'School (1 per year)'),
  ...demidovSchoolShares.map(([, , ru, en, flag]) =>
    element(flag, `Школа: ${ru.toLowerCase()}`, `School: ${en.toLowerCase()}`),
  ),
  element('pupils', 'Обучающихся', 'Pupils', 'average-sum-org-unit'),
  element(
    'pupils-max-result',
    'Обучающихся с максимальным результатом',
    'Pupils with the highest result',
    'average-sum-org-unit',
  ),
  element(
    'pupils-in-additional-education',
    'Обучающихся в дополнительном образовании',
    'Pupils in additional education',
    'average-sum-org-unit',
  ),
  element('teachers', 'Педагогов', 'Teachers', 'average-sum-org-unit'),
  element(
    'teachers-at-risk',
    'Педагогов «группы риска»',
    'At-risk teachers',
    'average-sum-org-unit',
  ),
  element(
    'teachers-at-risk-trained',
    'Педагогов «группы риска», повысивших квалификацию',
    'At-risk teachers trained',
  ),
  element('teachers-tested', 'Педагогов прошли итоговое тестирование', 'Teachers tested'),
  element(
    'teachers-competence-improved',
    'Педагогов с ростом компетенций',
    'Teachers whose competence improved',
  ),
  element(
    'methodological-association',
    'Методическое объединение есть (1/0)',
    'Methodological association exists (1/0)',
    'max',
  ),
  element(
    'teachers-in-association',
    'Педагогов в методическом объединении',
    'Teachers in the methodological association',
    'average-sum-org-unit',
  ),
];
