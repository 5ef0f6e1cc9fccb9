import {
  certificateGroupSchema,
  certificateHolderSchema,
  certificateSchema,
  changeCertificateStatus,
  childKey,
  contractSchema,
  convertCertificate,
  FinancingLimitError,
  Money,
  NotFoundError,
  planCertificateIssue,
  planCertificateMove,
  registryAge,
  RegistryError,
  type Certificate,
  type CertificateCard,
  type CertificateGroup,
  type CertificateGroupSummary,
  type CertificateHolderInput,
  type CertificateKind,
  type CertificateStatus,
  type CertificateStatusChange,
  type RegistryCertificate,
  type RegistryContract,
} from '@eduset/core';
import type { Database, SqlParam, SqlSession } from './database.js';
import { postEntriesIn } from './financing.js';

/**
 * What the registry's list asks for: words to find (the start of a number; with
 * `withHolders`, words of the child's name too), statuses, kinds, a group, the page, the day
 * ages are counted on, and whether the rows carry the child's name (for whom may see holders).
 *
 * @example
 * ```ts
 * import type { RegistryQuery } from '@eduset/adapters';
 * const query: RegistryQuery = { q: '6800', offset: 0, limit: 50, today: '2026-09-01', withHolders: false };
 * ```
 */
export interface RegistryQuery {
  readonly q?: string;
  readonly statuses?: readonly CertificateStatus[];
  readonly kinds?: readonly CertificateKind[];
  readonly groupId?: string;
  readonly offset: number;
  readonly limit: number;
  readonly today: string;
  readonly withHolders: boolean;
}

/**
 * What the operator's issue of a certificate names: the group, the holder's data, the day
 * and, optionally, the number (the registry gives the next free one otherwise).
 *
 * @example
 * ```ts
 * import type { IssueInput } from '@eduset/adapters';
 * const input: IssueInput = {
 *   groupId: 'michurinsk-5-18', on: '2026-09-01',
 *   holder: { childName: 'Иванов Пётр', birthDate: '2016-04-12' },
 * };
 * ```
 */
export interface IssueInput {
  readonly groupId: string;
  readonly number?: string;
  readonly holder: CertificateHolderInput;
  readonly on: string;
}

/**
 * The outcome of one registry step: the certificate as the registry shows it now, how many
 * ledger movements were posted (0 for a repeat), and for a move what lapsed and what was
 * issued.
 *
 * @example
 * ```ts
 * import type { RegistryStep } from '@eduset/adapters';
 * declare const step: RegistryStep;
 * step.certificate.status;
 * ```
 */
export interface RegistryStep {
  readonly certificate: RegistryCertificate;
  readonly posted: number;
  readonly lapsed?: Money;
  readonly issued?: Money;
}

/**
 * The operator's certificate registry over the financing tables (migrations 0003 and 0027):
 * the list and the card, issue, status changes, record ↔ funded conversion and moves between
 * financing periods. Each step is a pure core function applied under row locks in one
 * transaction; the rules several requests could break at once are kept by the database:
 * funded places (`certificate_groups.funded_count` with its CHECK, changed by conditional
 * UPDATEs), one open certificate per child (partial UNIQUE index), reserves only on funded
 * certificates (trigger), deterministic ledger ids (a repeated move posts nothing).
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.certificateRegistry.groups();
 * await storage.close();
 * ```
 */
export interface CertificateRegistryStore {
  /** A page of the registry, ordered by number, with the total. */
  list(
    query: RegistryQuery,
  ): Promise<{ readonly total: number; readonly certificates: RegistryCertificate[] }>;
  /** Every certificate group with its funded places and how many are taken. */
  groups(): Promise<CertificateGroupSummary[]>;
  /** A certificate's card: row with the child's name, holder, movements, contracts. */
  card(id: string, today: string): Promise<CertificateCard>;
  /** Issues a record certificate into a group, credits the nominal, records the holder. */
  issue(input: IssueInput): Promise<RegistryStep>;
  /** Activates, suspends, resumes or closes a certificate. */
  changeStatus(id: string, change: CertificateStatusChange, today: string): Promise<RegistryStep>;
  /** Converts a certificate between record and funded, counting funded places. */
  convert(id: string, to: CertificateKind, today: string): Promise<RegistryStep>;
  /** Moves a certificate to a group of a later period (lapse and issue in the ledger). */
  move(id: string, groupId: string, on: string): Promise<RegistryStep>;
}

const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

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
      const state = sqlState(error);
      if ((state !== DEADLOCK && state !== SERIALIZATION_FAILURE) || attempt >= 20) throw error;
    }
  }
}

interface RegistryRow extends Record<string, unknown> {
  document: unknown;
  group_document: unknown;
  issued: string | null;
  lapsed: string | null;
  available: string | null;
  reserved: string | null;
  spent: string | null;
  child_name: string | null;
}

const rowSelect = `SELECT c.document, g.document AS group_document,
    b.issued::text AS issued, b.lapsed::text AS lapsed, b.available::text AS available,
    b.reserved::text AS reserved, b.spent::text AS spent, h.child_name
  FROM certificates c
  JOIN certificate_groups g ON g.id = c.group_id
  LEFT JOIN certificate_balances b ON b.certificate_id = c.id AND b.period = g.period
  LEFT JOIN certificate_holders h ON h.certificate_id = c.id`;

function toRow(row: RegistryRow, today: string, withHolder: boolean): RegistryCertificate {
  const certificate = certificateSchema.parse(row.document);
  const group = certificateGroupSchema.parse(row.group_document);
  const money = (value: string | null) => Money.of(value ?? '0');
  const issued = money(row.issued);
  return {
    id: certificate.id,
    number: certificate.number,
    age: Math.max(0, registryAge(certificate.birthDate, today)),
    groupId: group.id,
    groupName: group.name,
    period: group.period.id,
    kind: certificate.kind,
    status: certificate.status,
    issuedOn: certificate.issuedOn,
    ...(certificate.activatedOn === undefined ? {} : { activatedOn: certificate.activatedOn }),
    ...(certificate.closedOn === undefined ? {} : { closedOn: certificate.closedOn }),
    ...(certificate.closeReason === undefined ? {} : { closeReason: certificate.closeReason }),
    balance: {
      nominal: issued.subtract(money(row.lapsed)),
      available: money(row.available),
      reserved: money(row.reserved),
      spent: money(row.spent),
    },
    ...(withHolder && row.child_name !== null ? { childName: row.child_name } : {}),
  };
}

async function readRow(
  session: SqlSession,
  id: string,
  today: string,
  withHolder = false,
): Promise<RegistryCertificate> {
  const [row] = await session.query<RegistryRow>(`${rowSelect} WHERE c.id = $1`, [id]);
  if (!row) throw new NotFoundError('certificate', id);
  return toRow(row, today, withHolder);
}

/**
 * The certificate, locked, with its group and the group's funded count. The row is locked on
 * its own and the group read after: a lock taken through a join would lose a row whose group
 * a concurrent move just changed.
 */
async function lockCertificate(
  session: SqlSession,
  id: string,
): Promise<{ certificate: Certificate; group: CertificateGroup; fundedCount: number }> {
  const [row] = await session.query<{ document: unknown }>(
    'SELECT document FROM certificates WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!row) throw new NotFoundError('certificate', id);
  const certificate = certificateSchema.parse(row.document);
  return { certificate, ...(await readGroup(session, certificate.groupId)) };
}

async function readGroup(
  session: SqlSession,
  id: string,
): Promise<{ group: CertificateGroup; fundedCount: number }> {
  const [row] = await session.query<{ document: unknown; funded_count: number }>(
    'SELECT document, funded_count FROM certificate_groups WHERE id = $1',
    [id],
  );
  if (!row) throw new NotFoundError('certificate group', id);
  return {
    group: certificateGroupSchema.parse(row.document),
    fundedCount: Number(row.funded_count),
  };
}

async function writeCertificate(session: SqlSession, certificate: Certificate): Promise<void> {
  const valid = certificateSchema.parse(JSON.parse(JSON.stringify(certificate)));
  await session.query(
    `UPDATE certificates SET group_id = $2, kind = $3, status = $4, document = $5::jsonb WHERE id = $1`,
    [valid.id, valid.groupId, valid.kind, valid.status, JSON.stringify(valid)],
  );
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The certificate registry over one database (see {@link CertificateRegistryStore}).
 *
 * @example
 * ```ts
 * import { certificateRegistryStore } from './certificate-registry.js';
 * declare const database: Parameters<typeof certificateRegistryStore>[0];
 * const registry = certificateRegistryStore(database);
 * ```
 */
export function certificateRegistryStore(database: Database): CertificateRegistryStore {
  return {
    async list(query) {
      const where: string[] = [];
      const params: SqlParam[] = [];
      const add = (value: SqlParam): string => {
        params.push(value);
        return `$${String(params.length)}`;
      };
      const q = (query.q ?? '').trim();
      if (/^\d+$/.test(q)) {
        where.push(`c.number LIKE ${add(`${likeLiteral(q)}%`)}`);
      } else if (q !== '') {
        if (!query.withHolders) return { total: 0, certificates: [] };
        for (const word of childKey(q, '').replace(/\|$/, '').split(' ')) {
          where.push(`h.child_key LIKE ${add(`%${likeLiteral(word)}%`)}`);
        }
      }
      if (query.statuses !== undefined && query.statuses.length > 0) {
        where.push(`c.status IN (${query.statuses.map((status) => add(status)).join(', ')})`);
      }
      if (query.kinds !== undefined && query.kinds.length > 0) {
        where.push(`c.kind IN (${query.kinds.map((kind) => add(kind)).join(', ')})`);
      }
      if (query.groupId !== undefined) where.push(`c.group_id = ${add(query.groupId)}`);
      const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const rows = await database.query<RegistryRow & { total: number }>(
        `${rowSelect.replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')} ${filter}
         ORDER BY c.number LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`,
        params,
      );
      let total = rows[0] === undefined ? 0 : Number(rows[0].total);
      if (rows.length === 0 && query.offset > 0) {
        const [counted] = await database.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM certificates c
           LEFT JOIN certificate_holders h ON h.certificate_id = c.id ${filter}`,
          params.slice(0, -2),
        );
        total = Number(counted?.total ?? 0);
      }
      return {
        total,
        certificates: rows.map((row) => toRow(row, query.today, query.withHolders)),
      };
    },

    async groups() {
      const rows = await database.query<{ document: unknown; funded_count: number }>(
        'SELECT document, funded_count FROM certificate_groups ORDER BY period, id',
      );
      return rows.map((row) => {
        const group = certificateGroupSchema.parse(row.document);
        return {
          id: group.id,
          name: group.name,
          period: group.period,
          nominal: group.nominal,
          fundedPlaces: group.fundedPlaces,
          fundedCount: Number(row.funded_count),
          unit: group.unit,
        };
      });
    },

    async card(id, today) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const certificate = await readRow(session, id, today, true);
        const [holderRow] = await session.query<{
          child_name: string;
          parent_name: string | null;
          phone: string | null;
          email: string | null;
          address: string | null;
          birth_date: string;
        }>(
          `SELECT h.child_name, h.parent_name, h.phone, h.email, h.address,
             to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date
           FROM certificate_holders h JOIN certificates c ON c.id = h.certificate_id
           WHERE h.certificate_id = $1`,
          [id],
        );
        const holder =
          holderRow === undefined
            ? null
            : certificateHolderSchema.parse({
                childName: holderRow.child_name,
                birthDate: holderRow.birth_date,
                ...(holderRow.parent_name === null ? {} : { parentName: holderRow.parent_name }),
                ...(holderRow.phone === null ? {} : { phone: holderRow.phone }),
                ...(holderRow.email === null ? {} : { email: holderRow.email }),
                ...(holderRow.address === null ? {} : { address: holderRow.address }),
              });
        const movements = await session.query<{
          id: string;
          period: string;
          kind: CertificateCard['movements'][number]['kind'];
          amount: string;
          contract_id: string | null;
          month: string | null;
        }>(
          `SELECT id, period, kind, amount::text AS amount, contract_id, month
           FROM financing_ledger WHERE certificate_id = $1 ORDER BY seq`,
          [id],
        );
        const contracts = await session.query<{
          document: unknown;
          programme_name: string;
          parameters_version: number | null;
          limits_version: number | null;
        }>(
          `SELECT f.document, p.name AS programme_name, v.parameters_version, v.limits_version
           FROM financing_contracts f
           JOIN financing_programmes p ON p.id = f.programme_id
           LEFT JOIN financing_contract_versions v ON v.contract_id = f.id
           WHERE f.certificate_id = $1 ORDER BY f.requested_on, f.id`,
          [id],
        );
        return {
          certificate,
          holder,
          movements: movements.map((row) => ({
            id: row.id,
            period: row.period,
            kind: row.kind,
            amount: Money.of(row.amount),
            ...(row.contract_id === null ? {} : { contractId: row.contract_id }),
            ...(row.month === null ? {} : { month: row.month }),
          })),
          contracts: contracts.map((row): RegistryContract => {
            const contract = contractSchema.parse(row.document);
            return {
              id: contract.id,
              programmeId: contract.programmeId,
              programmeName: row.programme_name,
              period: contract.period,
              status: contract.status,
              start: contract.start,
              end: contract.end,
              certificate: contract.certificate,
              family: contract.family,
              parametersVersion: row.parameters_version,
              limitsVersion: row.limits_version,
            };
          }),
        };
      });
    },

    async issue(input) {
      const holder = certificateHolderSchema.parse(input.holder);
      return retrying(database, async (session) => {
        const { group } = await readGroup(session, input.groupId);
        const key = childKey(holder.childName, holder.birthDate);
        const [open] = await session.query<{ number: string }>(
          `SELECT c.number FROM certificate_holders h JOIN certificates c ON c.id = h.certificate_id
           WHERE h.child_key = $1 AND h.open`,
          [key],
        );
        if (open !== undefined) {
          throw new RegistryError('child-has-certificate', {
            ru: `№ ${open.number}`,
            en: `No. ${open.number}`,
          });
        }
        let plan: ReturnType<typeof planCertificateIssue> | undefined;
        for (let attempt = 0; plan === undefined; attempt += 1) {
          let number = input.number;
          if (number === undefined) {
            const [next] = await session.query<{ number: string }>(
              `SELECT nextval('certificate_numbers')::text AS number`,
            );
            number = next?.number ?? '';
          }
          const candidate = planCertificateIssue(
            { id: `c-${number}`, number, birthDate: holder.birthDate, group },
            input.on,
          );
          const { certificate } = candidate;
          const inserted = await session.query(
            `INSERT INTO certificates (id, number, birth_date, group_id, kind, status, document)
             VALUES ($1, $2, $3::date, $4, $5, $6, $7::jsonb) ON CONFLICT DO NOTHING RETURNING id`,
            [
              certificate.id,
              certificate.number,
              certificate.birthDate,
              certificate.groupId,
              certificate.kind,
              certificate.status,
              JSON.stringify(certificate),
            ],
          );
          if (inserted.length > 0) plan = candidate;
          else if (input.number !== undefined || attempt >= 100) {
            throw new RegistryError('number-taken', { ru: `№ ${number}`, en: `No. ${number}` });
          }
        }
        const holderRow = await session.query(
          `INSERT INTO certificate_holders
             (certificate_id, child_name, parent_name, phone, email, address, child_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (child_key) WHERE open DO NOTHING RETURNING certificate_id`,
          [
            plan.certificate.id,
            holder.childName,
            holder.parentName ?? null,
            holder.phone ?? null,
            holder.email ?? null,
            holder.address ?? null,
            key,
          ],
        );
        if (holderRow.length === 0) throw new RegistryError('child-has-certificate');
        const posted = await postEntriesIn(session, plan.entries);
        return { certificate: await readRow(session, plan.certificate.id, input.on), posted };
      });
    },

    changeStatus(id, change, today) {
      return retrying(database, async (session) => {
        const { certificate } = await lockCertificate(session, id);
        const next = changeCertificateStatus(certificate, change);
        await writeCertificate(session, next);
        if (next.status === 'closed') {
          await session.query(
            'UPDATE certificate_holders SET open = false WHERE certificate_id = $1',
            [id],
          );
        }
        return { certificate: await readRow(session, id, today), posted: 0 };
      });
    },

    convert(id, to, today) {
      return retrying(database, async (session) => {
        const { certificate, group, fundedCount } = await lockCertificate(session, id);
        // Locking the balances waits for an enrolment reserving on this certificate right now.
        const balances = await session.query<{ reserved: string }>(
          'SELECT reserved::text AS reserved FROM certificate_balances WHERE certificate_id = $1 FOR UPDATE',
          [id],
        );
        const reserved = Money.sum(balances.map((row) => Money.of(row.reserved)));
        const conversion = convertCertificate({ certificate, group, fundedCount, reserved }, to);
        if (conversion.fundedDelta === 1) {
          const taken = await session.query(
            `UPDATE certificate_groups SET funded_count = funded_count + 1
             WHERE id = $1 AND funded_count < funded_places RETURNING id`,
            [group.id],
          );
          if (taken.length === 0) throw new FinancingLimitError('funded-places-exhausted');
        } else if (conversion.fundedDelta === -1) {
          await session.query(
            'UPDATE certificate_groups SET funded_count = funded_count - 1 WHERE id = $1 AND funded_count > 0',
            [group.id],
          );
        }
        if (conversion.fundedDelta !== 0) await writeCertificate(session, conversion.certificate);
        return { certificate: await readRow(session, id, today), posted: 0 };
      });
    },

    move(id, groupId, on) {
      return retrying(database, async (session) => {
        const { certificate, group: from } = await lockCertificate(session, id);
        const { group: to, fundedCount } = await readGroup(session, groupId);
        const [balanceRow] = await session.query<{
          issued: string;
          lapsed: string;
          available: string;
          reserved: string;
          spent: string;
        }>(
          `SELECT issued::text AS issued, lapsed::text AS lapsed, available::text AS available,
             reserved::text AS reserved, spent::text AS spent
           FROM certificate_balances WHERE certificate_id = $1 AND period = $2 FOR UPDATE`,
          [id, from.period.id],
        );
        const money = (value: string | undefined) => Money.of(value ?? '0');
        const issued = money(balanceRow?.issued);
        const lapsed = money(balanceRow?.lapsed);
        const plan = planCertificateMove(
          {
            certificate,
            from,
            to,
            toFundedCount: fundedCount,
            balance: {
              certificateId: id,
              period: from.period.id,
              issued,
              lapsed,
              nominal: issued.subtract(lapsed),
              available: money(balanceRow?.available),
              reserved: money(balanceRow?.reserved),
              spent: money(balanceRow?.spent),
            },
          },
          on,
        );
        if (!plan.moved) return { certificate: await readRow(session, id, on), posted: 0 };
        let moved = plan.certificate;
        if (plan.fundedFrom === -1) {
          await session.query(
            'UPDATE certificate_groups SET funded_count = funded_count - 1 WHERE id = $1 AND funded_count > 0',
            [from.id],
          );
        }
        if (plan.fundedTo === 1) {
          const taken = await session.query(
            `UPDATE certificate_groups SET funded_count = funded_count + 1
             WHERE id = $1 AND funded_count < funded_places RETURNING id`,
            [to.id],
          );
          // The last funded place went to another certificate meanwhile: the child queues.
          if (taken.length === 0) moved = { ...moved, kind: 'record' };
        }
        await writeCertificate(session, moved);
        const posted = await postEntriesIn(session, plan.entries);
        return {
          certificate: await readRow(session, id, on),
          posted,
          lapsed: plan.lapsed,
          issued: plan.issued,
        };
      });
    },
  };
}
