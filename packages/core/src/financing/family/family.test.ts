import { describe, expect, it } from 'vitest';
import { ConflictError, Money, ValidationError } from '../../common/index.js';
import { instant } from '../../schedule/instant.js';
import {
  activateCertificate,
  balanceOf,
  certificateGroupSchema,
  issueCertificate,
  ledgerEntry,
  emptyLedger,
  postEntries,
  requestEnrolment,
  transitionContract,
  type Contract,
} from '../index.js';
import { activeCertificate, fundedProgramme } from '../../../test/financing-fixtures.js';
import {
  activateByFamily,
  certificateApplicationView,
  confirmCertificateApplication,
  endContractByFamily,
  eraseCertificateApplication,
  explainContract,
  explainEnrolment,
  FamilyRefusal,
  familyMayChange,
  formatCivilDate,
  formatMonth,
  monthPayments,
  previewEnrolment,
  refuseCertificateApplication,
  submitCertificateApplication,
  withdrawCertificateApplication,
  withdrawEnrolment,
} from './index.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConflictError) return error.reason;
    throw error;
  }
  return 'none';
}

function requested(requestedOn = '2017-10-05', available = '15000'): Contract {
  const ledger = postEntries(emptyLedger(), [
    ledgerEntry({ id: 'i', certificateId: 'c1', period: '2017', kind: 'issue', amount: available }),
  ]);
  return requestEnrolment({
    contractId: 'k1',
    certificate: activeCertificate('c1'),
    balance: balanceOf(ledger, 'c1', '2017'),
    programme: fundedProgramme(),
    moduleId: 'm1',
    groupId: 'g2',
    requestedOn,
    existing: [],
  }).contract;
}

const context = {
  fundingKind: 'funded' as const,
  groupStart: '2017-09-01',
  groupEnd: '2017-12-31',
  price: Money.of('10000'),
};

describe('the card and the contract say the same amount (issue 15: 495 ₽ vs 320.93 ₽)', () => {
  it('a programme joined after it started is previewed and stored pro rata, with the reason', () => {
    const programme = fundedProgramme();
    const preview = previewEnrolment({
      programme,
      today: '2017-10-05',
      available: Money.of(15000),
      groupId: 'g2',
    });
    const contract = requested();
    expect(preview?.all.toString()).toBe(contract.all.toString());
    expect(preview?.all.toString()).toBe('7213.12'); // 10 000 × 88 / 122, rounded up
    expect(preview?.fullPrice.toString()).toBe('10000.00');
    expect(preview && explainEnrolment(preview)[0]?.ru).toBe(
      'Программа уже идёт: занятия группы с 1 сентября 2017 по 31 декабря 2017, а договор — с 5 октября 2017. ' +
        'Оплачиваются только дни договора — 88 дней из 122: 10\u202f000,00\u00a0₽ × 88 / 122 = 7\u202f213,12\u00a0₽.',
    );
  });
});

describe('the family withdraws a request, ends a contract', () => {
  it('withdraws a request before the provider accepts it: refused by the family, reserve released', () => {
    const contract = requested();
    expect(familyMayChange(contract)).toEqual({ withdraw: true, end: false });
    const { contract: withdrawn, entries } = withdrawEnrolment(contract, '2017-10-06');
    expect(withdrawn.status).toBe('refused');
    expect(withdrawn.closedBy).toBe('family');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.kind).toBe('release');
    expect(entries[0]?.amount.toString()).toBe(contract.certificate.toString());
    expect(
      explainContract(withdrawn, { ...context, reserved: contract.certificate }),
    ).toContainEqual({
      ru: 'Вы отозвали заявку 6 октября 2017; резерв сертификата снят.',
      en: "You withdrew the request on 6 October 2017; the certificate's reserve was released.",
    });
    expect(contract.status).toBe('requested'); // the input is not changed
  });

  it('refuses to withdraw after acceptance, with a typed bilingual reason', () => {
    const accepted = transitionContract(requested(), 'accepted', '2017-10-06').contract;
    expect(refusal(() => withdrawEnrolment(accepted, '2017-10-07'))).toBe('already-accepted');
    const active = transitionContract(accepted, 'active', '2017-10-07').contract;
    expect(refusal(() => withdrawEnrolment(active, '2017-10-08'))).toBe('already-accepted');
    const closed = withdrawEnrolment(requested(), '2017-10-06').contract;
    expect(refusal(() => withdrawEnrolment(closed, '2017-10-07'))).toBe('not-withdrawable');
    try {
      withdrawEnrolment(accepted, '2017-10-07');
    } catch (error) {
      expect(error).toBeInstanceOf(FamilyRefusal);
      expect((error as FamilyRefusal).text.ru).toMatch(/уже приняла заявку/);
      expect((error as FamilyRefusal).text.en).toMatch(/already accepted/);
    }
  });

  it('ends an active contract from next month: the month paid in full, later ones released and explained', () => {
    const contract = requested();
    const active = transitionContract(
      transitionContract(contract, 'accepted', '2017-10-06').contract,
      'active',
      '2017-10-07',
    ).contract;
    expect(refusal(() => endContractByFamily(contract, '2017-10-20'))).toBe('not-active');
    expect(familyMayChange(active)).toEqual({ withdraw: false, end: true });
    const { contract: ended, entries } = endContractByFamily(active, '2017-11-12');
    expect(ended.status).toBe('closed');
    expect(ended.end).toBe('2017-11-30');
    expect(ended.schedule.map((month) => month.month)).toEqual(['2017-10', '2017-11']);
    const back = entries[0]?.amount ?? Money.zero();
    expect(back.add(ended.certificate).toString()).toBe(contract.certificate.toString());
    const reasons = explainContract(ended, { ...context, reserved: contract.certificate });
    expect(reasons[2]?.ru).toContain(`${back.format('ru')} вернулись на сертификат`);
    expect(reasons.map((reason) => reason.en)).toEqual([
      expect.stringContaining("Only the contract's days are paid — 88 of 122"),
      expect.stringContaining('The certificate pays at most the normative cost'),
      expect.stringContaining('the last month is November 2017, paid in full'),
    ]);
  });
});

describe('the months of a contract with what was paid', () => {
  it('counts debits less refunds per month and explains a settlement below the schedule', () => {
    const contract = requested('2017-09-01');
    const [first, second] = contract.schedule;
    if (!first || !second) throw new Error('schedule');
    const base = {
      certificateId: 'c1',
      period: '2017',
      contractId: contract.id,
      providerId: 'cdt',
    };
    const advance = first.certificate.multiply(80).divide(100).round('down');
    const entries = [
      {
        ...base,
        id: `debit:advance:${contract.id}:${first.month}`,
        kind: 'debit' as const,
        amount: advance,
        month: first.month,
      },
      {
        ...base,
        id: `refund:settlement:${contract.id}:${first.month}`,
        kind: 'refund' as const,
        amount: Money.of('100'),
        month: first.month,
      },
      {
        ...base,
        id: `release:settlement:${contract.id}:${first.month}`,
        kind: 'release' as const,
        amount: first.certificate.subtract(advance).add(Money.of(100)),
        month: first.month,
      },
      {
        ...base,
        id: `debit:advance:${contract.id}:${second.month}`,
        kind: 'debit' as const,
        amount: Money.of('10'),
        month: second.month,
      },
      {
        ...base,
        id: 'debit:advance:other:2017-09',
        contractId: 'other',
        kind: 'debit' as const,
        amount: Money.of('999'),
        month: first.month,
      },
    ];
    const months = monthPayments(contract, entries);
    expect(months).toHaveLength(contract.schedule.length);
    expect(months[0]?.paid.toString()).toBe(advance.subtract(Money.of(100)).toString());
    expect(months[0]?.settled).toBe(true);
    expect(months[0]?.note?.ru).toMatch(
      /^сентябрь 2017: оплачено по фактически проведённым занятиям/,
    );
    expect(months[1]?.settled).toBe(false);
    expect(months[1]?.note).toBeUndefined();
    expect(months[2]?.paid.isZero()).toBe(true);
  });
});

describe('certificate applications', () => {
  const group = certificateGroupSchema.parse({
    id: 'michurinsk-5-18',
    name: 'Дети 5–18 лет',
    period: { id: '2026-2027', start: '2026-09-01', end: '2027-08-31' },
    nominal: '15000',
    fundedPlaces: 800,
  });
  const form = {
    childName: 'Иванов Пётр Сергеевич',
    birthDate: '2016-04-12',
    address: 'г. Мичуринск, ул. Советская, д. 1',
    email: 'ivanova@example.ru',
    consentVersion: '2026-12-01',
    personalDataConsent: true,
  };
  const at = instant('2026-10-05T07:00:00Z');
  const submitted = submitCertificateApplication(form, { id: 'A1', at, today: '2026-10-05' });

  it('takes the form, refuses a child outside 5–17 and an invalid form in Russian and English', () => {
    expect(submitted.status).toBe('submitted');
    expect(submitted.childName).toBe('Иванов Пётр Сергеевич');
    expect(
      refusal(() =>
        submitCertificateApplication(
          { ...form, birthDate: '2022-01-01' },
          { id: 'A2', at, today: '2026-10-05' },
        ),
      ),
    ).toBe('age-out-of-range');
    try {
      submitCertificateApplication(
        { ...form, email: 'нет', personalDataConsent: false, childName: '123' },
        { id: 'A3', at, today: '2026-10-05' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      expect(issues.map((issue) => issue.path[0]).sort()).toEqual([
        'childName',
        'email',
        'personalDataConsent',
      ]);
      for (const issue of issues) expect(issue.message.ru).toMatch(/[а-я]/);
    }
  });

  it('confirms: a record certificate issued with the nominal for the days left, once', () => {
    const { application, certificate, issue } = confirmCertificateApplication(submitted, {
      certificateId: 'app-A1',
      number: '6800500001',
      group,
      on: '2026-10-06',
      at: instant('2026-10-06T08:00:00Z'),
      by: 'Оператор',
    });
    expect(application.status).toBe('confirmed');
    expect(application.certificateNumber).toBe('6800500001');
    expect(certificate).toMatchObject({
      kind: 'record',
      status: 'issued',
      birthDate: '2016-04-12',
    });
    // 15 000 × 330 / 365 days left of the period, rounded down to the kopeck.
    expect(issue.amount.toString()).toBe('13561.64');
    expect(issue.id).toBe('issue:app-A1:2026-2027');
    const decision = {
      certificateId: 'x',
      number: '6800500002',
      group,
      on: '2026-10-07',
      at,
      by: 'x',
    };
    expect(refusal(() => confirmCertificateApplication(application, decision))).toBe(
      'application-decided',
    );
    expect(
      refusal(() => confirmCertificateApplication(submitted, { ...decision, on: '2027-09-01' })),
    ).toBe('no-certificate-group');
    expect(certificateApplicationView(application)).toEqual({
      id: 'A1',
      status: 'confirmed',
      submittedAt: at,
      decidedAt: '2026-10-06T08:00:00.000Z',
      certificateNumber: '6800500001',
    });
    expect(activateByFamily(certificate, '2026-10-07').status).toBe('active');
    expect(
      refusal(() => activateByFamily(activateCertificate(certificate, '2026-10-07'), '2026-10-08')),
    ).toBe('not-activatable');
  });

  it('refuses with a reason; withdraws and erases the personal data; erases only decided ones', () => {
    const refused = refuseCertificateApplication(submitted, {
      reason: 'Адрес вне города',
      at,
      by: 'О',
    });
    expect(certificateApplicationView(refused).refusalReason).toBe('Адрес вне города');
    expect(refusal(() => eraseCertificateApplication(submitted, at))).toBe(
      'application-not-decided',
    );
    const erased = eraseCertificateApplication(refused, at);
    expect([erased.childName, erased.birthDate, erased.address, erased.email]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(erased.refusalReason).toBe('Адрес вне города');
    const withdrawn = withdrawCertificateApplication(submitted, at);
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.email).toBeUndefined();
    expect(refusal(() => withdrawCertificateApplication(withdrawn, at))).toBe(
      'application-decided',
    );
    expect(submitted.email).toBe('ivanova@example.ru'); // not mutated
  });

  it('issues nothing to a child who is too old on the day of the decision', () => {
    const old = submitCertificateApplication(
      { ...form, birthDate: '2008-10-06' },
      { id: 'A4', at, today: '2026-10-05' },
    );
    expect(
      refusal(() =>
        confirmCertificateApplication(old, {
          certificateId: 'app-A4',
          number: '6800500004',
          group,
          on: '2026-10-06',
          at,
          by: 'О',
        }),
      ),
    ).toBe('age-out-of-range');
  });
});

describe('words', () => {
  it('writes dates and months for people', () => {
    expect(formatCivilDate('2026-10-05', 'ru')).toBe('5 октября 2026');
    expect(formatCivilDate('2026-10-05', 'en')).toBe('5 October 2026');
    expect(formatMonth('2027-01', 'ru')).toBe('январь 2027');
    expect(issueCertificate).toBeTypeOf('function');
  });
});
