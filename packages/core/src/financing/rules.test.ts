// The rules of issue 15, section 3, in core: the weekly-hours nominal refuses what exceeds
// the hours left, and every public financing function refuses invalid input with a typed,
// bilingual ValidationError (never a raw ZodError, RangeError or TypeError).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdusetError, Money, ValidationError, isEdusetError } from '../common/index.js';
import {
  activateCertificate,
  advanceEntries,
  advanceFor,
  balanceOf,
  billKopecks,
  certificateGroupSchema,
  childAge,
  closeCertificate,
  FinancingLimitError,
  hoursBalance,
  lapseUnconfirmed,
  limitMessages,
  paymentReport,
  postEntries,
  programmeSchema,
  requestEnrolment,
  scheduledMonthKopecks,
  settleMonth,
  settlementEntries,
  splitIntoMonths,
  terminateContract,
  transitionContract,
  emptyLedger,
  type CertificateGroup,
  type Contract,
  type Programme,
} from './index.js';
import {
  activeCertificate,
  fundedProgramme,
  group2017,
  ledgerWithNominal,
} from '../../test/financing-fixtures.js';

function hoursGroup(weeklyHours: number): CertificateGroup {
  return certificateGroupSchema.parse({
    id: 'hours-5-18',
    name: 'Дети 5–18 лет (часы)',
    period: { id: '2017', start: '2017-01-01', end: '2017-12-31' },
    nominal: '10000000',
    fundedPlaces: 1000,
    unit: 'weekly-hours',
    weeklyHours,
  });
}

/** A funded programme of its own module and group, taking `hoursPerWeek` hours a week. */
function programmeOf(id: string, hoursPerWeek: number | undefined, fundingKind = 'funded') {
  return programmeSchema.parse({
    id,
    name: `Программа ${id}`,
    providerId: 'cdt',
    fundingKind,
    direction: 'technical',
    ageFrom: 5,
    ageTo: 17,
    hours: 144,
    ...(hoursPerWeek === undefined ? {} : { hoursPerWeek }),
    groupSize: { min: 8, max: 12 },
    certification: 'certified',
    modules: [
      {
        id: `${id}-m1`,
        name: 'Модуль',
        hours: 144,
        price: '100',
        normativeCost: '100',
        groups: [
          {
            id: `${id}-g1`,
            name: 'Группа',
            start: '2017-09-01',
            end: '2017-12-31',
            capacity: 100,
          },
        ],
      },
    ],
  });
}

const ledger = ledgerWithNominal(['c1'], '10000000');

function enrol(
  programme: Programme,
  existing: readonly Contract[],
  group: CertificateGroup,
  extra: { readonly weeklyHoursUsed?: number } = {},
) {
  return requestEnrolment({
    contractId: `k-${programme.id}`,
    certificate: activeCertificate('c1'),
    balance: balanceOf(ledger, 'c1', '2017'),
    programme,
    moduleId: `${programme.id}-m1`,
    groupId: `${programme.id}-g1`,
    requestedOn: '2017-08-25',
    existing,
    certificateGroup: group,
    ...extra,
  });
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FinancingLimitError) return error.limit;
    if (error instanceof ValidationError) return 'validation';
    throw error;
  }
  return 'none';
}

describe('the weekly-hours nominal', () => {
  it('takes the hours a week from the cap and refuses what exceeds the hours left', () => {
    const group = hoursGroup(6);
    const first = enrol(programmeOf('a', 4), [], group);
    expect(first.contract.weeklyHours).toBe(4);
    try {
      enrol(programmeOf('b', 4), [first.contract], group);
      expect.unreachable('4 hours more than the 2 left must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(FinancingLimitError);
      expect((error as FinancingLimitError).limit).toBe('hours-exhausted');
      const text = (error as FinancingLimitError).text;
      expect(text.ru).toContain(limitMessages['hours-exhausted'].ru);
      expect(text.ru).toContain('осталось 2 из 6');
      expect(text.en).toContain('2 of 6 are left');
    }
    // Exactly the hours left is fine: 4 + 2 = 6.
    const second = enrol(programmeOf('c', 2), [first.contract], group);
    expect(second.contract.weeklyHours).toBe(2);
    expect(
      refusal(() => enrol(programmeOf('d', 0.25), [first.contract, second.contract], group)),
    ).toBe('hours-exhausted');
  });

  it('counts fractional hours exactly: 1.5 + 1.5 + 3 = 6', () => {
    const group = hoursGroup(6);
    const a = enrol(programmeOf('a', 1.5), [], group).contract;
    const b = enrol(programmeOf('b', 1.5), [a], group).contract;
    const c = enrol(programmeOf('c', 3), [a, b], group).contract;
    expect([a, b, c].map((k) => k.weeklyHours)).toEqual([1.5, 1.5, 3]);
    expect(refusal(() => enrol(programmeOf('d', 0.01), [a, b, c], group))).toBe('hours-exhausted');
  });

  it('frees the hours of a refused, lapsed or closed contract', () => {
    const group = hoursGroup(4);
    const a = enrol(programmeOf('a', 4), [], group).contract;
    expect(refusal(() => enrol(programmeOf('b', 4), [a], group))).toBe('hours-exhausted');
    for (const status of ['refused', 'lapsed', 'closed'] as const)
      expect(refusal(() => enrol(programmeOf('b', 4), [{ ...a, status }], group))).toBe('none');
  });

  it("uses the store's counter when given (weeklyHoursUsed)", () => {
    const group = hoursGroup(6);
    expect(refusal(() => enrol(programmeOf('a', 2), [], group, { weeklyHoursUsed: 4.5 }))).toBe(
      'hours-exhausted',
    );
    expect(refusal(() => enrol(programmeOf('a', 1.5), [], group, { weeklyHoursUsed: 4.5 }))).toBe(
      'none',
    );
    expect(refusal(() => enrol(programmeOf('a', 1), [], group, { weeklyHoursUsed: -1 }))).toBe(
      'validation',
    );
  });

  it('needs the programme to state its hours a week', () => {
    expect(refusal(() => enrol(programmeOf('a', undefined), [], hoursGroup(6)))).toBe(
      'weekly-hours-unknown',
    );
  });

  it('counts only funded programmes, and only in groups that count hours', () => {
    const group = hoursGroup(2);
    const budget = enrol(programmeOf('a', 4, 'budget'), [], group).contract;
    expect(budget.weeklyHours).toBeUndefined();
    const money = enrol(programmeOf('b', 40), [], { ...group2017, fundedPlaces: 1000 }).contract;
    expect(money.weeklyHours).toBeUndefined();
  });

  it('a group counting hours must state its cap, above zero', () => {
    const base = {
      id: 'h',
      name: 'Часы',
      period: { id: '2017', start: '2017-01-01', end: '2017-12-31' },
      nominal: '0',
      fundedPlaces: 1,
      unit: 'weekly-hours',
    };
    for (const weeklyHours of [undefined, 0, -6, 1.333, 200]) {
      const result = certificateGroupSchema.safeParse({ ...base, weeklyHours });
      expect(result.success).toBe(false);
    }
    expect(certificateGroupSchema.safeParse({ ...base, weeklyHours: 6 }).success).toBe(true);
  });
});

const hundredths = (hours: number): number => Math.round(hours * 100);
/** Hours a week in quarters of an hour, as programmes state them. */
const quarterHours = (min: number, max: number) =>
  fc.integer({ min: min * 4, max: max * 4 }).map((quarters) => quarters / 4);

describe('the hours law (fast-check)', () => {
  it('live contracts never exceed the cap; a request is refused exactly when it would', () => {
    fc.assert(
      fc.property(
        quarterHours(1, 12),
        fc.array(fc.record({ hours: quarterHours(0.25, 6), drop: fc.constantFrom(-1, 0, 1, 2) }), {
          maxLength: 25,
        }),
        (cap, requests) => {
          const group = hoursGroup(cap);
          let contracts: Contract[] = [];
          requests.forEach((request, index) => {
            const used = contracts
              .filter((contract) => ['requested', 'accepted', 'active'].includes(contract.status))
              .reduce((sum, contract) => sum + hundredths(contract.weeklyHours ?? 0), 0);
            const outcome = refusal(() => {
              const { contract } = enrol(
                programmeOf(`p${String(index)}`, request.hours),
                contracts,
                group,
              );
              expect(contract.weeklyHours).toBe(request.hours);
              contracts.push(contract);
            });
            if (used + hundredths(request.hours) > hundredths(cap))
              expect(outcome).toBe('hours-exhausted');
            else expect(outcome).toBe('none');
            // Now and then a contract ends (refused, lapsed or closed) and gives its hours back.
            const dropped = contracts[request.drop];
            if (dropped !== undefined) {
              contracts = contracts.map((contract) =>
                contract === dropped ? { ...contract, status: 'refused' } : contract,
              );
            }
            const live = contracts.filter((contract) =>
              ['requested', 'accepted', 'active'].includes(contract.status),
            );
            const balance = hoursBalance(
              cap,
              live.map((contract) => contract.weeklyHours ?? 0),
            );
            expect(hundredths(balance.used)).toBeLessThanOrEqual(hundredths(cap));
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('hoursBalance adds in hundredths: used = Σ hours, available = max(0, cap − used)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16800 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 20 }),
        (capHundredths, hours) => {
          const balance = hoursBalance(
            capHundredths / 100,
            hours.map((h) => h / 100),
          );
          const used = hours.reduce((sum, h) => sum + h, 0);
          expect(hundredths(balance.used)).toBe(used);
          expect(hundredths(balance.available)).toBe(Math.max(0, capHundredths - used));
          expect(balance.cap).toBe(capHundredths / 100);
        },
      ),
    );
  });

  it('refuses negative, non-numeric and too fine hours with a ValidationError', () => {
    for (const [cap, hours] of [
      [-1, []],
      [6, [-2]],
      [6, [Number.NaN]],
      [Number.POSITIVE_INFINITY, []],
      [6, [1.333]],
    ] as const) {
      expect(() => hoursBalance(cap, hours)).toThrow(ValidationError);
    }
  });
});

function activeContract(): Contract {
  const requested = requestEnrolment({
    contractId: 'k1',
    certificate: activeCertificate('c1'),
    balance: balanceOf(ledgerWithNominal(['c1']), 'c1', '2017'),
    programme: fundedProgramme(),
    moduleId: 'm1',
    groupId: 'g1',
    requestedOn: '2017-08-25',
    existing: [],
  }).contract;
  const accepted = transitionContract(requested, 'accepted', '2017-08-28').contract;
  return transitionContract(accepted, 'active', '2017-09-01').contract;
}

/** The ValidationError a call throws (fails when it throws anything else or nothing). */
function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.message.ru).not.toBe('');
      expect(issue.message.en).not.toBe('');
      expect(issue.message.ru).not.toBe(issue.message.en);
    }
    return error as ValidationError;
  }
  return expect.unreachable('expected a ValidationError');
}

describe('validation of every public financing function', () => {
  const contract = activeContract();

  it("terminateContract refuses 'parent', a date that does not exist, and dates outside the contract", () => {
    expect(
      validationError(() => terminateContract(contract, '2017-10-12', 'parent' as never)).issues[0]
        ?.path,
    ).toEqual(['by']);
    expect(
      validationError(() => terminateContract(contract, '2017-02-30', 'family')).issues[0]?.path,
    ).toEqual(['on']);
    expect(
      validationError(() => terminateContract(contract, '12.10.2017', 'family')).issues[0]?.path,
    ).toEqual(['on']);
    const early = validationError(() => terminateContract(contract, '2017-08-31', 'family'));
    expect(early.issues[0]?.message.ru).toContain('раньше');
    expect(early.issues[0]?.message.en).toContain('before the contract starts');
    validationError(() => terminateContract(contract, '2018-01-01', 'provider'));
    // The boundaries are fine.
    expect(terminateContract(contract, '2017-09-01', 'family').contract.end).toBe('2017-09-30');
    expect(terminateContract(contract, '2017-12-31', 'provider').contract.end).toBe('2017-12-31');
  });

  it('splitIntoMonths refuses daysInFirstMonth greater than the days, and nonsense days', () => {
    const months = ['2017-09', '2017-10'];
    const total = Money.of(100);
    const error = validationError(() =>
      splitIntoMonths({ total, days: 20, daysInFirstMonth: 30, months }),
    );
    expect(error.issues[0]?.path).toEqual(['daysInFirstMonth']);
    validationError(() => splitIntoMonths({ total, days: 0, daysInFirstMonth: 0, months }));
    validationError(() => splitIntoMonths({ total, days: 40.5, daysInFirstMonth: 10, months }));
    validationError(() =>
      splitIntoMonths({ total: Money.of(-1), days: 40, daysInFirstMonth: 10, months }),
    );
    validationError(() =>
      splitIntoMonths({ total, days: 40, daysInFirstMonth: 10, months: ['2017-13'] }),
    );
  });

  it('the kopeck fast paths refuse what the exact rules refuse', () => {
    validationError(() => scheduledMonthKopecks(1000, 20, 30, 2, 0));
    validationError(() => scheduledMonthKopecks(-1, 20, 10, 2, 0));
    validationError(() => scheduledMonthKopecks(1000, 20, 10, 2, 0.5));
    validationError(() => billKopecks([100], [120]));
    validationError(() => billKopecks([-100], [100]));
    validationError(() => billKopecks([100, 200], [100]));
    validationError(() => billKopecks([100], [100], 101));
  });

  it('dates, statuses and percents are refused with a ValidationError, never a raw error', () => {
    const requested = { ...contract, status: 'requested' as const };
    validationError(() => transitionContract(requested, 'done' as never, '2017-09-01'));
    validationError(() => transitionContract(requested, 'accepted', '2017-09-31'));
    validationError(() => transitionContract(requested, 'accepted', '2017-08-01')); // before the request
    validationError(() => lapseUnconfirmed([requested], 'today', 5));
    validationError(() => lapseUnconfirmed([requested], '2017-09-01', -1));
    validationError(() => settleMonth(Money.of(100), 120));
    validationError(() => advanceFor(Money.of(100), -5));
    validationError(() => advanceEntries([contract], '2017-13'));
    validationError(() => advanceEntries([contract], '2017-09', { completeness: { k1: 150 } }));
    validationError(() => paymentReport(emptyLedger(), [contract], 'September'));
    validationError(() => childAge('2010-05-17', '2009-01-01'));
    const issued = { ...activeCertificate('c9'), status: 'issued' as const };
    validationError(() => activateCertificate(issued, '2017-02-29'));
    validationError(() => activateCertificate(issued, '2016-01-01')); // before it was issued
    validationError(() => closeCertificate(issued, '2017-05-01', 'bored' as never));
    validationError(() =>
      postEntries(emptyLedger(), [
        {
          id: 'x',
          certificateId: 'c1',
          period: '2017',
          kind: 'steal' as never,
          amount: Money.of(1),
        },
      ]),
    );
    validationError(() =>
      requestEnrolment({
        contractId: 'k9',
        certificate: activeCertificate('c1'),
        balance: balanceOf(ledger, 'c1', '2017'),
        programme: fundedProgramme(),
        moduleId: 'm1',
        groupId: 'g1',
        requestedOn: '2017-13-01',
        existing: [],
      }),
    );
  });

  it('any argument at all: a result or an eduset error, never a raw one (fast-check)', () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.constantFrom(
        '2017-02-29',
        '2017-10-12',
        '2017-13',
        '2017-09',
        'family',
        'provider',
        'parent',
      ),
      fc.double(),
      fc.integer({ min: -50, max: 200 }),
    );
    const calls: ((a: unknown, b: unknown) => unknown)[] = [
      (a, b) => terminateContract(contract, a as string, b as 'family'),
      (a, b) =>
        transitionContract({ ...contract, status: 'requested' }, a as 'accepted', b as string),
      (a, b) => lapseUnconfirmed([contract], a as string, b as number),
      (a, b) =>
        splitIntoMonths({
          total: Money.of(100),
          days: a as number,
          daysInFirstMonth: b as number,
          months: ['2017-09', '2017-10'],
        }),
      (a, b) => hoursBalance(a as number, [b as number]),
      (a) => settleMonth(Money.of(100), a as number),
      (a, b) => advanceEntries([contract], a as string, { completeness: { k1: b as number } }),
      (a, b) => scheduledMonthKopecks(1000, a as number, b as number, 3, 1),
      (a, b) => childAge(a as string, b as string),
    ];
    fc.assert(
      fc.property(fc.nat({ max: calls.length - 1 }), anything, anything, (which, a, b) => {
        try {
          calls[which]?.(a, b);
        } catch (error) {
          expect(isEdusetError(error)).toBe(true);
          expect(error).toBeInstanceOf(EdusetError);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('money moves once: billing and termination', () => {
  const contract = activeContract();
  const september = contract.schedule[0]?.certificate ?? Money.zero();
  const start = postEntries(ledgerWithNominal(['c1']), [
    {
      id: 'reserve:k1:2017',
      certificateId: 'c1',
      period: '2017',
      kind: 'reserve',
      amount: contract.certificate,
      contractId: 'k1',
    },
  ]);

  it('no advance for a month already settled, and a month is settled once', () => {
    // Settled first (no advance was paid): the whole month is debited.
    const settled = postEntries(start, settlementEntries(start, [contract], '2017-09'));
    expect(balanceOf(settled, 'c1', '2017').spent.toString()).toBe(september.toString());
    // An advance afterwards would pay the month twice: none is made.
    expect(advanceEntries([contract], '2017-09', {}, settled)).toEqual([]);
    // Settling again, even with another completeness, moves nothing.
    expect(settlementEntries(settled, [contract], '2017-09', { completeness: { k1: 50 } })).toEqual(
      [],
    );
    // Without the ledger the advance is still computed (the caller's choice).
    expect(advanceEntries([contract], '2017-09')).toHaveLength(1);
  });

  it('a termination cannot rewrite billed months', () => {
    const advanced = postEntries(start, [
      ...advanceEntries([contract], '2017-09'),
      ...advanceEntries([contract], '2017-10'),
    ]);
    // October has its advance: terminating in September would release October's reserve.
    const refused = (() => {
      try {
        terminateContract(contract, '2017-09-20', 'family', advanced);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toMatchObject({ _tag: 'ConflictError', reason: 'month-billed' });
    expect((refused as EdusetError).text.ru).toContain('2017-10');
    // In October (advanced, not settled) it is fine: October is paid in full at settlement.
    const { contract: closed } = terminateContract(contract, '2017-10-05', 'family', advanced);
    expect(closed.paidInFull).toBe('2017-10');
    // Once October is settled, a termination can start only in November.
    const settled = postEntries(advanced, settlementEntries(advanced, [contract], '2017-10'));
    expect(() => terminateContract(contract, '2017-10-20', 'provider', settled)).toThrow(
      EdusetError,
    );
    expect(terminateContract(contract, '2017-11-02', 'provider', settled).contract.end).toBe(
      '2017-11-30',
    );
  });

  it('closing before the end is a termination, not a closed transition', () => {
    validationError(() => transitionContract(contract, 'closed', '2017-10-15'));
    expect(transitionContract(contract, 'closed', '2017-12-31').contract.status).toBe('closed');
  });
});
