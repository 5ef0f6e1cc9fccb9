import {
  ConflictError,
  NotFoundError,
  advanceEntries,
  certificateGroupSchema,
  certificateSchema,
  contractSchema,
  createProgrammeRegistry,
  FinancingLimitError,
  Money,
  paymentReport,
  programmeSchema,
  providerSchema,
  requestEnrolment as requestEnrolmentInCore,
  settlementEntries,
  terminateContract as terminateInCore,
  transitionContract as transitionInCore,
  type Balance,
  type BillingOptions,
  type Certificate,
  type CertificateGroup,
  type Contract,
  type ContractStatus,
  type Direction,
  type Ledger,
  type LedgerEntry,
  type Programme,
  type ProgrammeRegistry,
  type ProviderPayment,
} from '@eduset/core';
import type { Database, SqlParam, SqlSession } from './database.js';

/** SQLSTATE codes the financing storage turns into eduset errors or retries. */
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function constraintOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const record = error as { constraint?: unknown; message?: unknown };
  if (typeof record.constraint === 'string') return record.constraint;
  return typeof record.message === 'string' ? record.message : '';
}

/** The balance read between a request's read and its reserve changed: run it again. */
class StaleBalance extends Error {
  constructor() {
    super('stale balance');
  }
}

/**
 * What a family's enrolment request names: the certificate, the programme, module and group,
 * and the day it is made (the server's `now`).
 *
 * @example
 * ```ts
 * import type { EnrolmentInput } from '@eduset/adapters';
 * const input: EnrolmentInput = {
 *   contractId: 'k1', certificateId: 'c1', programmeId: 'robotics', moduleId: 'm1', groupId: 'g1',
 *   requestedOn: '2017-08-25',
 * };
 * ```
 */
export interface EnrolmentInput {
  readonly contractId: string;
  readonly certificateId: string;
  readonly programmeId: string;
  readonly moduleId: string;
  readonly groupId: string;
  readonly requestedOn: string;
  readonly start?: string;
  readonly end?: string;
}

/**
 * A certificate with its balance for its group's current period, as the balance endpoint
 * shows it.
 *
 * @example
 * ```ts
 * import type { CertificateWithBalance } from '@eduset/adapters';
 * declare const found: CertificateWithBalance;
 * found.balance.available.toString();
 * ```
 */
export interface CertificateWithBalance {
  readonly certificate: Certificate;
  readonly group: CertificateGroup;
  readonly balance: Balance;
}

/**
 * The financing half of the storage: the programme registry, certificates and their
 * balances, the ledger and enrolment contracts, over one database (migration 0003). Every
 * limit that concurrent requests could break is enforced by the database.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.financing.listProgrammes();
 * await storage.close();
 * ```
 */
export interface FinancingStore {
  /** Upserts providers, programmes and their groups (places already taken are kept). */
  saveRegistry(registry: ProgrammeRegistry): Promise<void>;
  /** The whole registry, programmes in id order. */
  listProgrammes(): Promise<ProgrammeRegistry>;
  /** Upserts a certificate group. */
  saveCertificateGroup(group: CertificateGroup): Promise<void>;
  /** Upserts certificates. */
  saveCertificates(certificates: readonly Certificate[]): Promise<void>;
  /** Sets the payer's limits of funded enrolments per direction. */
  setDirectionLimits(limits: Partial<Record<Direction, number>>): Promise<void>;
  /** Posts ledger movements in one transaction, all or nothing; returns how many were new. */
  postEntries(entries: readonly LedgerEntry[]): Promise<number>;
  /** A certificate's stored balance in a period. */
  balance(certificateId: string, period: string): Promise<Balance>;
  /** A certificate by its number and the child's birth date (both must match). */
  findCertificate(number: string, birthDate: string): Promise<CertificateWithBalance>;
  /** Checks every limit in the database and stores the request with its reserve. */
  requestEnrolment(input: EnrolmentInput): Promise<Contract>;
  /** Moves a contract to another status (refusal and lapse release the reserve). */
  transitionContract(contractId: string, to: ContractStatus, on: string): Promise<Contract>;
  /** Lapses requests not confirmed within `afterDays` days of `today`; returns them. */
  lapseUnconfirmed(today: string, afterDays: number): Promise<Contract[]>;
  /** Terminates an active contract by the family or the provider. */
  terminateContract(contractId: string, on: string, by: 'family' | 'provider'): Promise<Contract>;
  /** Every contract, in id order. */
  listContracts(): Promise<Contract[]>;
  /** Bills a month (advance, then settlement with the given completeness); returns new movements. */
  billMonth(
    month: string,
    phase: 'advance' | 'settlement',
    options?: BillingOptions,
  ): Promise<number>;
  /** What the payer owes each provider for a month. */
  paymentReport(month: string): Promise<{
    readonly month: string;
    readonly lines: readonly ProviderPayment[];
    readonly totals: Omit<ProviderPayment, 'providerId'>;
  }>;
  /** Every ledger movement in posting order. */
  ledgerEntries(): Promise<LedgerEntry[]>;
}

interface BalanceRow extends Record<string, unknown> {
  certificate_id: string;
  period: string;
  issued: string;
  lapsed: string;
  available: string;
  reserved: string;
  spent: string;
}

function toBalance(row: BalanceRow): Balance {
  const issued = Money.of(row.issued);
  const lapsed = Money.of(row.lapsed);
  return {
    certificateId: row.certificate_id,
    period: row.period,
    issued,
    lapsed,
    nominal: issued.subtract(lapsed),
    available: Money.of(row.available),
    reserved: Money.of(row.reserved),
    spent: Money.of(row.spent),
  };
}

const balanceColumns =
  'certificate_id, period, issued::text AS issued, lapsed::text AS lapsed, available::text AS available, reserved::text AS reserved, spent::text AS spent';

/**
 * A certificate's stored balance in a period (zero when it has none), inside a session.
 *
 * @example
 * ```ts
 * import { readBalance } from './financing.js';
 * declare const session: Parameters<typeof readBalance>[0];
 * (await readBalance(session, 'c1', '2017')).available.toString();
 * ```
 */
export async function readBalance(
  session: SqlSession,
  certificateId: string,
  period: string,
): Promise<Balance> {
  const [row] = await session.query<BalanceRow>(
    `SELECT ${balanceColumns} FROM certificate_balances WHERE certificate_id = $1 AND period = $2`,
    [certificateId, period],
  );
  if (row) return toBalance(row);
  const zero = Money.zero();
  return {
    certificateId,
    period,
    issued: zero,
    lapsed: zero,
    nominal: zero,
    available: zero,
    reserved: zero,
    spent: zero,
  };
}

const movement: Record<LedgerEntry['kind'], { readonly set: string; readonly need?: string }> = {
  issue: { set: 'issued = issued + $3, available = available + $3' },
  reserve: { set: 'available = available - $3, reserved = reserved + $3', need: 'available' },
  release: { set: 'reserved = reserved - $3, available = available + $3', need: 'reserved' },
  debit: { set: 'reserved = reserved - $3, spent = spent + $3', need: 'reserved' },
  refund: { set: 'spent = spent - $3, available = available + $3', need: 'spent' },
  lapse: { set: 'available = available - $3, lapsed = lapsed + $3', need: 'available' },
};

interface LedgerRow extends Record<string, unknown> {
  id: string;
  certificate_id: string;
  period: string;
  kind: LedgerEntry['kind'];
  amount: string;
  contract_id: string | null;
  provider_id: string | null;
  month: string | null;
}

function toEntry(row: LedgerRow): LedgerEntry {
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

const ledgerColumns =
  'id, certificate_id, period, kind, amount::text AS amount, contract_id, provider_id, month';

/**
 * Posts movements inside the caller's transaction: each is inserted once (an id already
 * posted with the same content is skipped) and applied with a conditional UPDATE, so no part
 * of a balance can go below zero even under concurrent writers. Returns the new movements.
 */
export async function postEntriesIn(
  session: SqlSession,
  entries: readonly LedgerEntry[],
): Promise<number> {
  let posted = 0;
  for (const entry of entries) {
    const amount = entry.amount.toString();
    const inserted = await session.query(
      `INSERT INTO financing_ledger (id, certificate_id, period, kind, amount, contract_id, provider_id, month)
       VALUES ($1, $2, $3, $4, $5::numeric, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        entry.id,
        entry.certificateId,
        entry.period,
        entry.kind,
        amount,
        entry.contractId ?? null,
        entry.providerId ?? null,
        entry.month ?? null,
      ],
    );
    if (inserted.length === 0) {
      const [existing] = await session.query<LedgerRow>(
        `SELECT ${ledgerColumns} FROM financing_ledger WHERE id = $1`,
        [entry.id],
      );
      const same =
        existing !== undefined &&
        existing.kind === entry.kind &&
        existing.certificate_id === entry.certificateId &&
        existing.period === entry.period &&
        Money.of(existing.amount).equals(entry.amount);
      if (!same) {
        throw new ConflictError('duplicate-entry', {
          ru: `Движение «${entry.id}» уже проведено с другими данными`,
          en: `Movement "${entry.id}" is already posted with different data`,
        });
      }
      continue;
    }
    const rule = movement[entry.kind];
    const params: SqlParam[] = [entry.certificateId, entry.period, amount];
    if (entry.kind === 'issue') {
      await session.query(
        `INSERT INTO certificate_balances (certificate_id, period, issued, available)
         VALUES ($1, $2, $3::numeric, $3::numeric)
         ON CONFLICT (certificate_id, period) DO UPDATE SET
           issued = certificate_balances.issued + excluded.issued,
           available = certificate_balances.available + excluded.available`,
        params,
      );
    } else {
      const updated = await session.query(
        `UPDATE certificate_balances SET ${rule.set.replaceAll('$3', '$3::numeric')}
         WHERE certificate_id = $1 AND period = $2 AND ${rule.need ?? 'true'} >= $3::numeric
         RETURNING certificate_id`,
        params,
      );
      if (updated.length === 0) {
        if (entry.kind === 'reserve') throw new StaleBalance();
        throw new FinancingLimitError(
          rule.need === 'reserved' ? 'insufficient-reserve' : 'insufficient-balance',
        );
      }
    }
    posted += 1;
  }
  return posted;
}

/**
 * Runs a transaction again after a deadlock, a serialization failure or a balance that
 * changed between its read and its reserve (up to 20 times).
 *
 * @example
 * ```ts
 * import { retrying } from './financing.js';
 * declare const database: Parameters<typeof retrying>[0];
 * await retrying(database, async (session) => session.query('SELECT 1'));
 * ```
 */
export async function retrying<T>(
  database: Database,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      const state = sqlState(error);
      const transient =
        error instanceof StaleBalance || state === DEADLOCK || state === SERIALIZATION_FAILURE;
      if (!transient) throw error;
      if (attempt >= 20) {
        if (error instanceof StaleBalance) throw new FinancingLimitError('insufficient-balance');
        throw error;
      }
    }
  }
}

/**
 * Reads a contract inside the caller's transaction (`FOR UPDATE` with `lock`), validated with
 * core's schema; `NotFoundError` when there is none.
 *
 * @example
 * ```ts
 * import { readContract } from './financing.js';
 * declare const session: Parameters<typeof readContract>[0];
 * await readContract(session, 'enr-1', true);
 * ```
 */
export async function readContract(
  session: SqlSession,
  id: string,
  lock = false,
): Promise<Contract> {
  const [row] = await session.query<{ document: unknown }>(
    `SELECT document FROM financing_contracts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw new NotFoundError('contract', id);
  return contractSchema.parse(row.document);
}

/**
 * Writes a contract's new status and document inside the caller's transaction.
 *
 * @example
 * ```ts
 * import { writeContract } from './financing.js';
 * import type { Contract } from '@eduset/core';
 * declare const session: Parameters<typeof writeContract>[0];
 * declare const contract: Contract;
 * await writeContract(session, contract);
 * ```
 */
export async function writeContract(session: SqlSession, contract: Contract): Promise<void> {
  await session.query(
    'UPDATE financing_contracts SET status = $2, document = $3::jsonb WHERE id = $1',
    [contract.id, contract.status, JSON.stringify(contract)],
  );
}

/**
 * Gives back the place a contract held (its group's, its programme's and, when the
 * certificate paid, the direction's), inside the caller's transaction.
 *
 * @example
 * ```ts
 * import { freePlace } from './financing.js';
 * import type { Contract } from '@eduset/core';
 * declare const session: Parameters<typeof freePlace>[0];
 * declare const contract: Contract;
 * await freePlace(session, contract);
 * ```
 */
export async function freePlace(session: SqlSession, contract: Contract): Promise<void> {
  await session.query('UPDATE financing_groups SET taken = taken - 1 WHERE id = $1 AND taken > 0', [
    contract.groupId,
  ]);
  await session.query(
    'UPDATE financing_programmes SET enrolments = enrolments - 1 WHERE id = $1 AND enrolments > 0',
    [contract.programmeId],
  );
  if (!contract.certificate.isZero()) {
    await session.query(
      'UPDATE financing_direction_limits SET enrolments = enrolments - 1 WHERE direction = $1 AND enrolments > 0',
      [contract.direction],
    );
  }
}

async function readProgramme(session: SqlSession, id: string): Promise<Programme> {
  const [row] = await session.query<{ document: unknown }>(
    'SELECT document FROM financing_programmes WHERE id = $1',
    [id],
  );
  if (!row) throw new NotFoundError('programme', id);
  return programmeSchema.parse(row.document);
}

async function loadBillable(session: SqlSession): Promise<Contract[]> {
  const rows = await session.query<{ document: unknown }>(
    `SELECT document FROM financing_contracts WHERE status IN ('active', 'closed') ORDER BY id`,
  );
  return rows.map((row) => contractSchema.parse(row.document));
}

async function monthLedger(session: SqlSession, month: string): Promise<Ledger> {
  const rows = await session.query<LedgerRow>(
    `SELECT ${ledgerColumns} FROM financing_ledger WHERE month = $1 ORDER BY seq`,
    [month],
  );
  return { entries: rows.map(toEntry), balances: new Map() };
}

/**
 * The financing store over one database (see {@link FinancingStore}).
 *
 * @example
 * ```ts
 * import { financingStore } from './financing.js';
 * declare const database: Parameters<typeof financingStore>[0];
 * const store = financingStore(database);
 * ```
 */
export function financingStore(database: Database): FinancingStore {
  return {
    async saveRegistry(input) {
      const registry = createProgrammeRegistry(JSON.parse(JSON.stringify(input)));
      await database.transaction(async (session) => {
        await session.query(
          `INSERT INTO financing_providers (id, name, kind, district)
           SELECT id, name, kind, district FROM jsonb_to_recordset($1::jsonb)
             AS r(id text, name text, kind text, district text)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, district = excluded.district`,
          [JSON.stringify(registry.providers.map((p) => providerSchema.parse(p)))],
        );
        const programmes = registry.programmes.map((programme) => ({
          id: programme.id,
          provider_id: programme.providerId,
          name: programme.name,
          funding_kind: programme.fundingKind,
          direction: programme.direction,
          age_from: programme.ageFrom,
          age_to: programme.ageTo,
          max_enrolments: programme.maxEnrolments ?? null,
          document: programme,
        }));
        await session.query(
          `INSERT INTO financing_programmes (id, provider_id, name, funding_kind, direction, age_from, age_to, max_enrolments, document)
           SELECT id, provider_id, name, funding_kind, direction, age_from, age_to, max_enrolments, document
           FROM jsonb_to_recordset($1::jsonb) AS r(id text, provider_id text, name text, funding_kind text,
             direction text, age_from integer, age_to integer, max_enrolments integer, document jsonb)
           ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id, name = excluded.name,
             funding_kind = excluded.funding_kind, direction = excluded.direction, age_from = excluded.age_from,
             age_to = excluded.age_to, max_enrolments = excluded.max_enrolments, document = excluded.document`,
          [JSON.stringify(programmes)],
        );
        const groups = registry.programmes.flatMap((programme) =>
          programme.modules.flatMap((module) =>
            module.groups.map((group) => ({
              id: group.id,
              programme_id: programme.id,
              module_id: module.id,
              capacity: group.capacity,
            })),
          ),
        );
        await session.query(
          `INSERT INTO financing_groups (id, programme_id, module_id, capacity)
           SELECT id, programme_id, module_id, capacity FROM jsonb_to_recordset($1::jsonb)
             AS r(id text, programme_id text, module_id text, capacity integer)
           ON CONFLICT (id) DO UPDATE SET programme_id = excluded.programme_id,
             module_id = excluded.module_id, capacity = excluded.capacity`,
          [JSON.stringify(groups)],
        );
      });
    },

    async listProgrammes() {
      const providers = await database.query<{
        id: string;
        name: string;
        kind: string;
        district: string | null;
      }>('SELECT id, name, kind, district FROM financing_providers ORDER BY id');
      const programmes = await database.query<{ document: unknown }>(
        'SELECT document FROM financing_programmes ORDER BY id',
      );
      return {
        providers: providers.map((row) =>
          providerSchema.parse({
            id: row.id,
            name: row.name,
            kind: row.kind,
            ...(row.district ? { district: row.district } : {}),
          }),
        ),
        programmes: programmes.map((row) => programmeSchema.parse(row.document)),
      };
    },

    async saveCertificateGroup(input) {
      const group = certificateGroupSchema.parse(JSON.parse(JSON.stringify(input)));
      await database.query(
        `INSERT INTO certificate_groups (id, document, period, funded_places) VALUES ($1, $2::jsonb, $3, $4)
         ON CONFLICT (id) DO UPDATE SET document = excluded.document, period = excluded.period,
           funded_places = excluded.funded_places`,
        [group.id, JSON.stringify(group), group.period.id, group.fundedPlaces],
      );
    },

    async saveCertificates(input) {
      const certificates = input.map((certificate) => certificateSchema.parse(certificate));
      await database.transaction(async (session) => {
        await session.query(
          `INSERT INTO certificates (id, number, birth_date, group_id, kind, status, document)
           SELECT id, number, birth_date, group_id, kind, status, document FROM jsonb_to_recordset($1::jsonb)
             AS r(id text, number text, birth_date date, group_id text, kind text, status text, document jsonb)
           ON CONFLICT (id) DO UPDATE SET number = excluded.number, birth_date = excluded.birth_date,
             group_id = excluded.group_id, kind = excluded.kind, status = excluded.status, document = excluded.document`,
          [
            JSON.stringify(
              certificates.map((certificate) => ({
                id: certificate.id,
                number: certificate.number,
                birth_date: certificate.birthDate,
                group_id: certificate.groupId,
                kind: certificate.kind,
                status: certificate.status,
                document: certificate,
              })),
            ),
          ],
        );
        await session.query(
          `UPDATE certificate_groups g SET funded_count =
             (SELECT count(*) FROM certificates c WHERE c.group_id = g.id AND c.kind = 'funded')`,
        );
      });
    },

    async setDirectionLimits(limits) {
      await database.transaction(async (session) => {
        for (const [direction, max] of Object.entries(limits)) {
          if (max === undefined) continue;
          await session.query(
            `INSERT INTO financing_direction_limits (direction, max_enrolments) VALUES ($1, $2)
             ON CONFLICT (direction) DO UPDATE SET max_enrolments = excluded.max_enrolments`,
            [direction, max],
          );
        }
      });
    },

    postEntries(entries) {
      return retrying(database, (session) => postEntriesIn(session, entries));
    },

    balance(certificateId, period) {
      return readBalance(database, certificateId, period);
    },

    async findCertificate(number, birthDate) {
      const [row] = await database.query<{ document: unknown; group_document: unknown }>(
        `SELECT c.document, g.document AS group_document FROM certificates c
         JOIN certificate_groups g ON g.id = c.group_id
         WHERE c.number = $1 AND c.birth_date = $2::date`,
        [number, birthDate],
      );
      // One answer for a wrong number and a wrong birth date: nothing to probe.
      if (!row) throw new NotFoundError('certificate', number);
      const certificate = certificateSchema.parse(row.document);
      const group = certificateGroupSchema.parse(row.group_document);
      return {
        certificate,
        group,
        balance: await readBalance(database, certificate.id, group.period.id),
      };
    },

    requestEnrolment(input) {
      return retrying(database, async (session) => {
        const [certificateRow] = await session.query<{
          document: unknown;
          group_document: unknown;
          funded_count: number;
        }>(
          `SELECT c.document, g.document AS group_document, g.funded_count FROM certificates c
           JOIN certificate_groups g ON g.id = c.group_id WHERE c.id = $1`,
          [input.certificateId],
        );
        if (!certificateRow) throw new NotFoundError('certificate', input.certificateId);
        const certificate = certificateSchema.parse(certificateRow.document);
        const group = certificateGroupSchema.parse(certificateRow.group_document);
        const programme = await readProgramme(session, input.programmeId);
        const balance = await readBalance(session, certificate.id, group.period.id);
        const result = requestEnrolmentInCore({
          contractId: input.contractId,
          certificate,
          balance,
          programme,
          moduleId: input.moduleId,
          groupId: input.groupId,
          requestedOn: input.requestedOn,
          ...(input.start === undefined ? {} : { start: input.start }),
          ...(input.end === undefined ? {} : { end: input.end }),
          existing: [],
          certificateGroup: group,
          fundedCount: Number(certificateRow.funded_count),
        });
        const { contract } = result;
        if (result.certificate.kind !== certificate.kind) {
          const funded = await session.query(
            `UPDATE certificate_groups SET funded_count = funded_count + 1
             WHERE id = $1 AND funded_count < funded_places RETURNING id`,
            [group.id],
          );
          if (funded.length === 0) throw new FinancingLimitError('funded-places-exhausted');
          await session.query(
            `UPDATE certificates SET kind = 'funded', document = $2::jsonb WHERE id = $1`,
            [certificate.id, JSON.stringify(result.certificate)],
          );
        }
        const place = await session.query(
          'UPDATE financing_groups SET taken = taken + 1 WHERE id = $1 AND taken < capacity RETURNING id',
          [contract.groupId],
        );
        if (place.length === 0) throw new FinancingLimitError('group-full');
        const enrolment = await session.query(
          `UPDATE financing_programmes SET enrolments = enrolments + 1
           WHERE id = $1 AND (max_enrolments IS NULL OR enrolments < max_enrolments) RETURNING id`,
          [contract.programmeId],
        );
        if (enrolment.length === 0) throw new FinancingLimitError('programme-full');
        if (!contract.certificate.isZero()) {
          const limited = await session.query<{ taken: boolean }>(
            `UPDATE financing_direction_limits SET enrolments = enrolments + 1
             WHERE direction = $1 AND enrolments < max_enrolments RETURNING true AS taken`,
            [contract.direction],
          );
          if (limited.length === 0) {
            const exists = await session.query(
              'SELECT 1 FROM financing_direction_limits WHERE direction = $1',
              [contract.direction],
            );
            if (exists.length > 0) throw new FinancingLimitError('direction-limit');
          }
        }
        try {
          await session.query(
            `INSERT INTO financing_contracts (id, certificate_id, period, programme_id, module_id, group_id,
               provider_id, direction, status, requested_on, document)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11::jsonb)`,
            [
              contract.id,
              contract.certificateId,
              contract.period,
              contract.programmeId,
              contract.moduleId,
              contract.groupId,
              contract.providerId,
              contract.direction,
              contract.status,
              contract.requestedOn,
              JSON.stringify(contract),
            ],
          );
        } catch (error) {
          if (sqlState(error) === UNIQUE_VIOLATION) {
            if (constraintOf(error).includes('one_per_module'))
              throw new FinancingLimitError('duplicate-module');
            throw new ConflictError('duplicate-contract', {
              ru: `Договор «${contract.id}» уже существует`,
              en: `Contract "${contract.id}" already exists`,
            });
          }
          throw error;
        }
        try {
          await postEntriesIn(session, result.entries);
        } catch (error) {
          if (sqlState(error) === CHECK_VIOLATION)
            throw new FinancingLimitError('insufficient-balance');
          throw error;
        }
        return contract;
      });
    },

    transitionContract(contractId, to, on) {
      return retrying(database, async (session) => {
        const contract = await readContract(session, contractId, true);
        const { contract: next, entries } = transitionInCore(contract, to, on);
        await postEntriesIn(session, entries);
        if (to === 'refused' || to === 'lapsed') await freePlace(session, contract);
        await writeContract(session, next);
        return next;
      });
    },

    async lapseUnconfirmed(today, afterDays) {
      const rows = await database.query<{ id: string }>(
        `SELECT id FROM financing_contracts
         WHERE status = 'requested' AND requested_on < $1::date - $2::integer ORDER BY id`,
        [today, afterDays],
      );
      const lapsed: Contract[] = [];
      for (const { id } of rows) {
        lapsed.push(
          await retrying(database, async (session) => {
            const contract = await readContract(session, id, true);
            if (contract.status !== 'requested') return contract;
            const { contract: next, entries } = transitionInCore(contract, 'lapsed', today);
            await postEntriesIn(session, entries);
            await freePlace(session, contract);
            await writeContract(session, next);
            return next;
          }),
        );
      }
      return lapsed.filter((contract) => contract.status === 'lapsed');
    },

    terminateContract(contractId, on, by) {
      return retrying(database, async (session) => {
        const contract = await readContract(session, contractId, true);
        const { contract: next, entries } = terminateInCore(contract, on, by);
        await postEntriesIn(session, entries);
        await freePlace(session, contract);
        await writeContract(session, next);
        return next;
      });
    },

    async listContracts() {
      const rows = await database.query<{ document: unknown }>(
        'SELECT document FROM financing_contracts ORDER BY id',
      );
      return rows.map((row) => contractSchema.parse(row.document));
    },

    billMonth(month, phase, options = {}) {
      return retrying(database, async (session) => {
        const contracts = await loadBillable(session);
        const entries =
          phase === 'advance'
            ? advanceEntries(contracts, month, options)
            : settlementEntries(await monthLedger(session, month), contracts, month, options);
        return postEntriesIn(session, entries);
      });
    },

    async paymentReport(month) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return paymentReport(await monthLedger(session, month), await loadBillable(session), month);
      });
    },

    async ledgerEntries() {
      const rows = await database.query<LedgerRow>(
        `SELECT ${ledgerColumns} FROM financing_ledger ORDER BY seq`,
      );
      return rows.map(toEntry);
    },
  };
}
