// The support programme report agrees with its measures whatever they are: overdue is exactly
// "deadline before the day, neither done nor cancelled"; the counts add up; the share done is
// in [0, 1]; every measure of the road map is in the report once, in its order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../common/index.js';
import {
  defaultSupportIndicators,
  isMeasureOverdue,
  measureReviews,
  measureStatuses,
  supportReportOf,
  type SupportMeasure,
  type SupportProgrammeRecord,
} from './index.js';

const day = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => isoDate(new Date(ms).toISOString().slice(0, 10)));

const measure = (index: number) =>
  fc
    .record({
      deadline: day,
      status: fc.constantFrom(...measureStatuses),
      review: fc.constantFrom(...measureReviews),
    })
    .map((m): SupportMeasure => ({
      id: `m${index + 1}`,
      title: `Мероприятие ${index + 1}`,
      responsible: 'Завуч',
      deadline: m.deadline,
      status: m.status,
      review: m.review,
      revision: 1,
      overdue: false,
      history: [],
    }));

const programme = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => measure(i))))
  .map((measures): SupportProgrammeRecord => ({
    id: 1,
    districtId: 'tutaev',
    schoolId: 'school',
    schoolName: 'МОУ СШ',
    year: 2026,
    runId: 1,
    risks: { flags: [], factors: [] },
    indicators: [...defaultSupportIndicators],
    measures,
    createdBy: 'Координатор',
    createdAt: '2026-01-01T00:00:00.000Z' as SupportProgrammeRecord['createdAt'],
  }));

describe('supportReportOf', () => {
  it('overdue is exactly the overdue measures; the counts add up', () => {
    fc.assert(
      fc.property(programme, day, (p, asOf) => {
        const report = supportReportOf(p, asOf);
        const overdue = p.measures.filter((m) => isMeasureOverdue(m, asOf)).map((m) => m.id);
        expect(report.measures.filter((m) => m.overdue).map((m) => m.measure.id)).toEqual(overdue);
        expect(report.head.overdue.map((m) => m.id)).toEqual(overdue);
        const planned = p.measures.filter((m) => m.status === 'planned').length;
        expect(report.head.done + report.head.inProgress + report.head.cancelled + planned).toBe(
          report.head.planned,
        );
        expect(report.head.shareDone).toBeGreaterThanOrEqual(0);
        expect(report.head.shareDone).toBeLessThanOrEqual(1);
        expect(report.measures.map((m) => m.measure.id)).toEqual(p.measures.map((m) => m.id));
        for (const line of report.measures) {
          expect(line.statusText.ru.length).toBeGreaterThan(0);
          expect(line.reviewText.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
