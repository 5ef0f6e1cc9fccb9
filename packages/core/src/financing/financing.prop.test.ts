import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdusetError, Money } from '../common/index.js';
import {
  advanceEntries,
  advanceFor,
  allocateTeacherSupport,
  balanceLawHolds,
  billKopecks,
  computeContractAmounts,
  emptyLedger,
  ledgerEntryKinds,
  paymentReport,
  scheduledMonthKopecks,
  splitIntoMonths,
  postEntries,
  recomputeBalances,
  settleMonth,
  settlementEntries,
  type Contract,
  type Ledger,
  type LedgerEntry,
} from './index.js';
import { kopecks } from '../../test/financing-fixtures.js';

const money = (k: number): Money => Money.of(k).divide(100);
const certificates = ['c1', 'c2', 'c3'];

const operation = fc.record({
  certificateId: fc.constantFrom(...certificates),
  period: fc.constantFrom('2017', '2018'),
  kind: fc.constantFrom(...ledgerEntryKinds),
  kopecks: fc.integer({ min: 1, max: 2_000_000 }),
});

describe('ledger laws', () => {
  it('nominal = available + reserved + spent after any sequence; nothing negative; balances recompute', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        let ledger: Ledger = emptyLedger();
        operations.forEach((op, index) => {
          const entry: LedgerEntry = {
            id: `e${String(index)}`,
            certificateId: op.certificateId,
            period: op.period,
            kind: op.kind,
            amount: money(op.kopecks),
          };
          try {
            ledger = postEntries(ledger, [entry]);
          } catch (error) {
            expect(error).toBeInstanceOf(EdusetError);
          }
        });
        for (const balance of ledger.balances.values()) expect(balanceLawHolds(balance)).toBe(true);
        const recomputed = recomputeBalances(ledger.entries);
        expect([...recomputed.keys()].sort()).toEqual([...ledger.balances.keys()].sort());
        for (const [key, balance] of recomputed) {
          const cached = ledger.balances.get(key);
          expect(
            cached &&
              balance.available.equals(cached.available) &&
              balance.spent.equals(cached.spent),
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a failed post leaves the ledger as it was (all or nothing)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (nominal, reserve) => {
          const issued = postEntries(emptyLedger(), [
            { id: 'i', certificateId: 'c1', period: '2017', kind: 'issue', amount: money(nominal) },
          ]);
          const attempt = (): Ledger =>
            postEntries(issued, [
              {
                id: 'r1',
                certificateId: 'c1',
                period: '2017',
                kind: 'reserve',
                amount: money(reserve),
              },
              {
                id: 'r2',
                certificateId: 'c1',
                period: '2017',
                kind: 'reserve',
                amount: money(reserve),
              },
            ]);
          if (2 * reserve > nominal) {
            expect(attempt).toThrow(EdusetError);
            expect(issued.entries).toHaveLength(1);
          } else {
            expect(attempt().entries).toHaveLength(3);
          }
        },
      ),
    );
  });
});

const contractArbitrary = fc
  .record({
    startDay: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 240 }),
    priceKopecks: fc.integer({ min: 0, max: 5_000_000 }),
    normativeKopecks: fc.integer({ min: 0, max: 5_000_000 }),
    availableKopecks: fc.integer({ min: 0, max: 5_000_000 }),
    provider: fc.constantFrom('cdt', 'syun', 'dialog'),
    completeness: fc.integer({ min: 0, max: 100 }),
  })
  .map((c) => {
    const groupStart = '2017-09-01';
    const start = new Date(Date.UTC(2017, 8, 1 + c.startDay)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2017, 8, 1 + c.startDay + c.length)).toISOString().slice(0, 10);
    return {
      ...c,
      groupStart,
      groupEnd: '2018-05-31',
      start,
      end: end > '2018-05-31' ? '2018-05-31' : end,
    };
  });

function scenario(
  rows: readonly (typeof contractArbitrary extends fc.Arbitrary<infer T> ? T : never)[],
): {
  ledger: Ledger;
  contracts: Contract[];
  completeness: Record<string, number>;
} {
  const contracts: Contract[] = [];
  const entries: LedgerEntry[] = [];
  const completeness: Record<string, number> = {};
  rows.forEach((row, index) => {
    const id = `k${String(index).padStart(3, '0')}`;
    const certificateId = `c${String(index)}`;
    const amounts = computeContractAmounts({
      start: row.start,
      end: row.end,
      groupStart: row.groupStart,
      groupEnd: row.groupEnd,
      price: money(row.priceKopecks).toString(),
      normativeCost: money(row.normativeKopecks).toString(),
      available: money(row.availableKopecks).toString(),
    });
    contracts.push({
      id,
      certificateId,
      period: '2017',
      programmeId: 'p',
      moduleId: 'm',
      groupId: 'g',
      providerId: row.provider,
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
    completeness[id] = row.completeness;
    entries.push({
      id: `issue:${certificateId}`,
      certificateId,
      period: '2017',
      kind: 'issue',
      amount: money(row.availableKopecks + 1),
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

function bill(
  ledger: Ledger,
  contracts: readonly Contract[],
  month: string,
  completeness: Record<string, number>,
): Ledger {
  const advanced = postEntries(ledger, advanceEntries(contracts, month));
  return postEntries(advanced, settlementEntries(advanced, contracts, month, { completeness }));
}

const months = ['2017-09', '2017-10', '2017-11', '2017-12', '2018-01'];

describe('contract and billing laws', () => {
  it('amounts: certificate = min(all, normative, available), schedules sum exactly', () => {
    fc.assert(
      fc.property(contractArbitrary, (row) => {
        const a = computeContractAmounts({
          ...row,
          price: money(row.priceKopecks).toString(),
          normativeCost: money(row.normativeKopecks).toString(),
          available: money(row.availableKopecks).toString(),
        });
        expect(a.certificate.add(a.family).equals(a.all)).toBe(true);
        expect(a.certificate.compare(a.all) <= 0 && a.certificate.compare(a.normative) <= 0).toBe(
          true,
        );
        expect(
          a.certificate.compare(money(row.availableKopecks)) <= 0 && !a.family.isNegative(),
        ).toBe(true);
        expect(Money.sum(a.schedule.certificate.map((m) => m.amount)).equals(a.certificate)).toBe(
          true,
        );
        expect(Money.sum(a.schedule.family.map((m) => m.amount)).equals(a.family)).toBe(true);
        expect(Money.sum(a.schedule.price.map((m) => m.amount)).equals(a.all)).toBe(true);
        expect(a.schedule.certificate.every((m) => !m.amount.isNegative())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a month billed twice pays once; balances stay lawful; the payer pays what certificates were debited', () => {
    fc.assert(
      fc.property(
        fc.array(contractArbitrary, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...months),
        (rows, month) => {
          const { ledger, contracts, completeness } = scenario(rows);
          const once = bill(ledger, contracts, month, completeness);
          const twice = bill(once, contracts, month, completeness);
          expect(twice.entries).toHaveLength(once.entries.length);
          for (const balance of once.balances.values()) expect(balanceLawHolds(balance)).toBe(true);
          const report = paymentReport(once, contracts, month);
          const spentBefore = Money.sum([...ledger.balances.values()].map((b) => b.spent));
          const spentAfter = Money.sum([...once.balances.values()].map((b) => b.spent));
          expect(report.totals.payer.equals(spentAfter.subtract(spentBefore))).toBe(true);
          const family = Money.sum(
            contracts.flatMap((c) =>
              c.schedule.filter((m) => m.month === month).map((m) => m.family),
            ),
          );
          expect(report.totals.total.equals(report.totals.payer.add(family))).toBe(true);
          expect(report.totals.family.equals(family)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('results do not depend on the order contracts are listed', () => {
    fc.assert(
      fc.property(
        fc.array(contractArbitrary, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...months),
        fc.integer(),
        (rows, month, seed) => {
          const { ledger, contracts, completeness } = scenario(rows);
          const shuffled = [...contracts].sort(
            (a, b) =>
              ((a.id.charCodeAt(3) * seed) % 7) - ((b.id.charCodeAt(3) * seed) % 7) ||
              (a.id < b.id ? 1 : -1),
          );
          const a = bill(ledger, contracts, month, completeness);
          const b = bill(ledger, shuffled, month, completeness);
          expect(JSON.stringify(a.entries)).toBe(JSON.stringify(b.entries));
          expect(JSON.stringify(paymentReport(a, contracts, month))).toBe(
            JSON.stringify(paymentReport(b, shuffled, month)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('kopeck-integer billing equals the decimal rules', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100 })),
          { maxLength: 50 },
        ),
        (rows) => {
          const fast = billKopecks(
            rows.map(([m]) => m),
            rows.map(([, c]) => c),
          );
          let advance = 0;
          let settled = 0;
          for (const [m, c] of rows) {
            advance += kopecks(advanceFor(money(m)));
            settled += kopecks(settleMonth(money(m), c).settled);
          }
          expect([fast.advance, fast.settled]).toEqual([advance, settled]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('kopeck schedule', () => {
  it('scheduledMonthKopecks equals splitIntoMonths month by month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 366 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (total, days, months, first) => {
          const firstDays = Math.min(first, days);
          const list = Array.from(
            { length: months },
            (_, i) => `2017-${String(i + 1).padStart(2, '0')}`,
          );
          const split = splitIntoMonths({
            total: money(total),
            days,
            daysInFirstMonth: firstDays,
            months: list,
          });
          split.forEach((month, index) => {
            expect(scheduledMonthKopecks(total, days, firstDays, months, index)).toBe(
              kopecks(month.amount),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('teacher support allocation laws', () => {
  it('never exceeds the fund and stays within each bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 40_000 }),
        fc.array(
          fc.record({
            years: fc.integer({ min: 0, max: 10 }),
            weight: fc.integer({ min: 0, max: 5 }),
          }),
          { maxLength: 40 },
        ),
        (fund, min, spread, people) => {
          const rule = {
            id: 'r',
            version: '1',
            fund: String(fund),
            min: String(min),
            max: String(min + spread),
            minYears: 3,
          };
          const result = allocateTeacherSupport(
            rule,
            people.map((p, i) => ({
              id: `t${String(i)}`,
              yearsInNetwork: p.years,
              weight: p.weight,
            })),
          );
          expect(result.allocated.compare(Money.of(fund)) <= 0).toBe(true);
          for (const payment of result.payments) {
            expect(payment.amount.compare(Money.of(min)) >= 0).toBe(true);
            expect(payment.amount.compare(Money.of(min + spread)) <= 0).toBe(true);
          }
          expect(result.payments.length + result.notPaid.length).toBe(people.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
