import { describe, expect, it } from 'vitest';
import { ConflictError, Money } from '../common/index.js';
import {
  advanceEntries,
  balanceLawHolds,
  balanceOf,
  FinancingLimitError,
  isLimitError,
  lapseUnconfirmed,
  limitMessages,
  paymentReport,
  postEntries,
  requestEnrolment,
  settlementEntries,
  terminateContract,
  transitionContract,
  type Contract,
  type Ledger,
} from './index.js';
import {
  activeCertificate,
  fundedProgramme,
  group2017,
  ledgerWithNominal,
} from '../../test/financing-fixtures.js';

function enrol(
  ledger: Ledger,
  existing: readonly Contract[],
  id: string,
  certificateId = 'c1',
  groupId = 'g1',
  moduleId = 'm1',
) {
  return requestEnrolment({
    contractId: id,
    certificate: activeCertificate(certificateId),
    balance: balanceOf(ledger, certificateId, '2017'),
    programme: fundedProgramme(),
    moduleId,
    groupId,
    requestedOn: '2017-08-25',
    existing,
  });
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FinancingLimitError) return error.limit;
    throw error;
  }
  return 'none';
}

describe('requestEnrolment', () => {
  it('reserves min(all, normative, available) and schedules both parts', () => {
    const ledger = ledgerWithNominal(['c1']);
    const { contract, entries } = enrol(ledger, [], 'k1');
    expect(contract.status).toBe('requested');
    expect(contract.all.toString()).toBe('10000.00');
    expect(contract.certificate.toString()).toBe('8000.00');
    expect(contract.family.toString()).toBe('2000.00');
    expect(contract.schedule.map((m) => m.month)).toEqual([
      '2017-09',
      '2017-10',
      '2017-11',
      '2017-12',
    ]);
    expect(Money.sum(contract.schedule.map((m) => m.certificate)).toString()).toBe('8000.00');
    expect(entries).toHaveLength(1);
    const after = postEntries(ledger, entries);
    expect(balanceOf(after, 'c1', '2017').reserved.toString()).toBe('8000.00');
    expect(balanceOf(after, 'c1', '2017').available.toString()).toBe('7000.00');
  });

  it('refuses a second enrolment in the same module', () => {
    const ledger = ledgerWithNominal(['c1']);
    const first = enrol(ledger, [], 'k1');
    expect(
      refusal(() => enrol(postEntries(ledger, first.entries), [first.contract], 'k2', 'c1', 'g2')),
    ).toBe('duplicate-module');
  });

  it('refuses when the group is full, and the message is bilingual', () => {
    const ledger = ledgerWithNominal(['c1', 'c2', 'c3', 'c4']);
    const contracts: Contract[] = [];
    for (const id of ['c1', 'c2', 'c3'])
      contracts.push(enrol(ledger, contracts, `k-${id}`, id).contract);
    expect(refusal(() => enrol(ledger, contracts, 'k-c4', 'c4'))).toBe('group-full');
    try {
      enrol(ledger, contracts, 'k-c4', 'c4');
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as FinancingLimitError).text).toEqual(limitMessages['group-full']);
    }
  });

  it('refuses on an empty balance', () => {
    const ledger = ledgerWithNominal(['c1'], '8000');
    const first = enrol(ledger, [], 'k1');
    const after = postEntries(ledger, first.entries);
    expect(refusal(() => enrol(after, [first.contract], 'k2', 'c1', 'g3', 'm2'))).toBe(
      'empty-balance',
    );
  });

  it('refuses by the programme limit, the payer direction limit, the age and the certification', () => {
    const ledger = ledgerWithNominal(['c1', 'c2']);
    const first = enrol(ledger, [], 'k1');
    const base = {
      certificate: activeCertificate('c2'),
      balance: balanceOf(ledger, 'c2', '2017'),
      moduleId: 'm1',
      groupId: 'g2',
      requestedOn: '2017-08-25',
      existing: [first.contract],
      contractId: 'k2',
    };
    expect(
      refusal(() =>
        requestEnrolment({ ...base, programme: fundedProgramme({ maxEnrolments: 1 }) }),
      ),
    ).toBe('programme-full');
    expect(
      refusal(() =>
        requestEnrolment({
          ...base,
          programme: fundedProgramme(),
          payerLimits: { perDirection: { technical: 1 } },
        }),
      ),
    ).toBe('direction-limit');
    expect(
      refusal(() =>
        requestEnrolment({ ...base, programme: fundedProgramme({ ageFrom: 15, ageTo: 17 }) }),
      ),
    ).toBe('age-out-of-range');
    expect(
      refusal(() =>
        requestEnrolment({ ...base, programme: fundedProgramme({ certification: 'pending' }) }),
      ),
    ).toBe('not-certified');
    expect(
      refusal(() =>
        requestEnrolment({
          ...base,
          certificate: { ...base.certificate, status: 'suspended' },
          programme: fundedProgramme(),
        }),
      ),
    ).toBe('certificate-not-active');
  });

  it('turns a record certificate funded while the group has places, otherwise queues', () => {
    const ledger = ledgerWithNominal(['c1']);
    const request = {
      contractId: 'k1',
      certificate: activeCertificate('c1', 'record'),
      balance: balanceOf(ledger, 'c1', '2017'),
      programme: fundedProgramme(),
      moduleId: 'm1',
      groupId: 'g1',
      requestedOn: '2017-08-25',
      existing: [],
      certificateGroup: group2017,
    };
    expect(requestEnrolment({ ...request, fundedCount: 1 }).certificate.kind).toBe('funded');
    expect(refusal(() => requestEnrolment({ ...request, fundedCount: 2 }))).toBe(
      'funded-places-exhausted',
    );
  });

  it('budget programmes move no money; paid ones are paid by the family', () => {
    const ledger = ledgerWithNominal(['c1']);
    const common = {
      contractId: 'k1',
      certificate: activeCertificate('c1', 'record'),
      balance: balanceOf(ledger, 'c1', '2017'),
      moduleId: 'm1',
      groupId: 'g1',
      requestedOn: '2017-08-25',
      existing: [],
    };
    const budget = requestEnrolment({
      ...common,
      programme: fundedProgramme({ fundingKind: 'budget' }),
    });
    expect([budget.contract.all.toString(), budget.entries.length]).toEqual(['0.00', 0]);
    const paid = requestEnrolment({
      ...common,
      programme: fundedProgramme({ fundingKind: 'paid' }),
    });
    expect([
      paid.contract.family.toString(),
      paid.contract.certificate.toString(),
      paid.entries.length,
    ]).toEqual(['10000.00', '0.00', 0]);
  });
});

describe('contract lifecycle and billing', () => {
  function activeContract(): { ledger: Ledger; contract: Contract } {
    let ledger = ledgerWithNominal(['c1']);
    const requested = enrol(ledger, [], 'k1');
    ledger = postEntries(ledger, requested.entries);
    const accepted = transitionContract(requested.contract, 'accepted', '2017-08-28').contract;
    return { ledger, contract: transitionContract(accepted, 'active', '2017-09-01').contract };
  }

  it('refusing a request releases its reserve; closed contracts cannot move', () => {
    const ledger = ledgerWithNominal(['c1']);
    const requested = enrol(ledger, [], 'k1');
    const refused = transitionContract(requested.contract, 'refused', '2017-08-27');
    const after = postEntries(postEntries(ledger, requested.entries), refused.entries);
    expect(balanceOf(after, 'c1', '2017').available.toString()).toBe('15000.00');
    expect(() => transitionContract(refused.contract, 'active', '2017-09-01')).toThrow(
      FinancingLimitError,
    );
  });

  it('unconfirmed requests lapse after the given days', () => {
    const ledger = ledgerWithNominal(['c1']);
    const requested = enrol(ledger, [], 'k1');
    expect(lapseUnconfirmed([requested.contract], '2017-08-30', 5)).toHaveLength(0);
    const lapsed = lapseUnconfirmed([requested.contract], '2017-08-31', 5);
    expect(lapsed.map((change) => change.contract.status)).toEqual(['lapsed']);
    expect(lapsed[0]?.entries[0]?.amount.toString()).toBe('8000.00');
  });

  it('advance then settlement at 90 % debits the settled amount and returns the rest; twice pays once', () => {
    const { ledger: start, contract } = activeContract();
    const september = contract.schedule[0]?.certificate;
    expect(september?.toString()).toBe('1967.24');
    let ledger = postEntries(start, advanceEntries([contract], '2017-09'));
    expect(balanceOf(ledger, 'c1', '2017').spent.toString()).toBe('1573.79');
    const settle = settlementEntries(ledger, [contract], '2017-09', { completeness: { k1: 90 } });
    ledger = postEntries(ledger, settle);
    const again = postEntries(ledger, [
      ...advanceEntries([contract], '2017-09'),
      ...settlementEntries(ledger, [contract], '2017-09', { completeness: { k1: 90 } }),
    ]);
    expect(again).toBe(ledger);
    const balance = balanceOf(ledger, 'c1', '2017');
    expect(balance.spent.toString()).toBe('1770.52'); // 1967.24 × 0.9 = 1770.516 → 1770.52
    expect(balance.reserved.toString()).toBe('6032.76');
    expect(balanceLawHolds(balance)).toBe(true);
    const report = paymentReport(ledger, [contract], '2017-09');
    expect(report.lines).toHaveLength(1);
    expect(report.totals.advance.toString()).toBe('1573.79');
    expect(report.totals.settlement.toString()).toBe('196.73');
    expect(report.totals.payer.toString()).toBe('1770.52');
    expect(report.totals.family.toString()).toBe(contract.schedule[0]?.family.toString());
  });

  it('a settlement below the advance refunds the difference', () => {
    const { ledger: start, contract } = activeContract();
    let ledger = postEntries(start, advanceEntries([contract], '2017-09'));
    ledger = postEntries(
      ledger,
      settlementEntries(ledger, [contract], '2017-09', { completeness: { k1: 50 } }),
    );
    const balance = balanceOf(ledger, 'c1', '2017');
    expect(balance.spent.toString()).toBe('983.62'); // 1967.24 / 2
    expect(balanceLawHolds(balance)).toBe(true);
    expect(paymentReport(ledger, [contract], '2017-09').totals.refunded.toString()).toBe('590.17');
  });

  it('termination returns the later months at once and pays the current month in full', () => {
    const { ledger: start, contract } = activeContract();
    const { contract: closed, entries } = terminateContract(contract, '2017-10-12', 'family');
    expect(closed.status).toBe('closed');
    expect(closed.end).toBe('2017-10-31');
    expect(closed.schedule.map((m) => m.month)).toEqual(['2017-09', '2017-10']);
    const later = contract.schedule
      .slice(2)
      .reduce((sum, m) => sum.add(m.certificate), Money.zero());
    expect(entries[0]?.amount.toString()).toBe(later.toString());
    let ledger = postEntries(start, entries);
    expect(balanceOf(ledger, 'c1', '2017').reserved.toString()).toBe(closed.certificate.toString());
    ledger = postEntries(ledger, advanceEntries([closed], '2017-10'));
    ledger = postEntries(
      ledger,
      settlementEntries(ledger, [closed], '2017-10', { completeness: { k1: 40 } }),
    );
    const october = closed.schedule[1]?.certificate.toString();
    expect(paymentReport(ledger, [closed], '2017-10').totals.payer.toString()).toBe(october);
    expect(() => terminateContract(closed, '2017-10-20', 'provider')).toThrow(FinancingLimitError);
  });

  it('isLimitError matches reasons', () => {
    expect(isLimitError(new FinancingLimitError('group-full'), 'group-full')).toBe(true);
    expect(isLimitError(new FinancingLimitError('group-full'), 'empty-balance')).toBe(false);
    expect(isLimitError(new Error('x'))).toBe(false);
  });
});
