// The operator's steps in core: issue, status changes, conversion, moves between periods,
// versioned parameters and their preview, direction limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, Money, ValidationError } from '../common/index.js';
import {
  balanceLawHolds,
  balanceOf,
  certificateGroupSchema,
  changeCertificateStatus,
  checkDirectionLimits,
  childKey,
  computeNormativeCost,
  convertCertificate,
  emptyLedger,
  FinancingLimitError,
  isRegistryError,
  ledgerEntry,
  nextVersion,
  parametersDefinition,
  planCertificateIssue,
  planCertificateMove,
  postEntries,
  previewNormativeCost,
  RegistryError,
  type Certificate,
  type CertificateGroup,
} from './index.js';

const group = (
  id: string,
  period: [string, string, string],
  nominal: string,
  fundedPlaces = 2,
): CertificateGroup =>
  certificateGroupSchema.parse({
    id,
    name: `Дети 5–18 лет, ${period[0]}`,
    period: { id: period[0], start: period[1], end: period[2] },
    nominal,
    fundedPlaces,
  });

const y2026 = group('g-2026', ['2026-2027', '2026-09-01', '2027-08-31'], '15000');
const y2027 = group('g-2027', ['2027-2028', '2027-09-01', '2028-08-31'], '16000', 1);

function issued(id = 'c1', birthDate = '2016-04-12'): Certificate {
  return planCertificateIssue({ id, number: '6800000101', birthDate, group: y2026 }, '2026-09-01')
    .certificate;
}

const active = (id = 'c1'): Certificate =>
  changeCertificateStatus(issued(id), { action: 'activate', on: '2026-09-02' });

describe('issuing a certificate', () => {
  it('issues a record certificate and credits the nominal once, scaled by the days left', () => {
    const full = planCertificateIssue(
      { id: 'c1', number: '6800000101', birthDate: '2016-04-12', group: y2026 },
      '2026-09-01',
    );
    expect([full.certificate.kind, full.certificate.status]).toEqual(['record', 'issued']);
    expect(full.entries.map((entry) => [entry.id, entry.amount.toString()])).toEqual([
      ['issue:c1:2026-2027', '15000.00'],
    ]);
    // 1 March 2027 … 31 August 2027: 184 of 365 days → 15000 · 184 / 365 = 7561.64…
    const late = planCertificateIssue(
      { id: 'c2', number: '6800000102', birthDate: '2016-04-12', group: y2026 },
      '2027-03-01',
    );
    expect(late.nominal.toString()).toBe('7561.64');
    // Posting the issue twice credits once.
    const once = postEntries(emptyLedger(), full.entries);
    expect(postEntries(once, full.entries)).toBe(once);
  });

  it('refuses a child outside 5–17, a period that has ended and bad input', () => {
    expect(() =>
      planCertificateIssue(
        { id: 'c', number: '6800000103', birthDate: '2023-01-01', group: y2026 },
        '2026-09-01',
      ),
    ).toThrow(FinancingLimitError);
    expect(() =>
      planCertificateIssue(
        { id: 'c', number: '6800000103', birthDate: '2016-01-01', group: y2026 },
        '2027-09-01',
      ),
    ).toThrow(RegistryError);
    expect(() =>
      planCertificateIssue(
        { id: 'c', number: '12', birthDate: '2016-01-01', group: y2026 },
        '2026-09-01',
      ),
    ).toThrow(ValidationError);
  });
});

describe('status changes', () => {
  it('activate, suspend, resume, close — and nothing the state machine refuses', () => {
    const certificate = issued();
    expect(() => changeCertificateStatus(certificate, { action: 'resume' })).toThrow(
      FinancingLimitError,
    );
    const on = changeCertificateStatus(certificate, { action: 'activate', on: '2026-09-02' });
    expect([on.status, on.activatedOn]).toEqual(['active', '2026-09-02']);
    expect(() => changeCertificateStatus(on, { action: 'activate', on: '2026-09-03' })).toThrow(
      /только выданный/,
    );
    const off = changeCertificateStatus(on, { action: 'suspend' });
    expect(off.status).toBe('suspended');
    expect(changeCertificateStatus(off, { action: 'resume' }).status).toBe('active');
    const closed = changeCertificateStatus(off, {
      action: 'close',
      on: '2027-01-10',
      reason: 'moved-away',
    });
    expect([closed.status, closed.closeReason]).toEqual(['closed', 'moved-away']);
    expect(() => changeCertificateStatus(closed, { action: 'suspend' })).toThrow(
      FinancingLimitError,
    );
    expect(certificate.status).toBe('issued');
  });
});

describe('record ↔ funded', () => {
  it('takes a funded place while the group has one, gives it back when nothing is reserved', () => {
    const record = active();
    const up = convertCertificate(
      { certificate: record, group: y2026, fundedCount: 1, reserved: Money.zero() },
      'funded',
    );
    expect([up.certificate.kind, up.fundedDelta]).toEqual(['funded', 1]);
    expect(() =>
      convertCertificate(
        { certificate: record, group: y2026, fundedCount: 2, reserved: Money.zero() },
        'funded',
      ),
    ).toThrow(/funded places|закончились/);
    const again = convertCertificate(
      { certificate: up.certificate, group: y2026, fundedCount: 2, reserved: Money.zero() },
      'funded',
    );
    expect(again.fundedDelta).toBe(0);
    const down = convertCertificate(
      { certificate: up.certificate, group: y2026, fundedCount: 2, reserved: Money.zero() },
      'record',
    );
    expect([down.certificate.kind, down.fundedDelta]).toEqual(['record', -1]);
    expect(record.kind).toBe('record');
  });

  it('refuses going back to record while money is reserved, and an inactive certificate', () => {
    const funded = { ...active(), kind: 'funded' as const };
    let refusal: unknown;
    try {
      convertCertificate(
        { certificate: funded, group: y2026, fundedCount: 1, reserved: Money.of('1200.50') },
        'record',
      );
    } catch (error) {
      refusal = error;
    }
    expect(isRegistryError(refusal, 'has-reserve')).toBe(true);
    expect((refusal as RegistryError).text.ru).toContain('1\u202f200,50');
    expect(() =>
      convertCertificate(
        { certificate: issued(), group: y2026, fundedCount: 0, reserved: Money.zero() },
        'funded',
      ),
    ).toThrow(/не активен|not active/);
  });
});

describe('moving to next year', () => {
  const balance = (available: string) =>
    balanceOf(
      postEntries(emptyLedger(), [
        ledgerEntry({
          id: 'issue:c1:2026-2027',
          certificateId: 'c1',
          period: '2026-2027',
          kind: 'issue',
          amount: '15000',
        }),
        ...(Number(available) < 15000
          ? [
              ledgerEntry({
                id: 'reserve:k1:2026-2027',
                certificateId: 'c1',
                period: '2026-2027',
                kind: 'reserve',
                amount: String(15000 - Number(available)),
              }),
            ]
          : []),
      ]),
      'c1',
      '2026-2027',
    );

  it('lapses the unspent balance, issues the new nominal, keeps the reserve in the old period', () => {
    const move = planCertificateMove(
      {
        certificate: { ...active(), kind: 'funded' },
        from: y2026,
        balance: balance('3000'),
        to: y2027,
        toFundedCount: 0,
      },
      '2027-09-01',
    );
    expect(move.entries.map((entry) => [entry.id, entry.kind, entry.amount.toString()])).toEqual([
      ['lapse:c1:2026-2027', 'lapse', '3000.00'],
      ['issue:c1:2027-2028', 'issue', '16000.00'],
    ]);
    expect([move.certificate.groupId, move.certificate.kind]).toEqual(['g-2027', 'funded']);
    expect([move.fundedFrom, move.fundedTo, move.moved]).toEqual([-1, 1, true]);
    // Reference case 5: 3000 lapse; the 12 000 reserved in 2026-2027 stays there.
    const ledger = postEntries(
      postEntries(emptyLedger(), [
        ledgerEntry({
          id: 'issue:c1:2026-2027',
          certificateId: 'c1',
          period: '2026-2027',
          kind: 'issue',
          amount: '15000',
        }),
        ledgerEntry({
          id: 'reserve:k1:2026-2027',
          certificateId: 'c1',
          period: '2026-2027',
          kind: 'reserve',
          amount: '12000',
        }),
      ]),
      move.entries,
    );
    expect(balanceOf(ledger, 'c1', '2026-2027').reserved.toString()).toBe('12000.00');
    expect(balanceOf(ledger, 'c1', '2026-2027').available.toString()).toBe('0.00');
    expect(balanceOf(ledger, 'c1', '2027-2028').available.toString()).toBe('16000.00');
    // Repeating the movements posts nothing.
    expect(postEntries(ledger, move.entries)).toBe(ledger);
  });

  it('a funded certificate without a funded place next year moves as a record one', () => {
    const move = planCertificateMove(
      {
        certificate: { ...active(), kind: 'funded' },
        from: y2026,
        balance: balance('0'),
        to: y2027,
        toFundedCount: 1,
      },
      '2027-10-01',
    );
    expect(move.certificate.kind).toBe('record');
    expect([move.fundedFrom, move.fundedTo]).toEqual([-1, 0]);
    expect(move.entries.map((entry) => entry.kind)).toEqual(['issue']);
    // 1 October 2027 … 31 August 2028: 336 of 366 days of 16 000.
    expect(move.issued.toString()).toBe('14688.52');
  });

  it('refuses an earlier group, a day outside the new period, a closed certificate, an aged-out child', () => {
    const certificate = active();
    const from = balance('15000');
    const refusal = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        return (error as { reason?: string; limit?: string }).reason ?? 'none';
      }
      return 'none';
    };
    expect(
      refusal(() =>
        planCertificateMove(
          {
            certificate: { ...certificate, groupId: 'g-2027' },
            from: y2027,
            balance: from,
            to: y2026,
            toFundedCount: 0,
          },
          '2027-09-01',
        ),
      ),
    ).toBe('period-not-later');
    expect(
      refusal(() =>
        planCertificateMove(
          { certificate, from: y2026, balance: from, to: y2027, toFundedCount: 0 },
          '2027-08-31',
        ),
      ),
    ).toBe('move-outside-period');
    expect(
      refusal(() =>
        planCertificateMove(
          {
            certificate: { ...certificate, status: 'closed' },
            from: y2026,
            balance: from,
            to: y2027,
            toFundedCount: 0,
          },
          '2027-09-01',
        ),
      ),
    ).toBe('certificate-closed');
    expect(() =>
      planCertificateMove(
        {
          certificate: { ...certificate, birthDate: isoDate('2009-08-01') },
          from: y2026,
          balance: from,
          to: y2027,
          toFundedCount: 0,
        },
        '2027-09-01',
      ),
    ).toThrow(FinancingLimitError);
    const already = planCertificateMove(
      {
        certificate: { ...certificate, groupId: 'g-2027' },
        from: y2026,
        balance: from,
        to: y2027,
        toFundedCount: 0,
      },
      '2027-09-01',
    );
    expect([already.moved, already.entries.length]).toEqual([false, 0]);
  });

  it('property: any old balance, any day of the new period — the balance law holds, only the available part lapses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.integer({ min: 0, max: 365 }),
        (availableKopecks, reservedKopecks, dayOffset) => {
          const issuedAmount = Money.of((availableKopecks + reservedKopecks) / 100);
          const entries = [
            ...(issuedAmount.isZero()
              ? []
              : [
                  ledgerEntry({
                    id: 'issue:c1:2026-2027',
                    certificateId: 'c1',
                    period: '2026-2027',
                    kind: 'issue',
                    amount: issuedAmount.toString(),
                  }),
                ]),
            ...(reservedKopecks === 0
              ? []
              : [
                  ledgerEntry({
                    id: 'reserve:k:2026-2027',
                    certificateId: 'c1',
                    period: '2026-2027',
                    kind: 'reserve',
                    amount: (reservedKopecks / 100).toFixed(2),
                  }),
                ]),
          ];
          const before = postEntries(emptyLedger(), entries);
          const day = new Date(Date.UTC(2027, 8, 1 + dayOffset)).toISOString().slice(0, 10);
          const move = planCertificateMove(
            {
              certificate: active(),
              from: y2026,
              balance: balanceOf(before, 'c1', '2026-2027'),
              to: y2027,
              toFundedCount: 0,
            },
            day,
          );
          const after = postEntries(before, move.entries);
          const old = balanceOf(after, 'c1', '2026-2027');
          const next = balanceOf(after, 'c1', '2027-2028');
          expect(balanceLawHolds(old) && balanceLawHolds(next)).toBe(true);
          expect(old.available.isZero()).toBe(true);
          expect(old.reserved.toString()).toBe((reservedKopecks / 100).toFixed(2));
          expect(move.lapsed.toString()).toBe((availableKopecks / 100).toFixed(2));
          expect(next.available.compare(Money.of(16000))).toBeLessThanOrEqual(0);
          expect(next.available.equals(move.issued)).toBe(true);
          expect(postEntries(after, move.entries)).toBe(after);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parameters and limits', () => {
  const coefficients = {
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

  it('numbers versions one after another and refuses a change made from an old version', () => {
    expect(nextVersion([], 0)).toBe(1);
    expect(nextVersion([{ version: 1 }, { version: 2 }], 2)).toBe(3);
    let refusal: unknown;
    try {
      nextVersion([{ version: 1 }, { version: 2 }], 1);
    } catch (error) {
      refusal = error;
    }
    expect(isRegistryError(refusal, 'version-moved')).toBe(true);
    expect((refusal as RegistryError).text.ru).toContain('действует версия 2');
  });

  it('previews the reference case: 7802 ₽ under version 1, 9887 ₽ with ZP 25000 and N 8', () => {
    const current = parametersDefinition('2026-2027', 1, {
      coefficients: { urban: coefficients, rural: coefficients },
    });
    expect([current.id, current.version]).toEqual(['normative-cost:2026-2027', '1']);
    const proposed = parametersDefinition('2026-2027', 2, {
      coefficients: { urban: { ...coefficients, zp: 25000 }, rural: coefficients },
    });
    const preview = previewNormativeCost(
      proposed,
      { hours: 144, groupSize: 8, direction: 'technical' },
      current,
    );
    expect(preview.proposed.value.toString()).toBe('9887.00');
    expect(preview.proposed.definition.version).toBe('2');
    expect(preview.current?.value.toString()).toBe(
      computeNormativeCost(current, {
        hours: 144,
        groupSize: 8,
        direction: 'technical',
      }).value.toString(),
    );
    expect(preview.difference?.toString()).toBe(
      preview.proposed.value.subtract(preview.current?.value ?? Money.zero()).toString(),
    );
    const byDirection = Object.fromEntries(
      preview.byDirection.map((row) => [row.direction, row.proposed?.toString() ?? null]),
    );
    expect(byDirection).toMatchObject({ technical: '9887.00', artistic: null });
    const first = previewNormativeCost(
      current,
      { hours: 144, groupSize: 12, direction: 'technical' },
      null,
    );
    expect([first.proposed.value.toString(), first.current, first.difference]).toEqual([
      '7802.00',
      null,
      null,
    ]);
  });

  it('refuses bad coefficients with every problem listed', () => {
    let refusal: unknown;
    try {
      parametersDefinition('2026-2027', 1, {
        coefficients: { urban: { ...coefficients, zp: 0, norm: -1 }, rural: coefficients },
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ValidationError);
    const paths = (refusal as ValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['coefficients.urban.zp', 'coefficients.urban.norm']),
    );
  });

  it('refuses a limit below the enrolments already counted, naming the direction', () => {
    expect(() =>
      checkDirectionLimits({ technical: 5 }, { technical: 5, artistic: 9 }),
    ).not.toThrow();
    expect(() =>
      checkDirectionLimits({ technical: 4, artistic: 8 }, { technical: 5, artistic: 9 }),
    ).toThrow(/техническая — 4 < 5; художественная — 8 < 9/);
  });

  it('knows one child by name and birth date, whatever the spelling of spaces, case and ё', () => {
    expect(childKey('  Пётр   ИВАНОВ', '2016-04-12')).toBe(childKey('петр иванов', '2016-04-12'));
    expect(childKey('Пётр Иванов', '2016-04-12')).not.toBe(childKey('Пётр Иванов', '2016-04-13'));
  });
});
