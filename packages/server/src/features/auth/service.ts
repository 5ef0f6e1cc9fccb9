import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import {
  ValidationError,
  type Grant,
  type Instant,
  type LocalizedText,
  type ValidationIssue,
} from '@eduset/core';
import type { Account, AttemptLimits, IdentityStore } from '@eduset/adapters';

/**
 * The argon2id parameters of password hashes: OWASP's Password Storage Cheat Sheet minimum
 * (m = 19 MiB, t = 2, p = 1). A hash records its parameters, so raising them later still
 * verifies older hashes.
 *
 * @example
 * ```ts
 * import { passwordHashOptions } from '@eduset/server';
 * passwordHashOptions.memoryCost; // 19456 (KiB)
 * ```
 */
export const passwordHashOptions = Object.freeze({
  // `Algorithm.Argon2id` is a const enum (2), which isolated modules cannot read.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/**
 * Hashes a password with argon2id ({@link passwordHashOptions}); the result is a PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$…`).
 *
 * @example
 * ```ts
 * import { hashPassword } from '@eduset/server';
 * const stored = await hashPassword('длинный пароль 2026');
 * ```
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

/**
 * Whether the password matches the hash; a malformed hash is a mismatch, not an error.
 *
 * @example
 * ```ts
 * import { hashPassword, verifyPassword } from '@eduset/server';
 * await verifyPassword(await hashPassword('длинный пароль 2026'), 'длинный пароль 2026'); // true
 * ```
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The shortest password accepted. */
const minimumPasswordLength = 12;

/**
 * What is wrong with a new password, as bilingual issues (empty when it is acceptable): at
 * least 12 characters, at most 1024, and not the login.
 *
 * @example
 * ```ts
 * import { passwordIssues } from '@eduset/server';
 * passwordIssues('short', 'ivanova').length; // 1
 * passwordIssues('ivanova-ivanova', 'ivanova-ivanova').length; // 1
 * ```
 */
export function passwordIssues(password: string, login: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const length = [...password].length;
  if (length < minimumPasswordLength) {
    issues.push({
      path: ['password'],
      code: 'password_too_short',
      message: {
        ru: `Пароль слишком короткий: нужно не меньше ${minimumPasswordLength} символов`,
        en: `The password is too short: at least ${minimumPasswordLength} characters`,
      },
    });
  }
  if (length > 1024) {
    issues.push({
      path: ['password'],
      code: 'password_too_long',
      message: {
        ru: 'Пароль слишком длинный: не больше 1024 символов',
        en: 'The password is too long: at most 1024 characters',
      },
    });
  }
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) {
    issues.push({
      path: ['password'],
      code: 'password_is_login',
      message: {
        ru: 'Пароль не должен совпадать с именем для входа',
        en: 'The password must not be the login',
      },
    });
  }
  return issues;
}

/**
 * Checks a new password ({@link passwordIssues}).
 *
 * @throws ValidationError listing every problem (a 400 from the server).
 * @example
 * ```ts
 * import { checkNewPassword } from '@eduset/server';
 * checkNewPassword('достаточно длинный', 'ivanova');
 * ```
 */
export function checkNewPassword(password: string, login: string): void {
  const issues = passwordIssues(password, login);
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      ru: 'Пароль не подходит',
      en: 'The password is not acceptable',
    });
  }
}

/**
 * How many sign-in attempts are allowed in a window, per account (counted by login, also
 * for logins that do not exist, so the limit tells nothing) and per client address.
 *
 * @example
 * ```ts
 * import type { LoginThrottle } from '@eduset/server';
 * const throttle: LoginThrottle = {
 *   perAccount: { max: 5, windowMs: 15 * 60_000 },
 *   perAddress: { max: 50, windowMs: 15 * 60_000 },
 * };
 * ```
 */
export interface LoginThrottle {
  readonly perAccount: { readonly max: number; readonly windowMs: number };
  readonly perAddress: { readonly max: number; readonly windowMs: number };
}

/**
 * The sign-in limits when nothing else is said: 5 failed attempts per account and 50
 * attempts per address in 15 minutes.
 *
 * @example
 * ```ts
 * import { defaultLoginThrottle } from '@eduset/server';
 * defaultLoginThrottle.perAccount.max; // 5
 * ```
 */
export const defaultLoginThrottle: LoginThrottle = Object.freeze({
  perAccount: Object.freeze({ max: 5, windowMs: 15 * 60_000 }),
  perAddress: Object.freeze({ max: 50, windowMs: 15 * 60_000 }),
});

/**
 * The outcome of a sign-in: a new session (its token goes into the cookie), one refusal
 * for every kind of wrong pair, or too many attempts.
 *
 * @example
 * ```ts
 * import type { SignInResult } from '@eduset/server';
 * const refused: SignInResult = { kind: 'refused' };
 * ```
 */
export type SignInResult =
  | { readonly kind: 'signed-in'; readonly token: string; readonly account: Account }
  | { readonly kind: 'refused' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/**
 * The one answer to an unknown login, a wrong password and a disabled account.
 *
 * @example
 * ```ts
 * import { signInRefusedText } from '@eduset/server';
 * signInRefusedText.en; // 'Wrong login or password'
 * ```
 */
export const signInRefusedText: LocalizedText = Object.freeze({
  ru: 'Неверное имя для входа или пароль',
  en: 'Wrong login or password',
});

/**
 * What the sign-in use cases need.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { defaultLoginThrottle, type AuthServiceOptions } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const options: AuthServiceOptions = {
 *   identity: storage.identity,
 *   limits: storage.limits,
 *   now: () => instant(new Date()),
 *   absoluteTimeoutMs: 12 * 3600_000,
 *   throttle: defaultLoginThrottle,
 * };
 * ```
 */
export interface AuthServiceOptions {
  readonly identity: IdentityStore;
  readonly limits: AttemptLimits;
  readonly now: () => Instant;
  readonly absoluteTimeoutMs: number;
  readonly throttle: LoginThrottle;
}

/**
 * The sign-in use cases, over storage and a clock.
 *
 * @example
 * ```ts
 * import { authService, type AuthServiceOptions } from '@eduset/server';
 * declare const options: AuthServiceOptions;
 * const auth = authService(options);
 * const result = await auth.signIn({ login: 'ivanova', password: '…', address: '203.0.113.7' });
 * ```
 */
export interface AuthService {
  /**
   * Checks a login and password: throttled per address and per account; the same refusal
   * (and about the same time: an unknown login is checked against a dummy hash) for an
   * unknown login, a wrong password, an account without a password and a disabled one.
   * `previousToken` (the session cookie sent with the request) is revoked first: every
   * sign-in starts a new session.
   */
  signIn(input: {
    readonly login: string;
    readonly password: string;
    readonly address: string;
    readonly previousToken?: string;
  }): Promise<SignInResult>;
  /** Opens a new session for an account already identified (OpenID Connect). */
  openSession(accountId: string, previousToken?: string): Promise<string>;
  /** Revokes the session with this token. */
  signOut(token: string): Promise<void>;
  /**
   * Sets the password with an invitation's one-time token, checking the password rules.
   *
   * @throws ValidationError for a password that breaks the rules, or an invitation that is
   *   unknown, used or expired (one answer for all three).
   */
  acceptInvitation(token: string, password: string): Promise<Account>;
}

const invitationInvalid = (): ValidationError =>
  new ValidationError(
    [
      {
        path: ['token'],
        code: 'invitation_invalid',
        message: {
          ru: 'Приглашение недействительно: оно уже использовано, устарело или ссылка неполная',
          en: 'The invitation is not valid: already used, expired, or the link is incomplete',
        },
      },
    ],
    { ru: 'Приглашение недействительно', en: 'The invitation is not valid' },
  );

function retryAfter(windowEnd: Instant, now: Instant): number {
  return Math.max(1, Math.ceil((Date.parse(windowEnd) - Date.parse(now)) / 1000));
}

/**
 * Creates the sign-in use cases ({@link AuthService}).
 *
 * @example
 * ```ts
 * import { authService, type AuthServiceOptions } from '@eduset/server';
 * declare const options: AuthServiceOptions;
 * const auth = authService(options);
 * ```
 */
export function authService(options: AuthServiceOptions): AuthService {
  const { identity, limits, now, throttle } = options;
  // A hash of a random password, made once (now, so the first unknown login is not slower
  // than the others): an unknown login costs one argon2 verify, like a known one.
  const dummy = hashPassword(randomBytes(18).toString('base64url'));
  dummy.catch(() => undefined);
  const dummyHash = () => dummy;

  const service: AuthService = {
    async signIn({ login, password, address, previousToken }) {
      const at = now();
      if (previousToken !== undefined) await identity.revokeSession(previousToken, at);
      const byAddress = await limits.hit(
        `login:address:${address}`,
        throttle.perAddress.windowMs,
        at,
      );
      if (byAddress.hits > throttle.perAddress.max) {
        return { kind: 'throttled', retryAfterSeconds: retryAfter(byAddress.windowEnd, at) };
      }
      const accountBucket = `login:account:${login.trim().toLowerCase()}`;
      const byAccount = await limits.hit(accountBucket, throttle.perAccount.windowMs, at);
      if (byAccount.hits > throttle.perAccount.max) {
        return { kind: 'throttled', retryAfterSeconds: retryAfter(byAccount.windowEnd, at) };
      }
      const account = await identity.findByLogin(login);
      const matches = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
      if (
        !matches ||
        account === undefined ||
        account.passwordHash === undefined ||
        account.disabledAt !== undefined
      ) {
        return { kind: 'refused' };
      }
      await limits.reset(accountBucket);
      const { token } = await identity.createSession(account.id, at, options.absoluteTimeoutMs);
      return { kind: 'signed-in', token, account };
    },

    async openSession(accountId, previousToken) {
      const at = now();
      if (previousToken !== undefined) await identity.revokeSession(previousToken, at);
      const { token } = await identity.createSession(accountId, at, options.absoluteTimeoutMs);
      return token;
    },

    async signOut(token) {
      await identity.revokeSession(token, now());
    },

    async acceptInvitation(token, password) {
      const at = now();
      const account = await identity.invitationAccount(token, at);
      if (account === undefined) throw invitationInvalid();
      checkNewPassword(password, account.login);
      const done = await identity.consumeInvitation(token, await hashPassword(password), at);
      if (done === undefined) throw invitationInvalid();
      return done;
    },
  };
  return service;
}

/**
 * An account as the sign-in answers it: the shown name and the grants, nothing else.
 *
 * @example
 * ```ts
 * import { publicAccount } from '@eduset/server';
 * import type { Account } from '@eduset/adapters';
 * declare const account: Account;
 * publicAccount(account).displayName;
 * ```
 */
export function publicAccount(account: Account): {
  readonly displayName: string;
  readonly grants: readonly Grant[];
} {
  return { displayName: account.displayName, grants: account.grants };
}
