import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '../common/index.js';
import {
  balanceOf,
  checkAttendanceMonth,
  checkTermination,
  completenessPercent,
  contractAct,
  decisionText,
  declineReasonLabels,
  declineReasons,
  deskAttendanceBodySchema,
  deskAttendanceRecordSchema,
  deskMonthSchema,
  plannedSessions,
  providerActTotals,
  providerDeclineBodySchema,
  providerTerminateBodySchema,
  requestEnrolment,
  terminateContract,
  terminationReasonLabels,
  terminationReasons,
  transitionContract,
  type Contract,
} from './index.js';
import {
  activeCertificate,
  fundedProgramme,
  ledgerWithNominal,
} from '../../test/financing-fixtures.js';

/** An active contract over 2017-09-01 … 2017-12-31: certificate 8000, family 2000. */
function activeContract(): Contract {
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
  const accepted = transitionContract(contract, 'accepted', '2017-08-26').contract;
  return transitionContract(accepted, 'active', '2017-09-01').contract;
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.message.ru);
    throw error;
  }
  return [];
}

describe('the provider desk reasons', () => {
  it('every decline and termination reason has words in Russian and English', () => {
    for (const reason of declineReasons) {
      expect(declineReasonLabels[reason].ru).not.toBe('');
      expect(declineReasonLabels[reason].en).not.toBe('');
    }
    for (const reason of terminationReasons) {
      expect(terminationReasonLabels[reason].ru).not.toBe('');
      expect(terminationReasonLabels[reason].en).not.toBe('');
    }
  });

  it('«other» needs a note in the provider’s words; notes are trimmed and at most 500 characters', () => {
    expect(providerDeclineBodySchema.safeParse({ reason: 'other' }).success).toBe(false);
    expect(parse(providerDeclineBodySchema, { reason: 'other', note: '  ремонт зала ' }).note).toBe(
      'ремонт зала',
    );
    expect(
      providerDeclineBodySchema.safeParse({ reason: 'health', note: 'x'.repeat(501) }).success,
    ).toBe(false);
    expect(providerDeclineBodySchema.safeParse({ reason: 'whatever' }).success).toBe(false);
    expect(
      issuesOf(() => parse(providerTerminateBodySchema, { on: '2017-10-12', reason: 'other' })),
    ).toEqual(['Для причины «Другая причина» опишите её своими словами']);
    expect(
      providerTerminateBodySchema.safeParse({ on: '2017-02-30', reason: 'health' }).success,
    ).toBe(false);
  });

  it('the decision reads as the label and the note', () => {
    expect(decisionText({ kind: 'terminated', reason: 'moved-away', on: '2017-10-12' }).en).toBe(
      'The family moved away',
    );
    expect(
      decisionText({ kind: 'declined', reason: 'other', note: 'ремонт', on: '2017-08-26' }).ru,
    ).toBe('Другая причина: ремонт');
  });
});

describe('attendance and completeness', () => {
  it('completeness is attended / planned, half up to two decimals', () => {
    expect(completenessPercent(9, 7)).toBe(77.78);
    expect(completenessPercent(3, 2)).toBe(66.67);
    expect(completenessPercent(8, 8)).toBe(100);
    expect(completenessPercent(8, 0)).toBe(0);
    expect(completenessPercent(7.5, 6.25)).toBe(83.33);
  });

  it('refuses attended above planned, zero planned, fractional sessions, negatives', () => {
    expect(issuesOf(() => completenessPercent(8, 9))).toEqual([
      'Посещено не может быть больше, чем запланировано',
    ]);
    expect(issuesOf(() => completenessPercent(0, 0))[0]).toMatch(/больше нуля/);
    expect(
      deskAttendanceBodySchema.safeParse({ unit: 'sessions', planned: 8.5, attended: 8 }).success,
    ).toBe(false);
    expect(
      deskAttendanceBodySchema.safeParse({ unit: 'hours', planned: 8.5, attended: 8.25 }).success,
    ).toBe(true);
    expect(
      deskAttendanceBodySchema.safeParse({ unit: 'hours', planned: 8, attended: -1 }).success,
    ).toBe(false);
    expect(
      deskAttendanceBodySchema.safeParse({ unit: 'hours', planned: 8.125, attended: 1 }).success,
    ).toBe(false);
    expect(
      deskAttendanceRecordSchema.safeParse({
        contractId: 'k1',
        month: '2017-13',
        unit: 'sessions',
        planned: 8,
        attended: 8,
      }).success,
    ).toBe(false);
    expect(deskMonthSchema.safeParse('2017-9').success).toBe(false);
  });

  it('suggests the planned sessions from the group’s weekdays within the contract', () => {
    // Tuesdays and Thursdays of September 2026: 1, 3, 8, 10, 15, 17, 22, 24, 29.
    expect(plannedSessions({ start: '2026-09-01', end: '2027-05-31' }, [2, 4], '2026-09')).toBe(9);
    // A contract from 15 September: 15, 17, 22, 24, 29.
    expect(plannedSessions({ start: '2026-09-15', end: '2027-05-31' }, [2, 4], '2026-09')).toBe(5);
    expect(plannedSessions({ start: '2026-09-01', end: '2027-05-31' }, [], '2026-09')).toBe(0);
    expect(plannedSessions({ start: '2026-09-01', end: '2027-05-31' }, [6, 7], '2027-06')).toBe(0);
    // February 2028 has 29 days: Tuesdays 1, 8, 15, 22, 29.
    expect(plannedSessions({ start: '2027-09-01', end: '2028-05-31' }, [2], '2028-02')).toBe(5);
  });

  it('attendance is entered for an active or closed contract, within its months, once the month began', () => {
    const contract = activeContract();
    expect(() => checkAttendanceMonth(contract, '2017-09', '2017-09-30')).not.toThrow();
    expect(issuesOf(() => checkAttendanceMonth(contract, '2017-10', '2017-09-30'))).toEqual([
      'Месяц 2017-10 ещё не начался',
    ]);
    expect(issuesOf(() => checkAttendanceMonth(contract, '2018-01', '2018-02-01'))).toEqual([
      'Месяц 2018-01 не входит в срок договора',
    ]);
    expect(
      issuesOf(() =>
        checkAttendanceMonth({ ...contract, status: 'requested' }, '2017-09', '2017-09-30'),
      )[0],
    ).toMatch(/действующему или закрытому/);
  });
});

describe('termination by the provider', () => {
  it('is for an active contract, on a day within it, not in a past month', () => {
    const contract = activeContract();
    expect(() => checkTermination(contract, '2017-10-12', '2017-10-10')).not.toThrow();
    expect(() => checkTermination(contract, '2017-11-01', '2017-10-10')).not.toThrow();
    expect(issuesOf(() => checkTermination(contract, '2017-09-20', '2017-10-10'))).toEqual([
      'Дата расторжения не может быть в прошедшем месяце',
    ]);
    expect(issuesOf(() => checkTermination(contract, '2018-01-10', '2017-10-10'))[0]).toMatch(
      /в сроке договора/,
    );
    expect(
      issuesOf(() =>
        checkTermination({ ...contract, status: 'accepted' }, '2017-10-12', '2017-10-10'),
      )[0],
    ).toMatch(/только действующий/);
  });
});

describe('the monthly act', () => {
  it('reproduces the reference case: 90 % of a scheduled month, the rest returns', () => {
    const contract = activeContract();
    // October: floor2(92/122 · 8000/3) = 2010.92 for the certificate, 502.73 for the family.
    const act = contractAct(contract, '2017-10', { unit: 'sessions', planned: 10, attended: 9 });
    expect(act).toBeDefined();
    expect(act?.completeness).toBe(90);
    expect(act?.scheduled.toString()).toBe('2010.92');
    expect(act?.advance.toString()).toBe('1608.73');
    expect(act?.settled.toString()).toBe('1809.83');
    expect(act?.returned.toString()).toBe('201.09');
    expect(act?.family.toString()).toBe('502.73');
    expect(act?.total.toString()).toBe('2312.56');
  });

  it('without attendance bills 100 %, and a termination month is paid in full', () => {
    const contract = activeContract();
    const full = contractAct(contract, '2017-09');
    expect(full?.completeness).toBe(100);
    expect(full?.settled.equals(full.scheduled)).toBe(true);
    expect(full?.attendance).toBeUndefined();
    const closed = terminateContract(contract, '2017-10-12', 'provider').contract;
    const october = contractAct(closed, '2017-10', { unit: 'sessions', planned: 10, attended: 2 });
    expect(october?.paidInFull).toBe(true);
    expect(october?.completeness).toBe(100);
    expect(october?.settled.toString()).toBe('2010.92');
    expect(contractAct(closed, '2017-11')).toBeUndefined();
  });

  it('no act for a contract that does not bill: not in force, or outside its months', () => {
    const contract = activeContract();
    expect(contractAct({ ...contract, status: 'accepted' }, '2017-10')).toBeUndefined();
    expect(contractAct(contract, '2018-01')).toBeUndefined();
  });

  it('totals add the acts up; the input contract is not changed', () => {
    const contract = activeContract();
    const before = JSON.stringify(contract);
    const acts = ['2017-09', '2017-10'].flatMap((month) => contractAct(contract, month) ?? []);
    const totals = providerActTotals(acts);
    expect(totals.contracts).toBe(2);
    expect(totals.total.toString()).toBe(
      acts[0]?.total.add(acts[1]?.total ?? acts[0].total).toString(),
    );
    expect(JSON.stringify(contract)).toBe(before);
  });
});
