// The financing rules the database must hold under concurrency (issue 15, section 3): a record
// certificate converts to funded once, whatever the number of simultaneous applications, and
// a certificate counted in weekly hours never goes over its hours. Run against PGlite and a
// PostgreSQL server alike.
import {
  activateCertificate,
  certificateGroupSchema,
  FinancingLimitError,
  isEdusetError,
  issueCertificate,
  ledgerEntry,
  Money,
  programmeSchema,
  ValidationError,
  type Certificate,
  type BillingOptions,
  type Contract,
  type ProgrammeRegistry,
} from '@eduset/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { FinancingStore } from '../src/storage/financing.js';

/** What a run needs: the store under test and its raw database. */
export interface FinancingRulesTestBed {
  readonly store: FinancingStore;
  readonly database: Database;
  close(): Promise<void>;
}

const PERIOD = '2017';

/** 50 funded programmes of 4 hours a week (one group of 100 each, 10 000 ₽, normative 8 000 ₽). */
function registry(): ProgrammeRegistry {
  const programme = (id: string, hoursPerWeek: number) =>
    programmeSchema.parse({
      id,
      name: `Программа ${id}`,
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
          id: `${id}-m1`,
          name: 'Модуль',
          hours: 144,
          price: '10000',
          normativeCost: '8000',
          groups: [
            {
              id: `${id}-g1`,
              name: 'Группа',
              start: '2017-09-01',
              end: '2017-12-31',
              capacity: 100,
              weekdays: [2],
            },
          ],
        },
      ],
    });
  return {
    providers: [{ id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' }],
    programmes: [
      ...Array.from({ length: 50 }, (_, i) => programme(`r${String(i).padStart(2, '0')}`, 4)),
      ...Array.from({ length: 50 }, (_, i) =>
        programme(`h${String(i).padStart(2, '0')}`, i % 2 === 0 ? 1.5 : 2),
      ),
    ],
  };
}

function certificate(id: string, number: number, groupId: string): Certificate {
  const issued = issueCertificate(
    { id, number: String(number), birthDate: '2008-03-15', groupId },
    '2017-01-10',
  );
  return activateCertificate(issued, '2017-01-11');
}

export function financingRulesContract(
  engine: string,
  open: () => Promise<FinancingRulesTestBed>,
): void {
  describe(`financing rules under concurrency on ${engine}`, () => {
    let bed: FinancingRulesTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.store.saveRegistry(registry());
      await bed.store.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'two-funded',
          name: 'Два места ПФ',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '100000',
          fundedPlaces: 2,
        }),
      );
      await bed.store.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'six-hours',
          name: 'Шесть часов в неделю',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '10000000',
          fundedPlaces: 1000,
          unit: 'weekly-hours',
          weeklyHours: 6,
        }),
      );
      const certificates = [
        certificate('rec-1', 6900000001, 'two-funded'),
        certificate('rec-2', 6900000002, 'two-funded'),
        certificate('hrs-1', 6900000011, 'six-hours'),
        certificate('hrs-2', 6900000012, 'six-hours'),
        certificate('val-1', 6900000021, 'six-hours'),
      ];
      await bed.store.saveCertificates(certificates);
      await bed.store.postEntries(
        certificates.map((c) =>
          ledgerEntry({
            id: `issue:${c.id}:${PERIOD}`,
            certificateId: c.id,
            period: PERIOD,
            kind: 'issue',
            amount: c.groupId === 'six-hours' ? '1000000' : '24000',
          }),
        ),
      );
    });
    afterAll(async () => {
      await bed?.close();
    });

    async function fundedCounts(groupId: string): Promise<{ counter: number; funded: number }> {
      const [row] = await bed.database.query<{ counter: number; funded: string }>(
        `SELECT g.funded_count AS counter,
           (SELECT count(*) FROM certificates c WHERE c.group_id = g.id AND c.kind = 'funded')::text AS funded
         FROM certificate_groups g WHERE g.id = $1`,
        [groupId],
      );
      return { counter: Number(row?.counter), funded: Number(row?.funded) };
    }

    test('50 simultaneous applications by one record certificate convert it once', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => {
          const id = `r${String(i).padStart(2, '0')}`;
          return bed.store.requestEnrolment({
            contractId: `record-${id}`,
            certificateId: 'rec-1',
            programmeId: id,
            moduleId: `${id}-m1`,
            groupId: `${id}-g1`,
            requestedOn: '2017-08-25',
          });
        }),
      );
      // 24 000 ₽ covers three contracts of 8 000 ₽; every other application is refused for
      // the balance, none for funded places.
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(FinancingLimitError);
          expect(['empty-balance', 'insufficient-balance']).toContain(
            (result.reason as FinancingLimitError).limit,
          );
        }
      }
      expect(await fundedCounts('two-funded')).toEqual({ counter: 1, funded: 1 });
      const found = await bed.store.findCertificate('6900000001', '2008-03-15');
      expect(found.certificate.kind).toBe('funded');
    });

    test('another child still gets the remaining funded place', async () => {
      const contract = await bed.store.requestEnrolment({
        contractId: 'record-second-child',
        certificateId: 'rec-2',
        programmeId: 'r00',
        moduleId: 'r00-m1',
        groupId: 'r00-g1',
        requestedOn: '2017-08-25',
      });
      expect(contract.status).toBe('requested');
      expect(await fundedCounts('two-funded')).toEqual({ counter: 2, funded: 2 });
    });

    async function hoursUsed(certificateId: string): Promise<number> {
      const [row] = await bed.database.query<{ used: number }>(
        'SELECT used_hundredths AS used FROM certificate_hours WHERE certificate_id = $1 AND period = $2',
        [certificateId, PERIOD],
      );
      return Number(row?.used ?? 0);
    }

    async function liveHours(certificateId: string): Promise<number> {
      const live = (await bed.store.listContracts()).filter(
        (c) =>
          c.certificateId === certificateId &&
          ['requested', 'accepted', 'active'].includes(c.status),
      );
      return live.reduce((sum, c) => sum + Math.round((c.weeklyHours ?? 0) * 100), 0);
    }

    test('50 simultaneous applications by a certificate of 6 hours a week: never over 6 hours', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => {
          const id = `h${String(i).padStart(2, '0')}`;
          return bed.store.requestEnrolment({
            contractId: `hours-${id}`,
            certificateId: 'hrs-1',
            programmeId: id,
            moduleId: `${id}-m1`,
            groupId: `${id}-g1`,
            requestedOn: '2017-08-25',
          });
        }),
      );
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toBeInstanceOf(FinancingLimitError);
          expect((result.reason as FinancingLimitError).limit).toBe('hours-exhausted');
          // Refused by core or by the database, the family is told what is left.
          expect((result.reason as FinancingLimitError).text.ru).toMatch(/осталось [\d.]+ из 6/);
          expect((result.reason as FinancingLimitError).text.en).toMatch(/[\d.]+ of 6 are left/);
        }
      }
      const used = won.reduce((sum, c) => sum + Math.round((c.weeklyHours ?? 0) * 100), 0);
      // Programmes take 1.5 or 2 hours; every refusal saw the hours taken by then, so what
      // is left is less than the smallest refused programme.
      expect(used).toBeLessThanOrEqual(600);
      expect(used).toBeGreaterThan(450);
      expect(await hoursUsed('hrs-1')).toBe(used);
      expect(await liveHours('hrs-1')).toBe(used);
    });

    test('refusal, lapse, termination and closing give the hours back', async () => {
      const live = (await bed.store.listContracts()).filter(
        (c) => c.certificateId === 'hrs-1' && c.status === 'requested',
      );
      const [first, second, third] = live;
      if (!first || !second) throw new Error('expected two requests of hrs-1');
      const before = await hoursUsed('hrs-1');
      await bed.store.transitionContract(first.id, 'refused', '2017-08-26');
      expect(await hoursUsed('hrs-1')).toBe(before - Math.round((first.weeklyHours ?? 0) * 100));
      await bed.store.transitionContract(second.id, 'accepted', '2017-08-28');
      await bed.store.transitionContract(second.id, 'active', '2017-09-01');
      await bed.store.terminateContract(second.id, '2017-10-12', 'family');
      const afterTermination = await hoursUsed('hrs-1');
      expect(afterTermination).toBe(await liveHours('hrs-1'));
      if (third) {
        await bed.store.transitionContract(third.id, 'accepted', '2017-08-28');
        await bed.store.transitionContract(third.id, 'active', '2017-09-01');
        await bed.store.transitionContract(third.id, 'closed', '2017-12-31');
        expect(await hoursUsed('hrs-1')).toBe(await liveHours('hrs-1'));
      }
      const lapsing = await bed.store.requestEnrolment({
        contractId: 'hours-lapse',
        certificateId: 'hrs-2',
        programmeId: 'h01',
        moduleId: 'h01-m1',
        groupId: 'h01-g1',
        requestedOn: '2017-08-10',
      });
      expect(await hoursUsed('hrs-2')).toBe(200);
      expect((await bed.store.lapseUnconfirmed('2017-08-20', 5)).map((c) => c.id)).toContain(
        lapsing.id,
      );
      expect(await hoursUsed('hrs-2')).toBe(0);
      // The hours given back can be taken again.
      const again = await bed.store.requestEnrolment({
        contractId: 'hours-again',
        certificateId: 'hrs-1',
        programmeId: 'h49',
        moduleId: 'h49-m1',
        groupId: 'h49-g1',
        requestedOn: '2017-08-25',
      });
      expect(again.weeklyHours).toBe(2);
      expect(await hoursUsed('hrs-1')).toBe(await liveHours('hrs-1'));
    });

    /** The ValidationError a call rejects with, bilingual (fails on anything else). */
    async function validationError(run: () => Promise<unknown>): Promise<ValidationError> {
      try {
        await run();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        for (const issue of (error as ValidationError).issues) {
          expect(issue.message.ru).not.toBe(issue.message.en);
        }
        return error as ValidationError;
      }
      return expect.unreachable('expected a ValidationError');
    }

    test("terminateContract(…, 'parent') and bad dates are refused; listContracts and billMonth still read", async () => {
      const contract = await bed.store.requestEnrolment({
        contractId: 'val-k1',
        certificateId: 'val-1',
        programmeId: 'h10',
        moduleId: 'h10-m1',
        groupId: 'h10-g1',
        requestedOn: '2017-08-25',
      });
      await bed.store.transitionContract(contract.id, 'accepted', '2017-08-28');
      await bed.store.transitionContract(contract.id, 'active', '2017-09-01');
      const parent = await validationError(() =>
        bed.store.terminateContract(contract.id, '2017-10-12', 'parent' as never),
      );
      expect(parent.issues[0]?.path).toEqual(['by']);
      await validationError(() => bed.store.terminateContract(contract.id, '2017-02-30', 'family'));
      await validationError(() => bed.store.terminateContract(contract.id, '2017-08-31', 'family'));
      await validationError(() =>
        bed.store.transitionContract(contract.id, 'finished' as never, '2017-10-01'),
      );
      await validationError(() =>
        bed.store.transitionContract(contract.id, 'closed', '31.12.2017'),
      );
      await validationError(() => bed.store.lapseUnconfirmed('2017-13-01', 5));
      await validationError(() => bed.store.lapseUnconfirmed('2017-09-01', -1));
      await validationError(() => bed.store.billMonth('2017-13', 'advance'));
      await validationError(() =>
        bed.store.billMonth('2017-09', 'advance', { advancePercent: 120 }),
      );
      await validationError(() =>
        bed.store.billMonth('2017-09', 'settlement', { completeness: { [contract.id]: -5 } }),
      );
      await validationError(() => bed.store.billMonth('2017-09', 'invoice' as never));
      await validationError(() => bed.store.paymentReport('2017/09'));
      await validationError(() => bed.store.findCertificate('6900000021', '2008-02-30'));
      await validationError(() => bed.store.balance('', PERIOD));
      await validationError(() =>
        bed.store.requestEnrolment({
          contractId: 'val-k2',
          certificateId: 'val-1',
          programmeId: 'h11',
          moduleId: 'h11-m1',
          groupId: 'h11-g1',
          requestedOn: '2017-02-30',
        }),
      );
      await validationError(() =>
        bed.store.saveCertificateGroup(
          // A group counting hours with negative hours.
          {
            ...certificateGroupSchema.parse({
              id: 'neg',
              name: 'Отрицательные часы',
              period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
              nominal: '0',
              fundedPlaces: 1,
            }),
            unit: 'weekly-hours',
            weeklyHours: -6,
          },
        ),
      );
      await validationError(() =>
        bed.store.saveRegistry({
          ...registry(),
          programmes: registry()
            .programmes.slice(0, 1)
            .map((programme) => ({ ...programme, hoursPerWeek: -4 })),
        }),
      );
      await validationError(() => bed.store.setDirectionLimits({ technical: -1 }));
      await validationError(() =>
        bed.store.postEntries([
          {
            id: 'bad',
            certificateId: 'val-1',
            period: PERIOD,
            kind: 'steal' as never,
            amount: Money.of(1),
          },
        ]),
      );
      await validationError(() =>
        bed.store.saveCertificates([
          { ...certificate('val-9', 6900000029, 'six-hours'), issuedOn: '2017-02-30' as never },
        ]),
      );
      await validationError(() =>
        bed.store.saveCertificates([certificate('val-9', 6900000029, 'no-such-group')]),
      );
      // Nothing of that was stored: every contract still reads, every month still bills.
      const listed = await bed.store.listContracts();
      expect(listed.find((c) => c.id === contract.id)?.status).toBe('active');
      for (const month of ['2017-09', '2017-10']) {
        await bed.store.billMonth(month, 'advance');
        await bed.store.billMonth(month, 'settlement');
      }
      // September and October are billed: a termination can start only after them.
      const billed = await bed.store
        .terminateContract(contract.id, '2017-10-12', 'family')
        .catch((error: unknown) => error);
      expect(billed).toMatchObject({ _tag: 'ConflictError', reason: 'month-billed' });
      const closed = await bed.store.terminateContract(contract.id, '2017-11-05', 'family');
      expect([closed.closedBy, closed.end]).toEqual(['family', '2017-11-30']);
      await bed.store.billMonth('2017-11', 'advance');
      await bed.store.billMonth('2017-11', 'settlement');
    });

    test('the database refuses a contract document it could not read back', async () => {
      await expect(
        bed.database.query(
          `UPDATE financing_contracts SET document = jsonb_set(document, '{closedBy}', '"parent"') WHERE id = 'val-k1'`,
        ),
      ).rejects.toThrow();
      await expect(
        bed.database.query(`UPDATE financing_contracts SET status = 'lapsed' WHERE id = 'val-k1'`),
      ).rejects.toThrow();
    });

    test('whatever the store accepts, listContracts, billMonth and paymentReport read (fast-check)', async () => {
      /** Mostly good values, now and then a bad one: the store must refuse those cleanly. */
      const mostly = <T>(good: readonly T[], bad: readonly T[]) =>
        fc.oneof(
          { arbitrary: fc.constantFrom(...good), weight: 4 },
          { arbitrary: fc.constantFrom(...bad), weight: 1 },
        );
      const date = mostly(
        [
          '2017-08-20',
          '2017-08-25',
          '2017-08-28',
          '2017-09-01',
          '2017-09-15',
          '2017-10-12',
          '2017-11-30',
          '2017-12-31',
        ],
        ['2018-01-10', '2017-08-01', '2017-02-30', '2017-13-01', '12.10.2017', ''],
      );
      const contract = fc.nat({ max: 2 });
      const command = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            op: fc.constant('request' as const),
            certificate: fc.nat({ max: 2 }),
            programme: mostly(['h20', 'h21', 'h22', 'h23', 'h24', 'h25', 'r40', 'r41'], ['nope']),
            requestedOn: date,
            start: mostly([undefined, '2017-09-15', '2017-10-01'], ['2017-02-30', '2016-01-01']),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            op: fc.constant('activate' as const),
            contract,
            on: date,
          }),
        },
        fc.record({
          op: fc.constant('transition' as const),
          contract,
          to: mostly(
            ['accepted', 'active', 'refused', 'lapsed', 'closed'],
            ['requested', 'done', ''],
          ),
          on: date,
        }),
        fc.record({
          op: fc.constant('terminate' as const),
          contract,
          on: date,
          by: mostly(['family', 'provider'], ['parent', 'end', '']),
        }),
        fc.record({
          op: fc.constant('lapse' as const),
          today: date,
          afterDays: mostly([0, 5], [-1, 1.5, 1e12, Number.NaN]),
        }),
        {
          weight: 2,
          arbitrary: fc.record({
            op: fc.constant('bill' as const),
            month: mostly(['2017-09', '2017-10', '2017-11', '2017-12'], ['2017-13', '2017-9', '']),
            phase: mostly(['advance', 'settlement'], ['invoice']),
            completeness: mostly([undefined, 0, 50, 90, 100], [-5, 150, Number.NaN]),
          }),
        },
        fc.record({
          op: fc.constant('post' as const),
          kind: mostly(['issue', 'lapse'], ['reserve', 'release', 'debit', 'refund', 'steal']),
          amount: mostly(['1', '100.5'], ['0', '-5', '1.234', 'x']),
          month: mostly([undefined, '2017-09'], ['2017-13']),
        }),
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 16 }), async (commands) => {
          run += 1;
          const prefix = `run${String(run)}`;
          // A group of one funded place per run: the record certificate b converts once.
          await bed.store.saveCertificateGroup(
            certificateGroupSchema.parse({
              id: `${prefix}-one-funded`,
              name: 'Одно место ПФ',
              period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
              nominal: '30000',
              fundedPlaces: 1,
            }),
          );
          const certificates = [
            certificate(`${prefix}-a`, 6950000000 + run * 10, 'six-hours'),
            certificate(`${prefix}-b`, 6950000001 + run * 10, `${prefix}-one-funded`),
            {
              ...certificate(`${prefix}-c`, 6950000002 + run * 10, 'six-hours'),
              kind: 'funded' as const,
            },
          ];
          await bed.store.saveCertificates(certificates);
          await bed.store.postEntries(
            certificates.map((c) =>
              ledgerEntry({
                id: `issue:${c.id}:${PERIOD}`,
                certificateId: c.id,
                period: PERIOD,
                kind: 'issue',
                amount: '30000',
              }),
            ),
          );
          const contracts: string[] = [];
          for (const [index, c] of commands.entries()) {
            try {
              switch (c.op) {
                case 'request': {
                  const made: Contract = await bed.store.requestEnrolment({
                    contractId: `${prefix}-k${String(index)}`,
                    certificateId: certificates[c.certificate]?.id ?? 'nope',
                    programmeId: c.programme,
                    moduleId: `${c.programme}-m1`,
                    groupId: `${c.programme}-g1`,
                    requestedOn: c.requestedOn,
                    ...(c.start === undefined ? {} : { start: c.start }),
                  });
                  contracts.push(made.id);
                  break;
                }
                case 'activate': {
                  const id = contracts[c.contract % Math.max(1, contracts.length)] ?? 'missing';
                  await bed.store.transitionContract(id, 'accepted', c.on);
                  await bed.store.transitionContract(id, 'active', c.on);
                  break;
                }
                case 'transition':
                  await bed.store.transitionContract(
                    contracts[c.contract % Math.max(1, contracts.length)] ?? 'missing',
                    c.to as never,
                    c.on,
                  );
                  break;
                case 'terminate':
                  await bed.store.terminateContract(
                    contracts[c.contract % Math.max(1, contracts.length)] ?? 'missing',
                    c.on,
                    c.by as never,
                  );
                  break;
                case 'lapse':
                  await bed.store.lapseUnconfirmed(c.today, c.afterDays);
                  break;
                case 'bill': {
                  const options: BillingOptions =
                    c.completeness === undefined
                      ? {}
                      : {
                          completeness: Object.fromEntries(
                            contracts.map((id) => [id, c.completeness as number]),
                          ),
                        };
                  await bed.store.billMonth(c.month, c.phase as never, options);
                  break;
                }
                case 'post':
                  await bed.store.postEntries([
                    {
                      id: `${prefix}-e${String(index)}`,
                      certificateId: `${prefix}-a`,
                      period: PERIOD,
                      kind: c.kind as never,
                      amount: (/^-?\d+(\.\d+)?$/.test(c.amount)
                        ? Money.of(c.amount)
                        : c.amount) as never,
                      ...(c.month === undefined ? {} : { month: c.month }),
                    },
                  ]);
                  break;
              }
            } catch (error) {
              // Refused: always a typed eduset error, never a raw one.
              if (!isEdusetError(error)) throw error;
            }
          }
          // Whatever was accepted reads back and bills.
          const listed = await bed.store.listContracts();
          for (const month of ['2017-09', '2017-10', '2017-11', '2017-12']) {
            await bed.store.billMonth(month, 'advance');
            await bed.store.billMonth(month, 'settlement');
            await bed.store.paymentReport(month);
          }
          for (const c of certificates) {
            const found = await bed.store.findCertificate(c.number, c.birthDate);
            expect(found.certificate.id).toBe(c.id);
            const live = listed.filter(
              (k) =>
                k.certificateId === c.id && ['requested', 'accepted', 'active'].includes(k.status),
            );
            expect(await hoursUsed(c.id)).toBe(
              live.reduce((sum, k) => sum + Math.round((k.weeklyHours ?? 0) * 100), 0),
            );
          }
          const [law] = await bed.database.query<{ bad: string }>(
            'SELECT count(*)::text AS bad FROM certificate_balances WHERE issued - lapsed <> available + reserved + spent',
          );
          expect(law?.bad).toBe('0');
          for (const group of ['two-funded', `${prefix}-one-funded`]) {
            const counts = await fundedCounts(group);
            expect(counts.counter).toBe(counts.funded);
          }
        }),
        { numRuns: 40 },
      );
    });
  });
}
