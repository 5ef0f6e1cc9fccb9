// Deterministic generator of the Michurinsk-like demo data for personalized financing:
// the programme registry of the seed (278 budget, 74 paid and 31 funded programmes — "около
// 400" — across the providers it names), a certificate group with demo certificates, and the
// children records behind the coverage figures (504 children, 5 %, in funded programmes on
// 2018-09-01; 709, 7 %, on 2020-09-01).
//
//   npx tsx --conditions=@eduset/source scripts/generate-michurinsk.ts
//
// writes examples/data/michurinsk-financing.json. The same seed always gives the same file
// (a test holds it to that).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import {
  computeNormativeCost,
  parseNormativeCostDefinition,
  type Direction,
  type FundingKind,
  type NormativeCostDefinition,
} from '@eduset/core';

/** mulberry32: a small seeded PRNG (the same numbers on every machine). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const providers = [
  { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal', district: 'Центр' },
  { id: 'ckit', name: 'МБОУ ДО «ЦКИТ»', kind: 'municipal', district: 'Центр' },
  {
    id: 'syun',
    name: 'МБОУ ДО «Станция юных натуралистов»',
    kind: 'municipal',
    district: 'Кочетовка',
  },
  { id: 'syut', name: 'МБОУ ДО «Станция юных техников»', kind: 'municipal', district: 'Северный' },
  { id: 'dyussh', name: 'МБОУ ДО «ДЮСШ»', kind: 'sport', district: 'Южный' },
  { id: 'dialog', name: 'АНО «Лингвистический центр «Диалог»', kind: 'private', district: 'Центр' },
  {
    id: 'michgau',
    name: 'Центр развития современных компетенций детей ФГБОУ ВО «Мичуринский ГАУ»',
    kind: 'university',
    district: 'Центр',
  },
  { id: 'school-1', name: 'МБОУ СОШ № 1', kind: 'municipal', district: 'Центр' },
  {
    id: 'school-5',
    name: 'МАОУ СОШ № 5 «НТЦ им. И.В. Мичурина»',
    kind: 'municipal',
    district: 'Северный',
  },
  { id: 'school-17', name: 'МБОУ СОШ № 17 «Юнармеец»', kind: 'municipal', district: 'Кочетовка' },
  { id: 'school-18', name: 'МБОУ СОШ № 18', kind: 'municipal', district: 'Южный' },
  { id: 'gymnasium', name: 'МБОУ «Гимназия»', kind: 'municipal', district: 'Центр' },
  { id: 'dshi', name: 'МБУ ДО «Детская школа искусств»', kind: 'culture', district: 'Центр' },
] as const;

type ProviderId = (typeof providers)[number]['id'];

const namesByDirection: Record<Direction, readonly string[]> = {
  technical: [
    'Робототехника',
    'Лего-конструирование',
    'Авиамоделирование',
    'Картинг',
    'Мотокросс',
    '3D-моделирование',
    'Программирование на Python',
    'Юный радиотехник',
    'Судомоделирование',
    'Компьютерная графика',
    'Техническое творчество',
    'Основы электроники',
  ],
  'natural-science': [
    'Юный эколог',
    'Дорога к здоровью',
    'Юный садовод',
    'Занимательная химия',
    'Мир растений',
    'Юный исследователь',
    'Агробиология',
    'Цветоводство',
    'Живая лаборатория',
    'Астрономия',
  ],
  'physical-sport': [
    'Футбол',
    'Волейбол',
    'Баскетбол',
    'Шахматы',
    'Лёгкая атлетика',
    'Настольный теннис',
    'Дзюдо',
    'Самбо',
    'Плавание',
    'Общая физическая подготовка',
    'Гимнастика',
  ],
  artistic: [
    'Изостудия',
    'Хореография',
    'Вокальная студия',
    'Театральная студия',
    'Декоративно-прикладное творчество',
    'Бисероплетение',
    'Гитара',
    'Фортепиано',
    'Керамика',
    'Народный танец',
    'Фотостудия',
  ],
  'tourism-local-history': [
    'Юный турист',
    'Краеведение',
    'Музей живой истории',
    'Спортивное ориентирование',
    'Родной край',
    'Школа выживания',
    'Пешеходный туризм',
  ],
  'social-humanitarian': [
    'Английский язык',
    'Наше право',
    'Школа вожатского мастерства',
    'Юный журналист',
    'Немецкий язык',
    'Основы финансовой грамотности',
    'Волонтёры',
    'Развитие речи',
    'Дебаты',
    'Психология общения',
  ],
};

const directionList = Object.keys(namesByDirection) as Direction[];

/** Where each funding kind's programmes are run (the seed's providers). */
const providersByKind: Record<FundingKind, readonly ProviderId[]> = {
  budget: [
    'cdt',
    'ckit',
    'syun',
    'syut',
    'dyussh',
    'school-1',
    'school-5',
    'school-17',
    'school-18',
    'gymnasium',
    'dshi',
  ],
  paid: ['cdt', 'dialog', 'dshi', 'gymnasium', 'school-5', 'ckit'],
  funded: ['cdt', 'ckit', 'syun', 'syut', 'dyussh', 'dialog', 'michgau'],
};

/**
 * A synthetic normative-cost definition for the demo (Michurinsk's real coefficients are not
 * public): the reference's structure, urban and rural sets, a coefficient per direction.
 */
export const demoNormativeCost: NormativeCostDefinition = parseNormativeCostDefinition({
  id: 'michurinsk-demo',
  version: '2026.1',
  municipality: 'г. Мичуринск (демонстрационные коэффициенты)',
  coefficients: {
    urban: {
      zp: 30000,
      stav: 1,
      norm: 18,
      weekMonth: '4.3',
      dop: 1,
      uvel: '0.2',
      otch: '1.302',
      otpusk: 1,
      polezn: 40,
      dir: {
        technical: 1400,
        'natural-science': 1100,
        'physical-sport': 900,
        artistic: 1000,
        'tourism-local-history': 900,
        'social-humanitarian': 700,
      },
      prov: 1,
      nopc: 500,
      pc: 20000,
      pk: 3,
      weekYear: 52,
    },
    rural: {
      zp: 25000,
      stav: 1,
      norm: 18,
      weekMonth: '4.3',
      dop: 1,
      uvel: '0.2',
      otch: '1.302',
      otpusk: 1,
      polezn: 40,
      dirDefault: 900,
      dir: {},
      prov: 1,
      nopc: 500,
      pc: 20000,
      pk: 3,
      weekYear: 52,
    },
  },
});

const weekdayPairs = [[1, 3], [2, 4], [3, 5], [1, 4], [2, 5], [6], [6, 7], [5], [1, 3, 5]];

/** The demo data's school year; the server shifts it to the current one when seeding. */
export const DEMO_SCHOOL_YEAR = { start: '2026-09-01', end: '2027-05-31' } as const;

/** Generates the registry and demo certificates. */
export function generateMichurinsk(seed = 2018) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (min: number, max: number): number =>
    min + Math.floor(random() * (max - min + 1));
  const counts: Record<FundingKind, number> = { budget: 278, paid: 74, funded: 31 };
  const programmes = [];
  const used = new Map<string, number>();
  let n = 0;
  for (const kind of ['budget', 'paid', 'funded'] as const) {
    for (let i = 0; i < counts[kind]; i += 1) {
      n += 1;
      const providerId = pick(providersByKind[kind]);
      const provider = providers.find((p) => p.id === providerId);
      const direction =
        providerId === 'dyussh'
          ? 'physical-sport'
          : providerId === 'dialog'
            ? 'social-humanitarian'
            : providerId === 'syun' || providerId === 'michgau'
              ? 'natural-science'
              : providerId === 'syut'
                ? 'technical'
                : providerId === 'dshi'
                  ? 'artistic'
                  : pick(directionList);
      const base = pick(namesByDirection[direction]);
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      const name = seen === 1 ? base : `${base} (${String(seen)})`;
      const ageFrom = between(5, 12);
      const ageTo = Math.min(17, ageFrom + between(3, 8));
      const hoursPerWeek = pick([2, 2, 3, 4, 4, 6]);
      const hours = hoursPerWeek * 36;
      const min = between(6, 10);
      const max = min + between(2, 6);
      const id = `mich-${String(n).padStart(3, '0')}`;
      let price: string | undefined;
      let normativeCost: string | undefined;
      if (kind === 'funded') {
        const cost = computeNormativeCost(demoNormativeCost, {
          hours,
          groupSize: { min, max },
          direction,
        });
        normativeCost = cost.value.toString();
        // Providers' prices sit around the normative cost: some above, so families co-pay.
        price = cost.value
          .multiply(pick(['0.9', '1', '1', '1.1', '1.25']))
          .round('half-up', 0)
          .toString();
      } else if (kind === 'paid') {
        price = String(between(12, 60) * 300);
      }
      const groups = Array.from({ length: between(1, 3) }, (_, g) => ({
        id: `${id}-g${String(g + 1)}`,
        name: `Группа ${String(g + 1)}`,
        start: DEMO_SCHOOL_YEAR.start,
        end: DEMO_SCHOOL_YEAR.end,
        capacity: max,
        weekdays: pick(weekdayPairs),
      }));
      programmes.push({
        id,
        name,
        description: `${name}: дополнительная общеразвивающая программа, ${String(hours)} ч, ${String(ageFrom)}–${String(ageTo)} лет`,
        providerId,
        siteId: `${providerId}-main`,
        district: provider?.district,
        fundingKind: kind,
        direction,
        ageFrom,
        ageTo,
        hours,
        hoursPerWeek,
        groupSize: { min, max },
        certification: kind === 'funded' ? 'certified' : 'not-certified',
        modules: [
          {
            id: `${id}-m1`,
            name: 'Основной модуль',
            hours,
            ...(price === undefined ? {} : { price }),
            ...(normativeCost === undefined ? {} : { normativeCost }),
            groups,
          },
        ],
      });
    }
  }
  const certificateGroup = {
    id: 'michurinsk-5-18',
    name: 'Дети 5–18 лет, г. Мичуринск',
    period: { id: '2026-2027', start: DEMO_SCHOOL_YEAR.start, end: '2027-08-31' },
    nominal: '15000',
    fundedPlaces: 800,
  };
  // Demo certificates a newcomer can try (number + the child's birth date).
  const certificates = [
    {
      id: 'demo-1',
      number: '6800000001',
      birthDate: '2016-04-12',
      kind: 'funded',
      nominal: '15000',
    },
    {
      id: 'demo-2',
      number: '6800000002',
      birthDate: '2012-10-03',
      kind: 'funded',
      nominal: '4000',
    },
    {
      id: 'demo-3',
      number: '6800000003',
      birthDate: '2010-01-25',
      kind: 'record',
      nominal: '15000',
    },
  ].map((c) => ({
    certificate: {
      id: c.id,
      number: c.number,
      birthDate: c.birthDate,
      groupId: certificateGroup.id,
      kind: c.kind,
      status: 'active',
      issuedOn: DEMO_SCHOOL_YEAR.start,
      activatedOn: DEMO_SCHOOL_YEAR.start,
    },
    nominal: c.nominal,
  }));
  return {
    source:
      'generated by scripts/generate-michurinsk.ts (seed 2018) after seeds/michurinsk-personalized-financing.txt',
    normativeCost: demoNormativeCost,
    registry: { providers: providers.map((p) => ({ ...p })), programmes },
    certificateGroup,
    certificates,
  };
}

/**
 * Children aged 5–17 and their funded enrolments on 2018-09-01 and 2020-09-01 matching the
 * seed: 10 080 children; 504 in funded programmes in 2018 (5 %), 709 in 2020 (7 %). Some
 * children attend two funded programmes (each is counted once).
 */
export function generateMichurinskChildren(seed = 2020) {
  const random = prng(seed);
  const children = Array.from({ length: 10080 }, (_, i) => {
    // Born 2002-09-02 … 2013-09-01, so 5–17 years old on both dates.
    const offset = Math.floor(random() * 365 * 11);
    const day = new Date(Date.UTC(2002, 8, 2 + Math.min(offset, 4015)));
    return {
      id: `child-${String(i + 1).padStart(5, '0')}`,
      birthDate: day.toISOString().slice(0, 10),
    };
  });
  const enrolments: {
    childId: string;
    programmeId: string;
    fundingKind: FundingKind;
    start: string;
    end: string;
  }[] = [];
  const enrol = (count: number, start: string, end: string, stride: number): void => {
    for (let i = 0; i < count; i += 1) {
      const child = children[(i * stride) % children.length] as { id: string };
      enrolments.push({
        childId: child.id,
        programmeId: `mich-${String(353 + (i % 31))}`,
        fundingKind: 'funded',
        start,
        end,
      });
      if (i % 7 === 0) {
        enrolments.push({
          childId: child.id,
          programmeId: `mich-${String(353 + ((i + 3) % 31))}`,
          fundingKind: 'funded',
          start,
          end,
        });
      }
    }
  };
  enrol(504, '2018-09-01', '2019-05-31', 19);
  enrol(709, '2020-09-01', '2021-05-31', 13);
  return { children, enrolments };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(
    new URL('../examples/data/michurinsk-financing.json', import.meta.url),
  );
  const json = await format(JSON.stringify(generateMichurinsk()), {
    parser: 'json',
    printWidth: 100,
  });
  writeFileSync(target, json);
  process.stdout.write(`written ${target}\n`);
}
