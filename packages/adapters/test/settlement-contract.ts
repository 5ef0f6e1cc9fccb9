// What the settlement storage must do, run against PGlite and a PostgreSQL server alike: the
// month's workflow (preview, approve, pay, close), its rules under concurrent payers, and
// corrections paid in the next open month.
import {
  activateCertificate,
  balanceLawHolds,
  certificateGroupSchema,
  instant,
  issueCertificate,
  ledgerEntry,
  paymentReport,
  programmeSchema,
  recomputeBalances,
  SettlementError,
  type Certificate,
  type ProgrammeRegistry,
} from '@eduset/core';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { settlementRegisterCsv, settlementRegisterXlsx } from '../src/export/index.js';
import type { Database } from '../src/storage/database.js';
import type { FinancingStore } from '../src/storage/financing.js';
import type { SettlementStore } from '../src/storage/settlement.js';

/** What a settlement contract run needs: the stores under test and their raw database. */
export interface SettlementTestBed {
  readonly financing: FinancingStore;
  readonly settlement: SettlementStore;
  readonly database: Database;
  close(): Promise<void>;
}

const PERIOD = '2017';
const today = '2018-01-20';
const payer = (n: number) => ({
  by: `Плательщик ${String(n)}`,
  at: instant('2018-01-20T09:00:00Z'),
});

function registry(): ProgrammeRegistry {
  const programme = (id: string, providerId: string, start: string) =>
    programmeSchema.parse({
      id,
      name: `Программа ${id}`,
      providerId,
      fundingKind: 'funded',
      direction: id === 'art' ? 'artistic' : 'technical',
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
              start,
              end: '2017-12-31',
              capacity: 20,
              weekdays: [2],
            },
          ],
        },
      ],
    });
  return {
    providers: [
      { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' },
      { id: 'dialog', name: '=HYPERLINK("http://x","АНО «Диалог»")', kind: 'private' },
    ],
    programmes: [
      programme('robotics', 'cdt', '2017-09-01'),
      programme('art', 'dialog', '2017-09-01'),
    ],
  };
}

function certificate(i: number): Certificate {
  const issued = issueCertificate(
    {
      id: `c${String(i)}`,
      number: String(6800000100 + i),
      birthDate: '2008-03-15',
      groupId: 'children',
    },
    '2017-01-10',
  );
  return { ...activateCertificate(issued, '2017-01-11'), kind: 'funded' };
}

export function settlementContract(engine: string, open: () => Promise<SettlementTestBed>): void {
  describe(`settlement storage on ${engine}`, () => {
    let bed: SettlementTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.financing.saveRegistry(registry());
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'children',
          name: 'Дети 5–18 лет',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '24000',
          fundedPlaces: 100,
        }),
      );
      await bed.financing.saveCertificates(Array.from({ length: 6 }, (_, i) => certificate(i)));
      await bed.financing.postEntries(
        Array.from({ length: 6 }, (_, i) =>
          ledgerEntry({
            id: `issue:c${String(i)}:${PERIOD}`,
            certificateId: `c${String(i)}`,
            period: PERIOD,
            kind: 'issue',
            amount: '24000',
          }),
        ),
      );
      // Four active contracts: c0, c1 at robotics (cdt), c2, c3 at art (dialog).
      for (let i = 0; i < 4; i += 1) {
        const programmeId = i < 2 ? 'robotics' : 'art';
        const id = `k${String(i)}`;
        await bed.financing.requestEnrolment({
          contractId: id,
          certificateId: `c${String(i)}`,
          programmeId,
          moduleId: `${programmeId}-m1`,
          groupId: `${programmeId}-g1`,
          requestedOn: '2017-08-25',
        });
        await bed.financing.transitionContract(id, 'accepted', '2017-08-26');
        await bed.financing.transitionContract(id, 'active', '2017-09-01');
      }
    });
    afterAll(async () => {
      await bed?.close();
    });

    async function assertLedgerLaw(): Promise<void> {
      const [row] = await bed.database.query<{ bad: string }>(
        'SELECT count(*)::text AS bad FROM certificate_balances WHERE issued - lapsed <> available + reserved + spent',
      );
      expect(row?.bad).toBe('0');
      for (const balance of recomputeBalances(await bed.financing.ledgerEntries()).values())
        expect(balanceLawHolds(balance)).toBe(true);
    }

    async function refusal(promise: Promise<unknown>): Promise<string> {
      try {
        await promise;
      } catch (error) {
        if (error instanceof SettlementError) return error.refusal;
        throw error;
      }
      return 'no refusal';
    }

    test('an open month previews every provider and contract with the explanation of each amount', async () => {
      const months = await bed.settlement.listMonths();
      expect(months.map((m) => `${m.month} ${m.status} ${String(m.contracts)}`)).toEqual([
        '2017-12 open 4',
        '2017-11 open 4',
        '2017-10 open 4',
        '2017-09 open 4',
      ]);
      const preview = await bed.settlement.preview('2017-09', { completeness: { k1: 90 } });
      expect(preview.month.status).toBe('open');
      expect(preview.providers.map((line) => line.providerId)).toEqual(['cdt', 'dialog']);
      // 8000 over 122 days: September 1967.24 (the remainder), then 2010.92 × 3.
      const k1 = preview.contracts.find((line) => line.contractId === 'k1');
      expect(k1?.monthly.toString()).toBe('1967.24');
      expect(k1?.advance.toString()).toBe('1573.79');
      expect(k1?.settled.toString()).toBe('1770.52');
      expect(k1?.certificateNumber).toBe('6800000101');
      expect(k1?.steps.map((step) => step.kind)).toEqual([
        'contract',
        'monthly',
        'advance',
        'completeness',
        'settlement',
        'release',
        'family',
        'payer',
      ]);
      expect(preview.totals.payer.toString()).toBe('7672.24'); // 1967.24 × 3 + 1770.52
      expect(JSON.stringify(preview)).not.toMatch(/phone|email|@/i);
      const own = await bed.settlement.preview(
        '2017-09',
        {},
        { providers: ['cdt'], provider: 'cdt' },
      );
      expect(own.providers.map((line) => line.providerId)).toEqual(['cdt']);
      expect(own.contracts.map((line) => line.contractId)).toEqual(['k0', 'k1']);
      expect(own.totals.payer.toString()).toBe('3934.48');
    });

    test('the workflow: approve (again: nothing new), register, pay once, close; refusals are typed', async () => {
      expect(await refusal(bed.settlement.pay('2017-09', payer(1)))).toBe('month-not-approved');
      expect(await refusal(bed.settlement.approve('2018-02', {}, payer(1), today))).toBe(
        'month-not-started',
      );
      expect(await refusal(bed.settlement.register('2017-09'))).toBe('month-not-approved');
      const approved = await bed.settlement.approve(
        '2017-09',
        { completeness: { k1: 90 } },
        payer(1),
        today,
      );
      expect(approved).toMatchObject({ changed: true, posted: 0 });
      expect(approved.month).toMatchObject({ status: 'approved', version: 1, contracts: 4 });
      expect(approved.month.approved?.by).toBe('Плательщик 1');
      expect(approved.month.totals?.payer.toString()).toBe('7672.24');
      const again = await bed.settlement.approve(
        '2017-09',
        { completeness: { k1: 90 } },
        payer(2),
        today,
      );
      expect(again.changed).toBe(false);
      expect(again.month.version).toBe(1);
      const changed = await bed.settlement.approve(
        '2017-09',
        { completeness: { k1: 80 } },
        payer(2),
        today,
      );
      expect(changed.month.version).toBe(2);
      expect(changed.month.totals?.payer.toString()).toBe('7475.51'); // 1967.24 × 80 % = 1573.79
      const back = await bed.settlement.approve(
        '2017-09',
        { completeness: { k1: 90 } },
        payer(1),
        today,
      );
      expect(back.month.version).toBe(3);
      expect(await refusal(bed.settlement.close('2017-09', payer(1)))).toBe('month-not-paid');

      const register = await bed.settlement.register('2017-09');
      expect(register.totals.payer.toString()).toBe('7672.24');
      expect(register.contracts).toHaveLength(4);
      // The CSV: the one rule neutralises the provider named like a formula.
      const csv = settlementRegisterCsv(register, 'ru');
      const rows = Papa.parse<string[]>(csv.slice(1), {
        delimiter: ';',
        skipEmptyLines: true,
      }).data;
      expect(rows[0]?.[3]).toBe('Поставщик');
      expect(rows.map((row) => row[3])).toContain(`'=HYPERLINK("http://x","АНО «Диалог»")`);
      expect(rows.at(-1)?.slice(3, 5)).toEqual(['Итого', '4']);
      expect(rows.at(-1)?.[9]).toBe('7672,24');
      expect(rows[1]?.[1]).toBe('утверждён');
      // The XLSX: numbers as numbers, the contracts' sheet with certificate numbers.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await settlementRegisterXlsx(register, 'en')) as never);
      const [providers, contracts] = workbook.worksheets;
      expect(providers?.getRow(1).getCell(10).value).toBe('Paid by the payer');
      expect(providers?.getRow(4).getCell(10).value).toBe(7672.24);
      expect(providers?.getRow(3).getCell(4).value).toBe('=HYPERLINK("http://x","АНО «Диалог»")');
      expect(providers?.getRow(3).getCell(4).formula).toBeUndefined();
      expect(contracts?.rowCount).toBe(5);
      expect(contracts?.getRow(2).getCell(1).value).toBe('6800000100');

      // Completeness changed after approval: the payment pays what was approved.
      const paid = await bed.settlement.pay('2017-09', payer(1));
      expect(paid).toMatchObject({ changed: true });
      expect(paid.posted).toBeGreaterThan(0);
      expect(paid.month.status).toBe('paid');
      const report = paymentReport(
        { entries: await bed.financing.ledgerEntries(), balances: new Map() },
        await bed.financing.listContracts(),
        '2017-09',
      );
      expect(report.totals.payer.toString()).toBe('7672.24');
      const ledgerSize = (await bed.financing.ledgerEntries()).length;
      const paidAgain = await bed.settlement.pay('2017-09', payer(2));
      expect(paidAgain).toEqual({ ...paid, changed: false, posted: 0 });
      expect(await bed.financing.ledgerEntries()).toHaveLength(ledgerSize);
      expect(await refusal(bed.settlement.approve('2017-09', {}, payer(1), today))).toBe(
        'month-paid',
      );

      const closed = await bed.settlement.close('2017-09', payer(1));
      expect(closed).toMatchObject({ changed: true, month: { status: 'closed' } });
      expect((await bed.settlement.close('2017-09', payer(2))).changed).toBe(false);
      expect(await refusal(bed.settlement.approve('2017-09', {}, payer(1), today))).toBe(
        'month-closed',
      );
      expect(await refusal(bed.settlement.pay('2017-09', payer(1)))).toBe('month-closed');
      // A closed month's preview is the ledger's.
      const preview = await bed.settlement.preview('2017-09', { completeness: { k1: 10 } });
      expect(preview.month.status).toBe('closed');
      expect(preview.totals.payer.toString()).toBe('7672.24');
      expect(preview.contracts.find((line) => line.contractId === 'k1')?.completeness).toBe(90);
      await assertLedgerLaw();
    });

    test('the database keeps a month moving forward, whoever writes', async () => {
      await expect(
        bed.database.query(`UPDATE settlement_months SET status = 'open' WHERE month = '2017-09'`),
      ).rejects.toThrow();
      await expect(
        bed.database.query(`DELETE FROM settlement_month_entries WHERE month = '2017-09'`),
      ).rejects.toThrow();
      await expect(
        bed.database.query(`DELETE FROM settlement_months WHERE month = '2017-09'`),
      ).rejects.toThrow();
    });

    test('two payers (ten requests) approving, paying, closing at once: exactly one effect each', async () => {
      const month = '2017-10';
      const runs = Array.from({ length: 10 }, (_, i) => i);
      const approvals = await Promise.all(
        runs.map((i) => bed.settlement.approve(month, {}, payer(i % 2), today)),
      );
      expect(approvals.filter((answer) => answer.changed)).toHaveLength(1);
      expect(new Set(approvals.map((answer) => answer.month.version))).toEqual(new Set([1]));
      const before = (await bed.financing.ledgerEntries()).length;
      const payments = await Promise.all(runs.map((i) => bed.settlement.pay(month, payer(i % 2))));
      const effective = payments.filter((answer) => answer.changed);
      expect(effective).toHaveLength(1);
      const posted = effective[0]?.posted ?? 0;
      expect(posted).toBeGreaterThan(0);
      expect(payments.reduce((sum, answer) => sum + answer.posted, 0)).toBe(posted);
      expect((await bed.financing.ledgerEntries()).length).toBe(before + posted);
      // Every answer shows the same paid month.
      expect(new Set(payments.map((answer) => JSON.stringify(answer.month))).size).toBe(1);
      const closings = await Promise.all(
        runs.map((i) => bed.settlement.close(month, payer(i % 2))),
      );
      expect(closings.filter((answer) => answer.changed)).toHaveLength(1);
      // Racing an approval against a closing of a closed month: refused, typed.
      const late = await Promise.allSettled(
        runs.map((i) => bed.settlement.approve(month, {}, payer(i), today)),
      );
      expect(
        late.every(
          (result) =>
            result.status === 'rejected' &&
            result.reason instanceof SettlementError &&
            result.reason.refusal === 'month-closed',
        ),
      ).toBe(true);
      await assertLedgerLaw();
    });

    test('a correction after close goes into the next open month as an adjustment, once', async () => {
      // October is closed (k1 at 100 %); November is open: it takes the adjustment.
      const corrections = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          bed.settlement.correct(
            '2017-10',
            { contractId: 'k1', completeness: 50, reason: 'Табель исправлен поставщиком' },
            payer(1),
          ),
        ),
      );
      const made = corrections.filter((result) => result.status === 'fulfilled');
      expect(made).toHaveLength(1);
      for (const result of corrections) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(SettlementError);
          expect((result.reason as SettlementError).refusal).toBe('nothing-to-correct');
        }
      }
      const answer = made[0]?.status === 'fulfilled' ? made[0].value : undefined;
      expect(answer?.adjustment).toMatchObject({
        id: 'k1:2017-10:1',
        month: '2017-10',
        targetMonth: '2017-11',
        completenessBefore: 100,
        completenessAfter: 50,
        status: 'pending',
        certificateNumber: '6800000101',
      });
      // October's 2010.92 at 50 %: 1005.46 was overpaid.
      expect(answer?.adjustment.amount.toString()).toBe('-1005.46');
      expect(answer?.target).toMatchObject({
        month: '2017-11',
        status: 'open',
        pendingAdjustments: 1,
      });
      expect(
        await refusal(
          bed.settlement.correct(
            '2017-11',
            { contractId: 'k1', completeness: 50, reason: 'x' },
            payer(1),
          ),
        ),
      ).toBe('month-not-settled');

      const november = await bed.settlement.preview('2017-11', {});
      expect(november.adjustmentsIn.map((a) => a.id)).toEqual(['k1:2017-10:1']);
      const k1 = november.contracts.find((line) => line.contractId === 'k1');
      expect(k1?.adjustment.toString()).toBe('-1005.46');
      expect(k1?.payer.toString()).toBe('1005.46'); // 2010.92 − 1005.46
      expect(k1?.steps.find((step) => step.kind === 'adjustment')?.text.ru).toContain(
        'Корректировка за октябрь 2017',
      );
      const october = await bed.settlement.preview('2017-10', {});
      expect(october.adjustmentsOut.map((a) => a.id)).toEqual(['k1:2017-10:1']);
      await bed.settlement.approve('2017-11', {}, payer(1), today);
      // A correction of October now: November is approved, so December takes it.
      const second = await bed.settlement.correct(
        '2017-10',
        { contractId: 'k1', completeness: 75, reason: 'Табель исправлен ещё раз' },
        payer(2),
      );
      expect(second.adjustment).toMatchObject({
        id: 'k1:2017-10:2',
        targetMonth: '2017-12',
        completenessBefore: 50,
      });
      expect(second.adjustment.amount.toString()).toBe('502.73'); // 1508.19 − 1005.46
      await bed.settlement.pay('2017-11', payer(1));
      const entries = await bed.financing.ledgerEntries();
      expect(entries.find((entry) => entry.id === 'adjust:refund:k1:2017-10:1')?.month).toBe(
        '2017-11',
      );
      expect(entries.find((entry) => entry.id === 'adjust:reserve:k1:2017-10:2')?.month).toBe(
        '2017-12',
      );
      const months = await bed.settlement.listMonths();
      expect(months.find((m) => m.month === '2017-12')?.pendingAdjustments).toBe(1);
      expect(months.find((m) => m.month === '2017-11')?.status).toBe('paid');
      await assertLedgerLaw();
    });

    test('the coverage report counts holders, contracts, places and money', async () => {
      const report = await bed.settlement.report({ today: '2017-10-15' });
      expect(report.period).toBe(PERIOD);
      expect(report.on).toBe('2017-10-15');
      expect(report.coverage).toMatchObject({
        children: 6,
        funded: 4,
        certificatesIssued: 6,
        certificatesUsed: 4,
        certificatesUsedShare: '66.67',
      });
      expect(report.total).toMatchObject({
        programmes: 2,
        places: 40,
        contracts: 4,
        placesTaken: 4,
      });
      expect(report.byDirection.map((row) => row.key)).toEqual(['technical', 'artistic']);
      expect(report.byProvider.map((row) => row.key)).toEqual(['cdt', 'dialog']);
      expect(report.total.paid.compare(report.total.certificate)).toBeLessThan(0);
      const narrowed = await bed.settlement.report({ today: '2017-10-15', providerId: 'cdt' });
      expect(narrowed.total.contracts).toBe(2);
      expect(narrowed.byProvider.map((row) => row.key)).toEqual(['cdt']);
      await expect(bed.settlement.report({ today: '2017-10-15', period: 'нет' })).rejects.toThrow();
    });
  });
}
