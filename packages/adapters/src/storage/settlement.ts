import {
  ConflictError,
  NotFoundError,
  SettlementError,
  adjustmentEntries,
  certificateGroupSchema,
  certificateSchema,
  contractSchema,
  explainSettlement,
  FinancingLimitError,
  financingReport,
  Money,
  nextMonth,
  planSettlement,
  programmeSchema,
  providerSchema,
  settlementCorrection,
  type Contract,
  type Direction,
  type FinancingReportAnswer,
  type Instant,
  type LedgerEntry,
  type Programme,
  type ProviderSettlement,
  type SettlementAdjustment,
  type SettlementAdjustmentView,
  type SettlementCorrection,
  type SettlementCorrectionAnswer,
  type SettlementMonth,
  type SettlementNames,
  type SettlementPreview,
  type SettlementStatus,
  type SettlementStepAnswer,
  type SettlementTotals,
} from '@eduset/core';
import type { SettlementRegister } from '../export/settlement-register.js';
import type { Database, SqlSession } from './database.js';
import { postEntriesIn } from './financing.js';

/** SQLSTATE codes the settlement store turns into eduset errors or retries. */
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';
const UNIQUE_VIOLATION = '23505';
const MONTH_CLOSED = 'EDSMC';
const MONTH_STATE = 'EDSMS';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What a settlement step is run with: the completeness the providers reported per contract
 * (100 % when absent) and the advance percent (80 by default). Used while a month is open;
 * an approved month keeps what it was approved with.
 *
 * @example
 * ```ts
 * import type { SettlementRunOptions } from '@eduset/adapters';
 * const options: SettlementRunOptions = { completeness: { k1: 90 } };
 * ```
 */
export interface SettlementRunOptions {
  readonly completeness?: Readonly<Record<string, number>>;
  readonly advancePercent?: number;
}

/**
 * Who did a settlement step and when: the staff member's name (as the month shows it; the
 * audit log keeps the account) and the server's clock.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { SettlementStamp } from '@eduset/adapters';
 * const stamp: SettlementStamp = { by: 'Иванова А. А.', at: instant('2026-11-02T09:00:00Z') };
 * ```
 */
export interface SettlementStamp {
  readonly by: string;
  readonly at: Instant;
}

/**
 * Which providers a reader may see: all of them (the payer), or only some (a provider sees
 * its own line and contracts).
 *
 * @example
 * ```ts
 * import type { ProviderView } from '@eduset/adapters';
 * const own: ProviderView = { providers: ['cdt'] };
 * ```
 */
export interface ProviderView {
  /** Only these providers; every provider when absent. */
  readonly providers?: readonly string[];
}

/**
 * What the coverage report is asked for: the period (the latest when absent), the date
 * (`today`, kept within the period, when absent) and optionally one direction and provider.
 *
 * @example
 * ```ts
 * import type { FinancingReportRequest } from '@eduset/adapters';
 * const request: FinancingReportRequest = { today: '2026-10-15', direction: 'technical' };
 * ```
 */
export interface FinancingReportRequest {
  readonly today: string;
  readonly period?: string;
  readonly on?: string;
  readonly direction?: Direction;
  readonly providerId?: string;
}

/**
 * The payer's monthly settlement and the coverage report, over one database (migration
 * 0024, with the financing tables of 0003). Every step of a month locks its row, so
 * concurrent payers and server processes make exactly one effect: a second approval of the
 * same figures, a second payment, a second closing each answer the month as it is with
 * `changed: false` and post nothing.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const preview = await storage.settlement.preview('2026-10', {});
 * preview.totals.payer.toString();
 * await storage.close();
 * ```
 */
export interface SettlementStore {
  /** Every month with billed contracts, a settlement or an adjustment, newest first. */
  listMonths(view?: ProviderView): Promise<SettlementMonth[]>;
  /**
   * The month's settlement explained: computed with `options` while open, as approved once
   * approved, from the ledger once paid. `provider` narrows the contracts listed; `summary`
   * lists none (the providers' lines only).
   */
  preview(
    month: string,
    options: SettlementRunOptions,
    view?: ProviderView & { readonly provider?: string; readonly summary?: boolean },
  ): Promise<SettlementPreview>;
  /** Fixes what is to be paid (`month-not-started`, `nothing-to-settle`, `month-paid`, `month-closed`). */
  approve(
    month: string,
    options: SettlementRunOptions,
    stamp: SettlementStamp,
    today: string,
  ): Promise<SettlementStepAnswer>;
  /** Posts the approved movements to the ledger, once (`month-not-approved`, `month-closed`). */
  pay(month: string, stamp: SettlementStamp): Promise<SettlementStepAnswer>;
  /** Closes a paid month for good (`month-not-paid`). */
  close(month: string, stamp: SettlementStamp): Promise<SettlementStepAnswer>;
  /** A correction of a paid or closed month: an adjustment paid in the next open month. */
  correct(
    month: string,
    correction: SettlementCorrection,
    stamp: SettlementStamp,
  ): Promise<SettlementCorrectionAnswer>;
  /** The payment register of an approved, paid or closed month (`month-not-approved`). */
  register(month: string, view?: ProviderView): Promise<SettlementRegister>;
  /** The coverage and uptake report of a financing period. */
  report(request: FinancingReportRequest): Promise<FinancingReportAnswer>;
}

interface MonthRow extends Record<string, unknown> {
  month: string;
  status: SettlementStatus;
  version: number;
  advance_percent: string;
  completeness: Record<string, number>;
  totals: unknown;
  lines: unknown;
  contracts: number;
  approved_at: unknown;
  approved_by: string | null;
  paid_at: unknown;
  paid_by: string | null;
  posted: number | null;
  closed_at: unknown;
  closed_by: string | null;
}

interface EntryRow extends Record<string, unknown> {
  id: string;
  certificate_id: string;
  period: string;
  kind: LedgerEntry['kind'];
  amount: string;
  contract_id: string | null;
  provider_id: string | null;
  month: string | null;
}

interface AdjustmentRow extends Record<string, unknown> {
  id: string;
  contract_id: string;
  certificate_id: string;
  period: string;
  provider_id: string;
  month: string;
  seq: number;
  target_month: string;
  completeness_before: string;
  completeness_after: string;
  settled_before: string;
  settled_after: string;
  amount: string;
  reason: string;
  status: 'pending' | 'applied';
  created_at: unknown;
  created_by: string;
  certificate_number: string | null;
}

const monthColumns =
  'month, status, version, advance_percent::text AS advance_percent, completeness, totals, lines, contracts, approved_at, approved_by, paid_at, paid_by, posted, closed_at, closed_by';

const adjustmentColumns = `a.id, a.contract_id, a.certificate_id, a.period, a.provider_id, a.month, a.seq,
  a.target_month, a.completeness_before::text AS completeness_before,
  a.completeness_after::text AS completeness_after, a.settled_before::text AS settled_before,
  a.settled_after::text AS settled_after, a.amount::text AS amount, a.reason, a.status,
  a.created_at, a.created_by, c.number AS certificate_number`;

function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

function stampOf(at: unknown, by: string | null): { at: string; by: string } | null {
  return at === null || at === undefined || by === null ? null : { at: isoOf(at), by };
}

function toEntry(row: EntryRow, month?: string): LedgerEntry {
  const entryMonth = row.month ?? month;
  return {
    id: row.id,
    certificateId: row.certificate_id,
    period: row.period,
    kind: row.kind,
    amount: Money.of(row.amount),
    ...(row.contract_id === null ? {} : { contractId: row.contract_id }),
    ...(row.provider_id === null ? {} : { providerId: row.provider_id }),
    ...(entryMonth === undefined ? {} : { month: entryMonth }),
  };
}

function toAdjustment(row: AdjustmentRow): SettlementAdjustment {
  return {
    id: row.id,
    contractId: row.contract_id,
    certificateId: row.certificate_id,
    period: row.period,
    providerId: row.provider_id,
    month: row.month,
    targetMonth: row.target_month,
    completenessBefore: Number(row.completeness_before),
    completenessAfter: Number(row.completeness_after),
    settledBefore: Money.of(row.settled_before),
    settledAfter: Money.of(row.settled_after),
    amount: Money.of(row.amount),
    reason: row.reason,
    status: row.status,
  };
}

function adjustmentView(row: AdjustmentRow): SettlementAdjustmentView {
  return {
    ...toAdjustment(row),
    certificateNumber: row.certificate_number ?? '—',
    createdAt: isoOf(row.created_at),
    createdBy: row.created_by,
  };
}

const moneyKeys: ReadonlySet<string> = new Set([
  'advance',
  'settlement',
  'refunded',
  'adjustment',
  'payer',
  'family',
  'total',
]);

/** The money amounts of a stored JSON line (totals or a provider's line) back as {@link Money}. */
function moneyFields<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = moneyKeys.has(key) && typeof field === 'string' ? Money.of(field) : field;
  }
  return out as T;
}

const zeroTotals = (): SettlementTotals => {
  const zero = Money.zero();
  return {
    contracts: 0,
    advance: zero,
    settlement: zero,
    refunded: zero,
    adjustment: zero,
    payer: zero,
    family: zero,
    total: zero,
  };
};

function sumLines(lines: readonly ProviderSettlement[]): SettlementTotals {
  const sum = (pick: (line: ProviderSettlement) => Money): Money => Money.sum(lines.map(pick));
  return {
    contracts: lines.reduce((count, line) => count + line.contracts, 0),
    advance: sum((line) => line.advance),
    settlement: sum((line) => line.settlement),
    refunded: sum((line) => line.refunded),
    adjustment: sum((line) => line.adjustment),
    payer: sum((line) => line.payer),
    family: sum((line) => line.family),
    total: sum((line) => line.total),
  };
}

function inView(view: ProviderView | undefined, providerId: string): boolean {
  return view?.providers === undefined || view.providers.includes(providerId);
}

async function retrying<T>(
  database: Database,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      const state = sqlState(error);
      if (state === MONTH_CLOSED) throw new SettlementError('month-closed');
      if (state === MONTH_STATE) {
        throw new ConflictError('settlement-state', {
          ru: 'Состояние месяца изменилось одновременно с запросом; обновите страницу',
          en: 'The month changed while the request ran; reload the page',
        });
      }
      const transient = state === DEADLOCK || state === SERIALIZATION_FAILURE;
      if (!transient || attempt >= 20) throw error;
    }
  }
}

/** The month's row, locked for the rest of the transaction; created open when absent. */
async function lockMonth(session: SqlSession, month: string): Promise<MonthRow> {
  await session.query('INSERT INTO settlement_months (month) VALUES ($1) ON CONFLICT DO NOTHING', [
    month,
  ]);
  const [row] = await session.query<MonthRow>(
    `SELECT ${monthColumns} FROM settlement_months WHERE month = $1 FOR UPDATE`,
    [month],
  );
  if (!row) throw new NotFoundError('settlement-month', month);
  return row;
}

async function readMonth(session: SqlSession, month: string): Promise<MonthRow | undefined> {
  const [row] = await session.query<MonthRow>(
    `SELECT ${monthColumns} FROM settlement_months WHERE month = $1`,
    [month],
  );
  return row;
}

/** Billable contracts with something scheduled in the month, and those adjusted in it. */
async function monthContracts(session: SqlSession, month: string): Promise<Contract[]> {
  const rows = await session.query<{ document: unknown }>(
    `SELECT document FROM financing_contracts
     WHERE (status IN ('active', 'closed') AND document -> 'schedule' @> $1::jsonb)
        OR id IN (SELECT contract_id FROM settlement_adjustments WHERE target_month = $2)
     ORDER BY id`,
    [JSON.stringify([{ month }]), month],
  );
  return rows.map((row) => contractSchema.parse(row.document));
}

async function monthLedger(session: SqlSession, month: string): Promise<LedgerEntry[]> {
  const rows = await session.query<EntryRow>(
    `SELECT id, certificate_id, period, kind, amount::text AS amount, contract_id, provider_id, month
     FROM financing_ledger WHERE month = $1 ORDER BY seq`,
    [month],
  );
  return rows.map((row) => toEntry(row));
}

async function approvedEntries(session: SqlSession, month: string): Promise<LedgerEntry[]> {
  const rows = await session.query<EntryRow>(
    `SELECT id, certificate_id, period, kind, amount::text AS amount, contract_id, provider_id,
       NULL::text AS month
     FROM settlement_month_entries WHERE month = $1 ORDER BY id`,
    [month],
  );
  return rows.map((row) => toEntry(row, month));
}

async function adjustmentsWhere(
  session: SqlSession,
  where: string,
  params: readonly string[],
): Promise<AdjustmentRow[]> {
  return session.query<AdjustmentRow>(
    `SELECT ${adjustmentColumns} FROM settlement_adjustments a
     LEFT JOIN certificates c ON c.id = a.certificate_id
     WHERE ${where} ORDER BY a.month, a.contract_id, a.seq`,
    params,
  );
}

async function namesFor(
  session: SqlSession,
  contracts: readonly Contract[],
): Promise<SettlementNames> {
  const programmeIds = [...new Set(contracts.map((contract) => contract.programmeId))];
  const certificateIds = [...new Set(contracts.map((contract) => contract.certificateId))];
  const programmeRows = await session.query<{ document: unknown }>(
    'SELECT document FROM financing_programmes WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(programmeIds)],
  );
  const numberRows = await session.query<{ id: string; number: string }>(
    'SELECT id, number FROM certificates WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(certificateIds)],
  );
  const providerRows = await session.query<{ id: string; name: string }>(
    'SELECT id, name FROM financing_providers',
  );
  const programmes = new Map<string, Programme>();
  for (const row of programmeRows) {
    const programme = programmeSchema.parse(row.document);
    programmes.set(programme.id, programme);
  }
  return {
    programmes,
    certificateNumbers: new Map(numberRows.map((row) => [row.id, row.number])),
    providerNames: new Map(providerRows.map((row) => [row.id, row.name])),
  };
}

/** Everything a month's figures are made of, for its status. */
interface MonthFigures {
  readonly status: SettlementStatus;
  readonly contracts: readonly Contract[];
  readonly entries: readonly LedgerEntry[];
  readonly toPost: readonly LedgerEntry[];
  readonly completeness: Readonly<Record<string, number>>;
  readonly advancePercent: number;
  readonly adjustmentsIn: readonly AdjustmentRow[];
}

async function monthFigures(
  session: SqlSession,
  month: string,
  row: MonthRow | undefined,
  options: SettlementRunOptions,
): Promise<MonthFigures> {
  const status = row?.status ?? 'open';
  const contracts = await monthContracts(session, month);
  const posted = await monthLedger(session, month);
  const adjustmentsIn = await adjustmentsWhere(session, 'a.target_month = $1', [month]);
  if (status === 'open') {
    const completeness = options.completeness ?? {};
    const advancePercent = options.advancePercent ?? 80;
    const plan = planSettlement({
      month,
      contracts,
      posted,
      adjustments: adjustmentsIn
        .filter((adjustment) => adjustment.status === 'pending')
        .map(toAdjustment),
      completeness,
      advancePercent,
    });
    return {
      status,
      contracts,
      entries: plan.entries,
      toPost: plan.toPost,
      completeness,
      advancePercent,
      adjustmentsIn,
    };
  }
  const completeness = row?.completeness ?? {};
  const advancePercent = Number(row?.advance_percent ?? 80);
  if (status === 'approved') {
    const entries = await approvedEntries(session, month);
    const postedIds = new Set(posted.map((entry) => entry.id));
    return {
      status,
      contracts,
      entries,
      toPost: entries.filter((entry) => !postedIds.has(entry.id)),
      completeness,
      advancePercent,
      adjustmentsIn,
    };
  }
  return {
    status,
    contracts,
    entries: posted,
    toPost: [],
    completeness,
    advancePercent,
    adjustmentsIn,
  };
}

async function explainFigures(session: SqlSession, month: string, figures: MonthFigures) {
  return explainSettlement({
    month,
    contracts: figures.contracts,
    entries: figures.entries,
    adjustments: figures.adjustmentsIn.map(toAdjustment),
    completeness: figures.completeness,
    advancePercent: figures.advancePercent,
    names: await namesFor(session, figures.contracts),
  });
}

async function pendingCount(
  session: SqlSession,
  month: string,
  view?: ProviderView,
): Promise<number> {
  const rows = await session.query<{ provider_id: string }>(
    `SELECT provider_id FROM settlement_adjustments WHERE target_month = $1 AND status = 'pending'`,
    [month],
  );
  return rows.filter((row) => inView(view, row.provider_id)).length;
}

/** The month as the API shows it, narrowed to the providers in view. */
function monthSummary(
  month: string,
  row: MonthRow | undefined,
  contracts: number,
  pendingAdjustments: number,
  view?: ProviderView,
): SettlementMonth {
  const status = row?.status ?? 'open';
  let totals: SettlementTotals | null = null;
  if (row !== undefined && status !== 'open') {
    if (view?.providers === undefined && row.totals !== null) {
      totals = moneyFields(row.totals as SettlementTotals);
    } else {
      const lines = ((row.lines ?? []) as ProviderSettlement[])
        .map((line) => moneyFields(line))
        .filter((line) => inView(view, line.providerId));
      totals = lines.length === 0 ? zeroTotals() : sumLines(lines);
    }
  }
  return {
    month,
    status,
    version: row?.version ?? 0,
    contracts: totals !== null && status !== 'open' ? totals.contracts : contracts,
    pendingAdjustments,
    totals,
    approved: stampOf(row?.approved_at, row?.approved_by ?? null),
    paid: stampOf(row?.paid_at, row?.paid_by ?? null),
    closed: stampOf(row?.closed_at, row?.closed_by ?? null),
  };
}

function sameEntries(a: readonly LedgerEntry[], b: readonly LedgerEntry[]): boolean {
  const key = (entry: LedgerEntry) => `${entry.id}|${entry.kind}|${entry.amount.toString()}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

function sameCompleteness(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? 100) !== (b[key] ?? 100)) return false;
  return true;
}

/** Completeness below 100 % only (the rest is the default), for storing. */
function reported(completeness: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(completeness)) if (value !== 100) out[id] = value;
  return out;
}

async function stepAnswer(
  session: SqlSession,
  month: string,
  changed: boolean,
  posted: number,
): Promise<SettlementStepAnswer> {
  const row = await readMonth(session, month);
  return {
    month: monthSummary(month, row, row?.contracts ?? 0, await pendingCount(session, month)),
    changed,
    posted,
  };
}

/**
 * The settlement store over one database (see {@link SettlementStore}).
 *
 * @example
 * ```ts
 * import { settlementStore } from './settlement.js';
 * declare const database: Parameters<typeof settlementStore>[0];
 * const store = settlementStore(database);
 * ```
 */
export function settlementStore(database: Database): SettlementStore {
  return {
    async listMonths(view) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const scoped = view?.providers !== undefined;
        const billed = await session.query<{ month: string; contracts: number }>(
          `SELECT s ->> 'month' AS month, count(*)::int AS contracts
           FROM financing_contracts c CROSS JOIN LATERAL jsonb_array_elements(c.document -> 'schedule') s
           WHERE c.status IN ('active', 'closed')
             AND ($1::jsonb IS NULL OR c.provider_id IN (SELECT jsonb_array_elements_text($1::jsonb)))
           GROUP BY 1`,
          [scoped ? JSON.stringify(view.providers) : null],
        );
        const rows = await session.query<MonthRow>(`SELECT ${monthColumns} FROM settlement_months`);
        const pending = await session.query<{ target_month: string; provider_id: string }>(
          `SELECT target_month, provider_id FROM settlement_adjustments WHERE status = 'pending'`,
        );
        const contractsOf = new Map(billed.map((row) => [row.month, row.contracts]));
        const rowOf = new Map(rows.map((row) => [row.month, row]));
        const pendingOf = new Map<string, number>();
        for (const adjustment of pending) {
          if (!inView(view, adjustment.provider_id)) continue;
          pendingOf.set(adjustment.target_month, (pendingOf.get(adjustment.target_month) ?? 0) + 1);
        }
        const months = new Set<string>([...contractsOf.keys(), ...pendingOf.keys()]);
        for (const row of rows) {
          if (row.status === 'open' && !contractsOf.has(row.month) && !pendingOf.has(row.month))
            continue;
          if (scoped && !contractsOf.has(row.month) && !pendingOf.has(row.month)) continue;
          months.add(row.month);
        }
        return [...months]
          .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
          .map((month) =>
            monthSummary(
              month,
              rowOf.get(month),
              contractsOf.get(month) ?? 0,
              pendingOf.get(month) ?? 0,
              view,
            ),
          );
      });
    },

    async preview(month, options, view) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const row = await readMonth(session, month);
        const figures = await monthFigures(session, month, row, options);
        const explained = await explainFigures(session, month, figures);
        const providers = explained.providers.filter((line) => inView(view, line.providerId));
        const provider = view?.provider ?? null;
        const contracts = explained.contracts
          .filter(() => view?.summary !== true)
          .filter(
            (line) =>
              inView(view, line.providerId) && (provider === null || line.providerId === provider),
          )
          .map((line) => ({ ...line, steps: [...line.steps] }));
        const adjustmentsOut = await adjustmentsWhere(session, 'a.month = $1', [month]);
        const billed = explained.contracts.filter((line) => inView(view, line.providerId)).length;
        return {
          month: monthSummary(month, row, billed, await pendingCount(session, month, view), view),
          providers,
          totals: sumLines(providers),
          provider,
          contracts,
          adjustmentsIn: figures.adjustmentsIn
            .filter((adjustment) => inView(view, adjustment.provider_id))
            .map(adjustmentView),
          adjustmentsOut: adjustmentsOut
            .filter((adjustment) => inView(view, adjustment.provider_id))
            .map(adjustmentView),
        };
      });
    },

    approve(month, options, stamp, today) {
      return retrying(database, async (session) => {
        if (month > today.slice(0, 7)) throw new SettlementError('month-not-started');
        const row = await lockMonth(session, month);
        if (row.status === 'closed') throw new SettlementError('month-closed');
        if (row.status === 'paid') throw new SettlementError('month-paid');
        const figures = await monthFigures(session, month, undefined, options);
        if (row.status === 'approved') {
          const before = await approvedEntries(session, month);
          if (
            sameEntries(before, figures.entries) &&
            sameCompleteness(row.completeness, figures.completeness) &&
            Number(row.advance_percent) === figures.advancePercent
          ) {
            return stepAnswer(session, month, false, 0);
          }
          await session.query('DELETE FROM settlement_month_entries WHERE month = $1', [month]);
        }
        const explained = await explainFigures(session, month, figures);
        if (explained.contracts.length === 0) throw new SettlementError('nothing-to-settle');
        for (const entry of figures.entries) {
          await session.query(
            `INSERT INTO settlement_month_entries (month, id, certificate_id, period, kind, amount, contract_id, provider_id)
             VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, $8)`,
            [
              month,
              entry.id,
              entry.certificateId,
              entry.period,
              entry.kind,
              entry.amount.toString(),
              entry.contractId ?? null,
              entry.providerId ?? null,
            ],
          );
        }
        await session.query(
          `UPDATE settlement_months SET status = 'approved', version = version + 1,
             advance_percent = $2::numeric, completeness = $3::jsonb, totals = $4::jsonb, lines = $5::jsonb,
             contracts = $6, approved_at = $7::timestamptz, approved_by = $8
           WHERE month = $1`,
          [
            month,
            figures.advancePercent,
            JSON.stringify(reported(figures.completeness)),
            JSON.stringify(explained.totals),
            JSON.stringify(explained.providers),
            explained.totals.contracts,
            stamp.at,
            stamp.by,
          ],
        );
        return stepAnswer(session, month, true, 0);
      });
    },

    pay(month, stamp) {
      return retrying(database, async (session) => {
        const row = await lockMonth(session, month);
        if (row.status === 'closed') throw new SettlementError('month-closed');
        if (row.status === 'paid') return stepAnswer(session, month, false, 0);
        if (row.status === 'open') throw new SettlementError('month-not-approved');
        const entries = await approvedEntries(session, month);
        const posted = await postEntriesIn(session, entries);
        await session.query(
          `UPDATE settlement_adjustments SET status = 'applied'
           WHERE target_month = $1 AND status = 'pending'`,
          [month],
        );
        await session.query(
          `UPDATE settlement_months SET status = 'paid', paid_at = $2::timestamptz, paid_by = $3, posted = $4
           WHERE month = $1`,
          [month, stamp.at, stamp.by, posted],
        );
        return stepAnswer(session, month, true, posted);
      });
    },

    close(month, stamp) {
      return retrying(database, async (session) => {
        const row = await lockMonth(session, month);
        if (row.status === 'closed') return stepAnswer(session, month, false, 0);
        if (row.status !== 'paid') throw new SettlementError('month-not-paid');
        await session.query(
          `UPDATE settlement_months SET status = 'closed', closed_at = $2::timestamptz, closed_by = $3
           WHERE month = $1`,
          [month, stamp.at, stamp.by],
        );
        return stepAnswer(session, month, true, 0);
      });
    },

    correct(month, correction, stamp) {
      return retrying(database, async (session) => {
        const row = await lockMonth(session, month);
        if (row.status !== 'paid' && row.status !== 'closed')
          throw new SettlementError('month-not-settled');
        const [contractRow] = await session.query<{ document: unknown }>(
          'SELECT document FROM financing_contracts WHERE id = $1',
          [correction.contractId],
        );
        if (!contractRow) throw new NotFoundError('contract', correction.contractId);
        const contract = contractSchema.parse(contractRow.document);
        const previousRows = await adjustmentsWhere(
          session,
          'a.contract_id = $1 AND a.month = $2',
          [contract.id, month],
        );
        const posted = (await monthLedger(session, month)).filter(
          (entry) => entry.contractId === contract.id,
        );
        const result = settlementCorrection({
          contract,
          month,
          completeness: correction.completeness,
          posted,
          previous: previousRows.map(toAdjustment),
          settledWith: row.completeness[contract.id] ?? 100,
        });
        // The first month after this one still open takes the adjustment; its row is locked
        // (in month order, as every step locks), so no approval of it can miss it.
        let target = nextMonth(month);
        let targetRow = await lockMonth(session, target);
        for (let guard = 0; targetRow.status !== 'open'; guard += 1) {
          if (guard > 1200) throw new Error('no open month ahead');
          target = nextMonth(target);
          targetRow = await lockMonth(session, target);
        }
        const seq = previousRows.reduce((max, previous) => Math.max(max, previous.seq), 0) + 1;
        const adjustment: SettlementAdjustment = {
          id: `${contract.id}:${month}:${String(seq)}`,
          contractId: contract.id,
          certificateId: contract.certificateId,
          period: contract.period,
          providerId: contract.providerId,
          month,
          targetMonth: target,
          completenessBefore: result.completenessBefore,
          completenessAfter: correction.completeness,
          settledBefore: result.settledBefore,
          settledAfter: result.settledAfter,
          amount: result.amount,
          reason: correction.reason,
          status: 'pending',
        };
        try {
          await session.query(
            `INSERT INTO settlement_adjustments (id, contract_id, certificate_id, period, provider_id,
               month, seq, target_month, completeness_before, completeness_after, settled_before,
               settled_after, amount, reason, status, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::numeric, $10::numeric, $11::numeric,
               $12::numeric, $13::numeric, $14, 'pending', $15::timestamptz, $16)`,
            [
              adjustment.id,
              adjustment.contractId,
              adjustment.certificateId,
              adjustment.period,
              adjustment.providerId,
              month,
              seq,
              target,
              adjustment.completenessBefore,
              adjustment.completenessAfter,
              adjustment.settledBefore.toString(),
              adjustment.settledAfter.toString(),
              adjustment.amount.toString(),
              adjustment.reason,
              stamp.at,
              stamp.by,
            ],
          );
        } catch (error) {
          if (sqlState(error) === UNIQUE_VIOLATION) throw new SettlementError('nothing-to-correct');
          throw error;
        }
        const reserve = adjustmentEntries(adjustment, 'correction');
        if (reserve.length > 0) {
          // The difference is set aside at once: the certificate must still have it.
          const [balance] = await session.query<{ available: string }>(
            `SELECT available::text AS available FROM certificate_balances
             WHERE certificate_id = $1 AND period = $2 FOR UPDATE`,
            [contract.certificateId, contract.period],
          );
          const available = Money.of(balance?.available ?? '0');
          if (available.compare(adjustment.amount) < 0) {
            throw new FinancingLimitError('insufficient-balance', {
              ru: `доступно ${available.format('ru')}, корректировке нужно ${adjustment.amount.format('ru')}`,
              en: `available ${available.format('en')}, the adjustment needs ${adjustment.amount.format('en')}`,
            });
          }
          await postEntriesIn(session, reserve);
        }
        const [stored] = await adjustmentsWhere(session, 'a.id = $1', [adjustment.id]);
        if (!stored) throw new NotFoundError('adjustment', adjustment.id);
        const targetState = await readMonth(session, target);
        return {
          adjustment: adjustmentView(stored),
          target: monthSummary(
            target,
            targetState,
            targetState?.contracts ?? 0,
            await pendingCount(session, target),
          ),
        };
      });
    },

    async register(month, view) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const row = await readMonth(session, month);
        if (row === undefined || row.status === 'open')
          throw new SettlementError('month-not-approved');
        const figures = await monthFigures(session, month, row, {});
        const explained = await explainFigures(session, month, figures);
        const providers = explained.providers.filter((line) => inView(view, line.providerId));
        return {
          month,
          status: row.status,
          providers,
          totals: sumLines(providers),
          contracts: explained.contracts.filter((line) => inView(view, line.providerId)),
        };
      });
    },

    async report(request) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const groupRows = await session.query<{ document: unknown }>(
          'SELECT document FROM certificate_groups ORDER BY id',
        );
        const periods = new Map<string, { id: string; start: string; end: string }>();
        for (const groupRow of groupRows) {
          const group = certificateGroupSchema.parse(groupRow.document);
          periods.set(group.period.id, {
            id: group.period.id,
            start: group.period.start,
            end: group.period.end,
          });
        }
        const periodList = [...periods.values()].sort((a, b) =>
          a.start < b.start ? 1 : a.start > b.start ? -1 : 0,
        );
        const chosen =
          request.period === undefined
            ? (periodList.find((p) => p.start <= request.today && request.today <= p.end) ??
              periodList[0])
            : periods.get(request.period);
        if (chosen === undefined) {
          if (request.period !== undefined) throw new NotFoundError('period', request.period);
        }
        const period = chosen ?? { id: '—', start: request.today, end: request.today };
        const on =
          request.on ??
          (request.today < period.start
            ? period.start
            : request.today > period.end
              ? period.end
              : request.today);
        const certificateRows = await session.query<{ document: unknown }>(
          `SELECT c.document FROM certificates c JOIN certificate_groups g ON g.id = c.group_id
           WHERE g.period = $1 ORDER BY c.id`,
          [period.id],
        );
        const contractRows = await session.query<{ document: unknown }>(
          'SELECT document FROM financing_contracts WHERE period = $1 ORDER BY id',
          [period.id],
        );
        const programmeRows = await session.query<{ document: unknown }>(
          'SELECT document FROM financing_programmes ORDER BY id',
        );
        const providerRows = await session.query<Record<string, unknown>>(
          'SELECT id, name, kind, district FROM financing_providers ORDER BY id',
        );
        const paidRows = await session.query<{ contract_id: string; paid: string }>(
          `SELECT contract_id, sum(CASE WHEN kind = 'debit' THEN amount ELSE -amount END)::text AS paid
           FROM financing_ledger
           WHERE period = $1 AND contract_id IS NOT NULL AND kind IN ('debit', 'refund')
           GROUP BY contract_id`,
          [period.id],
        );
        const [balanceRow] = await session.query<{
          nominal: string | null;
          available: string | null;
          reserved: string | null;
          spent: string | null;
        }>(
          `SELECT sum(issued - lapsed)::text AS nominal, sum(available)::text AS available,
             sum(reserved)::text AS reserved, sum(spent)::text AS spent
           FROM certificate_balances WHERE period = $1`,
          [period.id],
        );
        const providers = providerRows.map((row) =>
          providerSchema.parse({
            id: row.id,
            name: row.name,
            kind: row.kind,
            ...(row.district === null ? {} : { district: row.district }),
          }),
        );
        const report = financingReport({
          on,
          period: period.id,
          certificates: certificateRows.map((row) => certificateSchema.parse(row.document)),
          contracts: contractRows.map((row) => contractSchema.parse(row.document)),
          programmes: programmeRows.map((row) => programmeSchema.parse(row.document)),
          providers,
          paid: new Map(paidRows.map((row) => [row.contract_id, Money.of(row.paid)])),
          ...(balanceRow?.nominal === null || balanceRow === undefined
            ? {}
            : {
                balances: {
                  nominal: Money.of(balanceRow.nominal),
                  available: Money.of(balanceRow.available ?? '0'),
                  reserved: Money.of(balanceRow.reserved ?? '0'),
                  spent: Money.of(balanceRow.spent ?? '0'),
                },
              }),
          ...(request.direction === undefined ? {} : { direction: request.direction }),
          ...(request.providerId === undefined ? {} : { providerId: request.providerId }),
        });
        return {
          on: report.on,
          period: report.period,
          periods: periodList,
          providers: providers.map((provider) => ({ id: provider.id, name: provider.name })),
          direction: report.direction ?? null,
          provider: report.providerId ?? null,
          coverage: {
            children: report.coverage.children,
            funded: report.coverage.funded,
            fundedShare: report.coverage.fundedShare,
            anyProgramme: report.coverage.anyProgramme,
            certificatesIssued: report.coverage.certificatesIssued,
            certificatesUsed: report.coverage.certificatesUsed,
            certificatesUsedShare: report.certificatesUsedShare,
          },
          balances: report.balances ?? null,
          total: report.total,
          byDirection: [...report.byDirection],
          byProvider: [...report.byProvider],
        } satisfies FinancingReportAnswer;
      });
    },
  };
}
