// The financing rules the database must hold under concurrency (issue 15, section 3): a record
// certificate converts to funded once, whatever the number of simultaneous applications, and
// a certificate counted in weekly hours never goes over its hours. Run against PGlite and a
// PostgreSQL server alike.
import {
  activateCertificate,
  certificateGroupSchema,
  FinancingLimitError,
  issueCertificate,
  ledgerEntry,
  programmeSchema,
  type Certificate,
  type ProgrammeRegistry,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { FinancingStore } from '../src/storage/financing.js';

/** What a run needs: the store under test and its raw database. */
export interface FinancingRulesTestBed {
  readonly store: FinancingStore;
  readonly database: Database;
  close(): Promise<void>;
}

const PERIOD = '2017';

/** 50 funded programmes of 4 hours a week (one group of 100 each, 10 000 ₽, normative 8 000 ₽). */
function registry(): ProgrammeRegistry {
  const programme = (id: string, hoursPerWeek: number) =>
    programmeSchema.parse({
      id,
      name: `Программа ${id}`,
      providerId: 'cdt',
      fundingKind: 'funded',
      direction: 'technical',
      ageFrom: 5,
      ageTo: 17,
      hours: 144,
      hoursPerWeek,
      groupSize: { min: 8, max: 12 },
      certification: 'certified',
      modules: [
        {
          id: `${id}-m1`,
          name: 'Модуль',
          hours: 144,
          price: '10000',
          normativeCost: '8000',
          groups: [
            {
              id: `${id}-g1`,
              name: 'Группа',
              start: '2017-09-01',
              end: '2017-12-31',
              capacity: 100,
              weekdays: [2],
            },
          ],
        },
      ],
    });
  return {
    providers: [{ id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' }],
    programmes: [
      ...Array.from({ length: 50 }, (_, i) => programme(`r${String(i).padStart(2, '0')}`, 4)),
      ...Array.from({ length: 50 }, (_, i) =>
        programme(`h${String(i).padStart(2, '0')}`, i % 2 === 0 ? 1.5 : 2),
      ),
    ],
  };
}

function certificate(id: string, number: number, groupId: string): Certificate {
  const issued = issueCertificate(
    { id, number: String(number), birthDate: '2008-03-15', groupId },
    '2017-01-10',
  );
  return activateCertificate(issued, '2017-01-11');
}

export function financingRulesContract(
  engine: string,
  open: () => Promise<FinancingRulesTestBed>,
): void {
  describe(`financing rules under concurrency on ${engine}`, () => {
    let bed: FinancingRulesTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.store.saveRegistry(registry());
      await bed.store.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'two-funded',
          name: 'Два места ПФ',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '100000',
          fundedPlaces: 2,
        }),
      );
      const certificates = [
        certificate('rec-1', 6900000001, 'two-funded'),
        certificate('rec-2', 6900000002, 'two-funded'),
      ];
      await bed.store.saveCertificates(certificates);
      await bed.store.postEntries(
        certificates.map((c) =>
          ledgerEntry({
            id: `issue:${c.id}:${PERIOD}`,
            certificateId: c.id,
            period: PERIOD,
            kind: 'issue',
            amount: '24000',
          }),
        ),
      );
    });
    afterAll(async () => {
      await bed?.close();
    });

    async function fundedCounts(groupId: string): Promise<{ counter: number; funded: number }> {
      const [row] = await bed.database.query<{ counter: number; funded: string }>(
        `SELECT g.funded_count AS counter,
           (SELECT count(*) FROM certificates c WHERE c.group_id = g.id AND c.kind = 'funded')::text AS funded
         FROM certificate_groups g WHERE g.id = $1`,
        [groupId],
      );
      return { counter: Number(row?.counter), funded: Number(row?.funded) };
    }

    test('50 simultaneous applications by one record certificate convert it once', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => {
          const id = `r${String(i).padStart(2, '0')}`;
          return bed.store.requestEnrolment({
            contractId: `record-${id}`,
            certificateId: 'rec-1',
            programmeId: id,
            moduleId: `${id}-m1`,
            groupId: `${id}-g1`,
            requestedOn: '2017-08-25',
          });
        }),
      );
      // 24 000 ₽ covers three contracts of 8 000 ₽; every other application is refused for
      // the balance, none for funded places.
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(FinancingLimitError);
          expect(['empty-balance', 'insufficient-balance']).toContain(
            (result.reason as FinancingLimitError).limit,
          );
        }
      }
      expect(await fundedCounts('two-funded')).toEqual({ counter: 1, funded: 1 });
      const found = await bed.store.findCertificate('6900000001', '2008-03-15');
      expect(found.certificate.kind).toBe('funded');
    });

    test('another child still gets the remaining funded place', async () => {
      const contract = await bed.store.requestEnrolment({
        contractId: 'record-second-child',
        certificateId: 'rec-2',
        programmeId: 'r00',
        moduleId: 'r00-m1',
        groupId: 'r00-g1',
        requestedOn: '2017-08-25',
      });
      expect(contract.status).toBe('requested');
      expect(await fundedCounts('two-funded')).toEqual({ counter: 2, funded: 2 });
    });
  });
}
