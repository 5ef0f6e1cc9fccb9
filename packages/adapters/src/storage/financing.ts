import {
  ConflictError,
  NotFoundError,
  advanceEntries,
  billingOptionsSchema,
  certificateGroupSchema,
  certificateSchema,
  contractSchema,
  contractStatusSchema,
  createProgrammeRegistry,
  directionSchema,
  FinancingLimitError,
  hoursExhausted,
  instant,
  instantSchema,
  isoDateSchema,
  ledgerEntrySchema,
  Money,
  financingMonthSchema,
  parse,
  paymentReport,
  programmeSchema,
  providerSchema,
  ValidationError,
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
  type LimitReason,
  type Programme,
  type ProgrammeRegistry,
  type ProviderPayment,
} from '@eduset/core';
import { z } from 'zod';
import { batched, lanes, laneKey } from './batch.js';
import type { Database, SqlSession } from './database.js';
import type { AttemptCount } from './limits.js';
import type { CertificateAttempt } from './read-replica.js';

/** SQLSTATE codes the financing storage turns into eduset errors or retries. */
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';
const LOCK_NOT_AVAILABLE = '55P03';

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

const idText = z.string().min(1).max(200);

const enrolmentInputSchema = z.object({
  contractId: idText,
  certificateId: idText,
  programmeId: idText,
  moduleId: idText,
  groupId: idText,
  requestedOn: isoDateSchema,
  start: z.optional(isoDateSchema),
  end: z.optional(isoDateSchema),
});
const applicationInputSchema = enrolmentInputSchema.omit({ certificateId: true }).extend({
  certificateNumber: z.string().max(64),
  birthDate: isoDateSchema,
  attempt: z.object({
    bucket: z.string().min(1).max(200),
    windowMs: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    max: z.number().int().min(0).max(1e6),
    now: instantSchema,
  }),
});
const balanceArgs = z.object({ certificateId: idText, period: idText });
const findArgs = z.object({ number: z.string().max(64), birthDate: isoDateSchema });
const transitionArgs = z.object({
  contractId: idText,
  to: contractStatusSchema,
  on: isoDateSchema,
});
const lapseArgs = z.object({ today: isoDateSchema, afterDays: z.number().int().min(0).max(36500) });
const terminateArgs = z.object({
  contractId: idText,
  on: isoDateSchema,
  by: z.enum(['family', 'provider']),
});
const billArgs = z.object({
  month: financingMonthSchema,
  phase: z.enum(['advance', 'settlement']),
  options: billingOptionsSchema,
});
const monthArgs = z.object({ month: financingMonthSchema });
const directionLimitsSchema = z.partialRecord(directionSchema, z.number().int().min(0).max(1e9));

/** A JSON round trip: what the database will hold (`Money` becomes a string). */
function asStored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * The document of a contract exactly as it is stored, checked against the schema every read
 * uses: the store never writes a contract it could not read back.
 */
function storedContract(contract: Contract): string {
  const document = asStored(contract);
  parse(contractSchema, document);
  return JSON.stringify(document);
}

/** A `ValidationError` of one issue, for what only the database could tell. */
function refused(
  path: readonly (string | number)[],
  code: string,
  ru: string,
  en: string,
): ValidationError {
  return new ValidationError([{ path, code, message: { ru, en } }]);
}

/** A registry that would leave fewer places or enrolments than are taken. */
function refuseBelowTaken(error: unknown): never {
  if (sqlState(error) === CHECK_VIOLATION) {
    throw refused(
      ['programmes'],
      'below_taken',
      'Мест в группе или предел зачислений программы меньше, чем уже занято',
      "A group's places or a programme's enrolment limit is below what is already taken",
    );
  }
  throw error;
}

/** Certificates of an unknown group, with a number taken, or beyond the funded places. */
function refuseCertificateConflicts(error: unknown): never {
  const state = sqlState(error);
  if (state === FOREIGN_KEY_VIOLATION) {
    throw refused(
      ['groupId'],
      'unknown_group',
      'Нет такой группы сертификатов',
      'No such certificate group',
    );
  }
  if (state === UNIQUE_VIOLATION) {
    throw new ConflictError('duplicate-number', {
      ru: 'Сертификат с таким номером уже есть',
      en: 'A certificate with this number already exists',
    });
  }
  if (state === CHECK_VIOLATION) throw new FinancingLimitError('funded-places-exhausted');
  throw error;
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
 * A family's application as the public enrolment route makes it: the certificate is named by
 * its number and the child's birth date (both must match), counted under the number's attempt
 * limit like every certificate check, and the enrolment names the programme, module and group.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { ApplicationInput } from '@eduset/adapters';
 * const input: ApplicationInput = {
 *   certificateNumber: '6800000001', birthDate: '2010-05-14',
 *   attempt: { bucket: 'certificate:6800000001', windowMs: 3_600_000, max: 5, now: instant(new Date()) },
 *   contractId: 'k1', programmeId: 'robotics', moduleId: 'm1', groupId: 'g1', requestedOn: '2017-08-25',
 * };
 * ```
 */
export interface ApplicationInput extends Omit<EnrolmentInput, 'certificateId'> {
  readonly certificateNumber: string;
  readonly birthDate: string;
  readonly attempt: CertificateAttempt;
}

/**
 * What an application came to: the attempt count on the certificate's number (as
 * `checkCertificate` counts it) and, when the pair was right and under the limit, the contract
 * requested with the certificate and its balance after the reserve. A refused enrolment (a
 * limit) is thrown as for {@link FinancingStore.enrol}.
 *
 * @example
 * ```ts
 * import type { ApplicationOutcome } from '@eduset/adapters';
 * declare const outcome: ApplicationOutcome;
 * outcome.enrolled?.contract.status; // 'requested'
 * ```
 */
export interface ApplicationOutcome {
  readonly count: AttemptCount;
  /** Absent for a wrong pair, and when the number is over its attempt limit. */
  readonly enrolled?: {
    readonly certificate: Certificate;
    readonly contract: Contract;
    readonly balance: Balance;
  };
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
  /**
   * Sets the payer's limits of funded enrolments per direction for every period that has no
   * limits of its own (the operator's desk sets a period's limits, migration 0027).
   */
  setDirectionLimits(limits: Partial<Record<Direction, number>>): Promise<void>;
  /**
   * Posts nominal movements (`issue`, `lapse`) in one transaction, all or nothing; returns
   * how many were new. Reserves, releases, debits and refunds are refused (a
   * `ValidationError`): enrolment, status changes and billing post them, keeping each
   * contract's reserve equal to its unpaid schedule, which a loose debit would break.
   */
  postEntries(entries: readonly LedgerEntry[]): Promise<number>;
  /** A certificate's stored balance in a period. */
  balance(certificateId: string, period: string): Promise<Balance>;
  /** A certificate by its number and the child's birth date (both must match). */
  findCertificate(number: string, birthDate: string): Promise<CertificateWithBalance>;
  /** Checks every limit in the database and stores the request with its reserve. */
  requestEnrolment(input: EnrolmentInput): Promise<Contract>;
  /**
   * {@link FinancingStore.requestEnrolment}, answering also the certificate's balance after
   * the reserve, read in the same statement (what the family's application shows).
   */
  enrol(input: EnrolmentInput): Promise<{ readonly contract: Contract; readonly balance: Balance }>;
  /**
   * A family's application in two statements (migration 0038): the attempt counted, the pair
   * found and everything the enrolment needs read in one, then {@link FinancingStore.enrol}'s
   * enrolment. The attempt limit is kept exactly as the certificate checks keep it (a right
   * pair does not use it up; concurrent guesses cannot slip under it).
   */
  apply(input: ApplicationInput): Promise<ApplicationOutcome>;
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

export interface BalanceRow extends Record<string, unknown> {
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

/** A balance from a row whose balance columns are null when the certificate has none yet. */
export function balanceOf(
  row: Partial<BalanceRow>,
  certificateId: string,
  period: string,
): Balance {
  if (typeof row.issued === 'string') {
    return toBalance({
      certificate_id: certificateId,
      period,
      issued: row.issued,
      lapsed: row.lapsed ?? '0',
      available: row.available ?? '0',
      reserved: row.reserved ?? '0',
      spent: row.spent ?? '0',
    });
  }
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

/**
 * The weekly hours a contract takes from a certificate whose group counts them, in hundredths
 * (`financing_enrol` takes them under the group's cap), or nothing. A contract records its
 * hours as `weeklyHours` where core computes them (issue 15 §3).
 */
function hoursOf(
  contract: Contract,
  group: CertificateGroup,
): { hours?: { cap: number; hundredths: number } } {
  const weeklyHours = (contract as Contract & { weeklyHours?: number }).weeklyHours;
  if (group.unit !== 'weekly-hours' || weeklyHours === undefined || weeklyHours <= 0) return {};
  return {
    hours: {
      cap: Math.round((group.weeklyHours ?? 0) * 100),
      hundredths: Math.round(weeklyHours * 100),
    },
  };
}

/** What an enrolment reads in one statement: certificate, group, balance and programme. */
interface EnrolmentRow extends Partial<BalanceRow> {
  document: unknown;
  group_document: string;
  funded_count: number;
  programme_document: string | null;
  /** Weekly hours already taken, in hundredths (a group counting hours, migration 0021). */
  hours_used: number | null;
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
    { prepared: 'financing-balance' },
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

/**
 * Parsed documents kept by their stored text: the same text always parses to the same value,
 * so a programme or certificate group that many applications read on the opening morning is
 * validated once, not once per application (zod's parse of a programme was the largest part
 * of an application's server work after the network: bench/enrolment-surge.bench.ts). At most
 * `max` texts are kept; the memo starts again when full.
 */
class ParsedByText<T> {
  readonly #kept = new Map<string, T>();
  readonly #parse: (document: unknown) => T;
  readonly #max: number;

  constructor(parseDocument: (document: unknown) => T, max: number) {
    this.#parse = parseDocument;
    this.#max = max;
  }

  get(text: string): T {
    const kept = this.#kept.get(text);
    if (kept !== undefined) return kept;
    const parsed = this.#parse(JSON.parse(text) as unknown);
    if (this.#kept.size >= this.#max) this.#kept.clear();
    this.#kept.set(text, parsed);
    return parsed;
  }
}

/** A store's memo of parsed certificate groups and programmes. */
interface EnrolmentDocuments {
  readonly groups: ParsedByText<CertificateGroup>;
  readonly programmes: ParsedByText<Programme>;
}

/** What core decides an enrolment from, read in one statement. */
interface EnrolmentBasis {
  readonly certificate: Certificate;
  readonly group: CertificateGroup;
  readonly programme: Programme;
  readonly balance: Balance;
  readonly fundedCount: number;
  /** Weekly hours already taken, in hundredths (a group counting hours, migration 0021). */
  readonly hoursUsed: number;
}

/** What `financing_apply_check` (migration 0038) answers in its `checked` column. */
interface AppliedRow {
  readonly hits: number;
  readonly window_end: string;
  readonly certificate?: unknown;
  readonly funded_count?: number;
  readonly hours_used?: number | null;
  readonly balance?: Partial<BalanceRow> | null;
}

/** Reads what an enrolment by a known certificate decides from, in one statement. */
async function readBasis(
  session: SqlSession,
  documents: EnrolmentDocuments,
  certificateId: string,
  programmeId: string,
): Promise<EnrolmentBasis> {
  const [row] = await session.query<EnrolmentRow>(
    `SELECT c.document, g.document::text AS group_document, g.funded_count,
            p.document::text AS programme_document, b.certificate_id, b.period,
            b.issued::text AS issued, b.lapsed::text AS lapsed,
            b.available::text AS available, b.reserved::text AS reserved,
            b.spent::text AS spent, h.used_hundredths AS hours_used
     FROM certificates c
     JOIN certificate_groups g ON g.id = c.group_id
     LEFT JOIN certificate_balances b ON b.certificate_id = c.id AND b.period = g.period
     LEFT JOIN certificate_hours h ON h.certificate_id = c.id AND h.period = g.period
     LEFT JOIN financing_programmes p ON p.id = $2
     WHERE c.id = $1`,
    [certificateId, programmeId],
    { prepared: 'financing-enrolment-read-text' },
  );
  if (!row) throw new NotFoundError('certificate', certificateId);
  if (row.programme_document === null) throw new NotFoundError('programme', programmeId);
  const certificate = parse(certificateSchema, row.document);
  const group = documents.groups.get(row.group_document);
  return {
    certificate,
    group,
    programme: documents.programmes.get(row.programme_document),
    balance: balanceOf(row, certificate.id, group.period.id),
    fundedCount: Number(row.funded_count),
    hoursUsed: Number(row.hours_used ?? 0),
  };
}

/** Core's decision on an enrolment from what was read: the contract and the database's request. */
function decideEnrolment(
  input: EnrolmentInput,
  basis: EnrolmentBasis,
): { readonly contract: Contract; readonly request: string } {
  const { certificate, group } = basis;
  const result = requestEnrolmentInCore({
    contractId: input.contractId,
    certificate,
    balance: basis.balance,
    programme: basis.programme,
    moduleId: input.moduleId,
    groupId: input.groupId,
    requestedOn: input.requestedOn,
    ...(input.start === undefined ? {} : { start: input.start }),
    ...(input.end === undefined ? {} : { end: input.end }),
    existing: [],
    certificateGroup: group,
    fundedCount: basis.fundedCount,
    ...(group.unit === 'weekly-hours' ? { weeklyHoursUsed: basis.hoursUsed / 100 } : {}),
  });
  const { contract } = result;
  const request = {
    contract: {
      id: contract.id,
      certificate_id: contract.certificateId,
      period: contract.period,
      programme_id: contract.programmeId,
      module_id: contract.moduleId,
      group_id: contract.groupId,
      provider_id: contract.providerId,
      direction: contract.direction,
      status: contract.status,
      requested_on: contract.requestedOn,
      document: JSON.parse(storedContract(contract)) as unknown,
    },
    entries: JSON.parse(entriesJson(result.entries)) as unknown,
    funded: !contract.certificate.isZero(),
    convert: result.certificate.kind !== certificate.kind,
    certificate: result.certificate,
    certificate_group_id: group.id,
    ...hoursOf(contract, group),
  };
  return { contract, request: JSON.stringify(request) };
}

/** What `financing_enrol` raised, as the eduset error a caller sees. */
function enrolmentFailure(error: unknown, contract: Contract): unknown {
  const state = sqlState(error);
  if (state === UNIQUE_VIOLATION) {
    if (constraintOf(error).includes('one_per_module'))
      return new FinancingLimitError('duplicate-module');
    return new ConflictError('duplicate-contract', {
      ru: `Договор «${contract.id}» уже существует`,
      en: `Contract "${contract.id}" already exists`,
    });
  }
  if (state === CHECK_VIOLATION) return new FinancingLimitError('insufficient-balance');
  return financingError(error);
}

/**
 * Core's decision on an enrolment from what was read, then `financing_enrol` (migration 0029)
 * taking every limit in one statement; the contract and the balance after the reserve.
 */
async function enrolOn(
  session: SqlSession,
  input: EnrolmentInput,
  basis: EnrolmentBasis,
): Promise<{ readonly contract: Contract; readonly balance: Balance }> {
  const { contract, request } = decideEnrolment(input, basis);
  let after: Partial<BalanceRow> | null | undefined;
  try {
    const [enrolled] = await session.query<{ balance: Partial<BalanceRow> | null }>(
      'SELECT financing_enrol($1::jsonb) AS balance',
      [request],
      { prepared: 'financing-enrol' },
    );
    after = enrolled?.balance;
  } catch (error) {
    throw enrolmentFailure(error, contract);
  }
  return { contract, balance: balanceOf(after ?? {}, basis.certificate.id, contract.period) };
}

/** One application's check as `financing_apply_check_many` (migration 0038) takes it. */
interface CheckItem {
  readonly bucket: string;
  readonly windowMs: number;
  readonly now: string;
  readonly max: number;
  readonly number: string;
  readonly birthDate: string;
  readonly programmeId: string;
}

/** What the check of one application answered. */
type CheckedItem = {
  readonly checked: AppliedRow;
  readonly group_document: string | null;
  readonly programme_document: string | null;
};

/** What `financing_enrol_many` (migration 0038) answered for one request. */
type EnrolledItem = {
  readonly balance: Partial<BalanceRow> | null;
  readonly state: string | null;
  readonly message: string | null;
  readonly constraint_name: string | null;
  readonly detail: string | null;
};

/** One request of a batch, with the direction that chooses its lane. */
interface EnrolItem {
  readonly request: string;
  readonly direction: string;
}

/** Rows answered with their item's index `n`, back in the items' order. */
function inItemOrder<T>(rows: readonly (T & { n: number })[], count: number): T[] {
  const ordered = new Array<T>(count);
  for (const row of rows) ordered[row.n] = row;
  return ordered;
}

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

/** SQLSTATEs raised by the financing functions of migration 0026. */
const FINANCING_LIMIT = 'EFLIM';
const DUPLICATE_ENTRY = 'EFDUP';
const STALE_BALANCE = 'EFSTL';

/** The limits the database refuses with (SQLSTATE 'EFLIM', the limit as message). */
const databaseLimits: ReadonlySet<string> = new Set<string>([
  'group-full',
  'programme-full',
  'direction-limit',
  'funded-places-exhausted',
  'hours-exhausted',
  'insufficient-balance',
  'insufficient-reserve',
]);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

function detailOf(error: unknown): string {
  const detail =
    typeof error === 'object' && error !== null && 'detail' in error ? error.detail : '';
  return typeof detail === 'string' ? detail : '';
}

/**
 * A refusal raised by the financing functions as the eduset error it stands for; any other
 * error as it is.
 */
function financingError(error: unknown): unknown {
  const state = sqlState(error);
  if (state === STALE_BALANCE) return new StaleBalance();
  if (state === FINANCING_LIMIT) {
    const limit = messageOf(error);
    if (limit === 'hours-exhausted') {
      // DETAIL is needed/left/cap in hundredths (migration 0029).
      const [needed, left, cap] = detailOf(error).split('/').map(Number);
      if ([needed, left, cap].every((n) => Number.isInteger(n))) {
        return hoursExhausted(needed as number, left as number, cap as number);
      }
    }
    if (databaseLimits.has(limit)) return new FinancingLimitError(limit as LimitReason);
  }
  if (state === DUPLICATE_ENTRY) {
    const id = messageOf(error);
    return new ConflictError('duplicate-entry', {
      ru: `Движение «${id}» уже проведено с другими данными`,
      en: `Movement "${id}" is already posted with different data`,
    });
  }
  return error;
}

/** Movements as `financing_post_entries` takes them (migration 0026). */
function entriesJson(entries: readonly LedgerEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => ({
      id: entry.id,
      certificate_id: entry.certificateId,
      period: entry.period,
      kind: entry.kind,
      amount: entry.amount.toString(),
      contract_id: entry.contractId ?? null,
      provider_id: entry.providerId ?? null,
      month: entry.month ?? null,
    })),
  );
}

/**
 * Posts movements inside the caller's transaction: each is inserted once (an id already
 * posted with the same content is skipped) and applied with a conditional UPDATE, so no part
 * of a balance can go below zero even under concurrent writers. Returns the new movements.
 *
 * One statement for all of them (`financing_post_entries`, migration 0026): the ledger is
 * partitioned by period, a period without a partition gets one first, and a movement id is
 * registered in `financing_ledger_ids`, which keeps it unique across every period.
 */
export async function postEntriesIn(
  session: SqlSession,
  entries: readonly LedgerEntry[],
): Promise<number> {
  if (entries.length === 0) return 0;
  try {
    const [row] = await session.query<{ posted: number }>(
      'SELECT financing_post_entries($1::jsonb) AS posted',
      [entriesJson(entries)],
      { prepared: 'financing-post-entries' },
    );
    return Number(row?.posted ?? 0);
  } catch (error) {
    throw financingError(error);
  }
}

/**
 * Runs `work` in a transaction — or, with `inTransaction: false`, on the database itself
 * (work of one statement is atomic on its own) — again when a balance read before changed, or
 * on a deadlock or serialization failure, up to 20 times.
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
  inTransaction = true,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return inTransaction ? await database.transaction(work) : await work(database);
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
  return parse(contractSchema, row.document);
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
    [contract.id, contract.status, storedContract(contract)],
  );
}

/** Gives back the weekly hours a contract took from a certificate counting hours. */
async function releaseHours(session: SqlSession, contract: Contract): Promise<void> {
  if (contract.weeklyHours === undefined || contract.weeklyHours === 0) return;
  await session.query(
    `UPDATE certificate_hours SET used_hundredths = used_hundredths - $3
     WHERE certificate_id = $1 AND period = $2 AND used_hundredths >= $3`,
    [contract.certificateId, contract.period, Math.round(contract.weeklyHours * 100)],
  );
}

/**
 * The direction-limit row a contract of a period counts against (`$1` the direction, `$2`
 * the period): the period's own row when it has one, else the row set without a period
 * (migration 0027; `''` sorts first).
 */
const directionLimitRow = `SELECT l.period FROM financing_direction_limits l
  WHERE l.direction = $1 AND l.period IN ($2, '') ORDER BY l.period DESC LIMIT 1`;

/**
 * Gives back the place a contract held (its weekly hours, its group's, its programme's and,
 * when the certificate paid, the direction's), inside the caller's transaction.
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
  await releaseHours(session, contract);
  await session.query('UPDATE financing_groups SET taken = taken - 1 WHERE id = $1 AND taken > 0', [
    contract.groupId,
  ]);
  await session.query(
    'UPDATE financing_programmes SET enrolments = enrolments - 1 WHERE id = $1 AND enrolments > 0',
    [contract.programmeId],
  );
  if (!contract.certificate.isZero()) {
    await session.query(
      `UPDATE financing_direction_limits SET enrolments = enrolments - 1
       WHERE direction = $1 AND period = (${directionLimitRow}) AND enrolments > 0`,
      [contract.direction, contract.period],
    );
  }
}

async function loadBillable(session: SqlSession): Promise<Contract[]> {
  const rows = await session.query<{ document: unknown }>(
    `SELECT document FROM financing_contracts WHERE status IN ('active', 'closed') ORDER BY id`,
  );
  return rows.map((row) => parse(contractSchema, row.document));
}

/**
 * The movements of a month a settlement reads: those of the billed contracts' periods only, so
 * the query reads only these periods' ledger partitions (migration 0026), however long the
 * history. `$1` is the month, `$2` the periods (a text array).
 */
export const settlementLedgerSql = `SELECT ${ledgerColumns} FROM financing_ledger
  WHERE period = ANY($2::text[]) AND month = $1 ORDER BY seq`;

async function monthLedger(
  session: SqlSession,
  month: string,
  periods?: readonly string[],
): Promise<Ledger> {
  const rows =
    periods === undefined
      ? await session.query<LedgerRow>(
          `SELECT ${ledgerColumns} FROM financing_ledger WHERE month = $1 ORDER BY seq`,
          [month],
        )
      : await session.query<LedgerRow>(settlementLedgerSql, [month, pgTextArray(periods)]);
  return { entries: rows.map(toEntry), balances: new Map() };
}

/** A text array literal (`{"2017","2018"}`) both engines take as a `text[]` parameter. */
function pgTextArray(values: readonly string[]): string {
  return `{${[...new Set(values)].map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
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
  const documents: EnrolmentDocuments = {
    groups: new ParsedByText((document) => parse(certificateGroupSchema, document), 256),
    programmes: new ParsedByText((document) => parse(programmeSchema, document), 4_096),
  };
  // Applications that arrive together are checked together and enrolled together (migration
  // 0038). PGlite runs one statement at a time: the calls of one turn of the event loop go in
  // one. On a PostgreSQL server, two lanes each running one statement at a time (as bookings
  // do, `bookings.ts`): checks by the certificate's number, so one number's counter is only
  // ever locked by one lane; enrolments by direction, so a direction's limit row — the row
  // every funded enrolment of the direction takes — is only ever locked by one lane.
  const checkMany = async (items: readonly CheckItem[]): Promise<CheckedItem[]> =>
    inItemOrder(
      await database.query<CheckedItem & { n: number }>(
        'SELECT n, checked, group_document, programme_document FROM financing_apply_check_many($1::jsonb)',
        [JSON.stringify(items)],
        { prepared: 'financing-apply-check-many' },
      ),
      items.length,
    );
  const enrolMany = async (items: readonly EnrolItem[]): Promise<EnrolledItem[]> =>
    inItemOrder(
      await database.query<EnrolledItem & { n: number }>(
        'SELECT n, balance, state, message, constraint_name, detail FROM financing_enrol_many($1::jsonb)',
        [`[${items.map((item) => item.request).join(',')}]`],
        { prepared: 'financing-enrol-many' },
      ),
      items.length,
    );
  const pglite = database.engine === 'pglite';
  const checkTogether = pglite
    ? batched(checkMany, 64)
    : lanes(checkMany, { lanes: 2, laneOf: (item) => laneKey(item.bucket), maxItems: 32 });
  const enrolTogether = pglite
    ? batched(enrolMany, 64)
    : lanes(enrolMany, { lanes: 2, laneOf: (item) => laneKey(item.direction), maxItems: 32 });

  const store: FinancingStore = {
    async saveRegistry(input) {
      const registry = createProgrammeRegistry(asStored(input));
      const groupIds = new Map<string, string>();
      registry.programmes.forEach((programme, p) => {
        programme.modules.forEach((module, m) => {
          module.groups.forEach((group, g) => {
            const owner = groupIds.get(group.id);
            if (owner !== undefined) {
              throw refused(
                ['programmes', p, 'modules', m, 'groups', g, 'id'],
                'duplicate_group',
                `Код группы «${group.id}» уже занят в программе «${owner}»`,
                `The group id "${group.id}" is already used in programme "${owner}"`,
              );
            }
            groupIds.set(group.id, programme.id);
          });
        });
      });
      const saving = database.transaction(async (session) => {
        await session.query(
          `INSERT INTO financing_providers (id, name, kind, district)
         SELECT id, name, kind, district FROM jsonb_to_recordset($1::jsonb)
           AS r(id text, name text, kind text, district text)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, district = excluded.district`,
          [JSON.stringify(registry.providers.map((p) => parse(providerSchema, p)))],
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
      await saving.catch(refuseBelowTaken);
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
          parse(providerSchema, {
            id: row.id,
            name: row.name,
            kind: row.kind,
            ...(row.district ? { district: row.district } : {}),
          }),
        ),
        programmes: programmes.map((row) => parse(programmeSchema, row.document)),
      };
    },

    async saveCertificateGroup(input) {
      const group = parse(certificateGroupSchema, asStored(input));
      try {
        await database.transaction(async (session) => {
          await session.query(
            `INSERT INTO certificate_groups (id, document, period, funded_places) VALUES ($1, $2::jsonb, $3, $4)
             ON CONFLICT (id) DO UPDATE SET document = excluded.document, period = excluded.period,
               funded_places = excluded.funded_places`,
            [group.id, JSON.stringify(group), group.period.id, group.fundedPlaces],
          );
          // A new period's ledger partition comes with its certificate group.
          await session.query('SELECT financing_ledger_partition($1)', [group.period.id]);
        });
      } catch (error) {
        if (sqlState(error) === CHECK_VIOLATION) {
          throw refused(
            ['fundedPlaces'],
            'below_funded',
            'Мест ПФ меньше, чем сертификатов ПФ в группе',
            'Fewer funded places than funded certificates in the group',
          );
        }
        throw error;
      }
    },

    async saveCertificates(input) {
      const certificates = parse(z.array(certificateSchema), asStored(input));
      const seen = new Set<string>();
      certificates.forEach((certificate, index) => {
        if (seen.has(certificate.id)) {
          throw refused(
            [index, 'id'],
            'duplicate_id',
            `Сертификат «${certificate.id}» указан дважды`,
            `Certificate "${certificate.id}" is given twice`,
          );
        }
        seen.add(certificate.id);
      });
      const saving = database.transaction(async (session) => {
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
      await saving.catch(refuseCertificateConflicts);
    },

    async setDirectionLimits(input) {
      const limits = parse(directionLimitsSchema, input);
      await database
        .transaction(async (session) => {
          for (const [direction, max] of Object.entries(limits)) {
            if (max === undefined) continue;
            await session.query(
              `INSERT INTO financing_direction_limits (period, direction, max_enrolments) VALUES ('', $1, $2)
             ON CONFLICT (period, direction) DO UPDATE SET max_enrolments = excluded.max_enrolments`,
              [direction, max],
            );
          }
        })
        .catch((error: unknown) => {
          if (sqlState(error) === CHECK_VIOLATION) {
            throw refused(
              [],
              'below_taken',
              'Предел по направленности меньше, чем уже зачислено',
              'A direction limit is below the enrolments already made',
            );
          }
          throw error;
        });
    },

    async postEntries(input) {
      const entries = parse(z.array(ledgerEntrySchema), asStored(input));
      entries.forEach((entry, index) => {
        if (entry.kind !== 'issue' && entry.kind !== 'lapse') {
          throw refused(
            [index, 'kind'],
            'contract_movement',
            'Резерв, снятие резерва, списание и возврат проводятся только заявкой, сменой статуса договора и расчётом месяца',
            'Reserves, releases, debits and refunds are posted only by a request, a contract status change and billing',
          );
        }
      });
      return retrying(database, (session) => postEntriesIn(session, entries)).catch(
        (error: unknown) => {
          if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
            throw refused(
              ['certificateId'],
              'unknown_certificate',
              'Нет такого сертификата',
              'No such certificate',
            );
          }
          throw error;
        },
      );
    },

    async balance(certificateId, period) {
      parse(balanceArgs, { certificateId, period });
      return readBalance(database, certificateId, period);
    },

    async findCertificate(number, birthDate) {
      parse(findArgs, { number, birthDate });
      // One statement: the certificate, its group and its balance in the group's period.
      const [row] = await database.query<
        { document: unknown; group_document: unknown } & Partial<BalanceRow>
      >(
        `SELECT c.document, g.document AS group_document, b.certificate_id, b.period,
                b.issued::text AS issued, b.lapsed::text AS lapsed, b.available::text AS available,
                b.reserved::text AS reserved, b.spent::text AS spent
         FROM certificates c
         JOIN certificate_groups g ON g.id = c.group_id
         LEFT JOIN certificate_balances b ON b.certificate_id = c.id AND b.period = g.period
         WHERE c.number = $1 AND c.birth_date = $2::date`,
        [number, birthDate],
        { prepared: 'financing-find-certificate' },
      );
      // One answer for a wrong number and a wrong birth date: nothing to probe.
      if (!row) throw new NotFoundError('certificate', number);
      const certificate = parse(certificateSchema, row.document);
      const group = parse(certificateGroupSchema, row.group_document);
      return { certificate, group, balance: balanceOf(row, certificate.id, group.period.id) };
    },

    async requestEnrolment(raw) {
      return (await store.enrol(raw)).contract;
    },

    enrol(raw) {
      const input = parse(enrolmentInputSchema, raw);
      // Two statements, no transaction around them: one read of everything core needs, then
      // `financing_enrol` (migration 0029), which takes every limit in one statement (each
      // conditional, so a read that went stale meanwhile is refused or read again, never
      // overrun). The counters every enrolment shares are taken last in it.
      return retrying(
        database,
        async (session) =>
          enrolOn(
            session,
            input,
            await readBasis(session, documents, input.certificateId, input.programmeId),
          ),
        false,
      );
    },

    async apply(raw) {
      const { certificateNumber, birthDate, attempt, ...rest } = parse(applicationInputSchema, raw);
      const row = await checkTogether({
        bucket: attempt.bucket,
        windowMs: attempt.windowMs,
        now: attempt.now,
        max: attempt.max,
        number: certificateNumber,
        birthDate,
        programmeId: rest.programmeId,
      });
      const { checked } = row;
      const count = { hits: Number(checked.hits), windowEnd: instant(checked.window_end) };
      if (checked.certificate === undefined || checked.certificate === null) return { count };
      if (row.programme_document === null) throw new NotFoundError('programme', rest.programmeId);
      const certificate = parse(certificateSchema, checked.certificate);
      const group = documents.groups.get(row.group_document ?? 'null');
      const input = { ...rest, certificateId: certificate.id };
      const { contract, request } = decideEnrolment(input, {
        certificate,
        group,
        programme: documents.programmes.get(row.programme_document),
        balance: balanceOf(checked.balance ?? {}, certificate.id, group.period.id),
        fundedCount: Number(checked.funded_count),
        hoursUsed: Number(checked.hours_used ?? 0),
      });
      const enrolled = await enrolTogether({ request, direction: contract.direction });
      if (enrolled.state === null) {
        const balance = balanceOf(enrolled.balance ?? {}, certificate.id, contract.period);
        return { count, enrolled: { certificate, contract, balance } };
      }
      const failure = enrolmentFailure(
        Object.assign(new Error(enrolled.message ?? ''), {
          code: enrolled.state,
          constraint: enrolled.constraint_name ?? undefined,
          detail: enrolled.detail ?? undefined,
        }),
        contract,
      );
      const transient =
        failure instanceof StaleBalance ||
        enrolled.state === DEADLOCK ||
        enrolled.state === SERIALIZATION_FAILURE ||
        enrolled.state === LOCK_NOT_AVAILABLE;
      if (!transient) throw failure;
      // What was read went stale, or the request waited too long for a lock held by another
      // batch (or was a deadlock's victim): read again and enrol alone, as `enrol` does.
      const again = await retrying(
        database,
        async (session) =>
          enrolOn(
            session,
            input,
            await readBasis(session, documents, certificate.id, input.programmeId),
          ),
        false,
      );
      return { count, enrolled: { certificate, ...again } };
    },

    async transitionContract(contractId, to, on) {
      parse(transitionArgs, { contractId, to, on });
      return retrying(database, async (session) => {
        const contract = await readContract(session, contractId, true);
        const { contract: next, entries } = transitionInCore(contract, to, on);
        await postEntriesIn(session, entries);
        if (to === 'refused' || to === 'lapsed') await freePlace(session, contract);
        if (to === 'closed') await releaseHours(session, contract);
        await writeContract(session, next);
        return next;
      });
    },

    async lapseUnconfirmed(today, afterDays) {
      parse(lapseArgs, { today, afterDays });
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

    async terminateContract(contractId, on, by) {
      parse(terminateArgs, { contractId, on, by });
      return retrying(database, async (session) => {
        const contract = await readContract(session, contractId, true);
        const billed = await session.query<LedgerRow>(
          `SELECT ${ledgerColumns} FROM financing_ledger
           WHERE certificate_id = $1 AND period = $2 AND contract_id = $3 AND month IS NOT NULL
           ORDER BY seq`,
          [contract.certificateId, contract.period, contract.id],
        );
        const { contract: next, entries } = terminateInCore(contract, on, by, {
          entries: billed.map(toEntry),
        });
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
      return rows.map((row) => parse(contractSchema, row.document));
    },

    async billMonth(month, phase, options = {}) {
      parse(billArgs, { month, phase, options });
      return retrying(database, async (session) => {
        const contracts = await loadBillable(session);
        const entries =
          phase === 'advance'
            ? advanceEntries(contracts, month, options, await monthLedger(session, month))
            : settlementEntries(
                await monthLedger(
                  session,
                  month,
                  contracts.map((contract) => contract.period),
                ),
                contracts,
                month,
                options,
              );
        return postEntriesIn(session, entries);
      });
    },

    async paymentReport(month) {
      parse(monthArgs, { month });
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
  return store;
}
