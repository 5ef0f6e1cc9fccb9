import { instant, ValidationError, type Instant, type LocalizedText } from '@eduset/core';
import Papa from 'papaparse';
import type { Database, SqlRow } from './database.js';

/**
 * One entry to add to the audit log: who did what, when, from where, to which records, and
 * how it ended. It holds no personal data of parents or children: the actor is a staff
 * account (or nobody signed in), the records are named by their ids only.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { NewAuditEntry } from '@eduset/adapters';
 * const entry: NewAuditEntry = {
 *   at: instant('2026-09-07T09:00:00Z'),
 *   actorAccountId: 'acc-1',
 *   actorLabel: 'Лебедева О. Н.',
 *   clientAddress: '10.0.0.7',
 *   action: 'booking.contact.read',
 *   networkId: 'udomlya',
 *   recordIds: ['b-1', 'b-2'],
 *   requestId: 'req-1',
 *   outcome: 200,
 * };
 * ```
 */
export interface NewAuditEntry {
  /** When it happened (the server's clock). */
  readonly at: Instant;
  /** The staff account, or `null` when nobody was signed in. */
  readonly actorAccountId: string | null;
  /** How the actor is shown in the log: a staff member's display name, or «аноним / anonymous». */
  readonly actorLabel: string;
  /** The client's address as the server saw it. */
  readonly clientAddress?: string;
  /** A core action (`booking.contact.read`) or a route write (`POST /api/bookings`). */
  readonly action: string;
  readonly networkId?: string;
  readonly organizationId?: string;
  readonly siteId?: string;
  /** Ids of the records read or written (bookings, certificates…). */
  readonly recordIds?: readonly string[];
  /** The server's id of the request, to find it in the server's own log. */
  readonly requestId?: string;
  /** The HTTP status of the answer. */
  readonly outcome: number;
}

/**
 * An entry as the audit log keeps it: the entry with its id (a number, as text: ids grow
 * with every entry).
 *
 * @example
 * ```ts
 * import type { AuditEntry } from '@eduset/adapters';
 * declare const entry: AuditEntry;
 * `${entry.at} ${entry.actorLabel} ${entry.action} ${entry.recordIds.join(', ')}`;
 * ```
 */
export interface AuditEntry extends Omit<NewAuditEntry, 'recordIds'> {
  readonly id: string;
  readonly recordIds: readonly string[];
}

/**
 * Which audit entries to list. `from` is inclusive and `to` exclusive; `networkId` matches
 * the entries of that network and those tied to no network (server-wide events such as a
 * refused write to an unknown address).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { AuditFilter } from '@eduset/adapters';
 * const lastWeek: AuditFilter = {
 *   from: instant('2026-09-01T00:00:00Z'),
 *   to: instant('2026-09-08T00:00:00Z'),
 *   action: 'booking.contact.read',
 * };
 * ```
 */
export interface AuditFilter {
  readonly from?: Instant;
  readonly to?: Instant;
  readonly actorAccountId?: string;
  readonly action?: string;
  readonly networkId?: string;
}

/**
 * One page of the list: at most `limit` entries (1–1000, 100 by default), after the
 * `cursor` of the previous page.
 *
 * @example
 * ```ts
 * import type { AuditPageRequest } from '@eduset/adapters';
 * const first: AuditPageRequest = { limit: 50 };
 * ```
 */
export interface AuditPageRequest {
  readonly limit?: number;
  readonly cursor?: string;
}

/**
 * A page of the audit log, newest first, and the cursor of the next page (`undefined` on
 * the last one).
 *
 * @example
 * ```ts
 * import type { AuditPage } from '@eduset/adapters';
 * declare const page: AuditPage;
 * if (page.next !== undefined) console.log('more after', page.next);
 * ```
 */
export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly next: string | undefined;
}

/**
 * The append-only audit log (migration 0009). The database refuses to change, remove or
 * truncate an entry, whoever asks.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.audit.append([
 *   { at: instant('2026-09-07T09:00:00Z'), actorAccountId: 'acc-1', actorLabel: 'Лебедева О. Н.', action: 'booking.contact.read', outcome: 200 },
 * ]);
 * (await storage.audit.list({}, { limit: 10 })).entries.length; // 1
 * ```
 */
export interface AuditStore {
  /** Adds entries, all in one statement (one round trip, all or none). */
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  /**
   * Lists entries, newest first (by time, then id), one page at a time.
   *
   * @throws ValidationError when the cursor or the limit is not valid.
   */
  list(filter?: AuditFilter, page?: AuditPageRequest): Promise<AuditPage>;
}

/** The SQLSTATE the append-only trigger raises (migration 0009). */
const APPEND_ONLY = 'EDAUD';

/**
 * Whether an error is the database refusing to change or remove an audit entry.
 *
 * @example
 * ```ts
 * import { isAuditAppendOnlyError } from '@eduset/adapters';
 * isAuditAppendOnlyError(new Error('boom')); // false
 * ```
 */
export function isAuditAppendOnlyError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === APPEND_ONLY
  );
}

/** The default and largest page sizes of {@link AuditStore.list}. */
const defaultLimit = 100;
const maxLimit = 1000;

interface AuditRow extends SqlRow {
  id: string;
  at: unknown;
  actor_account_id: string | null;
  actor_label: string;
  client_address: string | null;
  action: string;
  network_id: string | null;
  organization_id: string | null;
  site_id: string | null;
  record_ids: unknown;
  request_id: string | null;
  outcome: number;
}

function invalid(path: string, message: LocalizedText): ValidationError {
  return new ValidationError([{ path: [path], code: 'custom', message }]);
}

/** A page cursor: the time and id of the last entry shown, base64url of `at|id`. */
function encodeCursor(at: Instant, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: Instant; id: string } {
  const bad = invalid('cursor', {
    ru: 'Неверная ссылка на страницу журнала; начните с первой страницы',
    en: 'The page link is not valid; start from the first page',
  });
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (at === undefined || id === undefined || rest.length > 0 || !/^\d{1,19}$/.test(id)) throw bad;
  try {
    return { at: instant(at), id };
  } catch {
    throw bad;
  }
}

function toInstant(value: unknown): Instant {
  if (value instanceof Date || typeof value === 'string') return instant(value);
  throw new TypeError(`Ожидалась дата / Expected a timestamp, got ${typeof value}`);
}

/** A `text[]` as the drivers return it: an array, or PostgreSQL's text form `{a,b}`. */
function toTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{') && value.endsWith('}')) {
    const inner = value.slice(1, -1);
    return inner === '' ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
  }
  return [];
}

function entryOfRow(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: toInstant(row.at),
    actorAccountId: row.actor_account_id,
    actorLabel: row.actor_label,
    ...(row.client_address === null ? {} : { clientAddress: row.client_address }),
    action: row.action,
    ...(row.network_id === null ? {} : { networkId: row.network_id }),
    ...(row.organization_id === null ? {} : { organizationId: row.organization_id }),
    ...(row.site_id === null ? {} : { siteId: row.site_id }),
    recordIds: toTextArray(row.record_ids),
    ...(row.request_id === null ? {} : { requestId: row.request_id }),
    outcome: Number(row.outcome),
  };
}

/**
 * The audit log over a database (PGlite or a PostgreSQL server) migrated to version 9.
 * Internal: `openStorage` offers it as `storage.audit`.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const { entries } = await storage.audit.list({ action: 'audit.read' });
 * ```
 */
export function auditStore(database: Database): AuditStore {
  return {
    async append(entries) {
      if (entries.length === 0) return;
      // One statement for the whole batch: the entries travel as one JSON parameter, read in
      // their order (no sort: a sort above the scan would draw the ids before ordering).
      const rows = entries.map((entry) => ({
        at: entry.at,
        actor_account_id: entry.actorAccountId,
        actor_label: entry.actorLabel,
        client_address: entry.clientAddress ?? null,
        action: entry.action,
        network_id: entry.networkId ?? null,
        organization_id: entry.organizationId ?? null,
        site_id: entry.siteId ?? null,
        record_ids: [...(entry.recordIds ?? [])],
        request_id: entry.requestId ?? null,
        outcome: entry.outcome,
      }));
      await database.query(
        `INSERT INTO audit_log (at, actor_account_id, actor_label, client_address, action,
           network_id, organization_id, site_id, record_ids, request_id, outcome)
         SELECT (e ->> 'at')::timestamptz, e ->> 'actor_account_id', e ->> 'actor_label',
           e ->> 'client_address', e ->> 'action', e ->> 'network_id', e ->> 'organization_id',
           e ->> 'site_id', ARRAY(SELECT jsonb_array_elements_text(e -> 'record_ids')),
           e ->> 'request_id', (e ->> 'outcome')::integer
         FROM jsonb_array_elements($1::jsonb) AS entries(e)`,
        [JSON.stringify(rows)],
      );
    },

    async list(filter = {}, page = {}) {
      const limit = page.limit ?? defaultLimit;
      if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
        throw invalid('limit', {
          ru: `Размер страницы — целое число от 1 до ${maxLimit}`,
          en: `The page size is a whole number from 1 to ${maxLimit}`,
        });
      }
      const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const rows = await database.query<AuditRow>(
        `SELECT id::text AS id, at, actor_account_id, actor_label, client_address, action,
           network_id, organization_id, site_id, record_ids, request_id, outcome
         FROM audit_log
         WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)
           AND ($2::timestamptz IS NULL OR at < $2::timestamptz)
           AND ($3::text IS NULL OR actor_account_id = $3)
           AND ($4::text IS NULL OR action = $4)
           AND ($5::text IS NULL OR network_id = $5 OR network_id IS NULL)
           AND ($6::timestamptz IS NULL OR (at, id) < ($6::timestamptz, $7::bigint))
         ORDER BY audit_log.at DESC, audit_log.id DESC
         LIMIT $8`,
        [
          filter.from ?? null,
          filter.to ?? null,
          filter.actorAccountId ?? null,
          filter.action ?? null,
          filter.networkId ?? null,
          after?.at ?? null,
          after?.id ?? null,
          limit + 1,
        ],
      );
      const entries = rows.slice(0, limit).map(entryOfRow);
      const last = entries.at(-1);
      const next =
        rows.length > limit && last !== undefined ? encodeCursor(last.at, last.id) : undefined;
      return { entries, next };
    },
  };
}

/** The columns of the CSV export, with their headings (Russian / English). */
const csvColumns: readonly (readonly [keyof AuditEntry, string])[] = [
  ['id', '№ / No.'],
  ['at', 'Время (UTC) / Time (UTC)'],
  ['actorLabel', 'Кто / Who'],
  ['actorAccountId', 'Учётная запись / Account'],
  ['clientAddress', 'Адрес / Address'],
  ['action', 'Действие / Action'],
  ['networkId', 'Сеть / Network'],
  ['organizationId', 'Организация / Organization'],
  ['siteId', 'Площадка / Site'],
  ['recordIds', 'Записи / Records'],
  ['requestId', 'Запрос / Request'],
  ['outcome', 'Ответ / Outcome'],
];

/**
 * Audit entries as CSV: `;`-separated, UTF-8 with a BOM (as Russian Excel opens it), one line
 * per entry; record ids joined with spaces. Cells that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@` …) are escaped.
 *
 * @example
 * ```ts
 * import { auditCsv, type AuditEntry } from '@eduset/adapters';
 * declare const entries: AuditEntry[];
 * const text = auditCsv(entries); // '\ufeff№ / No.;Время (UTC) / Time (UTC);…'
 * ```
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) =>
    csvColumns.map(([key]) => {
      const value = entry[key];
      if (Array.isArray(value)) return value.join(' ');
      return value === undefined || value === null ? '' : String(value);
    }),
  );
  const text = Papa.unparse(
    { fields: csvColumns.map(([, heading]) => heading), data: rows },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  return `\ufeff${text}\r\n`;
}
