import { describe, expect, it } from 'vitest';
import { isoDate, Money } from '../../common/index.js';
import {
  adjustmentEntries,
  balanceLawHolds,
  balanceOf,
  billingMonthSchema,
  computeContractAmounts,
  emptyLedger,
  explainSettlement,
  financingReport,
  formatBillingMonth,
  nextMonth,
  paymentReport,
  planSettlement,
  postEntries,
  programmeSchema,
  SettlementError,
  settlementCorrection,
  terminateContract,
  type Contract,
  type Ledger,
  type SettlementAdjustment,
  type SettlementNames,
} from '../index.js';

/** Worked case 1 of the reference: 2341.33 from the certificate, 575.74 then 588.53 × 3. */
function workedContract(overrides: { start?: string; id?: string } = {}): Contract {
  const start = overrides.start ?? '2017-09-01';
  const amounts = computeContractAmounts({
    start,
    end: '2017-12-31',
    groupStart: '2017-09-01',
    groupEnd: '2017-12-31',
    price: '2614.29',
    normativeCost: '3000',
    available: '2341.33',
  });
  return {
    id: overrides.id ?? 'k1',
    certificateId: 'c1',
    period: '2017',
    programmeId: 'robotics',
    moduleId: 'm1',
    groupId: 'g1',
    providerId: 'cdt',
    direction: 'technical',
    status: 'active',
    requestedOn: isoDate('2017-08-20'),
    start: amounts.start,
    end: amounts.end,
    all: amounts.all,
    normative: amounts.normative,
    certificate: amounts.certificate,
    family: amounts.family,
    schedule: amounts.months.map((month, index) => ({
      month,
      certificate: amounts.schedule.certificate[index]?.amount ?? Money.zero(),
      family: amounts.schedule.family[index]?.amount ?? Money.zero(),
    })),
  };
}

const programme = programmeSchema.parse({
  id: 'robotics',
  name: 'Робототехника',
  providerId: 'cdt',
  fundingKind: 'funded',
  direction: 'technical',
  ageFrom: 5,
  ageTo: 17,
  hours: 144,
  groupSize: { min: 8, max: 12 },
  certification: 'certified',
  modules: [
    {
      id: 'm1',
      name: 'Модуль',
      hours: 144,
      price: '2614.29',
      normativeCost: '3000',
      groups: [
        {
          id: 'g1',
          name: 'Группа 1',
          start: '2017-09-01',
          end: '2017-12-31',
          capacity: 12,
          weekdays: [2],
        },
      ],
    },
  ],
});

const names: SettlementNames = {
  programmes: new Map([['robotics', programme]]),
  certificateNumbers: new Map([['c1', '6800000001']]),
  providerNames: new Map([['cdt', 'МБОУ ДО «Центр детского творчества»']]),
};

function reservedLedger(contract: Contract): Ledger {
  return postEntries(emptyLedger(), [
    { id: 'issue:c1', certificateId: 'c1', period: '2017', kind: 'issue', amount: Money.of(15000) },
    {
      id: `reserve:${contract.id}`,
      certificateId: 'c1',
      period: '2017',
      kind: 'reserve',
      amount: contract.certificate,
      contractId: contract.id,
    },
  ]);
}

describe('the monthly settlement, explained', () => {
  it('worked case: 588.53, advance 80 % = 470.82, completeness 90 % = 529.68, 58.86 more, 58.85 released', () => {
    const contract = workedContract();
    const plan = planSettlement({
      month: '2017-10',
      contracts: [contract],
      posted: [],
      completeness: { k1: 90 },
    });
    expect(plan.toPost.map((entry) => `${entry.id} ${entry.amount.toString()}`)).toEqual([
      'debit:advance:k1:2017-10 470.82',
      'debit:settlement:k1:2017-10 58.86',
      'release:settlement:k1:2017-10 58.85',
    ]);
    const explained = explainSettlement({
      month: '2017-10',
      contracts: [contract],
      entries: plan.entries,
      completeness: { k1: 90 },
      names,
    });
    const [line] = explained.contracts;
    expect(line).toMatchObject({ certificateNumber: '6800000001', completeness: 90 });
    expect(
      [
        line?.monthly,
        line?.advance,
        line?.settled,
        line?.settlement,
        line?.released,
        line?.family,
        line?.payer,
      ].map(String),
    ).toEqual(['588.53', '470.82', '529.68', '58.86', '58.85', '68.61', '529.68']);
    const ru = line?.steps.map((step) => step.text.ru).join('\n') ?? '';
    expect(ru).toContain('Аванс 80 % от 588,53\u00a0₽ — 470,82\u00a0₽');
    expect(ru).toContain('Полнота оказания услуги 90 % (по табелю поставщика)');
    expect(ru).toContain('588,53\u00a0₽ × 90 % = 529,68\u00a0₽');
    expect(ru).toContain('529,68\u00a0₽ − аванс 470,82\u00a0₽ = 58,86\u00a0₽');
    expect(ru).toContain('Доплата семьи за месяц — 68,61\u00a0₽');
    expect(ru).toContain('месяц 2 из 4');
    expect(ru).toContain('ограничено остатком сертификата');
    const en = line?.steps.map((step) => step.text.en).join('\n') ?? '';
    expect(en).toContain('Advance of 80 % of RUB 588.53: RUB 470.82');
    expect(explained.providers).toHaveLength(1);
    expect(explained.providers[0]?.providerName).toBe('МБОУ ДО «Центр детского творчества»');
    expect(explained.totals.payer.toString()).toBe('529.68');
    expect(explained.totals.total.toString()).toBe('598.29');

    // The ledger agrees: posting the plan, core's payment report pays the same.
    const ledger = postEntries(reservedLedger(contract), plan.toPost);
    expect(paymentReport(ledger, [contract], '2017-10').totals.payer.toString()).toBe('529.68');
    expect(balanceLawHolds(balanceOf(ledger, 'c1', '2017'))).toBe(true);
  });

  it('an advance already posted is taken from the ledger; a month posted is planned again as nothing', () => {
    const contract = workedContract();
    const first = planSettlement({ month: '2017-10', contracts: [contract], posted: [] });
    const advance = first.entries.filter((entry) => entry.id.startsWith('debit:advance:'));
    const again = planSettlement({ month: '2017-10', contracts: [contract], posted: advance });
    // At 100 % the settlement is the rest of the month (588.53 − 470.82); nothing is released.
    expect(again.toPost.map((entry) => `${entry.id} ${entry.amount.toString()}`)).toEqual([
      'debit:settlement:k1:2017-10 117.71',
    ]);
    const done = planSettlement({ month: '2017-10', contracts: [contract], posted: first.entries });
    expect(done.toPost).toEqual([]);
    expect(done.entries.map((entry) => entry.id)).toEqual(first.entries.map((entry) => entry.id));
  });

  it('a completeness below the advance refunds the difference and says so', () => {
    const contract = workedContract();
    const plan = planSettlement({
      month: '2017-10',
      contracts: [contract],
      posted: [],
      completeness: { k1: 50 },
    });
    const [line] = explainSettlement({
      month: '2017-10',
      contracts: [contract],
      entries: plan.entries,
      completeness: { k1: 50 },
      names,
    }).contracts;
    // 588.53 × 50 % = 294.265 → 294.27; the advance 470.82 is 176.55 above it.
    expect([line?.settled, line?.refunded, line?.released, line?.payer].map(String)).toEqual([
      '294.27',
      '176.55',
      '117.71',
      '294.27',
    ]);
    expect(line?.steps.map((step) => step.kind)).toContain('refund');
  });

  it('a late start is explained as pro rata; the month of a termination is paid in full', () => {
    const late = workedContract({ start: '2017-10-16' });
    const [line] = explainSettlement({
      month: '2017-10',
      contracts: [late],
      entries: planSettlement({ month: '2017-10', contracts: [late], posted: [] }).entries,
      names,
    }).contracts;
    const proRata = line?.steps.find((step) => step.kind === 'pro-rata');
    expect(proRata?.text.ru).toContain('ребёнок зачислен с 16.10.2017');
    expect(proRata?.text.ru).toContain('77 из 122');
    expect(line?.steps.find((step) => step.kind === 'monthly')?.text.ru).toContain(
      'первый месяц графика получает остаток',
    );

    const { contract: closed } = terminateContract(workedContract(), '2017-10-12', 'family');
    const plan = planSettlement({
      month: '2017-10',
      contracts: [closed],
      posted: [],
      completeness: { k1: 40 },
    });
    const [terminated] = explainSettlement({
      month: '2017-10',
      contracts: [closed],
      entries: plan.entries,
      completeness: { k1: 40 },
      names,
    }).contracts;
    expect(terminated?.paidInFull).toBe(true);
    expect(terminated?.settled.toString()).toBe('588.53');
    const kinds = terminated?.steps.map((step) => step.kind);
    expect(kinds).toContain('termination');
    expect(terminated?.steps.find((step) => step.kind === 'completeness')?.text.ru).toContain(
      'оплачивается полностью',
    );
  });

  it('a correction of a paid month: the difference, refunded or reserved then debited, in the target month', () => {
    const contract = workedContract();
    const plan = planSettlement({
      month: '2017-10',
      contracts: [contract],
      posted: [],
      completeness: { k1: 90 },
    });
    let ledger = postEntries(reservedLedger(contract), plan.toPost);
    const lower = settlementCorrection({
      contract,
      month: '2017-10',
      completeness: 80,
      posted: ledger.entries,
      previous: [],
      settledWith: 90,
    });
    expect([lower.settledBefore, lower.settledAfter, lower.amount].map(String)).toEqual([
      '529.68',
      '470.82',
      '-58.86',
    ]);
    const adjustment: SettlementAdjustment = {
      id: 'k1:2017-10:1',
      contractId: 'k1',
      certificateId: 'c1',
      period: '2017',
      providerId: 'cdt',
      month: '2017-10',
      targetMonth: '2017-11',
      completenessBefore: lower.completenessBefore,
      completenessAfter: 80,
      settledBefore: lower.settledBefore,
      settledAfter: lower.settledAfter,
      amount: lower.amount,
      reason: 'Табель исправлен',
      status: 'pending',
    };
    expect(adjustmentEntries(adjustment, 'correction')).toEqual([]);
    const november = planSettlement({
      month: '2017-11',
      contracts: [contract],
      posted: [],
      adjustments: [adjustment],
    });
    expect(november.toPost.map((entry) => entry.id)).toContain('adjust:refund:k1:2017-10:1');
    const explained = explainSettlement({
      month: '2017-11',
      contracts: [contract],
      entries: november.entries,
      adjustments: [adjustment],
      names,
    });
    const [line] = explained.contracts;
    // November: 588.53 in full, minus the 58.86 overpaid in October.
    expect([line?.settled, line?.adjustment, line?.payer].map(String)).toEqual([
      '588.53',
      '-58.86',
      '529.67',
    ]);
    expect(line?.steps.find((step) => step.kind === 'adjustment')?.text.ru).toContain(
      'Корректировка за октябрь 2017: полнота 90 % → 80 %',
    );
    ledger = postEntries(ledger, november.toPost);
    expect(paymentReport(ledger, [contract], '2017-11').totals.payer.toString()).toBe('529.67');
    expect(balanceLawHolds(balanceOf(ledger, 'c1', '2017'))).toBe(true);

    // A second correction counts the first: back to 100 % is 117.71 more, reserved at once.
    const higher = settlementCorrection({
      contract,
      month: '2017-10',
      completeness: 100,
      posted: ledger.entries,
      previous: [adjustment],
      settledWith: 90,
    });
    expect([higher.completenessBefore, higher.settledBefore, higher.amount].map(String)).toEqual([
      '80',
      '470.82',
      '117.71',
    ]);
    const second = { ...adjustment, id: 'k1:2017-10:2', amount: higher.amount };
    expect(adjustmentEntries(second, 'correction').map((entry) => entry.kind)).toEqual(['reserve']);
    expect(adjustmentEntries(second, 'payment').map((entry) => entry.kind)).toEqual(['debit']);
    ledger = postEntries(ledger, [
      ...adjustmentEntries(second, 'correction'),
      ...adjustmentEntries(second, 'payment'),
    ]);
    expect(balanceLawHolds(balanceOf(ledger, 'c1', '2017'))).toBe(true);
  });

  it('refuses a correction that changes nothing, of a month not billed, or of a termination month', () => {
    const contract = workedContract();
    const posted = planSettlement({ month: '2017-10', contracts: [contract], posted: [] }).entries;
    const input = { contract, month: '2017-10', posted, previous: [], settledWith: 100 };
    expect(() => settlementCorrection({ ...input, completeness: 100 })).toThrow(SettlementError);
    expect(() => settlementCorrection({ ...input, month: '2018-01', completeness: 50 })).toThrow(
      /ничего не начислялось/,
    );
    const { contract: closed } = terminateContract(contract, '2017-10-12', 'family');
    try {
      settlementCorrection({ ...input, contract: closed, completeness: 50 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettlementError);
      expect((error as SettlementError).reason).toBe('paid-in-full');
      expect((error as SettlementError).text.en).toContain('paid in full');
    }
  });

  it('months: the schema, the next month, the name', () => {
    expect(billingMonthSchema.safeParse('2026-10').success).toBe(true);
    for (const bad of ['2026-13', '2026-1', '26-10', '2026-00', '3026-01'])
      expect(billingMonthSchema.safeParse(bad).success).toBe(false);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
    expect(formatBillingMonth('2027-01', 'ru')).toBe('январь 2027');
    expect(formatBillingMonth('2027-01', 'en')).toBe('January 2027');
  });
});

describe('the coverage and uptake report', () => {
  it('counts children once, by direction and provider, with places and money', () => {
    const contract = workedContract();
    const second = {
      ...workedContract({ id: 'k2' }),
      certificateId: 'c2',
      status: 'requested' as const,
    };
    const report = financingReport({
      on: '2017-10-15',
      period: '2017',
      certificates: [
        { id: 'c1', birthDate: isoDate('2008-03-15'), status: 'active' },
        { id: 'c2', birthDate: isoDate('2009-03-15'), status: 'active' },
        { id: 'c3', birthDate: isoDate('2010-03-15'), status: 'active' },
        { id: 'c4', birthDate: isoDate('1999-03-15'), status: 'active' },
      ],
      contracts: [contract, second],
      programmes: [programme],
      providers: [{ id: 'cdt', name: 'ЦДТ', kind: 'municipal' }],
      paid: new Map([['k1', Money.of('575.74')]]),
    });
    expect(report.coverage.children).toBe(3); // the fourth child is 18: out of the 5–17 range
    expect(report.total).toMatchObject({
      programmes: 1,
      places: 12,
      applications: 1,
      contracts: 1,
      placesTaken: 2,
      placesShare: '16.67',
      attendingFunded: 1,
    });
    expect(report.total.paid.toString()).toBe('575.74');
    expect(report.byDirection.map((row) => row.name.ru)).toEqual(['техническая']);
    expect(report.byProvider.map((row) => row.name.ru)).toEqual(['ЦДТ']);
    expect(report.certificatesUsedShare).toBe('25.00');
    const none = financingReport({
      on: '2017-10-15',
      period: '2017',
      certificates: [],
      contracts: [contract],
      programmes: [programme],
      providers: [],
      direction: 'artistic',
    });
    expect(none.total.contracts).toBe(0);
    expect(none.byDirection).toEqual([]);
  });
});
