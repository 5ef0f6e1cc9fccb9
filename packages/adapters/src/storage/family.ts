import { randomBytes } from 'node:crypto';
import {
  activateByFamily,
  certificateApplicationSchema,
  certificateGroupSchema,
  certificateSchema,
  confirmCertificateApplication,
  ConflictError,
  contractSchema,
  endContractByFamily,
  FamilyRefusal,
  eraseCertificateApplication,
  instant,
  Money,
  NotFoundError,
  programmeSchema,
  refuseCertificateApplication,
  ValidationError,
  withdrawCertificateApplication,
  withdrawEnrolment,
  type Certificate,
  type CertificateApplication,
  type CertificateApplicationStatus,
  type CertificateGroup,
  type Contract,
  type Instant,
  type LedgerEntry,
  type Programme,
} from '@eduset/core';
import type { Database, SqlRow, SqlSession } from './database.js';
import {
  freePlace,
  postEntriesIn,
  readBalance,
  readContract,
  retrying,
  writeContract,
  type CertificateWithBalance,
} from './financing.js';
import { hashLinkToken } from './link-tokens.js';

const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A contract of the family's certificate with what the cabinet shows about it: its programme
 * (absent if the registry no longer holds it), the provider's name and the ledger movements
 * of the contract.
 *
 * @example
 * ```ts
 * import type { FamilyContractRecord } from '@eduset/adapters';
 * declare const record: FamilyContractRecord;
 * record.contract.status;
 * ```
 */
export interface FamilyContractRecord {
  readonly contract: Contract;
  readonly programme?: Programme;
  readonly providerName?: string;
  readonly entries: readonly LedgerEntry[];
}

/**
 * What the operator decides a certificate application with: the certificate group (the one
 * open on `on` when not given), the civil day, the instant and who decides (a staff member's
 * name).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { ApplicationConfirmation } from '@eduset/adapters';
 * const decision: ApplicationConfirmation = {
 *   on: '2026-10-06', at: instant('2026-10-06T08:00:00Z'), by: 'Оператор УМИЦ',
 * };
 * ```
 */
export interface ApplicationConfirmation {
  readonly groupId?: string;
  readonly on: string;
  readonly at: Instant;
  readonly by: string;
}

/**
 * A confirmed application with the record certificate issued for it, its group and the
 * nominal issued (scaled to the days left in the period).
 *
 * @example
 * ```ts
 * import type { ConfirmedApplication } from '@eduset/adapters';
 * declare const confirmed: ConfirmedApplication;
 * confirmed.certificate.number;
 * ```
 */
export interface ConfirmedApplication {
  readonly application: CertificateApplication;
  readonly certificate: Certificate;
  readonly group: CertificateGroup;
  readonly nominal: Money;
}

/**
 * The family's cabinet and the families' applications for a certificate, over one database
 * (migration 0025):
 * - cabinet sessions: a random token per check of the certificate number and birth date,
 *   stored as its SHA-256 with the certificate it opens and its expiry; ending it deletes it;
 * - the cabinet's reads (the certificate with its balance, the contracts with their
 *   programmes and ledger movements) and changes (activate the certificate, withdraw a
 *   request, end a contract from next month), each change in one transaction that locks the
 *   record, checks it belongs to the certificate and moves the ledger with it;
 * - certificate applications: submitted with a code (only its hash is kept), read by the
 *   family with the code and by the operator, confirmed (a record certificate and its issue
 *   movement in the same transaction as the decision), refused, withdrawn or erased.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.family.listApplications({ status: 'submitted' });
 * ```
 */
export interface FamilyStore {
  /** Opens a cabinet session for a certificate: a new token, valid `ttlMs` from `now`. */
  openSession(
    certificateId: string,
    now: Instant,
    ttlMs: number,
  ): Promise<{ readonly token: string; readonly expiresAt: Instant }>;
  /** The certificate a session's token opens at `now`, or `undefined` (unknown, expired). */
  sessionCertificate(token: string, now: Instant): Promise<string | undefined>;
  /** Ends a session: its token stops working. */
  endSession(token: string): Promise<void>;
  /** The certificate with its group and balance in the group's period (`NotFoundError`). */
  certificate(certificateId: string): Promise<CertificateWithBalance>;
  /** The certificate's contracts and requests, newest first, with what the cabinet shows. */
  contracts(certificateId: string): Promise<FamilyContractRecord[]>;
  /** The family activates its issued certificate (`FamilyRefusal('not-activatable')`). */
  activateCertificate(certificateId: string, on: string): Promise<Certificate>;
  /** Withdraws a request of this certificate before the provider accepts it. */
  withdrawEnrolment(certificateId: string, contractId: string, on: string): Promise<Contract>;
  /** Ends an active contract of this certificate from next month. */
  endContract(certificateId: string, contractId: string, on: string): Promise<Contract>;
  /** Stores a submitted application with the hash of its code. */
  submitApplication(application: CertificateApplication, code: string): Promise<void>;
  /** The application `id` if `code` is its code, else `undefined` (one answer for both). */
  viewApplication(id: string, code: string): Promise<CertificateApplication | undefined>;
  /** The family withdraws its waiting application with its code (its data erased at once). */
  withdrawApplication(
    id: string,
    code: string,
    at: Instant,
  ): Promise<CertificateApplication | undefined>;
  /** The operator's list: by status, oldest first, a page and the total. */
  listApplications(query: {
    readonly status?: CertificateApplicationStatus;
    readonly offset?: number;
    readonly limit?: number;
  }): Promise<{ readonly total: number; readonly applications: CertificateApplication[] }>;
  /** One application (`NotFoundError`). */
  readApplication(id: string): Promise<CertificateApplication>;
  /** Confirms a waiting application: issues a record certificate in the same transaction. */
  confirmApplication(id: string, decision: ApplicationConfirmation): Promise<ConfirmedApplication>;
  /** Refuses a waiting application with a reason. */
  refuseApplication(
    id: string,
    decision: { readonly reason: string; readonly at: Instant; readonly by: string },
  ): Promise<CertificateApplication>;
  /** Erases a decided application's personal data, then rewrites the table's files. */
  eraseApplication(id: string, at: Instant): Promise<CertificateApplication>;
}

interface ApplicationRow extends SqlRow {
  id: string;
  status: string;
  submitted_at: Date | string;
  consent_version: string;
  child_name: string | null;
  birth_date: string | null;
  address: string | null;
  email: string | null;
  decided_at: Date | string | null;
  decided_by: string | null;
  refusal_reason: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
  erased_at: Date | string | null;
}

const applicationColumns = `id, status, submitted_at, consent_version, child_name,
  birth_date::text AS birth_date, address, email, decided_at, decided_by, refusal_reason,
  certificate_id, certificate_number, erased_at`;

function applicationOf(row: ApplicationRow): CertificateApplication {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return certificateApplicationSchema.parse({
    id: row.id,
    status: row.status,
    submittedAt: instant(row.submitted_at),
    consentVersion: row.consent_version,
    ...optional('childName', row.child_name),
    ...optional('birthDate', row.birth_date),
    ...optional('address', row.address),
    ...optional('email', row.email),
    ...optional('decidedAt', row.decided_at === null ? null : instant(row.decided_at)),
    ...optional('decidedBy', row.decided_by),
    ...optional('refusalReason', row.refusal_reason),
    ...optional('certificateId', row.certificate_id),
    ...optional('certificateNumber', row.certificate_number),
    ...optional('erasedAt', row.erased_at === null ? null : instant(row.erased_at)),
  });
}

/** Writes an application's state (never its id, code or submission). */
async function writeApplication(
  session: SqlSession,
  application: CertificateApplication,
): Promise<void> {
  const valid = certificateApplicationSchema.parse(application);
  await session.query(
    `UPDATE certificate_applications SET status = $2, child_name = $3, birth_date = $4::date,
       address = $5, email = $6, decided_at = $7::timestamptz, decided_by = $8,
       refusal_reason = $9, certificate_id = $10, certificate_number = $11,
       erased_at = $12::timestamptz
     WHERE id = $1`,
    [
      valid.id,
      valid.status,
      valid.childName ?? null,
      valid.birthDate ?? null,
      valid.address ?? null,
      valid.email ?? null,
      valid.decidedAt ?? null,
      valid.decidedBy ?? null,
      valid.refusalReason ?? null,
      valid.certificateId ?? null,
      valid.certificateNumber ?? null,
      valid.erasedAt ?? null,
    ],
  );
}

async function lockApplication(session: SqlSession, id: string): Promise<CertificateApplication> {
  const [row] = await session.query<ApplicationRow>(
    `SELECT ${applicationColumns} FROM certificate_applications WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (row === undefined) throw new NotFoundError('certificate-application', id);
  return applicationOf(row);
}

interface LedgerRow extends SqlRow {
  id: string;
  certificate_id: string;
  period: string;
  kind: LedgerEntry['kind'];
  amount: string;
  contract_id: string | null;
  provider_id: string | null;
  month: string | null;
}

function entryOf(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    period: row.period,
    kind: row.kind,
    amount: Money.of(row.amount),
    ...(row.contract_id === null ? {} : { contractId: row.contract_id }),
    ...(row.provider_id === null ? {} : { providerId: row.provider_id }),
    ...(row.month === null ? {} : { month: row.month }),
  };
}

async function readCertificate(
  session: SqlSession,
  certificateId: string,
  lock = false,
): Promise<{ readonly certificate: Certificate; readonly group: CertificateGroup }> {
  const [row] = await session.query<{ document: unknown; group_document: unknown }>(
    `SELECT c.document, g.document AS group_document FROM certificates c
     JOIN certificate_groups g ON g.id = c.group_id WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [certificateId],
  );
  if (row === undefined) throw new NotFoundError('certificate', certificateId);
  return {
    certificate: certificateSchema.parse(row.document),
    group: certificateGroupSchema.parse(row.group_document),
  };
}

/** A contract of this certificate, locked; another certificate's answers as a missing one. */
async function ownContract(
  session: SqlSession,
  certificateId: string,
  contractId: string,
): Promise<Contract> {
  const contract = await readContract(session, contractId, true);
  if (contract.certificateId !== certificateId) throw new NotFoundError('contract', contractId);
  return contract;
}

/** The group to issue into: the one asked for, or the only one whose period holds `on`. */
async function groupFor(
  session: SqlSession,
  groupId: string | undefined,
  on: string,
): Promise<CertificateGroup> {
  const rows = await session.query<{ document: unknown }>(
    'SELECT document FROM certificate_groups ORDER BY id',
  );
  const groups = rows.map((row) => certificateGroupSchema.parse(row.document));
  if (groupId !== undefined) {
    const group = groups.find((candidate) => candidate.id === groupId);
    if (group === undefined) throw new NotFoundError('certificate-group', groupId);
    return group;
  }
  const open = groups.filter((group) => group.period.start <= on && on <= group.period.end);
  const [only] = open;
  if (only === undefined) throw new FamilyRefusal('no-certificate-group');
  if (open.length > 1) {
    throw new ValidationError([
      {
        path: ['groupId'],
        code: 'group_required',
        message: {
          ru: `Открыто несколько групп сертификатов; выберите одну: ${open.map((g) => g.name).join(', ')}`,
          en: `Several certificate groups are open; choose one: ${open.map((g) => g.name).join(', ')}`,
        },
      },
    ]);
  }
  return only;
}

/** A certificate number no certificate holds yet, from the sequence of migration 0025. */
async function freeNumber(session: SqlSession): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [row] = await session.query<{ number: string }>(
      "SELECT nextval('certificate_application_numbers')::text AS number",
    );
    const number = row?.number ?? '';
    const taken = await session.query('SELECT 1 FROM certificates WHERE number = $1', [number]);
    if (taken.length === 0) return number;
  }
  throw new ConflictError('no-certificate-number', {
    ru: 'Не удалось подобрать свободный номер сертификата',
    en: 'No free certificate number could be found',
  });
}

/**
 * The family store over one database (see {@link FamilyStore}).
 *
 * @example
 * ```ts
 * import { familyStore } from './family.js';
 * declare const database: Parameters<typeof familyStore>[0];
 * const store = familyStore(database);
 * ```
 */
export function familyStore(database: Database): FamilyStore {
  return {
    async openSession(certificateId, now, ttlMs) {
      if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000) throw new RangeError(`ttl ${ttlMs} ms`);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = instant(new Date(Date.parse(now) + ttlMs));
      await database.transaction(async (session) => {
        await session.query('DELETE FROM family_sessions WHERE expires_at <= $1', [now]);
        await session.query(
          `INSERT INTO family_sessions (token_hash, certificate_id, created_at, expires_at)
           VALUES ($1, $2, $3, $4)`,
          [hashLinkToken(token), certificateId, now, expiresAt],
        );
      });
      return { token, expiresAt };
    },

    async sessionCertificate(token, now) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const [row] = await database.query<{ certificate_id: string }>(
        'SELECT certificate_id FROM family_sessions WHERE token_hash = $1 AND expires_at > $2',
        [hashLinkToken(token), now],
      );
      return row?.certificate_id;
    },

    async endSession(token) {
      await database.query('DELETE FROM family_sessions WHERE token_hash = $1', [
        hashLinkToken(token),
      ]);
    },

    async certificate(certificateId) {
      return database.transaction(async (session) => {
        const { certificate, group } = await readCertificate(session, certificateId);
        return {
          certificate,
          group,
          balance: await readBalance(session, certificate.id, group.period.id),
        };
      });
    },

    async contracts(certificateId) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const rows = await session.query<{ document: unknown }>(
          `SELECT document FROM financing_contracts WHERE certificate_id = $1
           ORDER BY requested_on DESC, id DESC`,
          [certificateId],
        );
        const contracts = rows.map((row) => contractSchema.parse(row.document));
        if (contracts.length === 0) return [];
        const programmeIds = JSON.stringify([...new Set(contracts.map((c) => c.programmeId))]);
        const providerIds = JSON.stringify([...new Set(contracts.map((c) => c.providerId))]);
        const programmes = new Map(
          (
            await session.query<{ document: unknown }>(
              `SELECT document FROM financing_programmes
               WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
              [programmeIds],
            )
          )
            .map((row) => programmeSchema.parse(row.document))
            .map((programme) => [programme.id, programme] as const),
        );
        const providers = new Map(
          (
            await session.query<{ id: string; name: string }>(
              `SELECT id, name FROM financing_providers
               WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
              [providerIds],
            )
          ).map((row) => [row.id, row.name] as const),
        );
        const entries = (
          await session.query<LedgerRow>(
            `SELECT id, certificate_id, period, kind, amount::text AS amount, contract_id,
               provider_id, month
             FROM financing_ledger WHERE certificate_id = $1 AND contract_id IS NOT NULL
             ORDER BY seq`,
            [certificateId],
          )
        ).map(entryOf);
        return contracts.map((contract) => {
          const programme = programmes.get(contract.programmeId);
          const providerName = providers.get(contract.providerId);
          return {
            contract,
            ...(programme === undefined ? {} : { programme }),
            ...(providerName === undefined ? {} : { providerName }),
            entries: entries.filter((entry) => entry.contractId === contract.id),
          };
        });
      });
    },

    activateCertificate(certificateId, on) {
      return retrying(database, async (session) => {
        const { certificate } = await readCertificate(session, certificateId, true);
        const active = activateByFamily(certificate, on);
        await session.query(
          `UPDATE certificates SET status = $2, document = $3::jsonb WHERE id = $1`,
          [active.id, active.status, JSON.stringify(certificateSchema.parse(active))],
        );
        return active;
      });
    },

    withdrawEnrolment(certificateId, contractId, on) {
      return retrying(database, async (session) => {
        const contract = await ownContract(session, certificateId, contractId);
        const { contract: next, entries } = withdrawEnrolment(contract, on);
        await postEntriesIn(session, entries);
        await freePlace(session, contract);
        await writeContract(session, next);
        return next;
      });
    },

    endContract(certificateId, contractId, on) {
      return retrying(database, async (session) => {
        const contract = await ownContract(session, certificateId, contractId);
        const { contract: next, entries } = endContractByFamily(contract, on);
        await postEntriesIn(session, entries);
        await freePlace(session, contract);
        await writeContract(session, next);
        return next;
      });
    },

    async submitApplication(input, code) {
      const application = certificateApplicationSchema.parse(input);
      if (application.status !== 'submitted' || application.childName === undefined) {
        throw new ConflictError('application-not-new', {
          ru: 'Сохранить можно только новое заявление',
          en: 'Only a new application can be stored',
        });
      }
      try {
        await database.query(
          `INSERT INTO certificate_applications (id, code_hash, status, submitted_at,
             consent_version, child_name, birth_date, address, email)
           VALUES ($1, $2, 'submitted', $3, $4, $5, $6::date, $7, $8)`,
          [
            application.id,
            hashLinkToken(code),
            application.submittedAt,
            application.consentVersion,
            application.childName,
            application.birthDate ?? null,
            application.address ?? null,
            application.email ?? null,
          ],
        );
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          throw new ConflictError('duplicate-application', {
            ru: `Заявление «${application.id}» уже есть`,
            en: `Application "${application.id}" already exists`,
          });
        }
        throw error;
      }
    },

    async viewApplication(id, code) {
      const [row] = await database.query<ApplicationRow>(
        `SELECT ${applicationColumns} FROM certificate_applications
         WHERE id = $1 AND code_hash = $2`,
        [id, hashLinkToken(code)],
      );
      return row === undefined ? undefined : applicationOf(row);
    },

    async withdrawApplication(id, code, at) {
      const withdrawn = await retrying(database, async (session) => {
        const [row] = await session.query<ApplicationRow>(
          `SELECT ${applicationColumns} FROM certificate_applications
           WHERE id = $1 AND code_hash = $2 FOR UPDATE`,
          [id, hashLinkToken(code)],
        );
        if (row === undefined) return undefined;
        const next = withdrawCertificateApplication(applicationOf(row), at);
        await writeApplication(session, next);
        return next;
      });
      // The withdrawn application's data is erased: rewrite the table's files (see below).
      if (withdrawn !== undefined)
        await database.exec('VACUUM (FULL, ANALYZE) certificate_applications');
      return withdrawn;
    },

    async listApplications(query) {
      const status = query.status ?? null;
      const [count] = await database.query<{ total: number | string }>(
        `SELECT count(*) AS total FROM certificate_applications
         WHERE $1::text IS NULL OR status = $1`,
        [status],
      );
      const rows = await database.query<ApplicationRow>(
        `SELECT ${applicationColumns} FROM certificate_applications
         WHERE $1::text IS NULL OR status = $1
         ORDER BY (status = 'submitted') DESC, submitted_at, id
         OFFSET $2 LIMIT $3`,
        [status, query.offset ?? 0, query.limit ?? 50],
      );
      return { total: Number(count?.total ?? 0), applications: rows.map(applicationOf) };
    },

    async readApplication(id) {
      const [row] = await database.query<ApplicationRow>(
        `SELECT ${applicationColumns} FROM certificate_applications WHERE id = $1`,
        [id],
      );
      if (row === undefined) throw new NotFoundError('certificate-application', id);
      return applicationOf(row);
    },

    confirmApplication(id, decision) {
      return retrying(database, async (session) => {
        const application = await lockApplication(session, id);
        const group = await groupFor(session, decision.groupId, decision.on);
        const number = await freeNumber(session);
        const confirmed = confirmCertificateApplication(application, {
          certificateId: `app-${application.id.replaceAll('-', '')}`,
          number,
          group,
          on: decision.on,
          at: decision.at,
          by: decision.by,
        });
        const { certificate } = confirmed;
        await session.query(
          `INSERT INTO certificates (id, number, birth_date, group_id, kind, status, document)
           VALUES ($1, $2, $3::date, $4, $5, $6, $7::jsonb)`,
          [
            certificate.id,
            certificate.number,
            certificate.birthDate,
            certificate.groupId,
            certificate.kind,
            certificate.status,
            JSON.stringify(certificateSchema.parse(certificate)),
          ],
        );
        await postEntriesIn(session, [confirmed.issue]);
        await writeApplication(session, confirmed.application);
        return {
          application: confirmed.application,
          certificate,
          group,
          nominal: confirmed.issue.amount,
        };
      });
    },

    refuseApplication(id, decision) {
      return retrying(database, async (session) => {
        const refused = refuseCertificateApplication(await lockApplication(session, id), decision);
        await writeApplication(session, refused);
        return refused;
      });
    },

    async eraseApplication(id, at) {
      const erased = await retrying(database, async (session) => {
        const application = await lockApplication(session, id);
        if (application.erasedAt !== undefined) return application;
        const next = eraseCertificateApplication(application, at);
        await writeApplication(session, next);
        return next;
      });
      // A rewrite of the table: no dead row version keeps the erased data (migration 0025).
      await database.exec('VACUUM (FULL, ANALYZE) certificate_applications');
      return erased;
    },
  };
}
