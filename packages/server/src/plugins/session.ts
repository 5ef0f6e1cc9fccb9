import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  anonymousActor,
  instant,
  type Actor,
  type Instant,
  type LocalizedText,
} from '@eduset/core';
import type { ActiveSession, IdentityStore } from '@eduset/adapters';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import type { ActorSource } from './access.js';

/**
 * The name of the session cookie. Its value is a random token (256 bits); the server keeps
 * only its SHA-256.
 *
 * @example
 * ```ts
 * import { sessionCookieName } from '@eduset/server';
 * sessionCookieName; // 'eduset_session'
 * ```
 */
export const sessionCookieName = 'eduset_session';

/**
 * The header a state-changing request made with the session carries its CSRF token in.
 *
 * @example
 * ```ts
 * import { csrfHeaderName } from '@eduset/server';
 * csrfHeaderName; // 'x-csrf-token'
 * ```
 */
export const csrfHeaderName = 'x-csrf-token';

/**
 * How long sessions live: a session unused for `idleTimeoutMs` ends, and every session ends
 * `absoluteTimeoutMs` after sign-in, however active (OWASP ASVS V3.3).
 *
 * @example
 * ```ts
 * import type { SessionOptions } from '@eduset/server';
 * const strict: SessionOptions = { idleTimeoutMs: 15 * 60_000, absoluteTimeoutMs: 8 * 3600_000 };
 * ```
 */
export interface SessionOptions {
  /** Idle timeout; 30 minutes by default. */
  readonly idleTimeoutMs?: number;
  /** Absolute timeout; 12 hours by default. */
  readonly absoluteTimeoutMs?: number;
}

/**
 * The session timeouts when nothing else is said: 30 minutes idle, 12 hours in all.
 *
 * @example
 * ```ts
 * import { defaultSessionTimeouts } from '@eduset/server';
 * defaultSessionTimeouts.idleTimeoutMs; // 1_800_000
 * ```
 */
export const defaultSessionTimeouts: Required<SessionOptions> = Object.freeze({
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 60 * 60_000,
});

/**
 * The session token in the request's `Cookie` header, read without a cookie parser;
 * `undefined` when there is none (then no database query is made at all).
 *
 * @example
 * ```ts
 * import { sessionTokenOf } from '@eduset/server';
 * import type { FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * sessionTokenOf(request); // the token, or undefined
 * ```
 */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  // The common case — a parent's booking — has no cookie at all: nothing to parse.
  if (header === undefined || !header.includes(sessionCookieName)) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== sessionCookieName) continue;
    const value = part.slice(index + 1).trim();
    // Tokens are base64url; anything else was not issued here.
    return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * The CSRF token of a session: an HMAC-SHA256 of a fixed label keyed by the session token.
 * Only who holds the session cookie can compute it, and the cookie is `HttpOnly`: a page of
 * another site can neither read the cookie nor the token (the synchronizer-token pattern,
 * with the token derived instead of stored). It changes with every new session (rotation at
 * sign-in) and needs no database read to check.
 *
 * @example
 * ```ts
 * import { csrfTokenFor } from '@eduset/server';
 * csrfTokenFor('token-from-the-cookie').length; // 43
 * ```
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('eduset-csrf-v1').digest('base64url');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const csrfText: LocalizedText = {
  ru: 'Запрос отклонён: нет или неверен CSRF-токен (заголовок x-csrf-token); обновите страницу',
  en: 'Request refused: the CSRF token (x-csrf-token header) is missing or wrong; reload the page',
};

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Checks the CSRF token of every state-changing request (POST, PUT, PATCH, DELETE) that
 * acts with the session: it carries the session cookie and its route reads who is asking
 * (an action route, or a public one with `identify`). Missing or wrong → 403, in Russian and
 * English. A public route that ignores the session (a parent's booking, the sign-in itself)
 * is not affected: the cookie gives it no authority.
 *
 * Why not `@fastify/csrf-protection`: it keeps its secret in a cookie of its own or in
 * `@fastify/session`; our sessions are rows in the database, and a token derived from the
 * session token ({@link csrfTokenFor}) is bound to the session without a second secret,
 * is checked in this one hook before any database query, and ends with the session.
 *
 * Register it before `registerAccess`, so a forged request is refused before the session is
 * looked up.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { registerAccess, registerCsrfCheck } from '@eduset/server';
 * const server = Fastify();
 * registerCsrfCheck(server);
 * registerAccess(server);
 * ```
 */
export function registerCsrfCheck(server: FastifyInstance): void {
  server.addHook('onRequest', (request, _reply, done) => {
    if (!stateChanging.has(request.method)) return done();
    const access = request.routeOptions.config.access;
    if (access === undefined || ('public' in access && access.identify !== true)) return done();
    const token = sessionTokenOf(request);
    if (token === undefined) return done();
    const given = request.headers[csrfHeaderName];
    if (typeof given !== 'string' || !sameToken(given, csrfTokenFor(token))) {
      return done(new HttpError(403, 'csrf', csrfText));
    }
    done();
  });
}

/** The session a request's actor came from, as the actor source found it. */
const sessions = new WeakMap<FastifyRequest, ActiveSession>();

/**
 * The live session the request was made with, once the actor source has looked it up
 * (routes with `{ action }` or `{ public: true, identify: true }`).
 *
 * @example
 * ```ts
 * import { sessionOf } from '@eduset/server';
 * import type { FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * sessionOf(request)?.session.expiresAt;
 * ```
 */
export function sessionOf(request: FastifyRequest): ActiveSession | undefined {
  return sessions.get(request);
}

/**
 * The real {@link ActorSource}: the session cookie → the session in the database (touched)
 * → a staff actor with the account's grants; anonymous without a cookie (no query at all),
 * or when the session is unknown, revoked, idle too long, past its absolute timeout, or its
 * account is disabled.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { createServer, sessionActorSource } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = createServer({
 *   storage,
 *   actorSource: sessionActorSource(storage.identity, { idleTimeoutMs: 15 * 60_000 }),
 * });
 * ```
 */
export function sessionActorSource(
  identity: IdentityStore,
  options: SessionOptions & { readonly now?: () => Instant } = {},
): ActorSource {
  const idle = options.idleTimeoutMs ?? defaultSessionTimeouts.idleTimeoutMs;
  const now = options.now ?? (() => instant(new Date()));
  return {
    async actorOf(request: FastifyRequest): Promise<Actor> {
      const token = sessionTokenOf(request);
      if (token === undefined) return anonymousActor;
      const active = await identity.sessionByToken(token, now(), idle);
      if (active === undefined) return anonymousActor;
      sessions.set(request, active);
      return Object.freeze({
        kind: 'staff' as const,
        accountId: active.account.id,
        displayName: active.account.displayName,
        grants: active.account.grants,
      });
    },
  };
}

/**
 * Sets the session cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other
 * site's page sends it), `Path=/`, and `Secure` when the request came over TLS
 * (`request.protocol`, which honours Fastify's `trustProxy` behind a proxy). No `Max-Age`:
 * the browser forgets it when it closes; the server ends it at the timeouts anyway.
 *
 * @example
 * ```ts
 * import { setSessionCookie } from '@eduset/server';
 * import type { FastifyReply, FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * declare const reply: FastifyReply;
 * setSessionCookie(request, reply, 'token');
 * ```
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  appendCookie(reply, `${sessionCookieName}=${token}; Path=/; HttpOnly; SameSite=Strict${secure}`);
}

/**
 * Tells the browser to forget the session cookie.
 *
 * @example
 * ```ts
 * import { clearSessionCookie } from '@eduset/server';
 * import type { FastifyReply, FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * declare const reply: FastifyReply;
 * clearSessionCookie(request, reply);
 * ```
 */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  appendCookie(
    reply,
    `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`,
  );
}

/**
 * Adds one `Set-Cookie` header, keeping those already set.
 *
 * @example
 * ```ts
 * import { appendCookie } from '@eduset/server';
 * import type { FastifyReply } from 'fastify';
 * declare const reply: FastifyReply;
 * appendCookie(reply, 'a=b; Path=/; HttpOnly');
 * ```
 */
export function appendCookie(reply: FastifyReply, cookie: string): void {
  const current = reply.getHeader('set-cookie');
  const list =
    current === undefined ? [] : Array.isArray(current) ? current.map(String) : [String(current)];
  reply.header('set-cookie', [...list, cookie]);
}

/**
 * One cookie of the request by name, or `undefined`.
 *
 * @example
 * ```ts
 * import { cookieOf } from '@eduset/server';
 * import type { FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * cookieOf(request, 'eduset_oidc');
 * ```
 */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined || !header.includes(name)) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index >= 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
