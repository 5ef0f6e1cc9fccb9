import { describe, expect, it } from 'vitest';
import { Money, ValidationError } from '../common/index.js';
import {
  countByFundingKind,
  coverageReport,
  createProgrammeRegistry,
  filterProgrammes,
  formatProgrammeCount,
  indexProgrammes,
  previewCoPayment,
  type ProgrammeFilter,
} from './index.js';
import { fundedProgramme } from '../../test/financing-fixtures.js';

const providers = [
  { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' as const },
];
const programmes = [
  fundedProgramme(),
  fundedProgramme({
    id: 'chess',
    name: 'Шахматы',
    fundingKind: 'budget',
    direction: 'physical-sport',
    ageFrom: 5,
    ageTo: 9,
    district: 'Центр',
  }),
  fundedProgramme({
    id: 'english',
    name: 'Английский язык',
    fundingKind: 'paid',
    direction: 'social-humanitarian',
    ageFrom: 10,
    ageTo: 17,
  }),
];

describe('programme navigator', () => {
  it('filters by text, direction, age, kind, district and weekday', () => {
    const index = indexProgrammes(programmes, providers);
    const ids = (filter: Parameters<typeof filterProgrammes>[1]): string[] =>
      filterProgrammes(index, filter).map((p) => p.id);
    expect(ids({})).toEqual(['robotics', 'chess', 'english']);
    expect(ids({ text: 'РОБОТ' })).toEqual(['robotics']);
    expect(ids({ text: 'творчества шахматы' })).toEqual(['chess']);
    expect(ids({ directions: ['technical', 'physical-sport'] })).toEqual(['robotics', 'chess']);
    expect(ids({ age: 6 })).toEqual(['chess']);
    expect(ids({ fundingKinds: ['paid'] })).toEqual(['english']);
    expect(ids({ districts: ['Центр'] })).toEqual(['chess']);
    expect(ids({ weekdays: [1] })).toEqual(['robotics', 'chess', 'english']);
    expect(ids({ weekdays: [7] })).toEqual([]);
  });

  it('refuses a filter that is not one, naming the field in Russian and English', () => {
    const index = indexProgrammes(programmes, providers);
    const bad: unknown[] = [
      { age: 30 },
      { age: 6.5 },
      { text: 'x'.repeat(2001) },
      { directions: ['music'] },
      { fundingKinds: 'paid' },
      { weekdays: [0] },
      { districts: [1] },
      null,
    ];
    for (const filter of bad) {
      expect(() => filterProgrammes(index, filter as ProgrammeFilter)).toThrow(ValidationError);
    }
    const issueOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof ValidationError) return error.issues[0];
      }
      return undefined;
    };
    expect(issueOf(() => filterProgrammes(index, { age: 30 }))).toMatchObject({
      path: ['filter', 'age'],
      message: {
        ru: 'Недопустимое значение фильтра «age»',
        en: 'Invalid value of the filter "age"',
      },
    });
    expect(issueOf(() => formatProgrammeCount(-1))?.message).toEqual({
      ru: 'Ожидается целое число не меньше 0, получено -1',
      en: 'Expected a whole number of at least 0, got -1',
    });
  });

  it('previews the co-payment with the core rules', () => {
    const [robotics, chess, english] = programmes;
    const funded = previewCoPayment(robotics!, Money.of(5000));
    expect([funded.certificate.toString(), funded.family.toString()]).toEqual([
      '5000.00',
      '5000.00',
    ]);
    const rich = previewCoPayment(robotics!, Money.of(12000));
    expect([rich.certificate.toString(), rich.family.toString()]).toEqual(['8000.00', '2000.00']);
    expect(previewCoPayment(chess!, Money.of(0)).family.toString()).toBe('0.00');
    expect(previewCoPayment(english!, Money.of(12000)).family.toString()).toBe('10000.00');
    expect(previewCoPayment(robotics!, Money.of(12000), 'm2').certificate.toString()).toBe(
      '4000.00',
    );
  });

  it('says "1 программа, 2 программы, 5 программ"', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => formatProgrammeCount(n))).toEqual([
      '1 программа',
      '2 программы',
      '5 программ',
      '11 программ',
      '21 программа',
      '22 программы',
      '25 программ',
      '111 программ',
    ]);
    expect(formatProgrammeCount(1, 'en')).toBe('1 programme');
    expect(formatProgrammeCount(3, 'en')).toBe('3 programmes');
  });

  it('validates a registry, naming unknown providers and duplicates', () => {
    const registry = createProgrammeRegistry({
      providers,
      programmes: JSON.parse(JSON.stringify(programmes)),
    });
    expect(countByFundingKind(registry.programmes)).toEqual({ budget: 1, paid: 1, funded: 1 });
    try {
      createProgrammeRegistry({
        providers: [],
        programmes: JSON.parse(JSON.stringify([programmes[0], programmes[0]])),
      });
      expect.unreachable();
    } catch (error) {
      const issues = (error as { issues: { path: unknown[] }[] }).issues;
      expect(issues.map((issue) => issue.path)).toEqual([
        ['programmes', 0, 'providerId'],
        ['programmes', 1, 'providerId'],
        ['programmes', 1, 'id'],
      ]);
    }
  });
});

describe('coverage', () => {
  it('counts each child once, within ages 5–17, on the date', () => {
    const coverage = coverageReport({
      on: '2018-09-01',
      children: [
        { id: 'a', birthDate: '2010-01-01' },
        { id: 'b', birthDate: '2011-01-01' },
        { id: 'c', birthDate: '2000-08-31' },
        { id: 'd', birthDate: '2014-01-01' },
      ],
      enrolments: [
        {
          childId: 'a',
          programmeId: 'p1',
          fundingKind: 'funded',
          start: '2018-09-01',
          end: '2019-05-31',
        },
        {
          childId: 'a',
          programmeId: 'p2',
          fundingKind: 'funded',
          start: '2018-09-01',
          end: '2019-05-31',
        },
        {
          childId: 'b',
          programmeId: 'p3',
          fundingKind: 'budget',
          start: '2018-09-01',
          end: '2019-05-31',
        },
        {
          childId: 'c',
          programmeId: 'p1',
          fundingKind: 'funded',
          start: '2018-09-01',
          end: '2019-05-31',
        },
        {
          childId: 'b',
          programmeId: 'p1',
          fundingKind: 'funded',
          start: '2019-09-01',
          end: '2020-05-31',
        },
      ],
      certificates: [
        { id: 'ca', childId: 'a', status: 'active' },
        { id: 'cd', childId: 'd', status: 'active' },
      ],
    });
    expect(coverage.children).toBe(2); // c is 18, d is 4
    expect(coverage.funded).toBe(1);
    expect(coverage.fundedShare).toBe('50.00');
    expect(coverage.fundedPercent).toBe(50);
    expect(coverage.byFundingKind).toEqual({ budget: 1, paid: 0, funded: 1 });
    expect([coverage.certificatesIssued, coverage.certificatesUsed]).toEqual([2, 1]);
  });
});
