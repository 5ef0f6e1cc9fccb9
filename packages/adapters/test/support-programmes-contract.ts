// What the support programme storage must do (migration 0035), on PGlite and a PostgreSQL
// server alike: a programme per school and year with the risk profile of the run that flagged
// it, a road map whose every change names the revision it read (two changes at once: one
// applies, the other is refused, and the history has one event per revision), the school's
// status updates with evidence, the coordinator's review, and monitoring.
import { readFileSync } from 'node:fs';
import { ConflictError, instant, NotFoundError } from '@eduset/core';
import { isoDate } from '@eduset/core/common';
import {
  defaultSupportIndicators,
  parseSchoolProfiles,
  riskProfileOf,
  type SchoolProfile,
} from '@eduset/core/schools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { identifyDistrict } from '../src/schools/district.js';
import type { SchoolProfileStore } from '../src/storage/school-profiles.js';
import type { SupportProgrammeStore } from '../src/storage/support-programmes.js';
import { rejection } from './rejection.js';

/** What a support programme contract run needs. */
export interface SupportProgrammesTestBed {
  readonly schools: SchoolProfileStore;
  readonly support: SupportProgrammeStore;
  /** Another store over the same database (another process). */
  readonly another: SupportProgrammeStore;
  close(): Promise<void>;
}

const at = instant(new Date('2026-12-07T09:00:00Z'));
const asOf = isoDate('2026-12-07');
const file = JSON.parse(
  readFileSync(new URL('../../../examples/data/tutaev-schools.json', import.meta.url), 'utf8'),
) as { year: number; schools: unknown };
const tutaev: SchoolProfile[] = parseSchoolProfiles(file.schools);

/** The support programme storage contract; `open` is called once for the whole suite. */
export function supportProgrammesContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<SupportProgrammesTestBed>,
): void {
  describe(`support programme storage contract (${engine})`, () => {
    let bed: SupportProgrammesTestBed;
    let programmeId = 0;
    const coordinator = { by: 'Координатор Тутаева', at };
    const school = { by: 'Директор школы', at };
    beforeAll(async () => {
      bed = await open();
      const record = await bed.schools.replaceYear({
        districtId: 'tutaev',
        districtName: 'Тутаевский район',
        year: file.year,
        schools: tutaev,
        source: 'tutaev.json',
        importedBy: 'cli',
        importedAt: at,
      });
      const { result, map } = identifyDistrict(
        { name: 'Тутаевский район', year: file.year, schools: tutaev },
        4,
      );
      const run = await bed.schools.saveRun({
        districtId: 'tutaev',
        profileImportId: record.id,
        clusters: 4,
        result,
        map,
        runBy: 'cli',
        runAt: at,
      });
      const flagged = result.schools.find((s) => s.flags.lowResults || s.flags.adverseConditions);
      if (flagged === undefined) throw new Error('the demo must flag a school');
      const created = await bed.support.create({
        districtId: 'tutaev',
        schoolId: flagged.schoolId,
        schoolName: flagged.name,
        year: file.year,
        runId: run.id,
        risks: riskProfileOf(
          flagged,
          tutaev.find((p) => p.id === flagged.schoolId),
          file.year,
        ),
        indicators: [...defaultSupportIndicators],
        createdBy: coordinator.by,
        createdAt: at,
      });
      programmeId = created.id;
    });
    afterAll(async () => {
      await bed.close();
    });

    test('a programme keeps the risk profile of its identification; one per school and year', async () => {
      const programme = await bed.another.get(programmeId, asOf);
      expect(programme?.risks.flags.length).toBeGreaterThan(0);
      expect(programme?.risks.flags[0]?.title.ru).not.toBe('');
      expect(programme?.indicators.map((i) => i.id)).toEqual(
        defaultSupportIndicators.map((i) => i.id),
      );
      expect(programme?.measures).toEqual([]);
      if (programme === undefined) return;
      const again = await rejection(
        bed.support.create({
          districtId: 'tutaev',
          schoolId: programme.schoolId,
          schoolName: programme.schoolName,
          year: programme.year,
          runId: programme.runId,
          risks: programme.risks,
          indicators: programme.indicators,
          createdBy: coordinator.by,
          createdAt: at,
        }),
      );
      expect(again).toBeInstanceOf(ConflictError);
      expect(await bed.support.get(999999, asOf)).toBeUndefined();
    });

    test('measures are added and edited by revision; a stale edit is refused', async () => {
      const added = await bed.support.saveMeasure(
        programmeId,
        undefined,
        {
          title: 'Консультации для родителей',
          responsible: 'Завуч Иванова',
          responsibleEmail: 'ivanova@example.org',
          deadline: isoDate('2026-11-30'),
          indicatorId: 'parents-involved',
          expectedEffect: 'Доля вовлечённых родителей вырастет до 60 %',
        },
        coordinator,
      );
      expect(added).toMatchObject({ id: 'm1', status: 'planned', review: 'none', revision: 1 });
      expect(added.overdue).toBe(true);
      const edited = await bed.support.saveMeasure(
        programmeId,
        'm1',
        {
          title: 'Консультации для родителей',
          responsible: 'Завуч Иванова',
          deadline: isoDate('2027-03-31'),
          indicatorId: 'parents-involved',
          revision: 1,
        },
        coordinator,
      );
      expect(edited).toMatchObject({ revision: 2, deadline: '2027-03-31', overdue: false });
      expect(edited.responsibleEmail).toBeUndefined();
      const stale = await rejection(
        bed.another.saveMeasure(
          programmeId,
          'm1',
          { title: 'X', responsible: 'Y', deadline: isoDate('2027-01-01'), revision: 1 },
          coordinator,
        ),
      );
      expect(stale).toMatchObject({ reason: 'stale-revision' });
      expect(
        await rejection(
          bed.support.saveMeasure(
            programmeId,
            'nosuch',
            { title: 'X', responsible: 'Y', deadline: isoDate('2027-01-01') },
            coordinator,
          ),
        ),
      ).toBeInstanceOf(NotFoundError);
    });

    test('done with evidence waits for the coordinator; returned goes back; accepted is final', async () => {
      const measure = await bed.support.saveMeasure(
        programmeId,
        undefined,
        { title: 'Курсы для учителей', responsible: 'Директор', deadline: isoDate('2027-05-31') },
        coordinator,
      );
      const done = await bed.support.updateStatus(
        programmeId,
        measure.id,
        { status: 'done', evidence: 'Обучено 6 учителей', revision: 1 },
        school,
      );
      expect(done).toMatchObject({ status: 'done', review: 'pending', revision: 2 });
      const returned = await bed.support.review(
        programmeId,
        measure.id,
        { decision: 'return', comment: 'Приложите удостоверения', revision: 2 },
        coordinator,
      );
      expect(returned).toMatchObject({
        status: 'inProgress',
        review: 'returned',
        reviewComment: 'Приложите удостоверения',
      });
      expect(
        await rejection(
          bed.support.review(
            programmeId,
            measure.id,
            { decision: 'accept', revision: 3 },
            coordinator,
          ),
        ),
      ).toMatchObject({ reason: 'not-pending' });
      await bed.support.updateStatus(
        programmeId,
        measure.id,
        {
          status: 'done',
          evidence: 'Удостоверения приложены',
          evidenceUrl: 'https://school.example/docs/1',
          revision: 3,
        },
        school,
      );
      const accepted = await bed.support.review(
        programmeId,
        measure.id,
        { decision: 'accept', revision: 4 },
        coordinator,
      );
      expect(accepted).toMatchObject({ status: 'done', review: 'accepted', revision: 5 });
      expect(accepted.history.map((e) => [e.revision, e.kind])).toEqual([
        [1, 'created'],
        [2, 'status'],
        [3, 'review'],
        [4, 'status'],
        [5, 'review'],
      ]);
      expect(accepted.history[3]).toMatchObject({
        evidence: 'Удостоверения приложены',
        evidenceUrl: 'https://school.example/docs/1',
        by: 'Директор школы',
      });
      expect(
        await rejection(
          bed.support.updateStatus(
            programmeId,
            measure.id,
            { status: 'inProgress', revision: 5 },
            school,
          ),
        ),
      ).toMatchObject({ reason: 'measure-accepted' });
    });

    test('two status updates of one measure at once: one applies, the other is refused; the history stays whole', async () => {
      const measure = await bed.support.saveMeasure(
        programmeId,
        undefined,
        { title: 'Диалоговая площадка', responsible: 'Методист', deadline: isoDate('2027-02-28') },
        coordinator,
      );
      const outcomes = await Promise.allSettled([
        bed.support.updateStatus(
          programmeId,
          measure.id,
          { status: 'inProgress', revision: 1 },
          school,
        ),
        bed.another.updateStatus(
          programmeId,
          measure.id,
          { status: 'done', evidence: 'Проведена', revision: 1 },
          school,
        ),
      ]);
      const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
        reason: 'stale-revision',
      });
      const stored = (await bed.support.get(programmeId, asOf))?.measures.find(
        (m) => m.id === measure.id,
      );
      expect(stored?.revision).toBe(2);
      expect(stored?.history.map((e) => e.revision)).toEqual([1, 2]);
      expect(stored?.status).toBe(stored?.history[1]?.status);
    });

    test('monitoring rounds are written and read back; the list counts done, overdue and pending', async () => {
      await bed.support.setMonitoring(programmeId, {
        round: 'input',
        date: isoDate('2026-09-15'),
        values: { 'below-minimum': 18, 'parents-involved': 30 },
      });
      await bed.another.setMonitoring(programmeId, {
        round: 'final',
        date: isoDate('2027-05-20'),
        values: { 'below-minimum': 11 },
      });
      const programme = await bed.support.get(programmeId, asOf);
      expect(programme?.inputMonitoring).toEqual({
        date: '2026-09-15',
        values: { 'below-minimum': 18, 'parents-involved': 30 },
      });
      expect(programme?.finalMonitoring?.values).toEqual({ 'below-minimum': 11 });
      const [line] = await bed.support.list('tutaev', programme?.schoolId, isoDate('2027-04-01'));
      // Which of the two racing updates won decides whether the third measure is done.
      const third = programme?.measures[2]?.status;
      const done = third === 'done' ? 2 : 1;
      expect(line).toMatchObject({ id: programmeId, measures: 3, done });
      // On 1 April 2027: m1 (31 March) is overdue, m3 (28 February) unless it is done.
      expect(line?.overdue).toBe(third === 'done' ? 1 : 2);
      expect(line?.pending).toBe(third === 'done' ? 1 : 0);
      expect(await bed.support.list('tutaev', 'nosuch', asOf)).toEqual([]);
      expect(
        await rejection(
          bed.support.setMonitoring(999999, {
            round: 'input',
            date: isoDate('2026-09-01'),
            values: {},
          }),
        ),
      ).toBeInstanceOf(NotFoundError);
    });
  });
}
