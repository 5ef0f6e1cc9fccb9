// What the financing storage must do, run against PGlite and a PostgreSQL server alike.
import {
  activateCertificate,
  balanceLawHolds,
  certificateGroupSchema,
  FinancingLimitError,
  instant,
  issueCertificate,
  Money,
  ledgerEntry,
  NotFoundError,
  paymentReport,
  postEntries,
  emptyLedger,
  programmeSchema,
  recomputeBalances,
  type Certificate,
  type ProgrammeRegistry,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { FinancingStore } from '../src/storage/financing.js';

/** What a financing contract run needs: the store under test and its raw database. */
export interface FinancingTestBed {
  readonly store: FinancingStore;
  readonly database: Database;
  close(): Promise<void>;
}

const PERIOD = '2017';

/** 50 funded programmes (one group of 100 each, 10 000 ₽, normative 8 000 ₽) and a small one. */
export function testRegistry(): ProgrammeRegistry {
  const programme = (id: string, capacity: number) =>
    programmeSchema.parse({
      id,
      name: `Программа ${id}`,
      providerId: Number(id.replace(/\D/g, '') || 0) % 2 === 0 ? 'cdt' : 'dialog',
      fundingKind: 'funded',
      direction: 'technical',
      ageFrom: 5,
      ageTo: 17,
      hours: 144,
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
              capacity,
              weekdays: [2],
            },
          ],
        },
      ],
    });
  return {
    providers: [
      { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' },
      { id: 'dialog', name: 'АНО «Лингвистический центр «Диалог»', kind: 'private' },
    ],
    programmes: [
      ...Array.from({ length: 50 }, (_, i) => programme(`p${String(i).padStart(2, '0')}`, 100)),
      programme('small', 3),
    ],
  };
}

function certificate(i: number): Certificate {
  const issued = issueCertificate(
    {
      id: `c${String(i)}`,
      number: String(6800000000 + i),
      birthDate: '2008-03-15',
      groupId: 'children',
    },
    '2017-01-10',
  );
  return { ...activateCertificate(issued, '2017-01-11'), kind: 'funded' };
}

export function financingContract(engine: string, open: () => Promise<FinancingTestBed>): void {
  describe(`financing storage on ${engine}`, () => {
    let bed: FinancingTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.store.saveRegistry(testRegistry());
      await bed.store.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'children',
          name: 'Дети 5–18 лет',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '24000',
          fundedPlaces: 1000,
        }),
      );
      await bed.store.saveCertificates(Array.from({ length: 60 }, (_, i) => certificate(i)));
      await bed.store.postEntries(
        Array.from({ length: 60 }, (_, i) =>
          ledgerEntry({
            id: `issue:c${String(i)}:${PERIOD}`,
            certificateId: `c${String(i)}`,
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

    async function assertLedgerLaw(): Promise<void> {
      const rows = await bed.database.query<{ bad: string }>(
        'SELECT count(*)::text AS bad FROM certificate_balances WHERE issued - lapsed <> available + reserved + spent OR available < 0 OR reserved < 0 OR spent < 0',
      );
      expect(rows[0]?.bad).toBe('0');
      const recomputed = recomputeBalances(await bed.store.ledgerEntries());
      for (const balance of recomputed.values()) {
        expect(balanceLawHolds(balance)).toBe(true);
        const stored = await bed.store.balance(balance.certificateId, balance.period);
        expect(
          [stored.available, stored.reserved, stored.spent, stored.nominal].map(String),
        ).toEqual(
          [balance.available, balance.reserved, balance.spent, balance.nominal].map(String),
        );
      }
    }

    test('50 concurrent requests against a certificate covering exactly 3: exactly 3 succeed', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => {
          const id = `p${String(i).padStart(2, '0')}`;
          return bed.store.requestEnrolment({
            contractId: `race-${id}`,
            certificateId: 'c0',
            programmeId: id,
            moduleId: `${id}-m1`,
            groupId: `${id}-g1`,
            requestedOn: '2017-08-25',
          });
        }),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(3);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(FinancingLimitError);
          expect(['empty-balance', 'insufficient-balance']).toContain(
            (result.reason as FinancingLimitError).limit,
          );
        }
      }
      const balance = await bed.store.balance('c0', PERIOD);
      expect([balance.available.toString(), balance.reserved.toString()]).toEqual([
        '0.00',
        '24000.00',
      ]);
      await assertLedgerLaw();
    });

    test('50 certificates racing for a group of 3 places: exactly 3 succeed', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          bed.store.requestEnrolment({
            contractId: `small-${String(i)}`,
            certificateId: `c${String(i + 1)}`,
            programmeId: 'small',
            moduleId: 'small-m1',
            groupId: 'small-g1',
            requestedOn: '2017-08-25',
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.every((r) => (r.reason as FinancingLimitError).limit === 'group-full')).toBe(
        true,
      );
      const [row] = await bed.database.query<{ taken: number }>(
        "SELECT taken FROM financing_groups WHERE id = 'small-g1'",
      );
      expect(Number(row?.taken)).toBe(3);
      await assertLedgerLaw();
    });

    test('no second enrolment in the same module, even concurrently', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          bed.store.requestEnrolment({
            contractId: `dup-${String(i)}`,
            certificateId: 'c55',
            programmeId: 'p10',
            moduleId: 'p10-m1',
            groupId: 'p10-g1',
            requestedOn: '2017-08-25',
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected')
          expect((result.reason as FinancingLimitError).limit).toBe('duplicate-module');
      }
    });

    test('unconfirmed requests lapse and give back their reserve and place', async () => {
      const taken = async (): Promise<number> => {
        const [row] = await bed.database.query<{ taken: number }>(
          "SELECT taken FROM financing_groups WHERE id = 'p20-g1'",
        );
        return Number(row?.taken);
      };
      const before = await taken();
      const contract = await bed.store.requestEnrolment({
        contractId: 'to-lapse',
        certificateId: 'c59',
        programmeId: 'p20',
        moduleId: 'p20-m1',
        groupId: 'p20-g1',
        requestedOn: '2017-08-20',
      });
      expect(await taken()).toBe(before + 1);
      expect((await bed.store.balance('c59', PERIOD)).reserved.toString()).toBe(
        contract.certificate.toString(),
      );
      expect(await bed.store.lapseUnconfirmed('2017-08-24', 5)).toEqual([]);
      const lapsed = await bed.store.lapseUnconfirmed('2017-08-26', 5);
      expect(lapsed.map((c) => [c.id, c.status])).toEqual([['to-lapse', 'lapsed']]);
      const balance = await bed.store.balance('c59', PERIOD);
      expect([balance.available.toString(), balance.reserved.toString()]).toEqual([
        '24000.00',
        '0.00',
      ]);
      expect(await taken()).toBe(before);
    });

    test('lifecycle and billing: a month billed twice pays once; the report matches the ledger', async () => {
      const requested = (await bed.store.listContracts()).filter((c) => c.status === 'requested');
      for (const contract of requested) {
        await bed.store.transitionContract(contract.id, 'accepted', '2017-08-28');
        await bed.store.transitionContract(contract.id, 'active', '2017-09-01');
      }
      const active = (await bed.store.listContracts()).filter((c) => c.status === 'active');
      expect(active).toHaveLength(7); // 3 race winners, 3 of the small group, 1 of the duplicates
      const posted = await bed.store.billMonth('2017-09', 'advance');
      expect(posted).toBe(active.length);
      expect(await bed.store.billMonth('2017-09', 'advance')).toBe(0);
      const first = active[0];
      if (!first) throw new Error('no active contract');
      await bed.store.billMonth('2017-09', 'settlement', { completeness: { [first.id]: 90 } });
      expect(
        await bed.store.billMonth('2017-09', 'settlement', { completeness: { [first.id]: 90 } }),
      ).toBe(0);
      const report = await bed.store.paymentReport('2017-09');
      const entries = await bed.store.ledgerEntries();
      const expected = paymentReport(
        postEntries(emptyLedger(), entries),
        await bed.store.listContracts(),
        '2017-09',
      );
      expect(JSON.stringify(report)).toBe(JSON.stringify(expected));
      const full = Money.sum(active.map((c) => c.schedule[0]?.certificate ?? Money.zero()));
      expect(report.totals.payer.compare(full)).toBeLessThan(0); // 90 % for one contract
      await assertLedgerLaw();
    });

    test('termination returns the later months at once and frees the place', async () => {
      const small = (await bed.store.listContracts()).find(
        (c) => c.groupId === 'small-g1' && c.status === 'active',
      );
      if (!small) throw new Error('no active contract in the small group');
      const closed = await bed.store.terminateContract(small.id, '2017-10-12', 'provider');
      expect([closed.status, closed.end]).toEqual(['closed', '2017-10-31']);
      const [row] = await bed.database.query<{ taken: number }>(
        "SELECT taken FROM financing_groups WHERE id = 'small-g1'",
      );
      expect(Number(row?.taken)).toBe(2);
      await assertLedgerLaw();
    });

    test('a balance needs the number and the birth date', async () => {
      const found = await bed.store.findCertificate('6800000000', '2008-03-15');
      expect(found.certificate.id).toBe('c0');
      expect(found.balance.nominal.toString()).toBe('24000.00');
      expect(found.balance.available.toString()).toBe('0.00');
      await expect(bed.store.findCertificate('6800000000', '2008-03-16')).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(bed.store.findCertificate('6899999999', '2008-03-15')).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    /** An application by certificate `i` with the given birth date, limit 5 an hour. */
    const application = (i: number, birthDate: string, programme: string, contractId: string) =>
      bed.store.apply({
        certificateNumber: String(6800000000 + i),
        birthDate,
        attempt: {
          bucket: `certificate:test-${String(i)}`,
          windowMs: 3_600_000,
          max: 5,
          now: instant('2017-08-25T09:00:00Z'),
        },
        contractId,
        programmeId: programme,
        moduleId: `${programme}-m1`,
        groupId: `${programme}-g1`,
        requestedOn: '2017-08-25',
      });
    const counter = async (i: number): Promise<number> => {
      const [row] = await bed.database.query<{ hits: number }>(
        'SELECT hits FROM attempt_counters WHERE bucket = $1',
        [`certificate:test-${String(i)}`],
      );
      return Number(row?.hits ?? 0);
    };

    test('an application counts wrong pairs, not a right one, and enrols as enrol does', async () => {
      expect((await application(56, '2008-03-16', 'p30', 'app-56a')).count.hits).toBe(1);
      expect((await application(56, '2008-03-17', 'p30', 'app-56b')).count.hits).toBe(2);
      const right = await application(56, '2008-03-15', 'p30', 'app-56');
      expect(right.count.hits).toBe(2);
      expect(await counter(56)).toBe(2);
      const enrolled = right.enrolled;
      if (enrolled === undefined) throw new Error('the right pair must enrol');
      expect(enrolled.certificate.id).toBe('c56');
      expect([enrolled.contract.id, enrolled.contract.status]).toEqual(['app-56', 'requested']);
      const stored = await bed.store.balance('c56', PERIOD);
      expect(enrolled.balance.reserved.toString()).toBe(stored.reserved.toString());
      expect(stored.reserved.toString()).toBe(enrolled.contract.certificate.toString());
      // Its limits are the enrolment's: the same module again is refused, nothing counted.
      await expect(application(56, '2008-03-15', 'p30', 'app-56c')).rejects.toMatchObject({
        limit: 'duplicate-module',
      });
      expect(await counter(56)).toBe(2);
      await assertLedgerLaw();
    });

    test('over the attempt limit even the right pair is refused, and nothing is enrolled', async () => {
      for (let k = 1; k <= 5; k += 1) {
        const wrong = await application(
          57,
          `2008-04-${String(10 + k)}`,
          'p31',
          `app-57-${String(k)}`,
        );
        expect([wrong.count.hits, wrong.enrolled]).toEqual([k, undefined]);
      }
      const refusedRight = await application(57, '2008-03-15', 'p31', 'app-57');
      expect([refusedRight.count.hits, refusedRight.enrolled]).toEqual([6, undefined]);
      expect((await bed.store.balance('c57', PERIOD)).reserved.toString()).toBe('0.00');
      await expect(bed.store.apply({ ...({} as object) } as never)).rejects.toMatchObject({
        _tag: 'ValidationError',
      });
    });

    test('concurrent guesses are each counted once: none slips under the limit', async () => {
      const guesses = Array.from({ length: 19 }, (_, k) =>
        application(58, `2009-01-${String(k + 10)}`, 'p32', `guess-${String(k)}`),
      );
      const [right, ...wrong] = await Promise.all([
        application(58, '2008-03-15', 'p32', 'app-58'),
        ...guesses,
      ]);
      // Every wrong guess saw its own count: 1 … 19, each once (no lost or shared update).
      expect(
        wrong.map((outcome) => outcome?.count.hits).sort((a, b) => (a ?? 0) - (b ?? 0)),
      ).toEqual(Array.from({ length: 19 }, (_, k) => k + 1));
      expect(wrong.every((outcome) => outcome?.enrolled === undefined)).toBe(true);
      expect(await counter(58)).toBe(19);
      // The right pair was decided on the count before it: enrolled only under the limit.
      if (right === undefined) throw new Error('the right pair answered nothing');
      if (right.enrolled === undefined) expect(right.count.hits).toBeGreaterThan(5);
      else expect(right.count.hits).toBeLessThan(5);
    });

    test('ten applications at once by a certificate covering exactly 3: exactly 3 enrolled', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, k) =>
          application(52, '2008-03-15', `p${String(40 + k)}`, `many-52-${String(k)}`),
        ),
      );
      const enrolled = outcomes.filter(
        (outcome) => outcome.status === 'fulfilled' && outcome.value.enrolled !== undefined,
      );
      expect(enrolled).toHaveLength(3);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(FinancingLimitError);
          expect(['empty-balance', 'insufficient-balance']).toContain(
            (outcome.reason as FinancingLimitError).limit,
          );
        }
      }
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(7);
      const balance = await bed.store.balance('c52', PERIOD);
      expect([balance.available.toString(), balance.reserved.toString()]).toEqual([
        '0.00',
        '24000.00',
      ]);
      expect(await counter(52)).toBe(0);
      await assertLedgerLaw();
    });
  });
}
