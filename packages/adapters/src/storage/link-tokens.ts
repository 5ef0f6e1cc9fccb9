import {
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import type { Database, SqlRow } from './database.js';

/**
 * What a parent's link is for: `manage` (see, cancel or move a booking — the cancel token of
 * earlier versions), `survey` (answer the short survey after a consultation), `confirm`
 * (confirm a booking by e-mail before it holds the slot).
 *
 * @example
 * ```ts
 * import type { LinkPurpose } from '@eduset/adapters/storage';
 * const purpose: LinkPurpose = 'manage';
 * ```
 */
export type LinkPurpose = 'manage' | 'survey' | 'confirm';

/**
 * The tokens of a parent's links, derived from the instance's secret (migration 0013): the
 * same purpose and id always give the same token in every process, so an e-mail sent later,
 * or a retried request, carries the link the parent was first given.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters/storage';
 * const { links } = await openStorage({ dataDir: 'memory://' });
 * const token = await links.token('manage', 'b-1');
 * await links.matches('manage', 'b-1', token); // true
 * ```
 */
export interface LinkTokens {
  /** The token of the link for `purpose` of the record `id` (22 characters, base64url). */
  token(purpose: LinkPurpose, id: string): Promise<string>;
  /** Whether `token` is the token for `purpose` of `id` (compared in constant time). */
  matches(purpose: LinkPurpose, id: string, token: string): Promise<boolean>;
}

interface SecretRow extends SqlRow {
  value: Uint8Array;
}

/** The name of the links' secret in `instance_secrets`. */
const SECRET_NAME = 'links';

/**
 * Reads (making it on first use) the instance's secret for links. Written by hand: 32 random
 * bytes and one upsert; a key-management library would add a service this does not need.
 */
async function loadSecret(database: Database): Promise<Buffer> {
  await database.query(
    `INSERT INTO instance_secrets (name, value) VALUES ($1, decode($2, 'hex')) ON CONFLICT (name) DO NOTHING`,
    [SECRET_NAME, randomBytes(32).toString('hex')],
  );
  const [row] = await database.query<SecretRow>(
    'SELECT value FROM instance_secrets WHERE name = $1',
    [SECRET_NAME],
  );
  if (row === undefined) throw new Error('the links secret could not be read');
  return Buffer.from(row.value);
}

/**
 * The instance's link secret as a key object, loaded once (again after a failure). Shared by
 * the parents' links and the students' personal timetable links (course-links.ts).
 */
export function linkSecretKey(database: Database): () => Promise<KeyObject> {
  let secret: Promise<KeyObject> | undefined;
  return () => {
    secret ??= loadSecret(database).then(createSecretKey, (error: unknown) => {
      secret = undefined; // a database that was down is asked again next time
      throw error;
    });
    return secret;
  };
}

/** HMAC-SHA-256 of `purpose:id`, the first 16 bytes as base64url (128 bits, 22 characters). */
function derive(secret: KeyObject, purpose: LinkPurpose, id: string): string {
  return createHmac('sha256', secret)
    .update(`${purpose}:${id}`, 'utf8')
    .digest()
    .toString('base64url', 0, 16);
}

/**
 * The link tokens of one database; the secret is read once, on first use.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters/storage';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const surveyLink = `/survey.html#token=${await storage.links.token('survey', 'b-1')}`;
 * ```
 */
export function linkTokens(database: Database): LinkTokens {
  // A key object made once: every booking derives its manage token with it.
  const key = linkSecretKey(database);
  return {
    async token(purpose, id) {
      return derive(await key(), purpose, id);
    },
    async matches(purpose, id, token) {
      const expected = Buffer.from(derive(await key(), purpose, id), 'utf8');
      const presented = Buffer.from(token, 'utf8');
      return expected.length === presented.length && timingSafeEqual(expected, presented);
    },
  };
}

/**
 * SHA-256 of a link token, hex: what is stored in place of the token.
 *
 * @example
 * ```ts
 * import { hashLinkToken } from '@eduset/adapters/storage';
 * hashLinkToken('abc').length; // 64
 * ```
 */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
