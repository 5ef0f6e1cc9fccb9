import {
  billingEntryIds,
  checkAttendanceMonth,
  checkTermination,
  completenessPercent,
  ConflictError,
  contractSchema,
  deskAttendanceRecordSchema,
  deskMonthSchema,
  isoDateSchema,
  NotFoundError,
  parse,
  programmeSchema,
  providerDeclineBodySchema,
  providerDecisionSchema,
  providerTerminateBodySchema,
  type Contract,
  type ContractStatus,
  type DeskAttendanceRecord,
  type Programme,
  type ProviderDeclineBody,
  type ProviderDecision,
  type ProviderTerminateBody,
} from '@eduset/core';
import type { Database, SqlSession } from './database.js';
import { financingStore, type FinancingStore } from './financing.js';

/**
 * A contract as the provider's desk reads it: the contract, the certificate's number and the
 * child's birth date (to state the age; the desk never shows the date), the programme, the
 * provider's name, the group's places, and the provider's decision when there is one.
 *
 * @example
 * ```ts
 * import type { DeskRecord } from '@eduset/adapters';
 * declare const record: DeskRecord;
 * record.contract.status;
 * ```
 */
export interface DeskRecord {
  readonly contract: Contract;
  readonly certificateNumber: string;
  readonly birthDate: string;
  readonly programme: Programme;
  readonly providerName: string;
  readonly capacity: number;
  readonly taken: number;
  readonly decision?: ProviderDecision;
}

/**
 * Which contracts the desk lists: those of some providers (or `'all'`) in some statuses.
 *
 * @example
 * ```ts
 * import type { DeskQuery } from '@eduset/adapters';
 * const query: DeskQuery = { providerIds: ['cdt'], statuses: ['requested'] };
 * ```
 */
export interface DeskQuery {
  readonly providerIds: readonly string[] | 'all';
  readonly statuses: readonly ContractStatus[];
}

/**
 * The provider's desk over the financing tables (migration 0023): decisions on applications
 * with their reasons, termination by the provider, contracts coming into force on their
 * start date, attendance per contract and month, and the completeness the payer's
 * settlement takes. Status changes go through the financing store's own
 * `transitionContract` and `terminateContract` (same ledger movements, same places freed),
 * run in one transaction with the decision they record.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.providerDesk.completeness('2026-09'); // {}
 * await storage.close();
 * ```
 */
export interface ProviderDeskStore {
  /** The contracts of the providers and statuses asked, oldest request first. */
  listContracts(query: DeskQuery): Promise<DeskRecord[]>;
  /** One contract with what the desk shows of it; `NotFoundError` when there is none. */
  findContract(contractId: string): Promise<DeskRecord>;
  /**
   * Accepts an application on `today`: `requested → accepted`, and at once `→ active` when the
   * contract's start date has come (otherwise {@link activateDue} does it on that date).
   */
  accept(contractId: string, today: string): Promise<Contract>;
  /**
   * Declines an application (or an accepted contract that has not started) on `today` with
   * its reason: `→ refused`, the reserve returns to the certificate and the place is freed.
   */
  decline(contractId: string, body: ProviderDeclineBody, today: string): Promise<Contract>;
  /**
   * Terminates an active contract by the provider on `body.on` (made on `today`) with its
   * reason: core's `terminateContract` — closed on the last day of that month, which is paid
   * in full; the reserve of later months returns to the certificate.
   */
  terminate(contractId: string, body: ProviderTerminateBody, today: string): Promise<Contract>;
  /**
   * Brings into force (`accepted → active`) every accepted contract whose start date has come
   * — of the providers given (all by default); returns the contracts it changed.
   */
  activateDue(today: string, providerIds?: readonly string[] | 'all'): Promise<Contract[]>;
  /** The provider's decision on a contract, if any. */
  decision(contractId: string): Promise<ProviderDecision | undefined>;
  /** A contract's attendance in a month, if entered. */
  attendance(contractId: string, month: string): Promise<DeskAttendanceRecord | undefined>;
  /** The attendance of a month for several contracts. */
  attendanceOf(
    contractIds: readonly string[],
    month: string,
  ): Promise<Map<string, DeskAttendanceRecord>>;
  /**
   * Enters (or corrects) a month's attendance on `today`: the contract must be active or
   * closed, the month one of its months and begun, and not yet settled by the payer
   * (409 `month-settled`).
   */
  saveAttendance(record: DeskAttendanceRecord, today: string): Promise<DeskAttendanceRecord>;
  /** Which of these contracts the payer has settled for the month (settlement movements posted). */
  settledContracts(contractIds: readonly string[], month: string): Promise<Set<string>>;
  /**
   * The completeness of a month per contract, from the attendance entered (core's
   * `completenessPercent`): what the payer's settlement takes as `BillingOptions.completeness`.
   * Contracts without attendance are absent (billing takes 100 %).
   */
  completeness(month: string): Promise<Record<string, number>>;
}

/** SQLSTATE codes retried: a deadlock or a serialization failure. */
const transientStates = new Set(['40P01', '40001']);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

async function retrying<T>(
  database: Database,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      if (attempt >= 10 || !transientStates.has(sqlState(error) ?? '')) throw error;
    }
  }
}

let savepoints = 0;

/**
 * The caller's transaction seen as a database, so that the financing store's own methods run
 * inside it (with the decision written beside them, all or nothing). Each of their
 * "transactions" is a savepoint: their retry after a deadlock starts again from it.
 */
function sessionDatabase(session: SqlSession, engine: Database['engine']): Database {
  return {
    engine,
    query: (sql, params, options) => session.query(sql, params, options),
    exec: (sql) => session.exec(sql),
    async transaction(callback) {
      savepoints += 1;
      const name = `provider_desk_${String(savepoints)}`;
      await session.query(`SAVEPOINT ${name}`);
      try {
        const result = await callback(session);
        await session.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await session.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
    close: () => Promise.resolve(),
  };
}

interface DeskRow extends Record<string, unknown> {
  document: unknown;
  number: string;
  birth_date: string;
  programme: unknown;
  provider_name: string;
  capacity: number;
  taken: number;
  decision_kind: string | null;
  decision_reason: string | null;
  decision_note: string | null;
  decided_on: string | null;
}

const deskSelect = `
  SELECT c.document, cert.number, cert.birth_date::text AS birth_date, p.document AS programme,
    pr.name AS provider_name, g.capacity, g.taken,
    d.kind AS decision_kind, d.reason AS decision_reason, d.note AS decision_note,
    d.decided_on::text AS decided_on
  FROM financing_contracts c
  JOIN certificates cert ON cert.id = c.certificate_id
  JOIN financing_programmes p ON p.id = c.programme_id
  JOIN financing_providers pr ON pr.id = c.provider_id
  JOIN financing_groups g ON g.id = c.group_id
  LEFT JOIN financing_provider_decisions d ON d.contract_id = c.id`;

function decisionOf(row: {
  decision_kind: string | null;
  decision_reason: string | null;
  decision_note: string | null;
  decided_on: string | null;
}): ProviderDecision | undefined {
  if (row.decision_kind === null) return undefined;
  return providerDecisionSchema.parse({
    kind: row.decision_kind,
    reason: row.decision_reason,
    ...(row.decision_note === null ? {} : { note: row.decision_note }),
    on: row.decided_on,
  });
}

function toRecord(row: DeskRow): DeskRecord {
  const decision = decisionOf(row);
  return {
    contract: contractSchema.parse(row.document),
    certificateNumber: row.number,
    birthDate: row.birth_date,
    programme: programmeSchema.parse(row.programme),
    providerName: row.provider_name,
    capacity: Number(row.capacity),
    taken: Number(row.taken),
    ...(decision === undefined ? {} : { decision }),
  };
}

async function lockedContract(session: SqlSession, id: string): Promise<Contract> {
  const [row] = await session.query<{ document: unknown }>(
    'SELECT document FROM financing_contracts WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!row) throw new NotFoundError('contract', id);
  return contractSchema.parse(row.document);
}

async function recordDecision(
  session: SqlSession,
  contractId: string,
  decision: ProviderDecision,
): Promise<void> {
  const inserted = await session.query(
    `INSERT INTO financing_provider_decisions (contract_id, kind, reason, note, decided_on)
     VALUES ($1, $2, $3, $4, $5::date) ON CONFLICT (contract_id) DO NOTHING RETURNING contract_id`,
    [contractId, decision.kind, decision.reason, decision.note ?? null, decision.on],
  );
  if (inserted.length === 0) {
    throw new ConflictError('already-decided', {
      ru: 'Решение по этому договору уже принято',
      en: 'This contract has been decided already',
    });
  }
}

interface AttendanceRow extends Record<string, unknown> {
  contract_id: string;
  month: string;
  unit: string;
  planned: string;
  attended: string;
}

function toAttendance(row: AttendanceRow): DeskAttendanceRecord {
  return deskAttendanceRecordSchema.parse({
    contractId: row.contract_id,
    month: row.month,
    unit: row.unit,
    planned: Number(row.planned),
    attended: Number(row.attended),
  });
}

const contractStarted = {
  ru: 'Договор уже вступил в силу: его можно расторгнуть, но не отклонить',
  en: 'The contract is already in force: it can be terminated, not declined',
};

/**
 * The provider's desk store over one database (see {@link ProviderDeskStore}).
 *
 * @example
 * ```ts
 * import { providerDeskStore } from './provider-desk.js';
 * declare const database: Parameters<typeof providerDeskStore>[0];
 * const desk = providerDeskStore(database);
 * ```
 */
export function providerDeskStore(database: Database): ProviderDeskStore {
  const financingIn = (session: SqlSession): FinancingStore =>
    financingStore(sessionDatabase(session, database.engine));

  return {
    async listContracts(query) {
      const rows = await database.query<DeskRow>(
        `${deskSelect}
         WHERE c.status IN (SELECT jsonb_array_elements_text($1::jsonb))
           AND ($2::jsonb IS NULL OR c.provider_id IN (SELECT jsonb_array_elements_text($2::jsonb)))
         ORDER BY c.requested_on, c.id`,
        [
          JSON.stringify(query.statuses),
          query.providerIds === 'all' ? null : JSON.stringify(query.providerIds),
        ],
      );
      return rows.map(toRecord);
    },

    async findContract(contractId) {
      const [row] = await database.query<DeskRow>(`${deskSelect} WHERE c.id = $1`, [contractId]);
      if (!row) throw new NotFoundError('contract', contractId);
      return toRecord(row);
    },

    async accept(contractId, today) {
      const day = parse(isoDateSchema, today);
      return retrying(database, async (session) => {
        const contract = await lockedContract(session, contractId);
        const financing = financingIn(session);
        const accepted = await financing.transitionContract(contract.id, 'accepted', day);
        if (accepted.start > day) return accepted;
        return financing.transitionContract(contract.id, 'active', day);
      });
    },

    async decline(contractId, input, today) {
      const body = parse(providerDeclineBodySchema, input);
      const day = parse(isoDateSchema, today);
      return retrying(database, async (session) => {
        const contract = await lockedContract(session, contractId);
        if (contract.status === 'accepted' && contract.start <= day) {
          throw new ConflictError('contract-started', contractStarted);
        }
        const refused = await financingIn(session).transitionContract(contract.id, 'refused', day);
        await recordDecision(session, contract.id, {
          kind: 'declined',
          reason: body.reason,
          ...(body.note === undefined ? {} : { note: body.note }),
          on: day,
        });
        return refused;
      });
    },

    async terminate(contractId, input, today) {
      const body = parse(providerTerminateBodySchema, input);
      const day = parse(isoDateSchema, today);
      return retrying(database, async (session) => {
        const contract = await lockedContract(session, contractId);
        checkTermination(contract, body.on, day);
        const closed = await financingIn(session).terminateContract(
          contract.id,
          body.on,
          'provider',
        );
        await recordDecision(session, contract.id, {
          kind: 'terminated',
          reason: body.reason,
          ...(body.note === undefined ? {} : { note: body.note }),
          on: body.on,
        });
        return closed;
      });
    },

    async activateDue(today, providerIds = 'all') {
      const day = parse(isoDateSchema, today);
      const due = await database.query<{ id: string }>(
        `SELECT id FROM financing_contracts
         WHERE status = 'accepted' AND (document->>'start')::date <= $1::date
           AND ($2::jsonb IS NULL OR provider_id IN (SELECT jsonb_array_elements_text($2::jsonb)))
         ORDER BY id`,
        [day, providerIds === 'all' ? null : JSON.stringify(providerIds)],
      );
      const activated: Contract[] = [];
      for (const { id } of due) {
        const contract = await retrying(database, async (session) => {
          const current = await lockedContract(session, id);
          if (current.status !== 'accepted' || current.start > day) return undefined;
          return financingIn(session).transitionContract(id, 'active', day);
        });
        if (contract !== undefined) activated.push(contract);
      }
      return activated;
    },

    async decision(contractId) {
      const [row] = await database.query<{
        decision_kind: string;
        decision_reason: string;
        decision_note: string | null;
        decided_on: string;
      }>(
        `SELECT kind AS decision_kind, reason AS decision_reason, note AS decision_note,
           decided_on::text AS decided_on
         FROM financing_provider_decisions WHERE contract_id = $1`,
        [contractId],
      );
      return row === undefined ? undefined : decisionOf(row);
    },

    async attendance(contractId, month) {
      const [row] = await database.query<AttendanceRow>(
        `SELECT contract_id, month, unit, planned::text AS planned, attended::text AS attended
         FROM financing_attendance WHERE contract_id = $1 AND month = $2`,
        [contractId, month],
      );
      return row === undefined ? undefined : toAttendance(row);
    },

    async attendanceOf(contractIds, month) {
      if (contractIds.length === 0) return new Map();
      const rows = await database.query<AttendanceRow>(
        `SELECT contract_id, month, unit, planned::text AS planned, attended::text AS attended
         FROM financing_attendance
         WHERE month = $1 AND contract_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        [month, JSON.stringify(contractIds)],
      );
      return new Map(rows.map((row) => [row.contract_id, toAttendance(row)]));
    },

    async saveAttendance(input, today) {
      const record = parse(deskAttendanceRecordSchema, input);
      const day = parse(isoDateSchema, today);
      return retrying(database, async (session) => {
        // Shared with a termination or a status change of the contract, not with another entry.
        const [row] = await session.query<{ document: unknown }>(
          'SELECT document FROM financing_contracts WHERE id = $1 FOR SHARE',
          [record.contractId],
        );
        if (!row) throw new NotFoundError('contract', record.contractId);
        const contract = contractSchema.parse(row.document);
        checkAttendanceMonth(contract, record.month, day);
        const ids = billingEntryIds(contract.id, record.month);
        const settled = await session.query(
          'SELECT 1 FROM financing_ledger WHERE id IN ($1, $2, $3) LIMIT 1',
          [ids.settlement, ids.refund, ids.release],
        );
        if (settled.length > 0) {
          throw new ConflictError('month-settled', {
            ru: `Месяц ${record.month} уже оплачен по окончательному расчёту: посещаемость не меняется`,
            en: `The month ${record.month} is already settled by the payer: its attendance cannot change`,
          });
        }
        await session.query(
          `INSERT INTO financing_attendance (contract_id, month, unit, planned, attended)
           VALUES ($1, $2, $3, $4::numeric, $5::numeric)
           ON CONFLICT (contract_id, month) DO UPDATE SET unit = excluded.unit,
             planned = excluded.planned, attended = excluded.attended, updated_at = now()`,
          [
            record.contractId,
            record.month,
            record.unit,
            String(record.planned),
            String(record.attended),
          ],
        );
        return record;
      });
    },

    async settledContracts(contractIds, month) {
      if (contractIds.length === 0) return new Set();
      const rows = await database.query<{ contract_id: string }>(
        `SELECT DISTINCT contract_id FROM financing_ledger
         WHERE month = $1 AND contract_id IN (SELECT jsonb_array_elements_text($2::jsonb))
           AND (id LIKE 'debit:settlement:%' OR id LIKE 'refund:settlement:%'
             OR id LIKE 'release:settlement:%')`,
        [month, JSON.stringify(contractIds)],
      );
      return new Set(rows.map((row) => row.contract_id));
    },

    async completeness(input) {
      const month = parse(deskMonthSchema, input);
      const rows = await database.query<AttendanceRow>(
        `SELECT contract_id, month, unit, planned::text AS planned, attended::text AS attended
         FROM financing_attendance WHERE month = $1 ORDER BY contract_id`,
        [month],
      );
      // Own properties only, whatever a contract's id (`__proto__` included).
      return Object.fromEntries(
        rows.map((row) => {
          const record = toAttendance(row);
          return [record.contractId, completenessPercent(record.planned, record.attended)];
        }),
      );
    },
  };
}
