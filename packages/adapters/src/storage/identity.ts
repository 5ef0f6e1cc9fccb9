import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  ConflictError,
  grantSchema,
  instant,
  NotFoundError,
  parse,
  ValidationError,
  type Grant,
  type Instant,
} from '@eduset/core';
import { z } from 'zod';
import type { Database, SqlParam, SqlSession } from './database.js';

const UNIQUE_VIOLATION = '23505';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A staff account as the identity storage answers it. Secrets (the password hash) are not
 * part of it; {@link AccountWithPassword} carries the hash for the sign-in check only.
 *
 * @example
 * ```ts
 * import type { Account } from '@eduset/adapters';
 * declare const account: Account;
 * account.grants.map((grant) => grant.role);
 * ```
 */
export interface Account {
  readonly id: string;
  /** The sign-in name, unique whatever the case. */
  readonly login: string;
  /** The name shown to the person and in the audit log. */
  readonly displayName: string;
  /** Whether a password is set (an invited account has none until the invitation is used). */
  readonly hasPassword: boolean;
  /** The OpenID Connect identity this account is bound to, if any. */
  readonly oidc?: { readonly issuer: string; readonly subject: string };
  /** When the account was disabled; a disabled account cannot sign in. */
  readonly disabledAt?: Instant;
  /** The work e-mail reminders are sent to (migration 0036), if one is set. */
  readonly email?: string;
  readonly createdAt: Instant;
  /** Core grants: roles and where they apply. */
  readonly grants: readonly Grant[];
}

/**
 * An account with its password hash (argon2id PHC string), for the sign-in check.
 *
 * @example
 * ```ts
 * import type { AccountWithPassword } from '@eduset/adapters';
 * declare const account: AccountWithPassword;
 * account.passwordHash?.startsWith('$argon2id$');
 * ```
 */
export interface AccountWithPassword extends Account {
  readonly passwordHash: string | undefined;
}

/**
 * What a new account is made of.
 *
 * @example
 * ```ts
 * import type { NewAccount } from '@eduset/adapters';
 * const account: NewAccount = {
 *   login: 'ivanova',
 *   displayName: 'Иванова Мария Петровна',
 *   grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' }],
 * };
 * ```
 */
export interface NewAccount {
  readonly login: string;
  readonly displayName: string;
  /** An argon2id hash made by the caller; none for an invited or OIDC account. */
  readonly passwordHash?: string;
  readonly oidc?: { readonly issuer: string; readonly subject: string };
  readonly grants?: readonly Grant[];
  /** The work e-mail for reminders. */
  readonly email?: string;
}

/**
 * A session as stored: the token itself is never stored, only its SHA-256.
 *
 * @example
 * ```ts
 * import type { StoredSession } from '@eduset/adapters';
 * declare const session: StoredSession;
 * session.expiresAt; // the absolute timeout
 * ```
 */
export interface StoredSession {
  readonly id: string;
  readonly accountId: string;
  readonly createdAt: Instant;
  readonly lastSeenAt: Instant;
  /** The absolute timeout: the session ends then, however active. */
  readonly expiresAt: Instant;
}

/**
 * A live session with its account, as a request's session lookup finds it.
 *
 * @example
 * ```ts
 * import type { ActiveSession } from '@eduset/adapters';
 * declare const active: ActiveSession;
 * active.account.displayName;
 * ```
 */
export interface ActiveSession {
  readonly session: StoredSession;
  readonly account: Account;
}

/**
 * A new secret token (session or invitation) with what was stored for it. The token is
 * shown once, to whoever receives it; the storage keeps only its hash.
 *
 * @example
 * ```ts
 * import type { IssuedToken, StoredSession } from '@eduset/adapters';
 * declare const issued: IssuedToken<StoredSession>;
 * issued.token.length; // 43 (32 random bytes, base64url)
 * ```
 */
export interface IssuedToken<T> {
  readonly token: string;
  readonly record: T;
}

/**
 * An invitation: a one-time link that lets a person set her password.
 *
 * @example
 * ```ts
 * import type { Invitation } from '@eduset/adapters';
 * declare const invitation: Invitation;
 * invitation.expiresAt;
 * ```
 */
export interface Invitation {
  readonly accountId: string;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
}

/**
 * Staff accounts, their grants, sessions and invitations (migration 0012). Each method is
 * one statement or one transaction; the one-time rules (an invitation used once, a session
 * revoked for good) are kept by the database, so they hold across server processes.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const now = instant(new Date());
 * const account = await storage.identity.createAccount(
 *   { login: 'coordinator', displayName: 'Координатор', grants: [{ role: 'coordinator', networkId: 'udomlya' }] },
 *   now,
 * );
 * const { token } = await storage.identity.createSession(account.id, now, 12 * 3600_000);
 * (await storage.identity.sessionByToken(token, now, 30 * 60_000))?.account.login; // 'coordinator'
 * ```
 */
export interface IdentityStore {
  /**
   * Creates an account with its grants (validated with core's `grantSchema`).
   *
   * @throws ValidationError for an empty or malformed login or name, or an invalid grant.
   * @throws ConflictError (`login-taken`) when the login (whatever the case) or the OIDC
   *   identity is taken.
   */
  createAccount(input: NewAccount, now: Instant): Promise<Account>;
  /** The account with this login, whatever the case, with its password hash. */
  findByLogin(login: string): Promise<AccountWithPassword | undefined>;
  /** The account bound to this OpenID Connect issuer and subject. */
  findByOidcSubject(issuer: string, subject: string): Promise<Account | undefined>;
  /** The account with this id. */
  findById(id: string): Promise<Account | undefined>;
  /** Every account, ordered by login. */
  listAccounts(): Promise<Account[]>;
  /** Whether any account exists (the demo accounts are seeded only into an empty storage). */
  hasAccounts(): Promise<boolean>;
  /**
   * Sets (or clears, with `undefined`) the password hash.
   *
   * @throws NotFoundError when there is no such account.
   */
  setPasswordHash(accountId: string, passwordHash: string | undefined): Promise<void>;
  /**
   * Replaces the account's grants (duplicates dropped, order kept).
   *
   * @throws ValidationError for an invalid grant; NotFoundError for no such account.
   */
  setGrants(accountId: string, grants: readonly Grant[]): Promise<Account>;
  /**
   * Changes the shown name.
   *
   * @throws NotFoundError when there is no such account.
   */
  setDisplayName(accountId: string, displayName: string): Promise<void>;
  /**
   * Sets the work e-mail reminders go to (`undefined` removes it).
   *
   * @throws ValidationError for an address that is not one; NotFoundError for no account.
   */
  setEmail(accountId: string, email: string | undefined): Promise<void>;
  /**
   * Disables the account and revokes all its sessions, in one transaction.
   *
   * @throws NotFoundError when there is no such account.
   */
  disableAccount(accountId: string, now: Instant): Promise<void>;
  /** Enables a disabled account again (its old sessions stay revoked). */
  enableAccount(accountId: string): Promise<void>;
  /**
   * Opens a session for the account that ends `lifetimeMs` after `now` at the latest; the
   * token is returned once and stored only as its SHA-256.
   */
  createSession(
    accountId: string,
    now: Instant,
    lifetimeMs: number,
  ): Promise<IssuedToken<StoredSession>>;
  /**
   * The live session with this token and its account, touched (`lastSeenAt = now`) in the
   * same statement; `undefined` when there is none, it is revoked, past its absolute
   * timeout, idle for `idleMs` or more, or its account is disabled.
   */
  sessionByToken(token: string, now: Instant, idleMs: number): Promise<ActiveSession | undefined>;
  /** Revokes the session with this token; whether a live one was revoked. */
  revokeSession(token: string, now: Instant): Promise<boolean>;
  /** Revokes every live session of the account; how many. */
  revokeAccountSessions(accountId: string, now: Instant): Promise<number>;
  /** Deletes sessions that ended (revoked or expired) before `now`; how many. */
  pruneSessions(now: Instant): Promise<number>;
  /**
   * Issues a one-time invitation for the account, valid for `lifetimeMs`.
   *
   * @throws NotFoundError when there is no such account.
   */
  createInvitation(
    accountId: string,
    now: Instant,
    lifetimeMs: number,
  ): Promise<IssuedToken<Invitation>>;
  /** The account an unused, unexpired invitation is for, without using it. */
  invitationAccount(token: string, now: Instant): Promise<Account | undefined>;
  /**
   * Uses the invitation: sets the password hash and marks it used, in one transaction. Of
   * two consumers of one token exactly one wins (the database's row lock decides); the
   * other, and any later one, gets `undefined`. The account's sessions are revoked.
   */
  consumeInvitation(
    token: string,
    passwordHash: string,
    now: Instant,
  ): Promise<Account | undefined>;
}

/** The hex SHA-256 of a token: what the tables keep instead of the token. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: 256 bits, as OWASP asks for at least 64. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const loginSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._@+-]+$/u, {
    message: 'letters, digits and . _ @ + - only',
  });
const displayNameSchema = z.string().trim().min(1).max(200);
/** A work e-mail as the outbox can use it (the database checks the same shape). */
const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email()
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);

const newAccountSchema = z.object({
  login: loginSchema,
  displayName: displayNameSchema,
  passwordHash: z.string().min(1).optional(),
  oidc: z.object({ issuer: z.string().min(1), subject: z.string().min(1) }).optional(),
  grants: z.array(grantSchema).max(100).optional(),
  email: emailSchema.optional(),
});

function validGrants(grants: readonly Grant[]): Grant[] {
  const valid = parse(z.array(grantSchema).max(100), grants) as Grant[];
  const seen = new Set<string>();
  return valid.filter((grant) => {
    const key = grantKey(grant);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function grantKey(grant: Grant): string {
  return JSON.stringify([
    grant.role,
    grant.networkId,
    grant.organizationId ?? null,
    grant.siteId ?? null,
    grant.specialistId ?? null,
    grant.teacherId ?? null,
  ]);
}

interface GrantJson {
  role: string;
  network_id: string;
  organization_id: string | null;
  site_id: string | null;
  specialist_id: string | null;
  teacher_id: string | null;
}

interface AccountRow extends Record<string, unknown> {
  id: string;
  login: string;
  display_name: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled_at: Date | string | null;
  email?: string | null;
  created_at: Date | string;
  grants: GrantJson[] | string | null;
}

interface SessionRow extends AccountRow {
  session_id: string;
  session_created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
}

/** The account columns with the grants as one JSON array, ordered. */
const accountColumns = `
  a.id, a.login, a.display_name, a.password_hash, a.oidc_issuer, a.oidc_subject,
  a.disabled_at, a.email, a.created_at,
  COALESCE((
    SELECT json_agg(json_build_object(
      'role', g.role, 'network_id', g.network_id, 'organization_id', g.organization_id,
      'site_id', g.site_id, 'specialist_id', g.specialist_id, 'teacher_id', g.teacher_id
    ) ORDER BY g.position)
    FROM account_grants g WHERE g.account_id = a.id
  ), '[]'::json) AS grants`;

/** A stored grant, read back through core's `grantSchema`: a hand-edited row cannot pass. */
function grantOf(row: GrantJson): Grant | undefined {
  const grant: Record<string, string> = { role: row.role, networkId: row.network_id };
  if (row.organization_id !== null) grant.organizationId = row.organization_id;
  if (row.site_id !== null) grant.siteId = row.site_id;
  if (row.specialist_id !== null) grant.specialistId = row.specialist_id;
  if (row.teacher_id !== null) grant.teacherId = row.teacher_id;
  const checked = grantSchema.safeParse(grant);
  return checked.success ? Object.freeze(checked.data) : undefined;
}

function accountOf(row: AccountRow): Account {
  const rawGrants: GrantJson[] =
    typeof row.grants === 'string' ? (JSON.parse(row.grants) as GrantJson[]) : (row.grants ?? []);
  const grants = rawGrants.map(grantOf).filter((grant): grant is Grant => grant !== undefined);
  return Object.freeze({
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    hasPassword: row.password_hash !== null,
    ...(row.oidc_issuer !== null && row.oidc_subject !== null
      ? { oidc: Object.freeze({ issuer: row.oidc_issuer, subject: row.oidc_subject }) }
      : {}),
    ...(row.disabled_at !== null ? { disabledAt: instant(row.disabled_at) } : {}),
    ...(typeof row.email === 'string' ? { email: row.email } : {}),
    createdAt: instant(row.created_at),
    grants: Object.freeze(grants),
  });
}

async function writeGrants(
  session: SqlSession,
  accountId: string,
  grants: readonly Grant[],
): Promise<void> {
  await session.query('DELETE FROM account_grants WHERE account_id = $1', [accountId]);
  let position = 0;
  for (const grant of grants) {
    await session.query(
      `INSERT INTO account_grants (account_id, position, role, network_id, organization_id,
         site_id, specialist_id, teacher_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        accountId,
        position,
        grant.role,
        grant.networkId,
        grant.organizationId ?? null,
        grant.siteId ?? null,
        grant.specialistId ?? null,
        grant.teacherId ?? null,
      ],
    );
    position += 1;
  }
}

async function readAccount(
  session: SqlSession,
  where: string,
  params: readonly SqlParam[],
): Promise<AccountRow | undefined> {
  const [row] = await session.query<AccountRow>(
    `SELECT ${accountColumns} FROM accounts a WHERE ${where}`,
    params,
  );
  return row;
}

function loginTaken(login: string): ConflictError {
  return new ConflictError('login-taken', {
    ru: `Учётная запись «${login}» уже есть`,
    en: `The account "${login}" already exists`,
  });
}

function checkLifetime(lifetimeMs: number): void {
  if (!Number.isSafeInteger(lifetimeMs) || lifetimeMs < 1) {
    throw new RangeError(`lifetime of ${lifetimeMs} ms`);
  }
}

/** Whether a token is worth looking up: not empty, not longer than any we issue. */
function plausibleToken(token: string): boolean {
  return token !== '' && token.length <= 200;
}

function plus(now: Instant, ms: number): Instant {
  return instant(new Date(Date.parse(now) + ms));
}

/** The identity storage over a database. */
export function identityStore(database: Database): IdentityStore {
  const mustExist = async (session: SqlSession, accountId: string): Promise<void> => {
    const rows = await session.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [
      accountId,
    ]);
    if (rows.length === 0) throw new NotFoundError('account', accountId);
  };
  /** Runs a statement that returns the rows it touched; NotFoundError when it touched none. */
  const touchAccount = async (
    sql: string,
    params: readonly SqlParam[],
    accountId: string,
  ): Promise<void> => {
    const rows = await database.query(sql, params);
    if (rows.length === 0) throw new NotFoundError('account', accountId);
  };
  /** Revokes the live sessions of the account, inside the caller's transaction. */
  const revokeLiveSessions = async (session: SqlSession, accountId: string, now: Instant) => {
    await session.query(
      'UPDATE sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL',
      [accountId, now],
    );
  };

  const store: IdentityStore = {
    async createAccount(input, now) {
      const valid = parse(newAccountSchema, input);
      const grants = validGrants(valid.grants ?? []);
      const id = randomUUID();
      try {
        return await database.transaction(async (session) => {
          await session.query(
            `INSERT INTO accounts (id, login, display_name, password_hash, oidc_issuer,
               oidc_subject, created_at, email) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              id,
              valid.login,
              valid.displayName,
              valid.passwordHash ?? null,
              valid.oidc?.issuer ?? null,
              valid.oidc?.subject ?? null,
              now,
              valid.email ?? null,
            ],
          );
          await writeGrants(session, id, grants);
          const row = await readAccount(session, 'a.id = $1', [id]);
          if (row === undefined) throw new Error('account not read back');
          return accountOf(row);
        });
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) throw loginTaken(valid.login);
        throw error;
      }
    },

    async findByLogin(login) {
      const row = await readAccount(database, 'lower(a.login) = lower($1)', [login.trim()]);
      return row === undefined
        ? undefined
        : Object.freeze({ ...accountOf(row), passwordHash: row.password_hash ?? undefined });
    },

    async findByOidcSubject(issuer, subject) {
      const row = await readAccount(database, 'a.oidc_issuer = $1 AND a.oidc_subject = $2', [
        issuer,
        subject,
      ]);
      return row === undefined ? undefined : accountOf(row);
    },

    async findById(id) {
      const row = await readAccount(database, 'a.id = $1', [id]);
      return row === undefined ? undefined : accountOf(row);
    },

    async listAccounts() {
      const rows = await database.query<AccountRow>(
        `SELECT ${accountColumns} FROM accounts a ORDER BY lower(a.login)`,
      );
      return rows.map(accountOf);
    },

    async hasAccounts() {
      const rows = await database.query('SELECT 1 FROM accounts LIMIT 1');
      return rows.length > 0;
    },

    async setPasswordHash(accountId, passwordHash) {
      await touchAccount(
        'UPDATE accounts SET password_hash = $2 WHERE id = $1 RETURNING id',
        [accountId, passwordHash ?? null],
        accountId,
      );
    },

    async setGrants(accountId, grants) {
      const valid = validGrants(grants);
      return database.transaction(async (session) => {
        await mustExist(session, accountId);
        await writeGrants(session, accountId, valid);
        const row = await readAccount(session, 'a.id = $1', [accountId]);
        if (row === undefined) throw new NotFoundError('account', accountId);
        return accountOf(row);
      });
    },

    async setEmail(accountId, email) {
      const valid = email === undefined ? null : parse(emailSchema, email);
      await touchAccount(
        'UPDATE accounts SET email = $2 WHERE id = $1 RETURNING id',
        [accountId, valid],
        accountId,
      );
    },

    async setDisplayName(accountId, displayName) {
      const name = parse(displayNameSchema, displayName);
      await touchAccount(
        'UPDATE accounts SET display_name = $2 WHERE id = $1 RETURNING id',
        [accountId, name],
        accountId,
      );
    },

    async disableAccount(accountId, now) {
      await database.transaction(async (session) => {
        const rows = await session.query(
          'UPDATE accounts SET disabled_at = COALESCE(disabled_at, $2) WHERE id = $1 RETURNING id',
          [accountId, now],
        );
        if (rows.length === 0) throw new NotFoundError('account', accountId);
        await revokeLiveSessions(session, accountId, now);
      });
    },

    async enableAccount(accountId) {
      await touchAccount(
        'UPDATE accounts SET disabled_at = NULL WHERE id = $1 RETURNING id',
        [accountId],
        accountId,
      );
    },

    async createSession(accountId, now, lifetimeMs) {
      checkLifetime(lifetimeMs);
      const token = newToken();
      const record: StoredSession = Object.freeze({
        id: randomUUID(),
        accountId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: plus(now, lifetimeMs),
      });
      await touchAccount(
        `INSERT INTO sessions (id, token_hash, account_id, created_at, last_seen_at, expires_at)
         SELECT $1, $2, a.id, $4, $4, $5 FROM accounts a WHERE a.id = $3 RETURNING id`,
        [record.id, tokenHash(token), accountId, now, record.expiresAt],
        accountId,
      );
      return { token, record };
    },

    async sessionByToken(token, now, idleMs) {
      if (!plausibleToken(token)) return undefined;
      checkLifetime(idleMs);
      // Look up and touch in one statement: a session idle too long, past its end, revoked
      // or of a disabled account matches nothing and is not touched.
      const [row] = await database.query<SessionRow>(
        `WITH touched AS (
           UPDATE sessions s SET last_seen_at = $2
           FROM accounts a
           WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
             AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3 / 1000.0)
             AND a.id = s.account_id AND a.disabled_at IS NULL
           RETURNING s.id AS session_id, s.account_id, s.created_at AS session_created_at,
             s.last_seen_at, s.expires_at
         )
         SELECT t.session_id, t.session_created_at, t.last_seen_at, t.expires_at, ${accountColumns}
         FROM touched t JOIN accounts a ON a.id = t.account_id`,
        [tokenHash(token), now, idleMs],
        { prepared: 'eduset_session_by_token' },
      );
      if (row === undefined) return undefined;
      const account = accountOf(row);
      return Object.freeze({
        account,
        session: Object.freeze({
          id: row.session_id,
          accountId: account.id,
          createdAt: instant(row.session_created_at),
          lastSeenAt: instant(row.last_seen_at),
          expiresAt: instant(row.expires_at),
        }),
      });
    },

    async revokeSession(token, now) {
      const rows = await database.query(
        `UPDATE sessions SET revoked_at = $2
         WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id`,
        [tokenHash(token), now],
      );
      return rows.length > 0;
    },

    async revokeAccountSessions(accountId, now) {
      const rows = await database.query(
        `UPDATE sessions SET revoked_at = $2
         WHERE account_id = $1 AND revoked_at IS NULL RETURNING id`,
        [accountId, now],
      );
      return rows.length;
    },

    async pruneSessions(now) {
      const rows = await database.query(
        'DELETE FROM sessions WHERE expires_at <= $1 OR revoked_at <= $1 RETURNING id',
        [now],
      );
      return rows.length;
    },

    async createInvitation(accountId, now, lifetimeMs) {
      checkLifetime(lifetimeMs);
      const token = newToken();
      const record: Invitation = Object.freeze({
        accountId,
        createdAt: now,
        expiresAt: plus(now, lifetimeMs),
      });
      await touchAccount(
        `INSERT INTO invitations (token_hash, account_id, created_at, expires_at)
         SELECT $1, a.id, $3, $4 FROM accounts a WHERE a.id = $2 RETURNING account_id`,
        [tokenHash(token), accountId, now, record.expiresAt],
        accountId,
      );
      return { token, record };
    },

    async invitationAccount(token, now) {
      if (!plausibleToken(token)) return undefined;
      const row = await readAccount(
        database,
        `a.id = (SELECT i.account_id FROM invitations i WHERE i.token_hash = $1
           AND i.used_at IS NULL AND i.expires_at > $2) AND a.disabled_at IS NULL`,
        [tokenHash(token), now],
      );
      return row === undefined ? undefined : accountOf(row);
    },

    async consumeInvitation(token, passwordHash, now) {
      if (!plausibleToken(token)) return undefined;
      if (passwordHash === '') {
        throw new ValidationError([
          {
            path: ['passwordHash'],
            code: 'too_small',
            message: { ru: 'Пустой хеш пароля', en: 'Empty password hash' },
          },
        ]);
      }
      return database.transaction(async (session) => {
        // The row lock decides between concurrent consumers: the second one waits, then sees
        // used_at set and matches nothing.
        const [used] = await session.query<{ account_id: string }>(
          `UPDATE invitations i SET used_at = $2
           FROM accounts a
           WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2
             AND a.id = i.account_id AND a.disabled_at IS NULL
           RETURNING i.account_id`,
          [tokenHash(token), now],
        );
        if (used === undefined) return undefined;
        await session.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [
          used.account_id,
          passwordHash,
        ]);
        await revokeLiveSessions(session, used.account_id, now);
        const row = await readAccount(session, 'a.id = $1', [used.account_id]);
        return row === undefined ? undefined : accountOf(row);
      });
    },
  };
  return store;
}
