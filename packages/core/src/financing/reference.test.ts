// Every worked case of shared/reference/financing.md, reproduced to the kopeck.
import { describe, expect, it } from 'vitest';
import { Money } from '../common/index.js';
import {
  advanceFor,
  balanceOf,
  computeContractAmounts,
  computeNormativeCost,
  emptyLedger,
  ledgerEntry,
  parseNormativeCostDefinition,
  postEntries,
  rolloverEntries,
  settleMonth,
  splitIntoMonths,
  splitPayment,
} from './index.js';

const amounts = (list: readonly { amount: Money }[]): string[] =>
  list.map((m) => m.amount.toString());

/** The synthetic coefficients of the reference's worked case (urban and rural alike). */
const referenceCoefficients = {
  zp: 30000,
  kT: 1,
  kA: 1,
  stav: 1,
  norm: 18,
  weekMonth: '4.3',
  dop: 1,
  uvel: '0.2',
  otch: '1.302',
  otpusk: 1,
  polezn: 40,
  dir: { technical: 1000 },
  prov: 1,
  nopc: 500,
  pc: 20000,
  pk: 3,
  weekYear: 52,
};

describe('reference: normative cost', () => {
  const definition = parseNormativeCostDefinition({
    id: 'reference',
    version: '1',
    coefficients: { urban: referenceCoefficients, rural: { ...referenceCoefficients, zp: 25000 } },
  });

  it('ZP 30000, H 144, N 12 … gives NC = 7802', () => {
    const cost = computeNormativeCost(definition, {
      hours: 144,
      groupSize: 12,
      direction: 'technical',
    });
    expect(cost.value.toString()).toBe('7802.00');
    expect(cost.breakdown.premisesAndEquipment).toBe('450.000000');
    expect(cost.exact.startsWith('7802.4')).toBe(true);
    expect(cost.definition).toEqual({ id: 'reference', version: '1' });
  });

  it('the same with ZP 25000 and N 8 gives NC = 9887', () => {
    const cost = computeNormativeCost(definition, {
      hours: 144,
      groupSize: 8,
      direction: 'technical',
      location: 'rural',
    });
    expect(cost.value.toString()).toBe('9887.00');
    expect(cost.breakdown.premisesAndEquipment).toBe('675.000000');
  });

  it('averages min and max group sizes when N is not given', () => {
    const cost = computeNormativeCost(definition, {
      hours: 144,
      groupSize: { min: 10, max: 14 },
      direction: 'technical',
    });
    expect(cost.value.toString()).toBe('7802.00');
    expect(cost.breakdown.groupSize).toBe('12');
  });
});

describe('reference: contract rows', () => {
  it('case 1: 2017-09-01 … 2017-12-31, all 2614.29, balance 2341.33', () => {
    const result = computeContractAmounts({
      start: '2017-09-01',
      end: '2017-12-31',
      groupStart: '2017-09-01',
      groupEnd: '2017-12-31',
      price: '2614.29',
      normativeCost: '2614.29',
      available: '2341.33',
    });
    expect(result.days).toBe(122);
    expect(result.months).toHaveLength(4);
    expect(result.daysInFirstMonth).toBe(30);
    expect(result.all.toString()).toBe('2614.29');
    expect(result.certificate.toString()).toBe('2341.33');
    expect(result.family.toString()).toBe('272.96');
    expect(amounts(result.schedule.certificate)).toEqual(['575.74', '588.53', '588.53', '588.53']);
    expect(amounts(result.schedule.family)).toEqual(['67.13', '68.61', '68.61', '68.61']);
  });

  it('case 2: 2017-09-04 … 2017-12-31, fully covered 8792.06, certificate and price schedules', () => {
    // The group runs 2017-09-01 … 2018-05-31 (273 days) at 20 170 roubles; the contract's
    // 119 days cost ceil2(119/273 · 20170) = 8792.06.
    const result = computeContractAmounts({
      start: '2017-09-04',
      end: '2017-12-31',
      groupStart: '2017-09-01',
      groupEnd: '2018-05-31',
      price: '20170',
      normativeCost: '20170',
      available: '15000',
    });
    expect(result.days).toBe(119);
    expect(result.daysInFirstMonth).toBe(27);
    expect(result.all.toString()).toBe('8792.06');
    expect(result.certificate.toString()).toBe('8792.06');
    expect(result.family.toString()).toBe('0.00');
    expect(amounts(result.schedule.certificate)).toEqual([
      '1994.84',
      '2265.74',
      '2265.74',
      '2265.74',
    ]);
    expect(amounts(result.schedule.price)).toEqual(['1994.87', '2265.73', '2265.73', '2265.73']);
    expect(Money.sum(result.schedule.certificate.map((m) => m.amount)).toString()).toBe('8792.06');
    expect(Money.sum(result.schedule.price.map((m) => m.amount)).toString()).toBe('8792.06');
  });

  it('case 3: monthly 588.53 → advance 470.82; 90 % settles 529.68 and returns 58.85', () => {
    const monthly = Money.of('588.53');
    expect(advanceFor(monthly).toString()).toBe('470.82');
    const settlement = settleMonth(monthly, 90);
    expect(settlement.settled.toString()).toBe('529.68');
    expect(settlement.returned.toString()).toBe('58.85');
  });

  it('case 4: price 10000, normative 8000: balance 12000 → 8000 + 2000; balance 5000 → 5000 + 5000', () => {
    const rich = splitPayment({
      all: Money.of(10000),
      normative: Money.of(8000),
      available: Money.of(12000),
    });
    expect([rich.certificate.toString(), rich.family.toString()]).toEqual(['8000.00', '2000.00']);
    const poor = splitPayment({
      all: Money.of(10000),
      normative: Money.of(8000),
      available: Money.of(5000),
    });
    expect([poor.certificate.toString(), poor.family.toString()]).toEqual(['5000.00', '5000.00']);
  });

  it('case 5: rollover — 3000 lapses, next nominal 16000 with 4000 reserved leaves 12000', () => {
    let ledger = postEntries(emptyLedger(), [
      ledgerEntry({
        id: 'issue:c1:2017',
        certificateId: 'c1',
        period: '2017',
        kind: 'issue',
        amount: '15000',
      }),
      ledgerEntry({
        id: 'reserve:k0:2017',
        certificateId: 'c1',
        period: '2017',
        kind: 'reserve',
        amount: '12000',
        contractId: 'k0',
      }),
      ledgerEntry({
        id: 'debit:k0:2017',
        certificateId: 'c1',
        period: '2017',
        kind: 'debit',
        amount: '12000',
        contractId: 'k0',
      }),
    ]);
    expect(balanceOf(ledger, 'c1', '2017').available.toString()).toBe('3000.00');
    ledger = postEntries(
      ledger,
      rolloverEntries({
        from: balanceOf(ledger, 'c1', '2017'),
        nextPeriod: '2018',
        nextNominal: Money.of(16000),
        carried: [{ contractId: 'k1', amount: Money.of(4000) }],
      }),
    );
    const old = balanceOf(ledger, 'c1', '2017');
    expect(old.lapsed.toString()).toBe('3000.00');
    expect(old.available.toString()).toBe('0.00');
    const next = balanceOf(ledger, 'c1', '2018');
    expect(next.nominal.toString()).toBe('16000.00');
    expect(next.reserved.toString()).toBe('4000.00');
    expect(next.available.toString()).toBe('12000.00');
  });

  it('a one-month contract puts the whole amount in its only month', () => {
    expect(
      amounts(
        splitIntoMonths({
          total: Money.of('100.01'),
          days: 10,
          daysInFirstMonth: 10,
          months: ['2017-09'],
        }),
      ),
    ).toEqual(['100.01']);
  });
});
