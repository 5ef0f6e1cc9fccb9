import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../common/index.js';
import {
  advanceEntries,
  balanceOf,
  completenessPercent,
  contractAct,
  plannedSessions,
  postEntries,
  providerActTotals,
  requestEnrolment,
  settleMonth,
  settlementEntries,
  transitionContract,
  type Contract,
} from './index.js';
import {
  activeCertificate,
  fundedProgramme,
  ledgerWithNominal,
} from '../../test/financing-fixtures.js';

const kopecks = (k: number): Money => Money.of(k).divide(100);

/** A contract in force whose October is `certificate` / `family` (other months unchanged). */
function contractWithOctober(certificate: number, family: number, paidInFull = false): Contract {
  const ledger = ledgerWithNominal(['c1']);
  const { contract } = requestEnrolment({
    contractId: 'k1',
    certificate: activeCertificate('c1'),
    balance: balanceOf(ledger, 'c1', '2017'),
    programme: fundedProgramme(),
    moduleId: 'm1',
    groupId: 'g1',
    requestedOn: '2017-08-25',
    existing: [],
  });
  const active = transitionContract(
    transitionContract(contract, 'accepted', '2017-08-26').contract,
    'active',
    '2017-09-01',
  ).contract;
  return {
    ...active,
    ...(paidInFull ? { paidInFull: '2017-10' } : {}),
    schedule: active.schedule.map((month) =>
      month.month === '2017-10'
        ? { month: month.month, certificate: kopecks(certificate), family: kopecks(family) }
        : month,
    ),
  };
}

const attendance = fc
  .record({
    hours: fc.boolean(),
    planned: fc.integer({ min: 1, max: 4000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ hours, planned, share }) => {
    // Sessions: whole numbers up to 40; hours: hundredths up to 40.00.
    const plannedValue = hours ? planned / 100 : Math.max(1, Math.round(planned / 100));
    const attendedUnits = Math.floor((hours ? planned : plannedValue) * share);
    return {
      unit: hours ? ('hours' as const) : ('sessions' as const),
      planned: plannedValue,
      attended: hours ? attendedUnits / 100 : attendedUnits,
    };
  });

describe('the act laws', () => {
  it('completeness lies in 0–100, grows with attendance, is 100 exactly when all was attended', () => {
    fc.assert(
      fc.property(attendance, ({ planned, attended }) => {
        const percent = completenessPercent(planned, attended);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        expect(percent === 100).toBe(attended === planned || percent === 100);
        if (attended < planned) {
          const more = Math.min(planned, attended + (Number.isInteger(planned) ? 1 : 0.01));
          expect(completenessPercent(planned, more)).toBeGreaterThanOrEqual(percent);
        }
        expect(Math.round(percent * 100) / 100).toBe(percent);
      }),
    );
  });

  it('the act is what billing posts: settled = settleMonth(monthly, completeness), settled + returned = scheduled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.option(attendance, { nil: undefined }),
        fc.boolean(),
        (certificate, family, entered, paidInFull) => {
          const contract = contractWithOctober(certificate, family, paidInFull);
          const act = contractAct(contract, '2017-10', entered);
          expect(act).toBeDefined();
          if (act === undefined) return;
          const percent =
            paidInFull || entered === undefined
              ? 100
              : completenessPercent(entered.planned, entered.attended);
          expect(act.completeness).toBe(percent);
          expect(act.settled.equals(settleMonth(act.scheduled, percent).settled)).toBe(true);
          expect(act.settled.add(act.returned).equals(act.scheduled)).toBe(true);
          expect(act.total.equals(act.settled.add(act.family))).toBe(true);
          expect(act.family.equals(kopecks(family))).toBe(true);
          // Posted on a real ledger (the reserve, the advance, then the settlement), the
          // certificate is debited exactly the act's amount and gets back the rest.
          const options = {
            completeness: entered === undefined ? {} : { [contract.id]: percent },
          };
          let ledger = ledgerWithNominal(['c1'], '100000');
          ledger = postEntries(ledger, [
            {
              id: 'reserve',
              certificateId: 'c1',
              period: '2017',
              kind: 'reserve',
              amount: act.scheduled,
            },
          ]);
          ledger = postEntries(ledger, advanceEntries([contract], '2017-10', options));
          ledger = postEntries(ledger, settlementEntries(ledger, [contract], '2017-10', options));
          const balance = balanceOf(ledger, 'c1', '2017');
          expect(balance.spent.equals(act.settled)).toBe(true);
          expect(balance.reserved.isZero()).toBe(true);
        },
      ),
    );
  });

  it('totals are the sums of the acts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 900_000 }), fc.integer({ min: 0, max: 90_000 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (months) => {
          const acts = months.flatMap(
            ([certificate, family]) =>
              contractAct(contractWithOctober(certificate, family), '2017-10') ?? [],
          );
          const totals = providerActTotals(acts);
          expect(totals.contracts).toBe(months.length);
          expect(totals.settled.add(totals.returned).equals(totals.scheduled)).toBe(true);
          expect(totals.total.equals(totals.settled.add(totals.family))).toBe(true);
        },
      ),
    );
  });

  it('planned sessions never exceed the days of the contract in the month', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        (weekdays, startDay, monthNumber) => {
          const month = `2027-${String(monthNumber).padStart(2, '0')}`;
          const start = `${month}-${String(startDay).padStart(2, '0')}`;
          const count = plannedSessions({ start, end: '2027-12-31' }, weekdays, month);
          expect(count).toBeGreaterThanOrEqual(0);
          expect(count).toBeLessThanOrEqual(31 - startDay + 1);
          if (weekdays.length === 7) expect(count).toBeGreaterThanOrEqual(28 - startDay + 1);
        },
      ),
    );
  });
});
