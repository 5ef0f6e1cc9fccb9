// The financing docs (docs/ru/financing.md, docs/en/financing.md) write every formula out with
// worked examples: this test recomputes those numbers with the code, and checks that the JSON
// example of another region's rules is examples/data/tutaev-financing-rules.json and passes
// the schemas, so neither can rot.
import { readFileSync } from 'node:fs';
import {
  activateCertificate,
  advanceFor,
  balanceOf,
  computeContractAmounts,
  computeNormativeCost,
  emptyLedger,
  financingPeriodSchema,
  FinancingLimitError,
  issueCertificate,
  ledgerEntry,
  Money,
  parseFinancingRules,
  parseNormativeCostDefinition,
  postEntries,
  programmeSchema,
  requestEnrolment,
  scaledNominal,
  settleMonth,
  settlementEntries,
  type CertificateGroup,
  type Contract,
} from '@eduset/core';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const docs = { ru: read('../../docs/ru/financing.md'), en: read('../../docs/en/financing.md') };
const rulesFile = JSON.parse(read('./tutaev-financing-rules.json')) as unknown;
const michurinsk = JSON.parse(read('./michurinsk-financing.json')) as { normativeCost: unknown };

/** The ```json block of a doc: the example of another region's rules. */
function jsonBlock(doc: string): unknown {
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]?.[1] ?? '') as unknown;
}

/** Text with every run of white space as one space (docs align columns and wrap lines). */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

function expectInBothDocs(...texts: readonly string[]): void {
  for (const text of texts) {
    expect(flat(docs.ru)).toContain(flat(text));
    expect(flat(docs.en)).toContain(flat(text));
  }
}

describe('another region’s rules (tutaev-financing-rules.json)', () => {
  it('passes the schemas: a normative-cost definition, certificate groups, direction limits', () => {
    const rules = parseFinancingRules(rulesFile);
    expect(rules.certificateGroups.map((group) => [group.unit, group.weeklyHours])).toEqual([
      ['weekly-hours', 6],
      ['money', undefined],
    ]);
  });

  it('is the JSON block of both docs, exactly', () => {
    expect(jsonBlock(docs.ru)).toEqual(rulesFile);
    expect(jsonBlock(docs.en)).toEqual(rulesFile);
  });

  it('gives the normative costs the docs quote', () => {
    const { normativeCost } = parseFinancingRules(rulesFile);
    const technical = computeNormativeCost(normativeCost, {
      hours: 144,
      groupSize: 10,
      direction: 'technical',
    });
    const { breakdown } = technical;
    expect(technical.value.toString()).toBe('14811.00');
    expectInBothDocs(
      `${breakdown.teachers} + ${breakdown.premisesAndEquipment} + ${breakdown.professionalDevelopment} = ${technical.exact} → NC = 14811`,
    );
    const rural = computeNormativeCost(normativeCost, {
      hours: 144,
      groupSize: { min: 6, max: 10 },
      direction: 'artistic',
      location: 'rural',
    });
    expect(rural.value.toString()).toBe('15830.00');
    expectInBothDocs('NC = 15830');
  });
});

describe('the worked examples of the docs match the code', () => {
  it('normative cost (Michurinsk demo coefficients): 9507', () => {
    const cost = computeNormativeCost(parseNormativeCostDefinition(michurinsk.normativeCost), {
      hours: 144,
      groupSize: { min: 8, max: 12 },
      direction: 'technical',
    });
    expect(cost.value.toString()).toBe('9507.00');
    expectInBothDocs(
      `= ${cost.breakdown.teachers}`,
      `=  ${cost.breakdown.premisesAndEquipment}`,
      `=  ${cost.breakdown.professionalDevelopment}`,
      cost.exact,
      '= 9507',
    );
  });

  const amounts = computeContractAmounts({
    start: '2026-10-15',
    end: '2027-05-31',
    groupStart: '2026-09-01',
    groupEnd: '2027-05-31',
    price: '11000',
    normativeCost: '9507',
    available: '15000',
  });

  it('pro-rata months: 229 of 273 days, certificate 7974.74, family 1252.37', () => {
    expect([
      amounts.days,
      amounts.groupDays,
      amounts.months.length,
      amounts.daysInFirstMonth,
    ]).toEqual([229, 273, 8, 17]);
    expectInBothDocs(
      'days        = 2026-10-15 … 2027-05-31 = 229, groupDays = 273, months = 8, daysInFirstMonth = 17',
      `ceil2(229/273 · 11000) = ceil2(9227.106…) = ${amounts.all.toString()}`,
      `ceil2(229/273 · 9507)  = ceil2(7974.736…) = ${amounts.normative.toString()}`,
      `min(9227.11, 7974.74, 15000) = ${amounts.certificate.toString()}`,
      `9227.11 − 7974.74 = ${amounts.family.toString()}`,
    );
    const [firstCertificate, otherCertificate] = amounts.schedule.certificate.map((m) =>
      m.amount.toString(),
    );
    const [firstFamily, otherFamily] = amounts.schedule.family.map((m) => m.amount.toString());
    expectInBothDocs(
      `floor2(212/229 · 7974.74 / 7) = ${String(otherCertificate)}`,
      `7974.74 − 7·1054.67 = ${String(firstCertificate)}`,
      `floor2(212/229 · 1252.37 / 7) = ${String(otherFamily)}`,
      `1252.37 − 7·165.62 = ${String(firstFamily)}`,
    );
    const scaled = scaledNominal(
      Money.of(15000),
      financingPeriodSchema.parse({ id: '2026-2027', start: '2026-09-01', end: '2027-08-31' }),
      '2027-01-10',
    );
    expectInBothDocs(`floor2(15000 · 234/365) = ${scaled.toString()}`);
  });

  it('advance and settlement of November: 843.73; 90 % and 75 %', () => {
    const monthly = amounts.schedule.certificate[1]?.amount ?? Money.zero();
    expect(monthly.toString()).toBe('1054.67');
    const advance = advanceFor(monthly);
    expectInBothDocs(`floor2(843.736) = ${advance.toString()}`);
    for (const [completeness, line] of [
      [90, ['949.203', '949.20', '105.47', '105.47']],
      [75, ['791.0025', '791.00', '52.73', '210.94']],
    ] as const) {
      const { settled } = settleMonth(monthly, completeness);
      expect(settled.toString()).toBe(line[1]);
      // The movements the settlement posts, as the docs list them.
      const contract = {
        id: 'k1',
        certificateId: 'c1',
        period: '2026-2027',
        providerId: 'cdt',
        status: 'active',
        paidInFull: undefined,
        schedule: [{ month: '2026-11', certificate: monthly, family: Money.zero() }],
      } as unknown as Contract;
      const ledger = {
        entries: [
          ledgerEntry({
            id: 'debit:advance:k1:2026-11',
            certificateId: 'c1',
            period: '2026-2027',
            kind: 'debit',
            amount: advance.toString(),
            contractId: 'k1',
            month: '2026-11',
          }),
        ],
        balances: new Map(),
      };
      const moved = settlementEntries(ledger, [contract], '2026-11', {
        completeness: { k1: completeness },
      }).map((entry) => [entry.kind, entry.amount.toString()]);
      expect(moved).toEqual([
        [completeness === 90 ? 'debit' : 'refund', line[2]],
        ['release', line[3]],
      ]);
    }
    expectInBothDocs(
      'half-up(949.203)  = 949.20',
      '105.47',
      'half-up(791.0025) = 791.00',
      '52.73',
      '210.94',
    );
  });

  it('the hours-based nominal: cap 6, 4 hours accepted, 2.5 refused with the quoted message, 2 accepted', () => {
    const group = parseFinancingRules(rulesFile).certificateGroups[0] as CertificateGroup;
    const certificate = activateCertificate(
      issueCertificate(
        { id: 'c1', number: '7600000001', birthDate: '2015-03-01', groupId: group.id },
        '2026-09-01',
      ),
      '2026-09-01',
    );
    const ledger = postEntries(emptyLedger(), [
      ledgerEntry({
        id: 'issue',
        certificateId: 'c1',
        period: group.period.id,
        kind: 'issue',
        amount: '30000',
      }),
    ]);
    const programme = (id: string, hoursPerWeek: number) =>
      programmeSchema.parse({
        id,
        name: id,
        providerId: 'cdt',
        fundingKind: 'funded',
        direction: 'technical',
        ageFrom: 5,
        ageTo: 17,
        hours: 144,
        hoursPerWeek,
        groupSize: { min: 8, max: 12 },
        certification: 'certified',
        modules: [
          {
            id: `${id}-m`,
            name: 'Модуль',
            hours: 144,
            price: '1000',
            normativeCost: '1000',
            groups: [
              {
                id: `${id}-g`,
                name: 'Группа',
                start: '2026-09-01',
                end: '2027-05-31',
                capacity: 10,
              },
            ],
          },
        ],
      });
    const existing: Contract[] = [];
    const enrol = (id: string, hours: number) => {
      const { contract } = requestEnrolment({
        contractId: id,
        certificate: { ...certificate, kind: 'funded' },
        balance: balanceOf(ledger, 'c1', group.period.id),
        programme: programme(id, hours),
        moduleId: `${id}-m`,
        groupId: `${id}-g`,
        requestedOn: '2026-08-25',
        existing,
        certificateGroup: group,
      });
      existing.push(contract);
      return contract;
    };
    expect(enrol('robotics', 4).weeklyHours).toBe(4);
    let refusal: unknown;
    try {
      enrol('choir', 2.5);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(FinancingLimitError);
    const text = (refusal as FinancingLimitError).text;
    // The docs quote the message (wrapped over lines, as prose is).
    expect(flat(docs.ru)).toContain(`«${text.ru}»`);
    expect(flat(docs.en)).toContain(`«${text.ru}»`);
    expect(flat(docs.en)).toContain(`"${text.en}"`);
    expect(enrol('chess', 2).weeklyHours).toBe(2);
  });

  it('the docs point to nothing outside the repository', () => {
    for (const doc of [docs.ru, docs.en]) {
      expect(doc).not.toMatch(/seeds\/|reference\/|\.\.\/shared|michurinsk-personalized-financing/);
    }
  });
});
