// What the provider's desk storage must do (migration 0023), run against PGlite and a
// PostgreSQL server alike: decisions on applications with their reasons (one decision per
// contract, also under concurrent clicks from two processes), contracts coming into force on
// their start date, termination by the provider, attendance and the month's completeness
// that the payer's settlement takes — and the database refusing what core's rules refuse.
import {
  activateCertificate,
  certificateGroupSchema,
  ConflictError,
  contractAct,
  FinancingLimitError,
  issueCertificate,
  ledgerEntry,
  NotFoundError,
  ValidationError,
  type Certificate,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { FinancingStore } from '../src/storage/financing.js';
import type { ProviderDeskStore } from '../src/storage/provider-desk.js';
import { testRegistry } from './financing-contract.js';
import { rejection } from './rejection.js';

/** What a provider-desk contract run needs: the stores over one database with migrations. */
export interface ProviderDeskTestBed {
  readonly financing: FinancingStore;
  readonly desk: ProviderDeskStore;
  /** Another desk store over the same database (another process), for concurrency. */
  readonly another: ProviderDeskStore;
  readonly database: Database;
  close(): Promise<void>;
}

const PERIOD = '2017';

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

export function providerDeskContract(engine: string, open: () => Promise<ProviderDeskTestBed>) {
  describe(`provider desk storage on ${engine}`, () => {
    let bed: ProviderDeskTestBed;
    let next = 0;

    /** A new application of certificate c<i> to programme p<nn> (requested 2017-08-25). */
    async function apply(i: number, programme = 'p00', requestedOn = '2017-08-25') {
      next += 1;
      return bed.financing.requestEnrolment({
        contractId: `k${String(next)}`,
        certificateId: `c${String(i)}`,
        programmeId: programme,
        moduleId: `${programme}-m1`,
        groupId: `${programme}-g1`,
        requestedOn,
      });
    }

    async function taken(groupId: string): Promise<number> {
      const [row] = await bed.database.query<{ taken: number }>(
        'SELECT taken FROM financing_groups WHERE id = $1',
        [groupId],
      );
      return Number(row?.taken);
    }

    async function ledgerLawHolds(): Promise<void> {
      const rows = await bed.database.query<{ bad: string }>(
        'SELECT count(*)::text AS bad FROM certificate_balances WHERE issued - lapsed <> available + reserved + spent',
      );
      expect(rows[0]?.bad).toBe('0');
    }

    beforeAll(async () => {
      bed = await open();
      await bed.financing.saveRegistry(testRegistry());
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'children',
          name: 'Дети 5–18 лет',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '24000',
          fundedPlaces: 1000,
        }),
      );
      await bed.financing.saveCertificates(Array.from({ length: 40 }, (_, i) => certificate(i)));
      await bed.financing.postEntries(
        Array.from({ length: 40 }, (_, i) =>
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

    test('accept before the start: accepted, then in force on the start date; after it: active at once', async () => {
      const early = await apply(0);
      const accepted = await bed.desk.accept(early.id, '2017-08-28');
      expect(accepted.status).toBe('accepted');
      expect(await bed.desk.activateDue('2017-08-31')).toEqual([]);
      // Only the providers asked for: «Диалог» has nothing to bring into force.
      expect(await bed.desk.activateDue('2017-09-01', ['dialog'])).toEqual([]);
      const activated = await bed.desk.activateDue('2017-09-01', ['cdt']);
      expect(activated.map((contract) => [contract.id, contract.status])).toEqual([
        [early.id, 'active'],
      ]);
      // Nothing more to do the next day.
      expect(await bed.desk.activateDue('2017-09-02')).toEqual([]);

      const late = await apply(1, 'p00', '2017-09-05');
      const active = await bed.desk.accept(late.id, '2017-09-06');
      expect(active.status).toBe('active');
      const refused = await rejection(bed.desk.accept(late.id, '2017-09-07'));
      expect(refused).toBeInstanceOf(FinancingLimitError);
      expect((refused as FinancingLimitError).limit).toBe('invalid-transition');
      // Accepting holds the place the request already held: nothing freed, nothing taken.
      expect(await taken('p00-g1')).toBe(2);
      await ledgerLawHolds();
    });

    test('decline: the reason is kept for the family, the reserve returns, the place is freed', async () => {
      const application = await apply(2, 'p02');
      const before = await bed.financing.balance('c2', PERIOD);
      expect(before.reserved.isZero()).toBe(false);
      expect(await taken('p02-g1')).toBe(1);
      const refused = await bed.desk.decline(
        application.id,
        { reason: 'other', note: 'Ремонт зала до ноября' },
        '2017-08-27',
      );
      expect(refused.status).toBe('refused');
      expect(await bed.desk.decision(application.id)).toEqual({
        kind: 'declined',
        reason: 'other',
        note: 'Ремонт зала до ноября',
        on: '2017-08-27',
      });
      const record = await bed.desk.findContract(application.id);
      expect(record.decision?.reason).toBe('other');
      const after = await bed.financing.balance('c2', PERIOD);
      expect(after.reserved.isZero()).toBe(true);
      expect(after.available.toString()).toBe('24000.00');
      expect(await taken('p02-g1')).toBe(0);
      // A second decision on it is refused; nothing changes.
      expect(
        await rejection(bed.desk.decline(application.id, { reason: 'health' }, '2017-08-28')),
      ).toBeInstanceOf(FinancingLimitError);
      expect((await bed.desk.decision(application.id))?.reason).toBe('other');
      // «Other» without words is refused before anything is touched.
      const another = await apply(3, 'p02');
      expect(
        await rejection(bed.desk.decline(another.id, { reason: 'other' }, '2017-08-27')),
      ).toBeInstanceOf(ValidationError);
      expect((await bed.desk.findContract(another.id)).contract.status).toBe('requested');
      await ledgerLawHolds();
    });

    test('an accepted contract can be declined before it starts, not after', async () => {
      const before = await apply(4, 'p04');
      await bed.desk.accept(before.id, '2017-08-26');
      const refused = await bed.desk.decline(
        before.id,
        { reason: 'group-not-formed' },
        '2017-08-30',
      );
      expect(refused.status).toBe('refused');
      const started = await apply(5, 'p04');
      await bed.financing.transitionContract(started.id, 'accepted', '2017-08-26');
      const error = await rejection(
        bed.desk.decline(started.id, { reason: 'health' }, '2017-09-02'),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).reason).toBe('contract-started');
      expect(await bed.desk.decision(started.id)).toBeUndefined();
    });

    test('one decision per application when a provider clicks in two processes at once', async () => {
      const application = await apply(6, 'p06');
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? bed.desk.accept(application.id, '2017-09-01')
            : bed.another.decline(application.id, { reason: 'no-places' }, '2017-09-01'),
        ),
      );
      // Accepted on the start date it is in force at once, so a decline after it is refused,
      // and an accept after a decline is refused too: exactly one decision wins.
      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(FinancingLimitError);
          expect((result.reason as FinancingLimitError).limit).toBe('invalid-transition');
        }
      }
      const record = await bed.desk.findContract(application.id);
      const rows = await bed.database.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM financing_provider_decisions WHERE contract_id = $1',
        [application.id],
      );
      expect(rows[0]?.n).toBe(record.contract.status === 'refused' ? '1' : '0');
      expect(await taken('p06-g1')).toBe(record.contract.status === 'refused' ? 0 : 1);
      await ledgerLawHolds();
    });

    test('termination by the provider: from the next month, the reason kept, the rest returned', async () => {
      const application = await apply(7, 'p08');
      await bed.desk.accept(application.id, '2017-09-01');
      expect(
        await rejection(
          bed.desk.terminate(
            application.id,
            { on: '2017-09-20', reason: 'moved-away' },
            '2017-10-03',
          ),
        ),
      ).toBeInstanceOf(ValidationError);
      const closed = await bed.desk.terminate(
        application.id,
        { on: '2017-10-12', reason: 'moved-away' },
        '2017-10-10',
      );
      expect(closed.status).toBe('closed');
      expect(closed.closedBy).toBe('provider');
      expect(closed.end).toBe('2017-10-31');
      expect(closed.paidInFull).toBe('2017-10');
      expect(closed.schedule.map((month) => month.month)).toEqual(['2017-09', '2017-10']);
      expect(await bed.desk.decision(application.id)).toEqual({
        kind: 'terminated',
        reason: 'moved-away',
        on: '2017-10-12',
      });
      const balance = await bed.financing.balance('c7', PERIOD);
      const kept = closed.schedule.reduce(
        (sum, month) => sum.add(month.certificate),
        closed.certificate.subtract(closed.certificate),
      );
      expect(balance.reserved.toString()).toBe(kept.toString());
      expect(await taken('p08-g1')).toBe(0);
      // A requested contract cannot be terminated: it is declined.
      const requested = await apply(8, 'p08');
      expect(
        await rejection(
          bed.desk.terminate(requested.id, { on: '2017-10-12', reason: 'health' }, '2017-10-10'),
        ),
      ).toBeInstanceOf(ValidationError);
      await ledgerLawHolds();
    });

    test('attendance gives the completeness the settlement takes, and a settled month is locked', async () => {
      const application = await apply(9, 'p10');
      await bed.desk.accept(application.id, '2017-09-01');
      const record = {
        contractId: application.id,
        month: '2017-09',
        unit: 'sessions' as const,
        planned: 4,
        attended: 3,
      };
      expect(
        await rejection(bed.desk.saveAttendance({ ...record, month: '2017-10' }, '2017-09-30')),
      ).toBeInstanceOf(ValidationError);
      expect(
        await rejection(bed.desk.saveAttendance({ ...record, attended: 5 }, '2017-09-30')),
      ).toBeInstanceOf(ValidationError);
      expect(
        await rejection(bed.desk.saveAttendance({ ...record, contractId: 'nope' }, '2017-09-30')),
      ).toBeInstanceOf(NotFoundError);
      await bed.desk.saveAttendance({ ...record, attended: 2 }, '2017-09-29');
      await bed.desk.saveAttendance(record, '2017-09-30');
      expect(await bed.desk.attendance(application.id, '2017-09')).toEqual(record);
      expect(
        (await bed.desk.attendanceOf([application.id, 'x'], '2017-09')).get(application.id),
      ).toEqual(record);
      const completeness = await bed.desk.completeness('2017-09');
      expect(completeness[application.id]).toBe(75);
      expect(await bed.desk.settledContracts([application.id], '2017-09')).toEqual(new Set());

      // The payer's month: the advance, then the settlement with the desk's completeness.
      await bed.financing.billMonth('2017-09', 'advance');
      await bed.financing.billMonth('2017-09', 'settlement', { completeness });
      const contract = (await bed.desk.findContract(application.id)).contract;
      const act = contractAct(contract, '2017-09', record);
      const spent = (await bed.financing.ledgerEntries())
        .filter((entry) => entry.contractId === application.id && entry.month === '2017-09')
        .reduce(
          (sum, entry) =>
            entry.kind === 'debit'
              ? sum.add(entry.amount)
              : entry.kind === 'refund'
                ? sum.subtract(entry.amount)
                : sum,
          contract.certificate.subtract(contract.certificate),
        );
      expect(act?.settled.toString()).toBe(spent.toString());
      expect(await bed.desk.settledContracts([application.id], '2017-09')).toEqual(
        new Set([application.id]),
      );
      const locked = await rejection(bed.desk.saveAttendance(record, '2017-10-02'));
      expect(locked).toBeInstanceOf(ConflictError);
      expect((locked as ConflictError).reason).toBe('month-settled');
      await ledgerLawHolds();
    });

    test('concurrent entries of one month keep one valid row', async () => {
      const application = await apply(11, 'p12');
      await bed.desk.accept(application.id, '2017-09-01');
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 === 0 ? bed.desk : bed.another).saveAttendance(
            {
              contractId: application.id,
              month: '2017-09',
              unit: 'hours',
              planned: 8,
              attended: i / 2,
            },
            '2017-09-30',
          ),
        ),
      );
      expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
      const rows = await bed.database.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM financing_attendance WHERE contract_id = $1',
        [application.id],
      );
      expect(rows[0]?.n).toBe('1');
      const saved = await bed.desk.attendance(application.id, '2017-09');
      expect(saved?.planned).toBe(8);
      expect(Number.isInteger((saved?.attended ?? 0) * 2)).toBe(true);
    });

    test('lists a provider’s contracts by status; an unknown one is not found', async () => {
      const cdt = await bed.desk.listContracts({ providerIds: ['cdt'], statuses: ['requested'] });
      expect(cdt.length).toBeGreaterThan(0);
      expect(cdt.every((record) => record.contract.providerId === 'cdt')).toBe(true);
      expect(cdt.every((record) => record.contract.status === 'requested')).toBe(true);
      expect(cdt[0]?.providerName).toBe('МБОУ ДО «Центр детского творчества»');
      expect(cdt[0]?.birthDate).toBe('2008-03-15');
      const dialog = await bed.desk.listContracts({
        providerIds: ['dialog'],
        statuses: ['requested', 'accepted', 'active', 'closed', 'refused'],
      });
      expect(dialog).toEqual([]);
      const all = await bed.desk.listContracts({ providerIds: 'all', statuses: ['refused'] });
      expect(all.map((record) => record.decision?.kind ?? 'none')).toContain('declined');
      expect(await bed.desk.listContracts({ providerIds: [], statuses: ['requested'] })).toEqual(
        [],
      );
      expect(await rejection(bed.desk.findContract('no-such'))).toBeInstanceOf(NotFoundError);
    });

    test('the database refuses what core refuses, whoever writes', async () => {
      const [row] = await bed.database.query<{ id: string }>(
        `SELECT id FROM financing_contracts WHERE status = 'active' ORDER BY id LIMIT 1`,
      );
      const id = row?.id ?? '';
      const insert = (unit: string, planned: string, attended: string, month = '2017-11') =>
        bed.database.query(
          `INSERT INTO financing_attendance (contract_id, month, unit, planned, attended)
           VALUES ($1, $2, $3, $4::numeric, $5::numeric)`,
          [id, month, unit, planned, attended],
        );
      expect(await rejection(insert('sessions', '4', '5'))).toBeDefined();
      expect(await rejection(insert('sessions', '4.5', '4'))).toBeDefined();
      expect(await rejection(insert('hours', '0', '0'))).toBeDefined();
      expect(await rejection(insert('hours', '4', '-1'))).toBeDefined();
      expect(await rejection(insert('hours', '4', '1', '2017-13'))).toBeDefined();
      const decide = (kind: string, reason: string, note: string | null) =>
        bed.database.query(
          `INSERT INTO financing_provider_decisions (contract_id, kind, reason, note, decided_on)
           VALUES ($1, $2, $3, $4, '2017-10-01')`,
          [id, kind, reason, note],
        );
      expect(await rejection(decide('declined', 'moved-away', null))).toBeDefined();
      expect(await rejection(decide('terminated', 'other', null))).toBeDefined();
      expect(await rejection(decide('terminated', 'health', ' padded '))).toBeDefined();
      expect(await rejection(decide('terminated', 'health', 'x'.repeat(501)))).toBeDefined();
    });
  });
}
