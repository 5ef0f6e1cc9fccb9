// The card and the contract agree: what previewEnrolment says before enrolling is exactly
// what requestEnrolment stores after, for any day, price, normative cost and balance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../../common/index.js';
import { dateOfDayNumber, dayNumber } from '../calendar.js';
import {
  balanceOf,
  emptyLedger,
  ledgerEntry,
  postEntries,
  programmeSchema,
  requestEnrolment,
  type FundingKind,
} from '../index.js';
import { activeCertificate } from '../../../test/financing-fixtures.js';
import { explainContract, explainEnrolment, previewEnrolment } from './index.js';

function programmeOf(kind: FundingKind, price: number, normative: number) {
  return programmeSchema.parse({
    id: 'p',
    name: 'Программа',
    providerId: 'cdt',
    fundingKind: kind,
    direction: 'technical',
    ageFrom: 5,
    ageTo: 18,
    hours: 72,
    groupSize: { min: 1, max: 12 },
    certification: 'certified',
    modules: [
      {
        id: 'm1',
        name: 'Модуль',
        hours: 72,
        price: Money.of(price).divide(100).toString(),
        normativeCost: Money.of(normative).divide(100).toString(),
        groups: [
          { id: 'g1', name: 'Группа 1', start: '2017-09-01', end: '2017-12-31', capacity: 30 },
        ],
      },
    ],
  });
}

describe('previewEnrolment', () => {
  it('gives the amounts requestEnrolment stores, whatever the day, price, cost and balance', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<FundingKind>('funded', 'paid', 'budget'),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.integer({ min: dayNumber('2017-06-01'), max: dayNumber('2017-12-31') }),
        (kind, price, normative, balance, day) => {
          const programme = programmeOf(kind, price, normative);
          const today = dateOfDayNumber(day);
          const ledger = postEntries(emptyLedger(), [
            ledgerEntry({
              id: 'issue',
              certificateId: 'c1',
              period: '2017',
              kind: 'issue',
              amount: Money.of(balance).divide(100).toString(),
            }),
          ]);
          const available = balanceOf(ledger, 'c1', '2017').available;
          const preview = previewEnrolment({ programme, today, available });
          const { contract } = requestEnrolment({
            contractId: 'k',
            certificate: activeCertificate('c1'),
            balance: balanceOf(ledger, 'c1', '2017'),
            programme,
            moduleId: 'm1',
            groupId: 'g1',
            requestedOn: today,
            existing: [],
          });
          expect(preview).toBeDefined();
          expect(preview?.start).toBe(contract.start);
          expect(preview?.all.toString()).toBe(contract.all.toString());
          expect(preview?.certificate.toString()).toBe(contract.certificate.toString());
          expect(preview?.family.toString()).toBe(contract.family.toString());
          expect(preview?.proRata).toBe(contract.start > '2017-09-01');
          // The cabinet explains the stored contract with the same pro-rata reason.
          const proRata = explainContract(contract, {
            fundingKind: kind,
            groupStart: '2017-09-01',
            groupEnd: '2017-12-31',
            price: programme.modules[0]?.price ?? Money.zero(),
            reserved: contract.certificate,
          }).some((reason) => reason.en.startsWith('The programme has already started'));
          expect(proRata).toBe(contract.start > '2017-09-01' && price > 0 && kind !== 'budget');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is undefined after the group ended, and says "up to" while the balance is unknown', () => {
    const programme = programmeOf('funded', 1_000_000, 800_000);
    expect(previewEnrolment({ programme, today: '2018-01-01' })).toBeUndefined();
    const preview = previewEnrolment({ programme, today: '2017-08-20' });
    expect(preview?.upTo).toBe(true);
    expect(preview?.certificate.toString()).toBe('8000.00');
    expect(preview && explainEnrolment(preview).map((reason) => reason.ru)).toEqual([
      'Сертификат оплачивает не больше нормативной стоимости — 8\u202f000,00\u00a0₽ за эти дни; разницу с ценой (2\u202f000,00\u00a0₽) доплачивает семья.',
    ]);
  });
});
