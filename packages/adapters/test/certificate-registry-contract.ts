// What the operator's registry and the versioned parameters must do, run against PGlite and a
// PostgreSQL server alike: issue, search, status, record ↔ funded under concurrency (the
// funded places counted by the database), moves between periods (a repeat posts nothing),
// versions that never change, contracts keeping the version they were priced with, and the
// direction limits per period next to the limits set before periods existed.
import {
  balanceLawHolds,
  certificateGroupSchema,
  FinancingLimitError,
  instant,
  isRegistryError,
  programmeSchema,
  recomputeBalances,
  type CertificateHolderInput,
  type ProgrammeRegistry,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CertificateRegistryStore } from '../src/storage/certificate-registry.js';
import type { Database } from '../src/storage/database.js';
import type { FinancingParametersStore } from '../src/storage/financing-parameters.js';
import type { FinancingStore } from '../src/storage/financing.js';

/** What a registry contract run needs: the stores under test and their raw database. */
export interface RegistryTestBed {
  readonly registry: CertificateRegistryStore;
  readonly parameters: FinancingParametersStore;
  readonly financing: FinancingStore;
  readonly database: Database;
  close(): Promise<void>;
}

const Y26 = '2026-2027';
const Y27 = '2027-2028';
const TODAY = '2026-09-02';
const operator = { accountId: 'acc-operator', name: 'МБУ «УМИЦ»' };

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
  dir: { technical: 1000, artistic: 1000 },
  prov: 1,
  nopc: 500,
  pc: 20000,
  pk: 3,
  weekYear: 52,
};

function registryOf(): ProgrammeRegistry {
  const programme = (id: string, direction: 'technical' | 'artistic', capacity = 500) =>
    programmeSchema.parse({
      id,
      name: `Программа ${id}`,
      providerId: 'cdt',
      fundingKind: 'funded',
      direction,
      ageFrom: 5,
      ageTo: 17,
      hours: 144,
      groupSize: { min: 8, max: 12 },
      certification: 'certified',
      modules: [
        {
          id: `${id}-m1`,
          name: 'Модуль',
          hours: 144,
          price: '1000',
          normativeCost: '800',
          groups: [
            {
              id: `${id}-g1`,
              name: 'Группа',
              start: '2026-09-01',
              end: '2027-05-31',
              capacity,
              weekdays: [2],
            },
          ],
        },
      ],
    });
  return {
    providers: [{ id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' }],
    programmes: [
      programme('robots', 'technical'),
      programme('robots-2', 'technical'),
      programme('robots-3', 'technical'),
      programme('drawing', 'artistic'),
    ],
  };
}

const holder = (i: number): CertificateHolderInput => ({
  childName: `Ребёнок Номер${String(i)}`,
  birthDate: '2015-03-01',
  parentName: `Родитель Номер${String(i)}`,
  phone: '+79120000001',
});

export function certificateRegistryContract(
  engine: string,
  open: () => Promise<RegistryTestBed>,
): void {
  describe(`the operator's registry on ${engine}`, () => {
    let bed: RegistryTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.financing.saveRegistry(registryOf());
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'g26',
          name: 'Дети 5–18 лет, 2026–2027',
          period: { id: Y26, start: '2026-09-01', end: '2027-08-31' },
          nominal: '15000',
          fundedPlaces: 10,
        }),
      );
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'g27',
          name: 'Дети 5–18 лет, 2027–2028',
          period: { id: Y27, start: '2027-09-01', end: '2028-08-31' },
          nominal: '16000',
          fundedPlaces: 1,
        }),
      );
    });
    afterAll(async () => {
      await bed?.close();
    });

    async function issueActive(i: number): Promise<string> {
      const { certificate } = await bed.registry.issue({
        groupId: 'g26',
        holder: holder(i),
        on: '2026-09-01',
      });
      await bed.registry.changeStatus(certificate.id, { action: 'activate', on: TODAY }, TODAY);
      return certificate.id;
    }

    async function fundedCount(group: string): Promise<{ counted: number; funded: number }> {
      const [row] = await bed.database.query<{ counted: number; funded: number }>(
        `SELECT g.funded_count AS counted,
           (SELECT count(*)::int FROM certificates c WHERE c.group_id = g.id AND c.kind = 'funded') AS funded
         FROM certificate_groups g WHERE g.id = $1`,
        [group],
      );
      return { counted: Number(row?.counted), funded: Number(row?.funded) };
    }

    async function assertLedgerLaw(): Promise<void> {
      const recomputed = recomputeBalances(await bed.financing.ledgerEntries());
      for (const balance of recomputed.values()) {
        expect(balanceLawHolds(balance)).toBe(true);
        const stored = await bed.financing.balance(balance.certificateId, balance.period);
        expect([stored.available, stored.reserved, stored.spent].map(String)).toEqual(
          [balance.available, balance.reserved, balance.spent].map(String),
        );
      }
      const [bad] = await bed.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM certificate_balances b JOIN certificates c ON c.id = b.certificate_id
         WHERE c.kind = 'record' AND b.reserved > 0 AND NOT EXISTS (
           SELECT 1 FROM certificate_groups g WHERE g.id = c.group_id AND g.period <> b.period)`,
      );
      expect(Number(bad?.n)).toBe(0);
    }

    test('issues numbered record certificates with the nominal and the holder; one open certificate per child', async () => {
      const first = await bed.registry.issue({
        groupId: 'g26',
        holder: holder(1),
        on: '2026-09-01',
      });
      const second = await bed.registry.issue({
        groupId: 'g26',
        holder: holder(2),
        on: '2027-03-01',
      });
      expect(first.certificate).toMatchObject({
        number: '6801000001',
        kind: 'record',
        status: 'issued',
        groupName: 'Дети 5–18 лет, 2026–2027',
        period: Y26,
        age: 11,
      });
      expect(first.certificate.childName).toBeUndefined();
      expect(first.certificate.balance.available.toString()).toBe('15000.00');
      expect(first.posted).toBe(1);
      // Mid-period: 184 of 365 days.
      expect(second.certificate.balance.nominal.toString()).toBe('7561.64');
      expect(Number(second.certificate.number)).toBeGreaterThan(Number(first.certificate.number));

      const again = await bed.registry
        .issue({
          groupId: 'g26',
          holder: { ...holder(1), childName: '  ребёнок   НОМЕР1 ' },
          on: '2026-09-03',
        })
        .catch((error: unknown) => error);
      expect(isRegistryError(again, 'child-has-certificate')).toBe(true);
      expect((again as Error).message).toContain(first.certificate.number);
      const taken = await bed.registry
        .issue({ groupId: 'g26', number: first.certificate.number, holder: holder(3), on: TODAY })
        .catch((error: unknown) => error);
      expect(isRegistryError(taken, 'number-taken')).toBe(true);
      const over = await bed.registry
        .issue({ groupId: 'g26', holder: holder(3), on: '2027-09-01' })
        .catch((error: unknown) => error);
      expect(isRegistryError(over, 'period-over')).toBe(true);
      const young = await bed.registry
        .issue({ groupId: 'g26', holder: { ...holder(3), birthDate: '2024-01-01' }, on: TODAY })
        .catch((error: unknown) => error);
      expect(young).toBeInstanceOf(FinancingLimitError);

      const card = await bed.registry.card(first.certificate.id, TODAY);
      expect(card.certificate.childName).toBe('Ребёнок Номер1');
      expect(card.holder).toEqual({ ...holder(1) });
      expect(card.movements.map((m) => [m.id, m.amount.toString()])).toEqual([
        [`issue:${first.certificate.id}:${Y26}`, '15000.00'],
      ]);
    });

    test('activates, suspends, resumes and closes; a closed certificate frees the child for a new one', async () => {
      const { certificate } = await bed.registry.issue({
        groupId: 'g26',
        holder: holder(4),
        on: TODAY,
      });
      const steps: string[] = [];
      for (const change of [
        { action: 'activate', on: TODAY },
        { action: 'suspend' },
        { action: 'resume' },
      ] as const) {
        steps.push(
          (await bed.registry.changeStatus(certificate.id, change, TODAY)).certificate.status,
        );
      }
      expect(steps).toEqual(['active', 'suspended', 'active']);
      await expect(
        bed.registry.changeStatus(certificate.id, { action: 'resume' }, TODAY),
      ).rejects.toBeInstanceOf(FinancingLimitError);
      const closed = await bed.registry.changeStatus(
        certificate.id,
        { action: 'close', on: TODAY, reason: 'moved-away' },
        TODAY,
      );
      expect([closed.certificate.status, closed.certificate.closeReason]).toEqual([
        'closed',
        'moved-away',
      ]);
      const reissued = await bed.registry.issue({ groupId: 'g26', holder: holder(4), on: TODAY });
      expect(reissued.certificate.id).not.toBe(certificate.id);
      await expect(bed.registry.changeStatus('nope', { action: 'suspend' }, TODAY)).rejects.toThrow(
        /certificate/,
      );
    });

    test('lists by the start of a number, by the child’s name (holders only), by status, kind and group', async () => {
      const all = await bed.registry.list({
        offset: 0,
        limit: 2,
        today: TODAY,
        withHolders: false,
      });
      expect(all.total).toBe(4);
      expect(all.certificates).toHaveLength(2);
      expect(all.certificates.every((row) => row.childName === undefined)).toBe(true);
      const byNumber = await bed.registry.list({
        q: '6801000001',
        offset: 0,
        limit: 50,
        today: TODAY,
        withHolders: true,
      });
      expect(byNumber.certificates.map((row) => [row.number, row.childName])).toEqual([
        ['6801000001', 'Ребёнок Номер1'],
      ]);
      const byName = await bed.registry.list({
        q: 'номер2',
        offset: 0,
        limit: 50,
        today: TODAY,
        withHolders: true,
      });
      expect(byName.certificates.map((row) => row.childName)).toEqual(['Ребёнок Номер2']);
      const hidden = await bed.registry.list({
        q: 'номер2',
        offset: 0,
        limit: 50,
        today: TODAY,
        withHolders: false,
      });
      expect(hidden.total).toBe(0);
      const wildcard = await bed.registry.list({
        q: '%',
        offset: 0,
        limit: 50,
        today: TODAY,
        withHolders: true,
      });
      expect(wildcard.total).toBe(0);
      const closed = await bed.registry.list({
        statuses: ['closed'],
        kinds: ['record'],
        groupId: 'g26',
        offset: 0,
        limit: 50,
        today: TODAY,
        withHolders: false,
      });
      expect(closed.certificates.map((row) => row.status)).toEqual(['closed']);
      const beyond = await bed.registry.list({
        offset: 1000,
        limit: 50,
        today: TODAY,
        withHolders: false,
      });
      expect([beyond.total, beyond.certificates.length]).toEqual([all.total, 0]);
    });

    test('record → funded under concurrency: 40 certificates race for the group’s places, the database counts each once', async () => {
      // The group has 10 funded places; none is taken yet.
      const ids: string[] = [];
      for (let i = 100; i < 140; i += 1) ids.push(await issueActive(i));
      const results = await Promise.allSettled(
        ids.map((id) => bed.registry.convert(id, 'funded', TODAY)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect((result.reason as FinancingLimitError).limit).toBe('funded-places-exhausted');
        }
      }
      expect(await fundedCount('g26')).toEqual({ counted: 10, funded: 10 });

      // One certificate converted 20 times at once counts once; converting back frees the place.
      const funded = results.flatMap((r, i) => (r.status === 'fulfilled' ? [ids[i] ?? ''] : []));
      const queued = ids.filter((id) => !funded.includes(id));
      const [giveBack = '', other = ''] = funded;
      const [waiting = ''] = queued;
      await Promise.all(
        Array.from({ length: 20 }, () => bed.registry.convert(other, 'funded', TODAY)),
      );
      expect(await fundedCount('g26')).toEqual({ counted: 10, funded: 10 });

      // At once: five give their places back while all the queued ask for one: exactly five
      // of the queued get a place.
      const back = funded.slice(0, 5);
      const mixed = await Promise.allSettled([
        ...back.map((id) => bed.registry.convert(id, 'record', TODAY)),
        ...queued.map((id) => bed.registry.convert(id, 'funded', TODAY)),
      ]);
      const counts = await fundedCount('g26');
      expect(counts.counted).toBe(counts.funded);
      expect(counts.counted).toBeLessThanOrEqual(10);
      expect(mixed.slice(0, 5).every((r) => r.status === 'fulfilled')).toBe(true);
      const queuedWon = mixed.slice(5).filter((r) => r.status === 'fulfilled').length;
      expect(counts.counted).toBe(5 + queuedWon);
      // Now every place is taken again, or some are free: ask once more for the rest.
      await Promise.allSettled(queued.map((id) => bed.registry.convert(id, 'funded', TODAY)));
      expect(await fundedCount('g26')).toEqual({ counted: 10, funded: 10 });
      expect(giveBack).not.toBe('');
      expect(waiting).not.toBe('');
    });

    test('the family’s reserved money stays on a funded certificate: back to record is refused while anything is reserved', async () => {
      const [row] = await bed.database.query<{ id: string }>(
        `SELECT id FROM certificates WHERE kind = 'funded' AND group_id = 'g26' ORDER BY number LIMIT 1`,
      );
      const id = row?.id ?? '';
      const contract = await bed.financing.requestEnrolment({
        contractId: 'reserve-1',
        certificateId: id,
        programmeId: 'robots',
        moduleId: 'robots-m1',
        groupId: 'robots-g1',
        requestedOn: TODAY,
      });
      expect(contract.certificate.isZero()).toBe(false);
      const refused = await bed.registry.convert(id, 'record', TODAY).catch((e: unknown) => e);
      expect(isRegistryError(refused, 'has-reserve')).toBe(true);
      // The database refuses a reserve on a record certificate whatever asks for it.
      const [record] = await bed.database.query<{ id: string }>(
        `SELECT c.id FROM certificates c JOIN certificate_balances b ON b.certificate_id = c.id
         WHERE c.kind = 'record' AND b.available > 100 ORDER BY c.number LIMIT 1`,
      );
      await expect(
        bed.database.query(
          `UPDATE certificate_balances SET available = available - 100, reserved = reserved + 100
           WHERE certificate_id = $1`,
          [record?.id ?? ''],
        ),
      ).rejects.toThrow(/funded certificate/);
      // Refused, the contract gives its reserve back: now the certificate may go back.
      await bed.financing.transitionContract('reserve-1', 'refused', TODAY);
      const back = await bed.registry.convert(id, 'record', TODAY);
      expect(back.certificate.kind).toBe('record');
      await bed.registry.convert(id, 'funded', TODAY);
      await assertLedgerLaw();
    });

    test('conversion back to record racing enrolments: never reserved money on a record certificate', async () => {
      // Every funded place is taken: the operator widens the group first.
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'g26',
          name: 'Дети 5–18 лет, 2026–2027',
          period: { id: Y26, start: '2026-09-01', end: '2027-08-31' },
          nominal: '15000',
          fundedPlaces: 60,
        }),
      );
      const ids: string[] = [];
      for (let i = 200; i < 212; i += 1) {
        const id = await issueActive(i);
        await bed.registry.convert(id, 'funded', TODAY);
        ids.push(id);
      }
      await Promise.allSettled(
        ids.flatMap((id, i) => [
          bed.registry.convert(id, 'record', TODAY),
          bed.financing.requestEnrolment({
            contractId: `race-${String(i)}`,
            certificateId: id,
            programmeId: 'robots-2',
            moduleId: 'robots-2-m1',
            groupId: 'robots-2-g1',
            requestedOn: TODAY,
          }),
        ]),
      );
      await assertLedgerLaw();
      const counts = await fundedCount('g26');
      expect(counts.counted).toBe(counts.funded);
    });

    test('moves a certificate to next year: the unspent balance lapses, the new nominal is issued, a repeat posts nothing', async () => {
      const id = await issueActive(300);
      await bed.registry.convert(id, 'funded', TODAY);
      await bed.financing.requestEnrolment({
        contractId: 'moving-1',
        certificateId: id,
        programmeId: 'robots-3',
        moduleId: 'robots-3-m1',
        groupId: 'robots-3-g1',
        requestedOn: TODAY,
      });
      const before = await bed.financing.balance(id, Y26);
      const early = await bed.registry.move(id, 'g27', '2027-08-31').catch((e: unknown) => e);
      expect(isRegistryError(early, 'move-outside-period')).toBe(true);
      const backwards = await bed.registry.move(id, 'g26', '2027-09-01');
      expect(backwards.posted).toBe(0);

      const moves = await Promise.allSettled(
        Array.from({ length: 8 }, () => bed.registry.move(id, 'g27', '2027-09-01')),
      );
      const answers = moves.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(answers).toHaveLength(8);
      expect(answers.map((a) => a.posted).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
      const moved = answers.find((a) => a.posted === 2);
      expect(moved?.lapsed?.toString()).toBe(before.available.toString());
      expect(moved?.issued?.toString()).toBe('16000.00');
      expect(moved?.certificate).toMatchObject({ groupId: 'g27', period: Y27, kind: 'funded' });
      expect(moved?.certificate.balance.available.toString()).toBe('16000.00');
      const old = await bed.financing.balance(id, Y26);
      expect([old.available.toString(), old.reserved.toString()]).toEqual([
        '0.00',
        before.reserved.toString(),
      ]);
      expect(await fundedCount('g27')).toEqual({ counted: 1, funded: 1 });

      // Next year's only funded place is taken: another funded certificate moves as record.
      const second = await issueActive(301);
      await bed.registry.convert(second, 'funded', TODAY);
      const queued = await bed.registry.move(second, 'g27', '2027-09-01');
      expect(queued.certificate.kind).toBe('record');
      expect(await fundedCount('g27')).toEqual({ counted: 1, funded: 1 });
      const counts = await fundedCount('g26');
      expect(counts.counted).toBe(counts.funded);
      await assertLedgerLaw();
    });

    test('parameters: versions with who and when, earlier ones readable and unchangeable, a stale change refused', async () => {
      const at = instant('2026-08-20T09:00:00Z');
      const v1 = await bed.parameters.saveParameters({
        period: Y26,
        basedOn: 0,
        coefficients: { urban: coefficients, rural: coefficients },
        municipality: 'г. Мичуринск',
        note: 'Первая версия',
        by: operator,
        at,
      });
      expect([v1.version, v1.definition.version, v1.changedBy.name, v1.changedAt]).toEqual([
        1,
        '1',
        'МБУ «УМИЦ»',
        '2026-08-20T09:00:00.000Z',
      ]);
      const racing = await Promise.allSettled(
        [25000, 26000, 27000].map((zp) =>
          bed.parameters.saveParameters({
            period: Y26,
            basedOn: 1,
            coefficients: { urban: { ...coefficients, zp }, rural: coefficients },
            by: operator,
            at: instant('2026-09-01T09:00:00Z'),
          }),
        ),
      );
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of racing) {
        if (r.status === 'rejected') expect(isRegistryError(r.reason, 'version-moved')).toBe(true);
      }
      const versions = await bed.parameters.parameters(Y26);
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0]?.definition.coefficients.urban.zp).toBe(30000);
      expect(versions[0]?.note).toBe('Первая версия');
      await expect(
        bed.database.query(
          `UPDATE financing_parameter_versions SET note = 'подмена' WHERE period = $1`,
          [Y26],
        ),
      ).rejects.toThrow(/never change|не меняются/);
      await expect(
        bed.database.query('DELETE FROM financing_parameter_versions WHERE period = $1', [Y26]),
      ).rejects.toThrow(/never change|не меняются/);
      expect(await bed.parameters.parameters(Y27)).toEqual([]);
      expect(await bed.parameters.period(Y27)).toMatchObject({ start: '2027-09-01' });
      expect(await bed.parameters.period('1999')).toBeUndefined();
    });

    test('a contract keeps the versions it was priced with', async () => {
      const id = await issueActive(400);
      await bed.registry.convert(id, 'funded', TODAY);
      await bed.financing.requestEnrolment({
        contractId: 'priced-v2',
        certificateId: id,
        programmeId: 'drawing',
        moduleId: 'drawing-m1',
        groupId: 'drawing-g1',
        requestedOn: TODAY,
      });
      expect(await bed.parameters.contractVersions('priced-v2')).toEqual({
        parametersVersion: 2,
        limitsVersion: null,
      });
      await bed.parameters.saveParameters({
        period: Y26,
        basedOn: 2,
        coefficients: { urban: { ...coefficients, zp: 40000 }, rural: coefficients },
        by: operator,
        at: instant('2026-10-01T09:00:00Z'),
      });
      await bed.parameters.saveDirectionLimits({
        period: Y26,
        basedOn: 0,
        limits: { artistic: 100 },
        by: operator,
        at: instant('2026-10-01T09:00:00Z'),
      });
      expect(await bed.parameters.contractVersions('priced-v2')).toEqual({
        parametersVersion: 2,
        limitsVersion: null,
      });
      const second = await issueActive(401);
      await bed.registry.convert(second, 'funded', TODAY);
      await bed.financing.requestEnrolment({
        contractId: 'priced-v3',
        certificateId: second,
        programmeId: 'drawing',
        moduleId: 'drawing-m1',
        groupId: 'drawing-g1',
        requestedOn: '2026-10-02',
      });
      expect(await bed.parameters.contractVersions('priced-v3')).toEqual({
        parametersVersion: 3,
        limitsVersion: 1,
      });
      const card = await bed.registry.card(second, TODAY);
      expect(card.contracts.map((c) => [c.id, c.programmeName, c.parametersVersion])).toEqual([
        ['priced-v3', 'Программа drawing', 3],
      ]);
    });

    test('direction limits per period: the limits set before periods keep working, a period’s own win', async () => {
      // Set without a period (as before migration 0027): technical at most what is counted + 1.
      const limits = await bed.parameters.directionLimits(Y26);
      const technical = limits.counts.find((c) => c.direction === 'technical');
      const counted = technical?.enrolments ?? 0;
      expect(counted).toBeGreaterThan(0);
      expect(technical?.max).toBeNull();
      await bed.financing.setDirectionLimits({ technical: counted + 1 });
      await bed.database.query(
        `UPDATE financing_direction_limits SET enrolments = $1 WHERE period = '' AND direction = 'technical'`,
        [counted],
      );
      const enrol = async (i: number, programme = 'robots') => {
        const id = await issueActive(i);
        await bed.registry.convert(id, 'funded', TODAY);
        return bed.financing
          .requestEnrolment({
            contractId: `limit-${String(i)}`,
            certificateId: id,
            programmeId: programme,
            moduleId: `${programme}-m1`,
            groupId: `${programme}-g1`,
            requestedOn: TODAY,
          })
          .then(
            () => 'ok',
            (error: unknown) => (error as FinancingLimitError).limit ?? String(error),
          );
      };
      expect(await enrol(500)).toBe('ok');
      expect(await enrol(501)).toBe('direction-limit');

      // The period's own limit: the counter moves from the old row to the period's row.
      const refused = await bed.parameters
        .saveDirectionLimits({
          period: Y26,
          basedOn: 1,
          limits: { artistic: 100, technical: counted },
          by: operator,
          at: instant('2026-10-05T09:00:00Z'),
        })
        .catch((e: unknown) => e);
      expect(isRegistryError(refused, 'limit-below-enrolments')).toBe(true);
      expect((refused as Error).message).toContain('техническая');
      const v2 = await bed.parameters.saveDirectionLimits({
        period: Y26,
        basedOn: 1,
        limits: { artistic: 100, technical: counted + 2 },
        note: 'Больше мест по технической направленности',
        by: operator,
        at: instant('2026-10-05T09:00:00Z'),
      });
      expect(v2.version).toBe(2);
      const [legacy] = await bed.database.query<{ enrolments: number }>(
        `SELECT enrolments FROM financing_direction_limits WHERE period = '' AND direction = 'technical'`,
      );
      expect(Number(legacy?.enrolments)).toBe(0);
      expect(await enrol(502)).toBe('ok');
      expect(await enrol(503)).toBe('direction-limit');
      const now = await bed.parameters.directionLimits(Y26);
      expect(now.counts.find((c) => c.direction === 'technical')).toEqual({
        direction: 'technical',
        max: counted + 2,
        enrolments: counted + 2,
      });
      expect(now.versions.map((v) => [v.version, v.limits])).toEqual([
        [1, { artistic: 100 }],
        [2, { artistic: 100, technical: counted + 2 }],
      ]);

      // No limit for technical any more: still counted, no longer refused.
      await bed.parameters.saveDirectionLimits({
        period: Y26,
        basedOn: 2,
        limits: { artistic: 100 },
        by: operator,
        at: instant('2026-10-06T09:00:00Z'),
      });
      expect(await enrol(504)).toBe('ok');
      const after = await bed.parameters.directionLimits(Y26);
      expect(after.counts.find((c) => c.direction === 'technical')).toEqual({
        direction: 'technical',
        max: null,
        enrolments: counted + 3,
      });
      // A refused contract gives its count back to the period's row.
      await bed.financing.transitionContract('limit-504', 'refused', TODAY);
      const freed = await bed.parameters.directionLimits(Y26);
      expect(freed.counts.find((c) => c.direction === 'technical')?.enrolments).toBe(counted + 2);
      await assertLedgerLaw();
    });
  });
}
