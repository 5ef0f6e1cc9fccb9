import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdusetError, Money } from '../../common/index.js';
import {
  adjustmentEntries,
  balanceLawHolds,
  computeContractAmounts,
  emptyLedger,
  explainSettlement,
  paymentReport,
  planSettlement,
  postEntries,
  settleMonth,
  settlementCorrection,
  type Contract,
  type Ledger,
  type LedgerEntry,
  type SettlementAdjustment,
} from '../index.js';

const money = (kopecks: number): Money => Money.of(kopecks).divide(100);
const months = ['2017-09', '2017-10', '2017-11', '2017-12', '2018-01'];
const names = { programmes: new Map(), certificateNumbers: new Map(), providerNames: new Map() };

const row = fc.record({
  startDay: fc.integer({ min: 0, max: 60 }),
  length: fc.integer({ min: 0, max: 200 }),
  priceKopecks: fc.integer({ min: 0, max: 3_000_000 }),
  normativeKopecks: fc.integer({ min: 0, max: 3_000_000 }),
  availableKopecks: fc.integer({ min: 0, max: 3_000_000 }),
  provider: fc.constantFrom('cdt', 'syun', 'dialog'),
  completeness: fc.integer({ min: 0, max: 100 }),
  corrected: fc.integer({ min: 0, max: 100 }),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function scenario(rows: readonly Row[]): {
  ledger: Ledger;
  contracts: Contract[];
  completeness: Record<string, number>;
} {
  const contracts: Contract[] = [];
  const entries: LedgerEntry[] = [];
  const completeness: Record<string, number> = {};
  rows.forEach((r, index) => {
    const id = `k${String(index).padStart(3, '0')}`;
    const certificateId = `c${String(index)}`;
    const start = new Date(Date.UTC(2017, 8, 1 + r.startDay)).toISOString().slice(0, 10);
    const endDay = new Date(Date.UTC(2017, 8, 1 + r.startDay + r.length))
      .toISOString()
      .slice(0, 10);
    const amounts = computeContractAmounts({
      start,
      end: endDay > '2018-05-31' ? '2018-05-31' : endDay,
      groupStart: '2017-09-01',
      groupEnd: '2018-05-31',
      price: money(r.priceKopecks).toString(),
      normativeCost: money(r.normativeKopecks).toString(),
      available: money(r.availableKopecks).toString(),
    });
    contracts.push({
      id,
      certificateId,
      period: '2017',
      programmeId: 'p',
      moduleId: 'm',
      groupId: 'g',
      providerId: r.provider,
      direction: 'technical',
      status: 'active',
      requestedOn: amounts.start,
      start: amounts.start,
      end: amounts.end,
      all: amounts.all,
      normative: amounts.normative,
      certificate: amounts.certificate,
      family: amounts.family,
      schedule: amounts.months.map((month, i) => ({
        month,
        certificate: amounts.schedule.certificate[i]?.amount ?? Money.zero(),
        family: amounts.schedule.family[i]?.amount ?? Money.zero(),
      })),
    });
    completeness[id] = r.completeness;
    entries.push({
      id: `issue:${certificateId}`,
      certificateId,
      period: '2017',
      kind: 'issue',
      amount: money(r.availableKopecks + 3_000_001),
    });
    if (!amounts.certificate.isZero()) {
      entries.push({
        id: `reserve:${id}`,
        certificateId,
        period: '2017',
        kind: 'reserve',
        amount: amounts.certificate,
        contractId: id,
      });
    }
  });
  return { ledger: postEntries(emptyLedger(), entries), contracts, completeness };
}

describe('settlement laws', () => {
  it('the explained month pays what core billing posts: every line adds up, the payment report agrees, twice posts nothing', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...months),
        fc.boolean(),
        (rows, month, advanceFirst) => {
          const { ledger: start, contracts, completeness } = scenario(rows);
          let ledger = start;
          if (advanceFirst) {
            // The advance was paid at the start of the month; the settlement follows.
            const advances = planSettlement({ month, contracts, posted: [] }).entries.filter(
              (entry) => entry.id.startsWith('debit:advance:'),
            );
            ledger = postEntries(ledger, advances);
          }
          const posted = ledger.entries.filter((entry) => entry.month === month);
          const plan = planSettlement({ month, contracts, posted, completeness });
          const explained = explainSettlement({
            month,
            contracts,
            entries: plan.entries,
            completeness,
            names,
          });
          const after = postEntries(ledger, plan.toPost);
          for (const balance of after.balances.values())
            expect(balanceLawHolds(balance)).toBe(true);
          const report = paymentReport(after, contracts, month);
          expect(explained.totals.payer.toString()).toBe(report.totals.payer.toString());
          expect(explained.totals.family.toString()).toBe(report.totals.family.toString());
          expect(explained.totals.total.toString()).toBe(report.totals.total.toString());
          for (const line of explained.contracts) {
            // Never recomputed another way: the line's settled amount is core's settleMonth.
            if (!line.monthly.isZero()) {
              const expected = settleMonth(line.monthly, line.completeness).settled;
              expect(line.settled.toString()).toBe(expected.toString());
            }
            expect(
              line.advance
                .add(line.settlement)
                .subtract(line.refunded)
                .add(line.adjustment)
                .toString(),
            ).toBe(line.payer.toString());
            const payerStep = line.steps.at(-1);
            expect(payerStep?.kind).toBe('payer');
            expect(payerStep?.amount?.toString()).toBe(line.payer.toString());
          }
          const again = planSettlement({
            month,
            contracts,
            posted: after.entries.filter((entry) => entry.month === month),
            completeness,
          });
          expect(again.toPost).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('after a correction and its adjustment, the month costs the certificate what the new completeness says', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...months.slice(0, 4)),
        (rows, month) => {
          const { ledger: start, contracts, completeness } = scenario(rows);
          const plan = planSettlement({ month, contracts, posted: [], completeness });
          let ledger = postEntries(start, plan.toPost);
          const target = months[months.indexOf(month) + 1] ?? '2018-02';
          rows.forEach((r, index) => {
            const contract = contracts[index];
            if (contract === undefined) return;
            let correction;
            try {
              correction = settlementCorrection({
                contract,
                month,
                completeness: r.corrected,
                posted: ledger.entries,
                previous: [],
                settledWith: r.completeness,
              });
            } catch (error) {
              expect(error).toBeInstanceOf(EdusetError);
              return;
            }
            const adjustment: SettlementAdjustment = {
              id: `${contract.id}:${month}:1`,
              contractId: contract.id,
              certificateId: contract.certificateId,
              period: contract.period,
              providerId: contract.providerId,
              month,
              targetMonth: target,
              completenessBefore: correction.completenessBefore,
              completenessAfter: r.corrected,
              settledBefore: correction.settledBefore,
              settledAfter: correction.settledAfter,
              amount: correction.amount,
              reason: 'проверка',
              status: 'pending',
            };
            ledger = postEntries(ledger, [
              ...adjustmentEntries(adjustment, 'correction'),
              ...adjustmentEntries(adjustment, 'payment'),
            ]);
            let spentForMonth = Money.zero();
            for (const entry of ledger.entries) {
              if (entry.contractId !== contract.id) continue;
              const forMonth =
                entry.month === month ||
                entry.id.startsWith(`adjust:debit:${contract.id}:${month}:`) ||
                entry.id.startsWith(`adjust:refund:${contract.id}:${month}:`);
              if (!forMonth) continue;
              if (entry.kind === 'debit') spentForMonth = spentForMonth.add(entry.amount);
              if (entry.kind === 'refund') spentForMonth = spentForMonth.subtract(entry.amount);
            }
            const scheduled = contract.schedule.find((m) => m.month === month)?.certificate;
            expect(spentForMonth.toString()).toBe(
              settleMonth(scheduled ?? Money.zero(), r.corrected).settled.toString(),
            );
          });
          for (const balance of ledger.balances.values())
            expect(balanceLawHolds(balance)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
