import { describe, expect, it } from 'vitest';
import { isoDate, ValidationError } from '../common/index.js';
import {
  assessRisks,
  demidovRoadMap,
  headReport,
  parseSchoolProfiles,
  parseSupportProgramme,
  type SupportProgramme,
} from './index.js';

const [school] = parseSchoolProfiles([
  {
    id: 'chentsevskaya',
    name: 'МОУ Ченцевская СШ',
    level: 'secondary',
    passport: {
      higherEducationShare: 0.1,
      singleParentShare: 0.3,
      lowIncomeShare: 0.38,
      preventionRegisterShare: 0.08,
      nonNativeShare: 0.06,
      disabilityShare: 0.04,
      enrolment: 64,
      locality: 'rural',
      distanceToCentreKm: 41,
      transport: 'irregular',
    },
    results: [
      { year: 2016, subject: 'russian', meanScore: 59, shareBelowMinimum: 0.07, examinees: 6 },
      { year: 2016, subject: 'mathematics', meanScore: 37, shareBelowMinimum: 0.18, examinees: 6 },
    ],
    staffing: { teachers: 9, vacancies: 2, qualifiedShare: 0.45 },
    equipment: { standardShare: 0.7, internet: true },
  },
]);

describe('assessRisks', () => {
  it('grades factors from the profile by the stated thresholds', () => {
    const risks = Object.fromEntries(assessRisks(school!, 2016).map((r) => [r.factor, r]));
    expect(risks.lowEquipment).toMatchObject({ level: 'medium', source: 'data', figure: 0.7 });
    expect(risks.teacherShortage).toMatchObject({ level: 'high', source: 'data' });
    expect(risks.teacherShortage?.figure).toBeCloseTo(2 / 11, 12);
    expect(risks.lowTeacherQualification).toMatchObject({ level: 'high' });
    expect(risks.highShareAtRiskOfFailure).toMatchObject({ level: 'high', figure: 0.18 });
    expect(risks.languageBarriers).toMatchObject({ level: 'medium' });
    expect(risks.highShareWithDisabilities).toMatchObject({ level: 'low' });
    expect(risks.lowMotivation).toMatchObject({ level: null, source: 'unknown' });
  });

  it('takes survey grades for the rest, and lets them override data', () => {
    const risks = Object.fromEntries(
      assessRisks(school!, 2016, { lowMotivation: 'high', lowEquipment: 'low' }).map((r) => [
        r.factor,
        r,
      ]),
    );
    expect(risks.lowMotivation).toEqual({
      factor: 'lowMotivation',
      level: 'high',
      source: 'survey',
    });
    expect(risks.lowEquipment?.level).toBe('low');
  });
});

describe('road map and head report', () => {
  it('builds the Demidov road map with its months and responsible parties', () => {
    const measures = demidovRoadMap(2018);
    const clustering = measures.find((m) => m.title === 'Кластеризация школ района');
    expect(clustering).toMatchObject({ from: '2018-03', to: '2018-03', responsible: ['МОЦ'] });
    const monitoring = measures.find((m) =>
      m.title.startsWith('Организация и проведение входного'),
    );
    expect(monitoring?.responsible).toEqual(['МОЦ', 'СОИРО']);
    expect(measures.every((m) => m.status === 'planned')).toBe(true);
  });

  const programme: SupportProgramme = parseSupportProgramme({
    id: 'p-chentsevskaya-2018',
    schoolId: 'chentsevskaya',
    title: 'Программа перехода в эффективный режим работы',
    year: 2018,
    risks: [{ factor: 'lowMotivation', level: 'high' }],
    measures: demidovRoadMap(2018)
      .slice(0, 6)
      .map((m, i) => ({
        ...m,
        status: i < 3 ? 'done' : i === 3 ? 'cancelled' : i === 4 ? 'inProgress' : 'planned',
      })),
    indicators: [
      {
        id: 'below',
        title: { ru: 'Доля ниже минимума, %', en: 'Below minimum, %' },
        unit: 'percent',
        direction: 'decrease',
        target: 10,
      },
      {
        id: 'trained',
        title: { ru: 'Педагогов обучено', en: 'Teachers trained' },
        unit: 'count',
        direction: 'increase',
        target: 6,
      },
    ],
    inputMonitoring: { date: '2018-03-15', values: { below: 18, trained: 1 } },
    finalMonitoring: { date: '2018-11-20', values: { below: 9, trained: 4 } },
  });

  it('counts planned, done, in progress, overdue and cancelled measures', () => {
    const report = headReport(programme, isoDate('2018-05-10'));
    expect(report).toMatchObject({ planned: 6, done: 3, inProgress: 1, cancelled: 1 });
    expect(report.shareDone).toBeCloseTo(3 / 5, 12);
    // Measure 5 ("разработка программы…", March) is in progress in May: overdue; measure 6 runs to December.
    expect(report.overdue.map((m) => m.id)).toEqual(['demidov-5']);
    expect(report.summary.ru).toContain('выполнено: 3 (60 %)');
  });

  it('compares input and final monitoring against targets', () => {
    const [below, trained] = headReport(programme, isoDate('2018-12-20')).indicators;
    expect(below).toMatchObject({
      input: 18,
      final: 9,
      change: -9,
      improved: true,
      targetReached: true,
    });
    expect(trained).toMatchObject({
      input: 1,
      final: 4,
      change: 3,
      improved: true,
      targetReached: false,
    });
  });

  it('rejects a measure that ends before it starts, in Russian and English', () => {
    try {
      parseSupportProgramme({
        ...programme,
        measures: [{ ...programme.measures[0], from: '2018-05', to: '2018-03' }],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({
        path: ['measures', 0, 'to'],
        message: { ru: 'Срок окончания раньше начала', en: 'Ends before it starts' },
      });
    }
  });
});
