// What the family's cabinet storage must do, run against PGlite and a PostgreSQL server alike:
// sessions opened by the certificate check, the family's contracts with their ledger, a
// request withdrawn before acceptance (and never after it, even racing the provider), a
// contract ended from next month, and the certificate applications — confirmed once however
// many operators click at the same moment, refused, withdrawn, erased from the table's files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  activateCertificate,
  certificateGroupSchema,
  ConflictError,
  instant,
  issueCertificate,
  ledgerEntry,
  NotFoundError,
  submitCertificateApplication,
  type Certificate,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { FamilyStore } from '../src/storage/family.js';
import type { FinancingStore } from '../src/storage/financing.js';
import { testRegistry } from './financing-contract.js';

/** What a family contract run needs: the stores under test and the raw database. */
export interface FamilyTestBed {
  readonly family: FamilyStore;
  readonly financing: FinancingStore;
  readonly database: Database;
  /** The cluster's data directory, when the test can read its files. */
  readonly clusterDir?: string;
  close(): Promise<void>;
}

const PERIOD = '2017';
const now = instant('2017-10-05T07:00:00Z');

function certificate(i: number): Certificate {
  const issued = issueCertificate(
    {
      id: `c${String(i)}`,
      number: String(6800000000 + i),
      birthDate: '2008-03-15',
      groupId: 'children',
    },
    '2017-01-10',
  );
  return { ...activateCertificate(issued, '2017-01-11'), kind: 'funded' };
}

function reason(error: unknown): string {
  if (error instanceof ConflictError) return error.reason;
  if (error instanceof NotFoundError) return 'not-found';
  throw error;
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return reason(error);
  }
  return 'none';
}

/** Every regular file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

export function familyContract(engine: string, open: () => Promise<FamilyTestBed>): void {
  describe(`the family's cabinet storage on ${engine}`, () => {
    let bed: FamilyTestBed;
    beforeAll(async () => {
      bed = await open();
      await bed.financing.saveRegistry(testRegistry());
      await bed.financing.saveCertificateGroup(
        certificateGroupSchema.parse({
          id: 'children',
          name: 'Дети 5–18 лет',
          period: { id: PERIOD, start: '2017-01-01', end: '2017-12-31' },
          nominal: '24000',
          fundedPlaces: 1000,
        }),
      );
      await bed.financing.saveCertificates(Array.from({ length: 40 }, (_, i) => certificate(i)));
      await bed.financing.postEntries(
        Array.from({ length: 40 }, (_, i) =>
          ledgerEntry({
            id: `issue:c${String(i)}:${PERIOD}`,
            certificateId: `c${String(i)}`,
            period: PERIOD,
            kind: 'issue',
            amount: '24000',
          }),
        ),
      );
    });
    afterAll(async () => {
      await bed?.close();
    });

    async function balanceLawHolds(): Promise<void> {
      const rows = await bed.database.query<{ bad: string }>(
        `SELECT count(*)::text AS bad FROM certificate_balances
         WHERE issued - lapsed <> available + reserved + spent
            OR available < 0 OR reserved < 0 OR spent < 0`,
      );
      expect(rows[0]?.bad).toBe('0');
    }

    async function taken(groupId: string): Promise<number> {
      const [row] = await bed.database.query<{ taken: number }>(
        'SELECT taken FROM financing_groups WHERE id = $1',
        [groupId],
      );
      return Number(row?.taken);
    }

    function enrol(certificateId: string, programme: string, id: string) {
      return bed.financing.requestEnrolment({
        contractId: id,
        certificateId,
        programmeId: programme,
        moduleId: `${programme}-m1`,
        groupId: `${programme}-g1`,
        requestedOn: '2017-10-05',
      });
    }

    test('a session opens the cabinet of one certificate until it expires or is ended', async () => {
      const { token, expiresAt } = await bed.family.openSession('c1', now, 30 * 60_000);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toBe('2017-10-05T07:30:00.000Z');
      expect(await bed.family.sessionCertificate(token, now)).toBe('c1');
      // Another token: its first character changed (every bit of it is the token's; the last
      // character of 43 carries only four bits, so changing it may give the same token).
      const other = `${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}`;
      expect(await bed.family.sessionCertificate(other, now)).toBeUndefined();
      expect(await bed.family.sessionCertificate('x', now)).toBeUndefined();
      expect(await bed.family.sessionCertificate(token, expiresAt)).toBeUndefined();
      // Only the token's hash is stored.
      const stored = await bed.database.query('SELECT * FROM family_sessions');
      expect(JSON.stringify(stored)).not.toContain(token);
      const second = await bed.family.openSession('c1', now, 30 * 60_000);
      await bed.family.endSession(second.token);
      expect(await bed.family.sessionCertificate(second.token, now)).toBeUndefined();
      // Opening a session prunes the expired ones.
      await bed.family.openSession('c2', instant('2017-10-05T08:00:00Z'), 30 * 60_000);
      const left = await bed.database.query<{ certificate_id: string }>(
        'SELECT certificate_id FROM family_sessions',
      );
      expect(left.map((row) => row.certificate_id)).toEqual(['c2']);
    });

    test('the cabinet reads the certificate, its contracts with programmes and movements', async () => {
      await enrol('c3', 'p01', 'fam-k1');
      const found = await bed.family.certificate('c3');
      expect(found.certificate.number).toBe('6800000003');
      expect(found.balance.reserved.isZero()).toBe(false);
      const records = await bed.family.contracts('c3');
      expect(records).toHaveLength(1);
      expect(records[0]?.programme?.id).toBe('p01');
      expect(records[0]?.providerName).toBe('АНО «Лингвистический центр «Диалог»');
      expect(records[0]?.entries.map((entry) => entry.kind)).toEqual(['reserve']);
      expect(await bed.family.contracts('c4')).toEqual([]);
      expect(await refusal(bed.family.certificate('nobody'))).toBe('not-found');
    });

    test('withdraws a request before acceptance: reserve released, place freed, by the family', async () => {
      const contract = await enrol('c5', 'p02', 'fam-k2');
      const before = await taken('p02-g1');
      expect(await refusal(bed.family.withdrawEnrolment('c6', 'fam-k2', '2017-10-06'))).toBe(
        'not-found',
      );
      const withdrawn = await bed.family.withdrawEnrolment('c5', 'fam-k2', '2017-10-06');
      expect(withdrawn).toMatchObject({ status: 'refused', closedBy: 'family' });
      expect(await taken('p02-g1')).toBe(before - 1);
      const balance = await bed.financing.balance('c5', PERIOD);
      expect(balance.reserved.isZero()).toBe(true);
      expect(balance.available.toString()).toBe('24000.00');
      expect(contract.certificate.isZero()).toBe(false);
      expect(await refusal(bed.family.withdrawEnrolment('c5', 'fam-k2', '2017-10-07'))).toBe(
        'not-withdrawable',
      );
      await balanceLawHolds();
    });

    test('never withdraws after the provider accepted; ends an active contract from next month', async () => {
      await enrol('c7', 'p03', 'fam-k3');
      await bed.financing.transitionContract('fam-k3', 'accepted', '2017-10-06');
      expect(await refusal(bed.family.withdrawEnrolment('c7', 'fam-k3', '2017-10-06'))).toBe(
        'already-accepted',
      );
      expect(await refusal(bed.family.endContract('c7', 'fam-k3', '2017-10-06'))).toBe(
        'not-active',
      );
      await bed.financing.transitionContract('fam-k3', 'active', '2017-10-07');
      const ended = await bed.family.endContract('c7', 'fam-k3', '2017-11-12');
      expect(ended).toMatchObject({ status: 'closed', closedBy: 'family', end: '2017-11-30' });
      const balance = await bed.financing.balance('c7', PERIOD);
      expect(balance.reserved.toString()).toBe(ended.certificate.toString());
      await balanceLawHolds();
    });

    test('a withdrawal racing the provider’s acceptance: exactly one of them wins, once', async () => {
      const ids = Array.from({ length: 10 }, (_, i) => `race-${String(i)}`);
      for (const [i, id] of ids.entries()) await enrol(`c${String(10 + i)}`, 'p04', id);
      const outcomes = await Promise.all(
        ids.flatMap((id, i) => [
          bed.family.withdrawEnrolment(`c${String(10 + i)}`, id, '2017-10-06').then(
            () => 'withdrawn',
            (error: unknown) => reason(error),
          ),
          bed.financing.transitionContract(id, 'accepted', '2017-10-06').then(
            () => 'accepted',
            (error: unknown) => reason(error),
          ),
        ]),
      );
      for (let i = 0; i < ids.length; i += 1) {
        const pair = [outcomes[2 * i], outcomes[2 * i + 1]].sort();
        expect([
          ['already-accepted', 'accepted'].sort(),
          ['withdrawn', 'invalid-transition'].sort(),
        ]).toContainEqual(pair);
      }
      const withdrawn = outcomes.filter((outcome) => outcome === 'withdrawn').length;
      expect(await taken('p04-g1')).toBe(ids.length - withdrawn);
      const releases = await bed.database.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM financing_ledger
         WHERE kind = 'release' AND contract_id LIKE 'race-%'`,
      );
      expect(Number(releases[0]?.n)).toBe(withdrawn);
      await balanceLawHolds();
    });

    test('the family activates an issued certificate once', async () => {
      const issued = issueCertificate(
        { id: 'c-new', number: '6800000999', birthDate: '2010-01-01', groupId: 'children' },
        '2017-09-01',
      );
      await bed.financing.saveCertificates([issued]);
      const active = await bed.family.activateCertificate('c-new', '2017-10-05');
      expect(active).toMatchObject({ status: 'active', activatedOn: '2017-10-05' });
      expect((await bed.family.certificate('c-new')).certificate.status).toBe('active');
      expect(await refusal(bed.family.activateCertificate('c-new', '2017-10-06'))).toBe(
        'not-activatable',
      );
    });

    describe('certificate applications', () => {
      const form = {
        childName: 'Заявкина Алиса Петровна',
        birthDate: '2010-06-01',
        address: 'г. Мичуринск, ул. Советская, д. 1',
        email: 'apply-me-z9q1@example.org',
        consentVersion: '2026-12-01',
        personalDataConsent: true,
      };
      const submitted = (id: string, email = form.email) =>
        submitCertificateApplication({ ...form, email }, { id, at: now, today: '2017-10-05' });

      test('submitted with a code; read with the code only; listed for the operator', async () => {
        await bed.family.submitApplication(submitted('AAAA-0000-0001'), 'code-one');
        expect(await bed.family.viewApplication('AAAA-0000-0001', 'code-one')).toMatchObject({
          status: 'submitted',
          childName: 'Заявкина Алиса Петровна',
        });
        expect(await bed.family.viewApplication('AAAA-0000-0001', 'code-two')).toBeUndefined();
        expect(await bed.family.viewApplication('AAAA-0000-9999', 'code-one')).toBeUndefined();
        expect(await refusal(bed.family.submitApplication(submitted('AAAA-0000-0001'), 'x'))).toBe(
          'duplicate-application',
        );
        const stored = await bed.database.query('SELECT code_hash FROM certificate_applications');
        expect(JSON.stringify(stored)).not.toContain('code-one');
        const list = await bed.family.listApplications({ status: 'submitted' });
        expect(list.total).toBe(1);
        expect(list.applications[0]?.email).toBe(form.email);
      });

      test('confirmed once however many operators click together: one record certificate', async () => {
        await bed.family.submitApplication(submitted('AAAA-0000-0002'), 'code');
        const decision = { on: '2017-10-06', at: instant('2017-10-06T08:00:00Z'), by: 'Оператор' };
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, () =>
            bed.family.confirmApplication('AAAA-0000-0002', decision).then(
              (confirmed) => confirmed.certificate.number,
              (error: unknown) => reason(error),
            ),
          ),
        );
        const numbers = outcomes.filter((outcome) => /^\d+$/.test(outcome));
        expect(numbers).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome === 'application-decided')).toHaveLength(7);
        const application = await bed.family.readApplication('AAAA-0000-0002');
        expect(application).toMatchObject({ status: 'confirmed', certificateNumber: numbers[0] });
        const certificates = await bed.database.query<{ id: string; kind: string; status: string }>(
          "SELECT id, kind, status FROM certificates WHERE id = 'app-AAAA00000002'",
        );
        expect(certificates).toEqual([
          { id: 'app-AAAA00000002', kind: 'record', status: 'issued' },
        ]);
        // 24 000 × 87 / 365 days left in 2017, rounded down to the kopeck.
        const balance = await bed.financing.balance('app-AAAA00000002', PERIOD);
        expect(balance.available.toString()).toBe('5720.54');
        expect(
          await refusal(
            bed.family.refuseApplication('AAAA-0000-0002', { ...decision, reason: 'x' }),
          ),
        ).toBe('application-decided');
        await balanceLawHolds();
      });

      test('refused with a reason; a refusal of an unknown one is a NotFoundError', async () => {
        await bed.family.submitApplication(submitted('AAAA-0000-0003'), 'code');
        const refused = await bed.family.refuseApplication('AAAA-0000-0003', {
          reason: 'Адрес вне Мичуринска',
          at: now,
          by: 'Оператор',
        });
        expect(refused).toMatchObject({ status: 'refused', refusalReason: 'Адрес вне Мичуринска' });
        expect(
          await refusal(
            bed.family.refuseApplication('AAAA-0000-0404', { reason: 'x', at: now, by: 'x' }),
          ),
        ).toBe('not-found');
      });

      test('withdrawn and erased: the data leaves the row and the table’s files', async () => {
        const marker = 'withdraw-me-w4k8@example.org';
        const erasedMarker = 'erase-me-e5n2@example.org';
        await bed.family.submitApplication(submitted('AAAA-0000-0004', marker), 'code-4');
        expect(
          await bed.family.withdrawApplication('AAAA-0000-0004', 'wrong', now),
        ).toBeUndefined();
        const withdrawn = await bed.family.withdrawApplication('AAAA-0000-0004', 'code-4', now);
        expect(withdrawn).toMatchObject({ status: 'withdrawn', erasedAt: now });
        expect(withdrawn?.email).toBeUndefined();
        await bed.family.submitApplication(submitted('AAAA-0000-0005', erasedMarker), 'code-5');
        expect(await refusal(bed.family.eraseApplication('AAAA-0000-0005', now))).toBe(
          'application-not-decided',
        );
        await bed.family.refuseApplication('AAAA-0000-0005', { reason: 'Дубль', at: now, by: 'О' });
        const erased = await bed.family.eraseApplication('AAAA-0000-0005', now);
        expect([erased.childName, erased.birthDate, erased.address, erased.email]).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
        expect(erased.refusalReason).toBe('Дубль');
        const rows = await bed.database.query(
          "SELECT * FROM certificate_applications WHERE id IN ('AAAA-0000-0004', 'AAAA-0000-0005')",
        );
        expect(JSON.stringify(rows)).not.toMatch(/@example\.org|Заявкина/);
        if (bed.clusterDir !== undefined) {
          await bed.database.exec('CHECKPOINT');
          const paths = await bed.database.query<{ path: string | null }>(
            `SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c
             WHERE c.oid = 'certificate_applications'::regclass
                OR c.oid = (SELECT reltoastrelid FROM pg_class
                            WHERE oid = 'certificate_applications'::regclass)
                OR c.oid IN (SELECT indexrelid FROM pg_index
                             WHERE indrelid = 'certificate_applications'::regclass)`,
          );
          const cluster = bed.clusterDir;
          const files = paths.flatMap(({ path }) => {
            if (path === null) return [];
            const base = join(cluster, path);
            // The relation's segments and forks: `16400`, `16400.1`, `16400_fsm`, `16400_vm`.
            return filesUnder(join(base, '..')).filter(
              (file) => file === base || file.startsWith(`${base}.`) || file.startsWith(`${base}_`),
            );
          });
          expect(files.length).toBeGreaterThan(0);
          const holding = files.filter((file) => {
            if (statSync(file).size === 0) return false;
            const bytes = readFileSync(file);
            return bytes.includes(Buffer.from(marker)) || bytes.includes(Buffer.from(erasedMarker));
          });
          expect(holding).toEqual([]);
          // The search does find what is still stored (an application not erased).
          const kept = files.some(
            (file) =>
              statSync(file).size > 0 && readFileSync(file).includes(Buffer.from(form.email)),
          );
          expect(kept).toBe(true);
        }
      });

      test('the list pages, waiting ones first', async () => {
        const all = await bed.family.listApplications({});
        expect(all.total).toBe(5);
        expect(all.applications[0]?.status).toBe('submitted');
        const page = await bed.family.listApplications({ offset: 1, limit: 2 });
        expect(page.applications.map((a) => a.id)).toEqual(
          all.applications.slice(1, 3).map((a) => a.id),
        );
      });
    });
  });
}
